//! Titles of works named after the word for what they are (`her book Black Feminist Thought`,
//! `the album The Life of a Showgirl`): MISC by the guidelines. The wire-news tagger seldom tags
//! them, as their words are ordinary English words with capitals.

use std::ops::Range;

use super::{FoundMention, add_in_order};
use crate::model::EntityType;
use crate::tokens::Token;

/// Words for works that news names by title right after the word (`the novel Old Man's War`).
/// Not `show`, `app`, `game`, `report`, `guide` or `single`, which precede companies and common
/// nouns as often (`the app Strava`, `a single NVMe SSD`).
const WORK_NOUNS: &[&str] = &[
    "book", "novel", "memoir", "film", "movie", "documentary", "album", "song", "podcast", "essay", "poem", "play",
    "opera", "musical", "sitcom", "newsletter",
];

/// Words that a title keeps in lower case between its capitalised words.
const TITLE_GLUE: &[&str] =
    &["of", "the", "a", "an", "and", "in", "for", "on", "to", "with", "at", "from", "by", "&", "'s", "’s"];

/// Words that are no title's first word after a work noun (`the book I wrote`, `the film
/// It …` aside, which is too rare to read right).
const NOT_A_TITLE: &[&str] = &["I", "It", "He", "She", "We", "They", "You", "This", "That", "In", "On", "At", "By"];

/// Adds a MISC mention for each title of two words or more written in title case right after
/// a work noun (or after `called`, `titled`, `entitled` following it), within a sentence,
/// unless a mention covers all of it or runs past it; the mentions inside it give way.
pub(super) fn untagged_works(text: &str, tokens: &[Token], sents: &[Range<usize>], ms: &mut Vec<FoundMention>) {
    let word = |i: usize| tokens[i].text(text).chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'));
    let upper = |i: usize| tokens[i].text(text).starts_with(char::is_uppercase) && word(i);
    // A number goes on a title only right after a capitalised word (`Fahrenheit 451`, not
    // `War in 2005`).
    let year = |w: &str| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.bytes().all(|b| b.is_ascii_digit());
    let capital = |i: usize| {
        let w = tokens[i].text(text);
        upper(i) || (i > 0 && upper(i - 1) && w.starts_with(|c: char| c.is_ascii_digit()) && !year(w) && word(i))
    };
    let glue = |i: usize| TITLE_GLUE.contains(&tokens[i].text(text));
    let mut found = Vec::new();
    for (s, sent) in sents.iter().enumerate() {
        for at in sent.clone() {
            if !WORK_NOUNS.contains(&tokens[at].text(text)) {
                continue;
            }
            let mut start = at + 1;
            if start < sent.end && matches!(tokens[start].text(text), "called" | "titled" | "entitled") {
                start += 1;
            }
            if start >= sent.end || !capital(start) || NOT_A_TITLE.contains(&tokens[start].text(text)) {
                continue;
            }
            // The title runs over capitalised words and the glue between two of them.
            let (mut end, mut i) = (start + 1, start + 1);
            while i < sent.end && (capital(i) || glue(i)) {
                i += 1;
                if capital(i - 1) {
                    end = i;
                }
            }
            // The tagger's names inside the title are parts of it (`Black Feminist` of `Black
            // Feminist Thought`); a name that is all of it, or runs past it, stays as it is.
            let inside = |m: &FoundMention| start <= m.tokens.start && m.tokens.end <= end;
            let overlaps = |m: &FoundMention| m.tokens.start < end && start < m.tokens.end;
            let parts_only = ms.iter().filter(|m| overlaps(m)).all(|m| inside(m) && m.tokens != (start..end));
            if end - start >= 2 && parts_only {
                ms.retain(|m| !inside(m));
                let span = tokens[start].start as usize..tokens[end - 1].end as usize;
                found.push(FoundMention { span, kind: EntityType::Misc, tokens: start..end, sentence: s });
            }
        }
    }
    add_in_order(ms, found);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn works(text: &str, tagged: &[&str]) -> Vec<String> {
        let tokens = crate::tokens::tokenize(text);
        let mut ms: Vec<FoundMention> = tagged
            .iter()
            .filter_map(|name| {
                let at = text.find(name)?;
                let first = tokens.iter().position(|t| t.start as usize == at)?;
                let last = tokens.iter().position(|t| t.end as usize == at + name.len())?;
                Some(FoundMention { span: at..at + name.len(), kind: EntityType::Org, tokens: first..last + 1, sentence: 0 })
            })
            .collect();
        let sentence = 0..tokens.len();
        untagged_works(text, &tokens, std::slice::from_ref(&sentence), &mut ms);
        ms.iter().filter(|m| m.kind == EntityType::Misc).map(|m| text[m.span.clone()].to_string()).collect()
    }

    #[test]
    fn a_title_after_the_word_for_its_work_is_a_name() {
        assert_eq!(works("In her book Black Feminist Thought, she argued it.", &[]), ["Black Feminist Thought"]);
        assert_eq!(works("Swift's album The Life of a Showgirl sold well.", &[]), ["The Life of a Showgirl"]);
        assert_eq!(works("He wrote a novel called Old Man's War in 2005.", &[]), ["Old Man's War"]);
        assert_eq!(works("She reread the novel Fahrenheit 451 twice.", &[]), ["Fahrenheit 451"]);
        assert_eq!(works("The recent film Lee 2023 stars Kate Winslet.", &[]), Vec::<String>::new(), "a year");
        // Glue at the end is no part of it; one word, a pronoun or a tagged name is left alone.
        assert_eq!(works("The film Arrival of the season opened.", &[]), Vec::<String>::new(), "one word");
        assert_eq!(works("The book I wrote sold.", &[]), Vec::<String>::new());
        assert_eq!(works("The podcast Therapy for Black Girls is on.", &[]), ["Therapy for Black Girls"]);
        assert_eq!(works("The film Sony Pictures made flopped.", &["Sony Pictures"]), Vec::<String>::new());
        assert_eq!(works("In his book The Nature of Rationality, he wrote.", &["Rationality"]), ["The Nature of Rationality"]);
        assert_eq!(works("The book the Smiths Love is out.", &[]), Vec::<String>::new(), "lower case after the noun");
    }
}
