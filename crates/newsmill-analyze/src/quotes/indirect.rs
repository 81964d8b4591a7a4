//! The content of a reported-speech attribution: the clause after a preposed cue
//! (`X said (that) …`, `X told RT …`) or the clause before a postposed one (`…, X said`).
//! Spans are token index ranges.

use std::ops::Range;

use super::scan::Token;

fn word<'a>(text: &'a str, toks: &[Token], i: usize) -> &'a str {
    toks.get(i).map_or("", |t| &text[t.span.clone()])
}

/// Cues that take the addressee before the content (`told RT that …`).
const TELLING: &[&str] =
    &["told", "tell", "tells", "telling", "assured", "warned", "reminded", "urged", "asked", "informed"];

const ADDRESSEE: &[&str] = &["me", "him", "her", "them", "us", "you", "reporters", "journalists", "lawmakers"];

/// Opening words to drop at the start of a content clause.
const LEADING: &[&str] = &[":", ",", "—", "–"];

/// Connectives that open a sentence but belong to the author, not to the source.
const CONNECTIVES: &[&str] = &[
    "however",
    "still",
    "meanwhile",
    "but",
    "and",
    "yet",
    "moreover",
    "instead",
    "indeed",
    "so",
    "now",
    "also",
    "nevertheless",
    "nonetheless",
    "further",
    "furthermore",
    "then",
    "previously",
    "separately",
    "earlier",
    "later",
];

/// The content after a cue ending at token `from`, up to `end` (exclusive).
pub fn after(text: &str, toks: &[Token], cue_word: &str, from: usize, end: usize) -> Range<usize> {
    let mut i = from;
    if TELLING.contains(&cue_word.to_lowercase().as_str()) {
        i = skip_addressee(text, toks, i, end);
    }
    while i < end && LEADING.contains(&word(text, toks, i).to_lowercase().as_str()) {
        i += 1;
    }
    let mut stop = i;
    while stop < end {
        let w = word(text, toks, stop);
        // An author's aside after a spaced dash (`… – but only with Washington`).
        if matches!(w, "–" | "—")
            && matches!(word(text, toks, stop + 1).to_lowercase().as_str(), "but" | "though" | "although" | "and")
        {
            break;
        }
        stop += 1;
    }
    trim(text, toks, i..stop)
}

fn skip_addressee(text: &str, toks: &[Token], from: usize, end: usize) -> usize {
    // `told RT that …` / `told reporters on Friday that …`: jump to a nearby `that` or comma.
    for j in from..(from + 7).min(end) {
        let w = word(text, toks, j).to_lowercase();
        if w == "that" || w == "," || w == ":" {
            return j;
        }
        if matches!(w.as_str(), "“" | "\"") {
            return j;
        }
    }
    let w = word(text, toks, from);
    if ADDRESSEE.contains(&w.to_lowercase().as_str()) {
        return from + 1;
    }
    let mut j = from;
    while j < end && word(text, toks, j).chars().next().is_some_and(char::is_uppercase) {
        j += 1;
    }
    j
}

/// The content before a postposed cue: from `start` to the comma or quote at `stop`.
pub fn before(text: &str, toks: &[Token], start: usize, stop: usize) -> Range<usize> {
    let mut i = start;
    loop {
        let w = word(text, toks, i).to_lowercase();
        if CONNECTIVES.contains(&w.as_str()) && i < stop {
            i += 1;
            if word(text, toks, i) == "," {
                i += 1;
            }
            continue;
        }
        break;
    }
    let mut end = stop;
    // Keep a closing quotation mark: it belongs to the content.
    while end > i && word(text, toks, end - 1) == "," {
        end -= 1;
    }
    trim(text, toks, i..end)
}

/// Drops punctuation at either end of a content span, except quotation marks and `?`/`!`.
pub fn trim(text: &str, toks: &[Token], mut r: Range<usize>) -> Range<usize> {
    let keep = |w: &str| matches!(w, "“" | "”" | "‘" | "’" | "\"" | "'" | "?" | "!" | "«" | "»" | "(" | ")" | "$");
    while r.start < r.end && !toks[r.start].word && !keep(word(text, toks, r.start)) {
        r.start += 1;
    }
    while r.end > r.start && !toks[r.end - 1].word && !keep(word(text, toks, r.end - 1)) {
        r.end -= 1;
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::scan::{show, tokens};

    #[test]
    fn said_that_content_keeps_that_as_polnear_does() {
        let text = "He said that the talks were over.";
        let toks = tokens(text, 0..text.len());
        assert_eq!(show(text, &toks, after(text, &toks, "said", 2, toks.len())), "that the talks were over");
    }

    #[test]
    fn told_skips_the_addressee() {
        let text = "Jordan told RT that America wants out.";
        let toks = tokens(text, 0..text.len());
        assert_eq!(show(text, &toks, after(text, &toks, "told", 2, toks.len())), "that America wants out");
    }

    #[test]
    fn aside_after_a_dash_is_not_content() {
        let text = "Still, he said, the militants are ready to negotiate – but only with Washington.";
        let toks = tokens(text, 0..text.len());
        assert_eq!(
            show(text, &toks, after(text, &toks, "said", 4, toks.len())),
            "the militants are ready to negotiate"
        );
    }

    #[test]
    fn postposed_content_drops_the_connective() {
        let text = "However, the council did not represent the government, the ministry said.";
        let toks = tokens(text, 0..text.len());
        let comma = 9;
        assert_eq!(show(text, &toks, before(text, &toks, 0, comma)), "the council did not represent the government");
    }
}
