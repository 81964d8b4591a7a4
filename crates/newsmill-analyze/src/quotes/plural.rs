//! Speakers who are several people. `Biden administration officials said they were not told.
//! But they have reaffirmed …`: a `they` that speaks right after people the article describes by
//! a plural noun (`officials`, `Con Edison officials`), or after a group it names (`Chiou and
//! Howlett`), stands for them, not for the organisation named last before it, unless an
//! organisation or a group of people is named between the two.

use std::ops::Range;

use crate::model::{Entity, EntityType, Quote, TextField};

/// How many words may stand between the described speakers and the `they` that continues them.
const MAX_GAP_WORDS: usize = 60;

/// Plural nouns that do not end in `s`.
const IRREGULAR_PLURALS: &[&str] = &["people", "police", "children", "men", "women", "staff", "folk", "clergy"];

/// Gives each quote that `they` attributes the speaker of the quote before it, when that
/// speaker is several people and near enough (see the module).
pub fn they_continue_described_speakers(text: &str, quotes: &mut [Quote], entities: &[Entity]) {
    for i in 1..quotes.len() {
        let (done, rest) = quotes.split_at_mut(i);
        let q = &mut rest[0];
        let Some(they) = q.speaker.as_ref().filter(|s| is_they(text, &s.span)).map(|s| s.span.clone()) else {
            continue;
        };
        // The nearest quote before with a speaker, described before this `they`.
        let Some(prev) = done.iter().rev().filter_map(|p| p.speaker.as_ref()).find(|s| s.span.end <= they.start)
        else {
            continue;
        };
        let several = prev.members.len() > 1 || text.get(prev.span.clone()).is_some_and(ends_in_plural_noun);
        let gap = prev.span.end..they.start;
        let near = text.get(gap.clone()).is_some_and(|g| g.split_whitespace().count() <= MAX_GAP_WORDS);
        if several && near && !names_an_organisation_or_group(text, entities, &gap) {
            q.speaker = Some(prev.clone());
        }
    }
}

fn is_they(text: &str, span: &Range<usize>) -> bool {
    text.get(span.clone()).is_some_and(|t| t.trim().eq_ignore_ascii_case("they"))
}

/// Whether the phrase ends in a common noun in the plural (`officials`, `Con Edison officials`,
/// `people`); a name (`Tunisians`, `Analytics`) is not read as one.
pub(super) fn ends_in_plural_noun(phrase: &str) -> bool {
    let Some(last) = phrase.split_whitespace().last() else { return false };
    if !last.starts_with(char::is_lowercase) {
        return false;
    }
    let word = last.trim_matches(|c: char| !c.is_alphanumeric());
    if IRREGULAR_PLURALS.contains(&word) {
        return true;
    }
    let regular = word.len() > 3 && word.ends_with('s') && !["ss", "us", "is"].iter().any(|e| word.ends_with(e));
    regular && word.chars().all(char::is_alphabetic)
}

