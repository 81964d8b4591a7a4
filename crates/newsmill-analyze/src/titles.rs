//! Titles and roles of people, from the words around their mentions:
//! - a pre-modifier ending in a role word: `Russian Foreign Minister Sergey Lavrov`,
//!   `former naval intelligence officer John Jordan`;
//! - an apposition after the name: `Alice Wells, deputy assistant secretary in the State
//!   Department’s Bureau of …, was`;
//! - an apposition before it: `the head of the Taliban delegation …, Sher Mohammad Abbas
//!   Stanikzai`.
//!
//! Each needs a role word (`minister`, `officer`, `head`, …) near its head, so ordinary
//! clauses next to a name are not taken for titles.

use std::ops::Range;

use crate::lang::en::lexicon::is_role;
use super::mentions::FoundMention;
use super::tokens::Token;
use crate::model::{Entity, EntityType};


/// Words that end a pre-modifier title when walking back from a name.
const STOP_BEFORE: &[&str] = &[
    "the",
    "a",
    "an",
    "said",
    "says",
    "told",
    "tells",
    "and",
    "or",
    "but",
    "by",
    "to",
    "with",
    "from",
    "of",
    "for",
    "that",
    "as",
    "at",
    "on",
    "in",
    "according",
    "his",
    "her",
    "their",
    "its",
    "when",
    "while",
    "after",
    "before",
    "was",
    "is",
    "were",
    "are",
    "has",
    "have",
    "had",
    "also",
    "who",
    "which",
];

/// Longest title kept, in tokens.
const MAX_TITLE_TOKENS: usize = 24;

fn is_punct(tok: &str) -> bool {
    !tok.chars().any(char::is_alphanumeric)
}

/// Finds the titles of every person entity and stores them, without duplicates.
pub fn attach(text: &str, tokens: &[Token], sents: &[Range<usize>], mentions: &[FoundMention], ents: &mut [Entity]) {
    // Each entity's mentions by span, found without a scan of all mentions per entity.
    let by_span: std::collections::HashMap<(usize, usize), &FoundMention> =
        mentions.iter().map(|m| ((m.span.start, m.span.end), m)).collect();
    for ent in ents.iter_mut().filter(|e| e.kind == EntityType::Person) {
        let mut titles: Vec<String> = Vec::new();
        for m in ent.mentions.iter().filter_map(|x| by_span.get(&(x.span.start, x.span.end))) {
            let Some(sent) = sents.get(m.sentence) else { continue };
            let found = [
                pre_modifier(text, tokens, sent, m),
                apposition_after(text, tokens, sent, m),
                apposition_before(text, tokens, sent, m),
            ];
            for t in found.into_iter().flatten() {
                if !titles.iter().any(|x| x.eq_ignore_ascii_case(&t)) {
                    titles.push(t);
                }
            }
        }
        ent.titles = titles;
    }
}

