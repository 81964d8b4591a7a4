//! The source phrase next to a cue: the subject before it (`the minister said`), the noun
//! phrase after an inverted cue (`said the head of the delegation, Sher Mohammad Abbas
//! Stanikzai`), or the object of `according to`. Spans are token index ranges.

use std::ops::Range;

use super::scan::Token;

/// Where the backward scan from a cue stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The start of the sentence.
    Start,
    /// A comma (its token index).
    Comma(usize),
    /// A closing quotation mark, possibly followed by a comma.
    Quote(usize),
    /// A conjunction or other clause boundary.
    Boundary(usize),
}

/// The phrase before a cue and what stopped it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Back {
    pub np: Range<usize>,
    pub stop: Stop,
}

/// Auxiliaries and adverbs that sit between a subject and its speech verb.
pub const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "did",
    "does",
    "do",
    "not",
    "never",
    "previously",
    "later",
    "then",
    "once",
    "again",
    "recently",
    "repeatedly",
    "publicly",
    "reportedly",
    "would",
    "could",
    "will",
    "may",
    "might",
    "has",
    "is",
    "was",
    "were",
    "are",
    "been",
    "be",
    "being",
    "just",
    "first",
    "further",
    "even",
    "already",
    "often",
    "always",
    "quickly",
    "privately",
    "openly",
    "initially",
    "ultimately",
    "clearly",
    "specifically",
    "should",
    "can",
    "must",
    "n't",
];

/// Words that end a subject when scanning back from the cue.
const BOUNDARY: &[&str] = &[
    "that", "and", "but", "because", "while", "when", "if", "as", "so", "after", "before", "since", "though",
    "although", "whereas", "where", "whether", "than", "until", "unless", "once",
];

const PREPOSITIONS: &[&str] = &["by", "of", "for", "with", "without", "in", "on", "about", "from", "to", "at"];

/// Whether a subject found by [`back`] reads like a noun phrase (no verb or auxiliary in it).
pub fn plausible(text: &str, toks: &[Token], np: &Range<usize>) -> bool {
    np.clone().all(|i| !BETWEEN.contains(&word(text, toks, i).to_lowercase().as_str()))
}

/// Relative pronouns: the source per PolNeAR (no coreference into the antecedent).
const RELATIVE: &[&str] = &["who", "which", "whom"];

pub const CLOSERS: &[&str] = &["”", "’", "\"", "'", "»", "›"];

fn word<'a>(text: &'a str, toks: &[Token], i: usize) -> &'a str {
    toks.get(i).map_or("", |t| &text[t.span.clone()])
}

/// Scans back from the cue at token `cue` to the start of its subject.
pub fn back(text: &str, toks: &[Token], sent: Range<usize>, cue: usize) -> Back {
    let mut end = cue;
    let skippable = |w: String| BETWEEN.contains(&w.as_str()) || (w.len() > 4 && w.ends_with("ly"));
    while end > sent.start && skippable(word(text, toks, end - 1).to_lowercase()) {
        end -= 1;
    }
    // `by saying that …`: a gerund after a preposition has no subject beside it.
    if end > sent.start && PREPOSITIONS.contains(&word(text, toks, end - 1).to_lowercase().as_str()) {
        return Back { np: end..end, stop: Stop::Boundary(end - 1) };
    }
    let mut i = end;
    let stop = loop {
        if i <= sent.start {
            break Stop::Start;
        }
        let w = word(text, toks, i - 1);
        let lower = w.to_lowercase();
        if w == "," {
            let quote_before = i >= 2 && CLOSERS.contains(&word(text, toks, i - 2));
            break if quote_before { Stop::Quote(i - 1) } else { Stop::Comma(i - 1) };
        }
        if CLOSERS.contains(&w) {
            break Stop::Quote(i - 1);
        }
        if w == ")" {
            // `Rep. Gwen Moore (D-Wis.) said`: the parenthesis belongs to the name.
            match (sent.start..i - 1).rev().find(|&j| word(text, toks, j) == "(") {
                Some(open) => {
                    i = open;
                    continue;
                }
                None => break Stop::Boundary(i - 1),
            }
        }
        // `Google and Yahoo say`: an `and` between names joins a compound source.
        let compound = lower == "and"
            && i >= 2
            && i - 1 > sent.start
            && word(text, toks, i - 2).chars().next().is_some_and(char::is_uppercase)
            && word(text, toks, i).chars().next().is_some_and(char::is_uppercase);
        if compound {
            i -= 1;
            continue;
        }
        if matches!(w, ":" | ";" | "—" | "–" | "(" | ")" | "-" | "?" | "!" | ".") || BOUNDARY.contains(&lower.as_str())
        {
            break Stop::Boundary(i - 1);
        }
        if RELATIVE.contains(&lower.as_str()) {
            i -= 1;
            break Stop::Boundary(i);
        }
        if end - i >= 14 {
            break Stop::Boundary(i);
        }
        i -= 1;
    };
    let np = i..drop_time(text, toks, i..end);
    Back { np: drop_scene(text, toks, np), stop }
}

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