/// Whether an organisation, or two people joined by `and`, is named in the body inside `gap`:
/// either is what a `they` after it may stand for.
fn names_an_organisation_or_group(text: &str, entities: &[Entity], gap: &Range<usize>) -> bool {
    let mut people: Vec<Range<usize>> = Vec::new();
    for e in entities {
        for m in e.mentions.iter().filter(|m| m.field == TextField::Body && gap.contains(&m.span.start)) {
            match e.kind {
                EntityType::Org => return true,
                EntityType::Person => people.push(m.span.clone()),
                _ => {}
            }
        }
    }
    people.sort_by_key(|s| s.start);
    people.windows(2).any(|w| text.get(w[0].end..w[1].start).is_some_and(|between| between.trim() == "and"))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::{Mention, QuoteKind, Speaker};

    pub(in crate::quotes) fn quote(text: &str, content: &str, speaker: &str, nth: usize, entity: Option<&str>) -> Quote {
        let at = |s: &str, n: usize| text.match_indices(s).nth(n).map_or(0..0, |(i, m)| i..i + m.len());
        Quote {
            span: at(content, 0),
            kind: QuoteKind::Indirect,
            speaker: Some(Speaker {
                span: at(speaker, nth),
                entity: entity.map(str::to_string),
                name: entity.map(|_| speaker.to_string()),
                members: vec![],
            }),
            cue: None,
            continuation: vec![],
        }
    }

    pub(in crate::quotes) fn entity(text: &str, id: &str, name: &str, kind: EntityType) -> Entity {
        let mentions = text
            .match_indices(name)
            .map(|(i, m)| Mention { span: i..i + m.len(), field: TextField::Body })
            .collect();
        Entity { id: id.into(), name: name.into(), kind, titles: vec![], mentions }
    }

    fn speakers_after(text: &str, quotes: &mut [Quote], entities: &[Entity]) -> Vec<String> {
        they_continue_described_speakers(text, quotes, entities);
        quotes.iter().filter_map(|q| q.speaker.as_ref()).map(|s| text[s.span.clone()].to_string()).collect()
    }

    #[test]
    fn they_continues_people_described_without_a_name() {
        let text = "Biden administration officials said they were not told in advance by Seoul. \
                    But they have repeatedly reaffirmed the alliance with South Korea.";
        let ents = [entity(text, "E1", "Seoul", EntityType::Loc), entity(text, "E2", "South Korea", EntityType::Loc)];
        let mut quotes = [
            quote(text, "were not told", "Biden administration officials", 0, None),
            quote(text, "repeatedly reaffirmed", "they", 1, Some("E9")),
        ];
        assert_eq!(speakers_after(text, &mut quotes, &ents), ["Biden administration officials"; 2]);
        assert_eq!(quotes[1].speaker.as_ref().and_then(|s| s.entity.clone()), None);

        // The officials of a named company, and a named group, are several people too.
        let text = "Con Edison officials said the pipes were old. They said repairs would take years.";
        let ents = [entity(text, "E1", "Con Edison", EntityType::Org)];
        let mut quotes = [
            quote(text, "the pipes", "Con Edison officials", 0, Some("E1")),
            quote(text, "repairs would", "They", 0, None),
        ];
        assert_eq!(speakers_after(text, &mut quotes, &ents), ["Con Edison officials"; 2]);
        let text = "Ann Lee and Bo Chan said the data was new. They said more would follow.";
        let mut quotes = [quote(text, "the data", "Ann Lee and Bo Chan", 0, None), quote(text, "more would", "They", 0, None)];
        if let Some(s) = quotes[0].speaker.as_mut() {
            s.members = vec!["E1".into(), "E2".into()];
        }
        assert_eq!(speakers_after(text, &mut quotes, &[]), ["Ann Lee and Bo Chan"; 2]);
    }

    #[test]
    fn they_after_an_organisation_or_a_named_speaker_is_left_alone() {
        let text = "Analysts said sales would fall. Then Acme cut prices, and they said demand had recovered.";
        let ents = [entity(text, "E1", "Acme", EntityType::Org)];
        let mut quotes = [quote(text, "sales would", "Analysts", 0, None), quote(text, "demand had", "they", 0, Some("E1"))];
        assert_eq!(speakers_after(text, &mut quotes, &ents), ["Analysts", "they"]);

        let text = "Tom Lee said sales would fall. Rivals agreed, and they said demand had gone.";
        let mut quotes = [quote(text, "sales would", "Tom Lee", 0, Some("E1")), quote(text, "demand had", "they", 0, None)];
        assert_eq!(speakers_after(text, &mut quotes, &[]), ["Tom Lee", "they"]);

        // A singular description (`One of our participants … when they said`) is no plural, nor
        // is a name ending in `s`.
        let text = "One participant said it was fine. Later they said it was slow.";
        let mut quotes = [quote(text, "it was fine", "One participant", 0, None), quote(text, "it was slow", "they", 0, None)];
        assert_eq!(speakers_after(text, &mut quotes, &[]), ["One participant", "they"]);
        let text = "IoT Analytics said it was fine. Later they said it was slow.";
        let mut quotes = [quote(text, "it was fine", "IoT Analytics", 0, None), quote(text, "it was slow", "they", 0, None)];
        assert_eq!(speakers_after(text, &mut quotes, &[]), ["IoT Analytics", "they"]);
    }

    #[test]
    fn two_people_named_between_are_who_they_are() {
        let text = "Critics said the plan was rushed. Ann Lee and Bo Chan met them, and they said it was fine.";
        let ents = [entity(text, "E1", "Ann Lee", EntityType::Person), entity(text, "E2", "Bo Chan", EntityType::Person)];
        let mut quotes = [quote(text, "the plan", "Critics", 0, None), quote(text, "it was fine", "they", 0, None)];
        assert_eq!(speakers_after(text, &mut quotes, &ents), ["Critics", "they"]);
    }
}
