//! What a text shows of a person's sex, so that `he said` and `she said` go to a person they
//! can stand for: an honorific before a mention (`Mr. Tipton`, `Ms. Cairo`), or a given name
//! that one sex holds at least 99 times in 100 in the 1990 US Census
//! (`models/given-name-genders-en.txt`, public domain; `tools/build_name_genders.py`).
//! Anything else says nothing: most names, and every name outside that list, fit both.

use std::sync::OnceLock;

use super::MentionRef;
use crate::hashing::{HashMap64, hash_str};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Male,
    Female,
}

const GENDERS: &str = include_str!("../../models/given-name-genders-en.txt");

/// The sex a personal pronoun stands for.
pub fn of_pronoun(lower: &str) -> Option<Sex> {
    match lower {
        "he" | "him" | "his" => Some(Sex::Male),
        "she" | "her" => Some(Sex::Female),
        _ => None,
    }
}

/// The sex an honorific (`Mr.`, `Mrs`, `Ms.`) gives.
pub(crate) fn of_honorific(word: &str) -> Option<Sex> {
    match word.trim_end_matches('.').to_ascii_lowercase().as_str() {
        "mr" | "sir" => Some(Sex::Male),
        "mrs" | "ms" | "miss" | "dame" => Some(Sex::Female),
        _ => None,
    }
}

/// The sex a given name (as written, `Hannah`) mostly has.
pub(crate) fn of_given_name(word: &str) -> Option<Sex> {
    static TABLE: OnceLock<HashMap64<Sex>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let rows = GENDERS.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('\t'));
        rows.filter_map(|(name, sex)| {
            let sex = match sex.trim() {
                "m" => Sex::Male,
                "f" => Sex::Female,
                _ => return None,
            };
            Some((hash_str(name), sex))
        })
        .collect()
    });
    // The table's names are capitalized: `HANNAH` in a headline is not looked up as written.
    table.get(&hash_str(word)).copied()
}

/// The sex the honorific right before byte `at` gives (`Mr.` of `Mr. Tipton`).
pub(crate) fn of_honorific_before(text: &str, at: usize) -> Option<Sex> {
    let before = text.get(..at)?.trim_end();
    of_honorific(before.rsplit(char::is_whitespace).next()?)
}

/// Whether two sexes the text shows are known and differ.
pub(crate) fn differ(a: Option<Sex>, b: Option<Sex>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a != b)
}

/// What the text shows of the sex of the person `m` mentions: an honorific right before any
/// mention of the same entity, or opening its name; else the first word of its fullest name.
pub fn of_person(text: &str, m: &MentionRef, mentions: &[MentionRef]) -> Option<Sex> {
    let mut words = m.name.split_whitespace();
    let first = words.next()?;
    mentions
        .iter()
        .filter(|o| o.entity == m.entity)
        .find_map(|other| of_honorific_before(text, other.span.start))
        .or_else(|| of_honorific(first))
        .or_else(|| words.next().and_then(|_| of_given_name(first)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(text: &str, name: &str, id: &str) -> MentionRef {
        let at = text.find(name).unwrap_or(0);
        MentionRef {
            span: at..at + name.len(),
            entity: id.into(),
            name: name.into(),
            person: true,
            kind: crate::model::EntityType::Person,
            titles: vec![],
        }
    }

    #[test]
    fn honorifics_and_given_names_tell_the_sex() {
        let text = "Kevin Hartnett met Hannah Cairo and Mr. Tipton and Jordan Lee and Paris Baguette.";
        let ms = [
            person(text, "Kevin Hartnett", "E1"),
            person(text, "Hannah Cairo", "E2"),
            person(text, "Tipton", "E3"),
            person(text, "Jordan Lee", "E4"),
        ];
        let sexes: Vec<_> = ms.iter().map(|m| of_person(text, m, &ms)).collect();
        assert_eq!(sexes, [Some(Sex::Male), Some(Sex::Female), Some(Sex::Male), None]);
    }

    #[test]
    fn a_single_word_is_not_taken_for_a_given_name() {
        // `Hannah` alone may be a surname or a place; only a first of several words counts.
        let text = "Hannah said so.";
        let ms = [person(text, "Hannah", "E1")];
        assert_eq!(of_person(text, &ms[0], &ms), None);
    }

    #[test]
    fn pronouns() {
        assert_eq!(of_pronoun("she"), Some(Sex::Female));
        assert_eq!(of_pronoun("his"), Some(Sex::Male));
        assert_eq!(of_pronoun("they"), None);
    }
}
