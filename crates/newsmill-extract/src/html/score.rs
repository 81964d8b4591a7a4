//! How much a text segment reads like story prose: length, link density, sentence
//! punctuation and function words. Prose scores positive, link lists and chrome negative.

use super::walk::Segment;
use super::weights::BlockWeights;
use crate::model::BlockKind;
use crate::stopwords::stopword_share;

/// Simple measurements of a segment's text.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Features {
    pub chars: usize,
    pub words: usize,
    pub link_density: f64,
    /// Sentence-ending and clause punctuation, in any script.
    pub punctuation: usize,
    /// Share of function words; measured only for text without punctuation.
    pub stopwords: f64,
}

pub(super) fn features(seg: &Segment) -> Features {
    let (chars, words, punctuation) = if seg.text.is_ascii() { ascii_counts(seg.text.as_bytes()) } else { counts(&seg.text) };
    let link_density = if chars == 0 { 0.0 } else { seg.link_chars as f64 / chars as f64 };
    // Function words only tell prose apart when punctuation does not: measured only then.
    let stopwords = if punctuation == 0 { stopword_share(&seg.text) } else { 0.0 };
    Features { chars, words, link_density, punctuation, stopwords }
}

/// Characters, words ([`WordCount`]) and punctuation marks of a text, in one pass: this runs
/// for every segment of every page.
fn counts(text: &str) -> (usize, usize, usize) {
    let (mut chars, mut punctuation) = (0, 0);
    let mut words = WordCount::default();
    for c in text.chars() {
        chars += 1;
        words.add(c);
        if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '。' | '、' | '，' | '！' | '？' | '،' | '؟' | '।') {
            punctuation += 1;
        }
    }
    (chars, words.total(), punctuation)
}

/// [`counts`] of an ASCII text (most segments), a byte at a time.
fn ascii_counts(text: &[u8]) -> (usize, usize, usize) {
    let (mut words, mut punctuation, mut in_word) = (0, 0, false);
    for &b in text {
        // `char::is_whitespace` on ASCII.
        let space = matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
        words += usize::from(!space && !in_word);
        in_word = !space;
        punctuation += usize::from(matches!(b, b'.' | b',' | b';' | b':' | b'!' | b'?'));
    }
    (text.len(), words, punctuation)
}

/// Words of a text, where Chinese and Japanese, written without spaces between words, count
/// a word for every two of their characters (about the length of a word there), so that a
/// line of Chinese weighs like a line of English in every threshold counted in words.
pub(super) fn word_count(text: &str) -> usize {
    if text.is_ascii() {
        return text.split_ascii_whitespace().count();
    }
    let mut words = WordCount::default();
    text.chars().for_each(|c| words.add(c));
    words.total()
}

#[derive(Default)]
struct WordCount {
    spaced: usize,
    ideographic: usize,
    in_word: bool,
}

impl WordCount {
    fn add(&mut self, c: char) {
        if c.is_whitespace() {
            self.in_word = false;
            return;
        }
        if is_ideographic(c) {
            self.ideographic += 1;
            self.in_word = false;
            return;
        }
        if !self.in_word {
            self.spaced += 1;
            self.in_word = true;
        }
    }

    fn total(&self) -> usize {
        self.spaced + self.ideographic.div_ceil(2)
    }
}

/// Han ideographs, hiragana and katakana: scripts written without spaces between words
/// (Korean spaces its words, so Hangul counts as spaced).
fn is_ideographic(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}')
}

/// Whether the text is dense in a script without spaces between words that [`word_count`]
/// does not count by characters (Thai, Khmer, Burmese), where word counts say little.
fn unspaced(f: &Features) -> bool {
    f.words > 0 && f.chars / f.words > 20
}

/// Prose: long enough, few links, sentence structure.
pub(super) fn is_prose(seg: &Segment, f: &Features, w: &BlockWeights) -> bool {
    if f.link_density > w.prose_max_link_density || seg.kind == BlockKind::Heading {
        return false;
    }
    let long = f.words as f64 >= w.prose_min_words || (unspaced(f) && f.chars >= 40);
    let sentence = f.punctuation >= 1 || f.stopwords >= 0.25;
    (long && sentence) || f.chars as f64 >= w.prose_min_chars
}

/// The segment's contribution to the score of every element holding it: its length when it
/// is prose, a negative share of it when it is links or chrome.
pub(super) fn value(seg: &Segment, f: &Features, boilerplate: bool, w: &BlockWeights) -> f64 {
    let chars = f.chars as f64;
    if boilerplate {
        return -w.boilerplate_weight * chars.min(w.penalty_cap);
    }
    if f.link_density > w.link_list_density {
        return -w.link_weight * chars.min(w.penalty_cap);
    }
    if is_prose(seg, f, w) {
        return chars * (1.0 - f.link_density);
    }
    // Short lines: datelines, labels, list items, ingredients. Worth less than prose, but
    // something: stories have them, and menus are links.
    w.short_line_weight * chars.min(w.short_line_cap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_counts_are_the_general_counts() {
        for text in ["", " ", "The bridge reopens, today!  Yes.", "a\tb\nc\x0Bd\x0Ce\rf", "  lead and trail  ", "x:y;z?"] {
            assert_eq!(ascii_counts(text.as_bytes()), counts(text), "{text:?}");
        }
    }
}
