//! The words of a speaker no entity names (`experts`, `a 2019 analysis of 18 studies`),
//! without what the source phrase picked up around the description: a connective or hedge
//! before it (`Similarly, another recent study`, `Whilst blockchain advocates`), a
//! parenthesis of figures after it (`(1,654 total participants)`), and a trailing adverb or
//! the stub of a relative clause (`9 in 10 adults still`, `A mother who’d`). The reader sees
//! who spoke as the article describes them; the annotation guidelines write the phrase the
//! same way.

use std::ops::Range;

use crate::model::Quote;

/// Words that link a sentence to the one before or hedge a figure, never part of who spoke.
const LEADING: &[&str] = &[
    "similarly",
    "additionally",
    "meanwhile",
    "however",
    "moreover",
    "furthermore",
    "likewise",
    "conversely",
    "instead",
    "indeed",
    "overall",
    "still",
    "yet",
    "also",
    "and",
    "but",
    "so",
    "thus",
    "therefore",
    "whilst",
    "while",
    "although",
    "though",
    "which",
    "approximately",
];

/// Words that end the phrase without belonging to it: an adverb before the cue or what is
/// left of a relative clause the cue cut (`who’d`).
const TRAILING: &[&str] = &["still", "also", "too", "now", "who", "who’d", "who'd", "that", "which"];

/// Shares of a group: a percentage in brackets after one restates it (`Over half (55%) of
/// respondents`) and stays; after the group itself it is an aside (`respondents (49.3%)`).
const SHARES: &[&str] = &[
    "half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "majority", "minority", "most", "many", "some",
    "few",
];

/// Trims the phrases of the speakers no entity names.
pub fn tidy_unnamed_speakers(text: &str, quotes: &mut [Quote]) {
    for s in quotes.iter_mut().filter_map(|q| q.speaker.as_mut()) {
        if !s.is_named() {
            s.span = described(text, s.span.clone());
        }
    }
}

/// The description at `span` without its leading connectives, parenthesis and trailing stub;
/// `span` itself when nothing would be left.
fn described(text: &str, span: Range<usize>) -> Range<usize> {
    let words = super::words(text, span.clone());
    let word = |i: usize| words[i].1;
    let mut first = 0;
    while first + 1 < words.len() && leads(word(first)) {
        first += 1;
    }
    let mut last = words.len();
    let aside = |i: usize| word(i).starts_with('(') && !SHARES.contains(&word(i - 1).to_lowercase().as_str());
    if let Some(open) = (first + 2..last).find(|&i| aside(i)) {
        last = open;
    }
    while last > first + 1 && TRAILING.contains(&word(last - 1).to_lowercase().as_str()) {
        last -= 1;
    }
    if first >= last {
        return span;
    }
    let (end_at, end_word) = words[last - 1];
    words[first].0..end_at + end_word.trim_end_matches([',', ';', ':']).len()
}

/// Whether `word` opens the phrase without describing anyone: a connective, or a sentence
/// adverb set off by a comma (`Interestingly,`).
fn leads(word: &str) -> bool {
    let bare = word.trim_end_matches(',').to_lowercase();
    LEADING.contains(&bare.as_str()) || (word.ends_with(',') && bare.len() > 4 && bare.ends_with("ly"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tidy(phrase: &str) -> &str {
        &phrase[described(phrase, 0..phrase.len())]
    }

    #[test]
    fn connectives_and_hedges_before_a_description_are_dropped() {
        assert_eq!(tidy("Similarly, another recent study"), "another recent study");
        assert_eq!(tidy("Whilst blockchain advocates"), "blockchain advocates");
        assert_eq!(tidy("Approximately, 51% (21/41) of the students"), "51% (21/41) of the students");
        assert_eq!(tidy("which experts"), "experts");
        assert_eq!(tidy("Interestingly, many owners"), "many owners");
    }

    #[test]
    fn a_parenthesis_after_the_description_and_a_trailing_stub_are_dropped() {
        assert_eq!(tidy("A 2019 analysis of 18 studies (1,654 total participants)"), "A 2019 analysis of 18 studies");
        assert_eq!(
            tidy("A 2019 analysis of 29 studies (3,274 total participants) of mindfulness-based practices"),
            "A 2019 analysis of 29 studies"
        );
        assert_eq!(tidy("nearly half of all respondents (49.3%)"), "nearly half of all respondents");
        assert_eq!(tidy("Over half (55%) of respondents"), "Over half (55%) of respondents");
        assert_eq!(tidy("More than half (53%)"), "More than half (53%)");
        assert_eq!(tidy("9 in 10 adults still"), "9 in 10 adults");
        assert_eq!(tidy("A mother who’d"), "A mother");
    }

    #[test]
    fn a_description_is_kept_whole_when_nothing_else_is_left() {
        assert_eq!(tidy("experts"), "experts");
        assert_eq!(tidy("which"), "which");
        assert_eq!(tidy("Still"), "Still");
        assert_eq!(tidy("officials (AP)"), "officials (AP)");
        assert_eq!(tidy("a former student, a factory worker"), "a former student, a factory worker");
    }
}