/// A subject without a scene-setting phrase before it (`In a Bloomberg interview Trump`):
/// from the last pronoun, else from the last run of capitalized words.
fn drop_scene(text: &str, toks: &[Token], np: Range<usize>) -> Range<usize> {
    let first = word(text, toks, np.start).to_lowercase();
    if np.len() < 2 || !(PREPOSITIONS.contains(&first.as_str()) || matches!(first.as_str(), "last" | "even" | "during"))
    {
        return np;
    }
    if let Some(p) = np.clone().rev().find(|&i| PRONOUNS.contains(&word(text, toks, i).to_lowercase().as_str())) {
        return p..np.end;
    }
    let capital = |i: usize| word(text, toks, i).chars().next().is_some_and(char::is_uppercase);
    let mut start = np.end;
    while start > np.start + 1 && capital(start - 1) {
        start -= 1;
    }
    if start < np.end { start..np.end } else { np }
}

/// Whether a phrase opens like a participle or prepositional phrase, not a noun phrase.
pub fn not_a_subject(text: &str, toks: &[Token], np: &Range<usize>) -> bool {
    let first = word(text, toks, np.start).to_lowercase();
    first.ends_with("ing") || PREPOSITIONS.contains(&first.as_str())
}

/// The end of a subject without a trailing time phrase (`Sanders on Tuesday`).
fn drop_time(text: &str, toks: &[Token], np: Range<usize>) -> usize {
    let n = np.end;
    let is_time =
        |i: usize| TIME.iter().chain(&crate::lang::en::WEEKDAYS).any(|t| word(text, toks, i).to_lowercase().starts_with(t));
    let lead =
        |i: usize| matches!(word(text, toks, i).to_lowercase().as_str(), "on" | "last" | "this" | "early" | "late");
    if n >= np.start + 3 && is_time(n - 1) && lead(n - 2) { n - 2 } else { n }
}

/// Whether the words before a subject's comma name it (`Alice Wells, deputy secretary, said`)
/// rather than set the scene (`At a press conference, the mayor said`).
pub fn apposition(text: &str, toks: &[Token], lead: &Range<usize>) -> bool {
    let first = word(text, toks, lead.start);
    let lower = first.to_lowercase();
    let capital = first.chars().next().is_some_and(char::is_uppercase);
    let scene = PREPOSITIONS.contains(&lower.as_str())
        || matches!(
            lower.as_str(),
            "at" | "during"
                | "despite"
                | "while"
                | "asked"
                | "speaking"
                | "after"
                | "before"
                | "when"
                | "if"
                | "as"
                | "in"
                | "like"
                | "unlike"
                | "under"
                | "over"
        )
        || lower.ends_with("ing")
        || lower.ends_with("ed");
    capital && !scene && lead.len() <= 8
}

/// Time words other than day names ([`crate::lang::en::WEEKDAYS`]).
const TIME: &[&str] =
    &["week", "month", "year", "night", "morning", "afternoon", "evening", "weekend", "today", "yesterday"];