fn span_text(text: &str, tokens: &[Token], r: Range<usize>) -> Option<String> {
    let (first, last) = (tokens.get(r.start)?, tokens.get(r.end.checked_sub(1)?)?);
    text.get(first.start as usize..last.end as usize).map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// `Russian Foreign Minister Sergey Lavrov`: the words before the name back to a stop word,
/// when the one right before it is a role word.
fn pre_modifier(text: &str, tokens: &[Token], sent: &Range<usize>, m: &FoundMention) -> Option<String> {
    let end = m.tokens.start;
    if end <= sent.start || !is_role(tokens[end - 1].text(text)) {
        return None;
    }
    let role = tokens[end - 1].text(text);
    // A title in title case (`President`, `Senator`) is preceded by its own capitalized words
    // and a few lower-case ones (`former`), not by the verb of the clause (`called President
    // Obama`, `a rally featuring Mr. Obama`); an honorific by nothing.
    let capitalized = role.starts_with(char::is_uppercase);
    let honorific = crate::quotes::sex::of_honorific(role).is_some();
    let mut start = end - 1;
    while start > sent.start && end - start < 8 && !honorific {
        let w = tokens[start - 1].text(text);
        if is_punct(w) || STOP_BEFORE.contains(&w.to_lowercase().as_str()) || w.starts_with(char::is_numeric) {
            break;
        }
        if capitalized && !w.starts_with(char::is_uppercase) && !LOWER_CASE_BEFORE_TITLE.contains(&w) {
            break;
        }
        start -= 1;
    }
    span_text(text, tokens, start..end)
}

/// Lower-case words that belong to a title in title case (`former President`, `then-Senator`).
const LOWER_CASE_BEFORE_TITLE: &[&str] =
    &["former", "then", "then-", "acting", "late", "deputy", "interim", "outgoing", "incoming", "retired", "longtime", "ex"];

/// Skips a leading article of an apposition.
fn skip_article(text: &str, tokens: &[Token], at: usize) -> usize {
    match tokens.get(at).map(|t| t.text(text).to_lowercase()) {
        Some(w) if matches!(w.as_str(), "the" | "a" | "an") => at + 1,
        _ => at,
    }
}

/// Does a phrase open with a role (within its first three words)?
fn opens_with_role(text: &str, tokens: &[Token], r: Range<usize>) -> bool {
    tokens[r.start..r.end.min(r.start + 3)].iter().any(|t| is_role(t.text(text)))
}

/// `Alice Wells, deputy assistant secretary in …,`: from the comma after the name to the
/// next comma or the end of the sentence.
fn apposition_after(text: &str, tokens: &[Token], sent: &Range<usize>, m: &FoundMention) -> Option<String> {
    let comma = m.tokens.end;
    if comma >= sent.end || tokens[comma].text(text) != "," {
        return None;
    }
    let start = skip_article(text, tokens, comma + 1);
    let end = (start..sent.end)
        .find(|&k| matches!(tokens[k].text(text), "," | "." | ";" | "(" | ")" | "“" | "”" | "\"" | "–" | "—"))
        .unwrap_or(sent.end);
    if end <= start || end - start > MAX_TITLE_TOKENS || !opens_with_role(text, tokens, start..end) {
        return None;
    }
    // `… around nominee Hillary Clinton, former UN Ambassador John Bolton told Breitbart`: a
    // clause with its own speaker, not what the name before the comma is.
    if tokens[start..end].iter().any(|t| REPORTING.contains(&t.text(text))) {
        return None;
    }
    span_text(text, tokens, start..end)
}

/// Reporting verbs: where an apposition cannot run, since they open or make a clause.
const REPORTING: &[&str] = &["said", "says", "told", "tells", "according", "added", "wrote", "asked"];

/// `the head of the Taliban delegation at …, Sher Mohammad Abbas Stanikzai`: from the clause
/// start (a comma, a quote or a reporting verb) to the comma before the name.
fn apposition_before(text: &str, tokens: &[Token], sent: &Range<usize>, m: &FoundMention) -> Option<String> {
    let comma = m.tokens.start.checked_sub(1)?;
    if comma <= sent.start || tokens[comma].text(text) != "," {
        return None;
    }
    let mut start = comma;
    while start > sent.start {
        let w = tokens[start - 1].text(text);
        if matches!(w, "," | "“" | "”" | "\"" | ":" | ";" | "(" | "–" | "—") || REPORTING.contains(&w) {
            break;
        }
        start -= 1;
    }
    let start = skip_article(text, tokens, start);
    if comma <= start || comma - start > MAX_TITLE_TOKENS || !opens_with_role(text, tokens, start..comma) {
        return None;
    }
    span_text(text, tokens, start..comma)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Mention, TextField};
    use crate::{sentences::split_sentences, tokens::tokenize};

    fn titles_of(text: &str, name: &str) -> Vec<String> {
        let tokens = tokenize(text);
        let sents = split_sentences(text, &tokens);
        let start = text.find(name).unwrap_or(0);
        let first = tokens.iter().position(|t| t.start as usize == start).unwrap_or(0);
        let n = tokenize(name).len();
        let m = FoundMention {
            span: start..start + name.len(),
            kind: EntityType::Person,
            tokens: first..first + n,
            sentence: 0,
        };
        let mut ents = vec![Entity {
            id: "E1".into(),
            name: name.into(),
            kind: EntityType::Person,
            titles: vec![],
            mentions: vec![Mention { span: m.span.clone(), field: TextField::Body }],
        }];
        attach(text, &tokens, &sents, &[m], &mut ents);
        ents.remove(0).titles
    }

    #[test]
    fn pre_modifiers() {
        assert_eq!(
            titles_of("according to the Russian Foreign Minister Sergey Lavrov, who", "Sergey Lavrov"),
            ["Russian Foreign Minister"]
        );
        assert_eq!(
            titles_of("“No,” former naval intelligence officer John Jordan told RT", "John Jordan"),
            ["former naval intelligence officer"]
        );
        assert!(titles_of("Yesterday John Jordan told RT", "John Jordan").is_empty());
        // The clause's verb is no part of a title in title case; nothing is of an honorific's.
        assert_eq!(titles_of("Democrats called President John Jordan a friend", "John Jordan"), ["President"]);
        assert_eq!(titles_of("Democrats praised former President John Jordan", "John Jordan"), ["former President"]);
        assert_eq!(titles_of("a rally featuring Mr. John Jordan", "John Jordan"), ["Mr."]);
    }

    #[test]
    fn appositions() {
        let text = "Alice Wells, deputy assistant secretary in the State Department’s Bureau of South and Central Asian Affairs, was reported to";
        assert_eq!(
            titles_of(text, "Alice Wells"),
            ["deputy assistant secretary in the State Department’s Bureau of South and Central Asian Affairs"]
        );
        let text = "“No,” said the head of the Taliban delegation at the meeting in Moscow, Sher Mohammad Abbas Stanikzai, adding";
        assert_eq!(
            titles_of(text, "Sher Mohammad Abbas Stanikzai"),
            ["head of the Taliban delegation at the meeting in Moscow"]
        );
        assert!(titles_of("Alice Wells, who met them, was", "Alice Wells").is_empty());
        let text = "Around nominee Hillary Clinton, former UN Ambassador John Bolton told Breitbart host Matt Boyle, “No.”";
        assert!(!titles_of(text, "Hillary Clinton").iter().any(|t| t.contains("Bolton")), "{:?}", titles_of(text, "Hillary Clinton"));
    }
}