/// The noun phrase after an inverted cue or `according to`, up to the sentence end, a
/// trailing participle or relative clause (`, adding`, `, who`), or a time phrase.
pub fn after(text: &str, toks: &[Token], from: usize, sent_end: usize, stop_at_comma: bool) -> Range<usize> {
    let mut i = from;
    while i < sent_end && i - from < 25 {
        let w = word(text, toks, i);
        let lower = w.to_lowercase();
        // `International Energy Agency (IEA)`: the name's short form stays with it.
        let acronym = word(text, toks, i + 1);
        if w == "(" && word(text, toks, i + 2) == ")" && acronym.len() >= 2 && acronym.chars().all(|c| c.is_ascii_uppercase()) {
            i += 3;
            continue;
        }
        if matches!(w, "." | "!" | "?" | ":" | ";" | "—" | "–" | "(" | "“" | "\"") {
            break;
        }
        if w == "," {
            let next = word(text, toks, i + 1).to_lowercase();
            if stop_at_comma
                || next.ends_with("ing")
                || RELATIVE.contains(&next.as_str())
                || matches!(next.as_str(), "according" | "but" | "and" | "in" | "on" | "as" | "which")
            {
                break;
            }
        }
        if matches!(lower.as_str(), "on" | "last" | "this" | "earlier" | "late" | "in")
            && TIME.iter().chain(&crate::lang::en::WEEKDAYS).any(|t| word(text, toks, i + 1).to_lowercase().starts_with(t))
        {
            break;
        }
        if lower == "in"
            && matches!(word(text, toks, i + 1).to_lowercase().as_str(), "a" | "an" | "his" | "her" | "their")
        {
            break;
        }
        if matches!(lower.as_str(), "that" | "to" | "about") && i > from {
            break;
        }
        i += 1;
    }
    let acronym_closed = |i: usize| i >= 3 && word(text, toks, i - 1) == ")" && word(text, toks, i - 3) == "(";
    while i > from && !toks[i - 1].word && !acronym_closed(i) {
        i -= 1;
    }
    from..i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::scan::{show, tokens};

    /// The phrase [`after`] reads from the `from`-th token to the end of `text`.
    fn after_of(text: &str, from: usize, stop_at_comma: bool) -> String {
        let toks = tokens(text, 0..text.len());
        show(text, &toks, after(text, &toks, from, toks.len(), stop_at_comma))
    }

    fn back_of(text: &str, cue: &str) -> (String, Stop) {
        let toks = tokens(text, 0..text.len());
        let i = toks.iter().position(|t| &text[t.span.clone()] == cue).unwrap_or(0);
        let b = back(text, &toks, 0..toks.len(), i);
        (show(text, &toks, b.np.clone()), b.stop)
    }

    #[test]
    fn subject_before_the_cue() {
        assert_eq!(
            back_of("The Afghan Foreign Ministry has said that", "said"),
            ("The Afghan Foreign Ministry".into(), Stop::Start)
        );
    }

    #[test]
    fn pronoun_after_a_closing_quote() {
        let (np, stop) = back_of("“It is over,” he said.", "said");
        assert_eq!(np, "he");
        assert!(matches!(stop, Stop::Quote(_)));
    }

    #[test]
    fn parenthesis_stays_in_the_name() {
        assert_eq!(back_of("“No,” Rep. Gwen Moore (D-Wis.) said Friday.", "said").0, "Rep. Gwen Moore (D-Wis.)");
    }

    #[test]
    fn time_after_the_subject_is_dropped() {
        assert_eq!(back_of("Bernie Sanders on Tuesday said", "said").0, "Bernie Sanders");
    }

    #[test]
    fn compound_source_of_names() {
        assert_eq!(back_of("Google and Yahoo say", "say").0, "Google and Yahoo");
        assert_eq!(back_of("It rose and he said", "said").0, "he");
    }

    #[test]
    fn scene_before_the_subject_is_dropped() {
        assert_eq!(back_of("In a Bloomberg interview Trump declared", "declared").0, "Trump");
        assert_eq!(
            back_of("A few days ago in an interview with RT he blasted", "blasted").0,
            "A few days ago in an interview with RT he"
        );
        assert_eq!(back_of("In an interview with RT he blasted", "blasted").0, "he");
    }

    #[test]
    fn relative_pronoun_is_the_source() {
        assert_eq!(back_of("Clinton, who said it was over", "said").0, "who");
    }

    #[test]
    fn inverted_source_with_apposition() {
        let text = "said the head of the delegation, Sher Mohammad Abbas Stanikzai, adding that";
        assert_eq!(after_of(text, 1, false), "the head of the delegation, Sher Mohammad Abbas Stanikzai");
    }

    #[test]
    fn an_acronym_in_brackets_stays_with_the_name_after_the_cue() {
        let text = "According to International Energy Agency (IEA), cloud providers are investing.";
        assert_eq!(after_of(text, 2, true), "International Energy Agency (IEA)");
        assert_eq!(after_of("Prices rose (according to experts) this year.", 5, true), "experts");
    }

    #[test]
    fn according_to_object_stops_at_relative_clause() {
        let text = "according to the Russian Foreign Minister Sergey Lavrov, who opened the meeting on Friday.";
        assert_eq!(after_of(text, 2, true), "the Russian Foreign Minister Sergey Lavrov");
    }
}
