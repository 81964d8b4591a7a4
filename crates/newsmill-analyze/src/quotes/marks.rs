//! Pairing quotation marks: “ ” ‘ ’ " ' « » „ “ ‹ ›, with apostrophes told apart from single
//! quotes, nested quotes skipped, and unclosed quotes running to the end of their paragraph
//! (the newspaper convention for a quote that continues in the next paragraph).

use std::ops::Range;

/// One outermost quotation inside a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    /// From the opening mark to the closing mark, both included.
    pub outer: Range<usize>,
    /// The words between the marks, without the marks and a trailing `,` or `.` (which
    /// belong to the reporting sentence).
    pub inner: Range<usize>,
    /// False when the paragraph ended before the closing mark.
    pub closed: bool,
}

#[derive(Clone, Copy)]
struct Open {
    at: usize,
    len: usize,
    closer: &'static [char],
}

/// Every character that can open or close a quotation: the scan jumps from one to the next.
const MARKS: [char; 11] = ['“', '”', '„', '«', '»', '‹', '›', '‘', '’', '"', '\''];

/// The outermost quotations in `text[para]`.
pub fn find(text: &str, para: Range<usize>) -> Vec<Quoted> {
    let slice = text.get(para.clone()).unwrap_or("");
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    // The character before the mark being read (a doubled `''` counts as one `"`).
    let mut prev = ' ';
    let mut pos = 0;
    while let Some(skip) = slice[pos..].find(MARKS) {
        let i = pos + skip;
        prev = slice[pos..i].chars().next_back().unwrap_or(prev);
        let Some(mut c) = slice[i..].chars().next() else { break };
        let mut len = c.len_utf8();
        if c == '\'' && slice[i + 1..].starts_with('\'') {
            // ``''quoted''``, the New York Times style, works as a double quote.
            (c, len) = ('"', 2);
        }
        let next = slice[i + len..].chars().next().unwrap_or(' ');
        let at = para.start + i;
        let after_space = prev.is_whitespace() || "([{—–-/".contains(prev);
        let closes = stack.last().is_some_and(|o| o.closer.contains(&c));
        let letter_after = next.is_alphanumeric();
        let apostrophe = matches!(c, '’' | '\'') && prev.is_alphanumeric() && letter_after;
        if closes && !apostrophe && !(c == '\'' && !stack.is_empty() && after_space) {
            if let Some(open) = stack.pop()
                && stack.is_empty()
            {
                out.push(make(text, open, at + len, len));
            }
        } else if let Some(closer) = opener(c, after_space, next) {
            stack.push(Open { at, len, closer });
        }
        prev = c;
        pos = i + len;
    }
    if let Some(&open) = stack.first() {
        out.push(make(text, open, para.end, 0));
    }
    out
}

/// The closers an opening mark waits for, when `c` opens a quotation here.
fn opener(c: char, after_space: bool, next: char) -> Option<&'static [char]> {
    let starts_word = !next.is_whitespace();
    match c {
        '“' => Some(&['”', '“']),
        '„' => Some(&['“', '”']),
        // `”Fear. I am afraid.”`: a closing mark that nothing before it opened, before a
        // word, opens (a slip of typing, and Swedish and Finnish style).
        '”' if after_space && starts_word => Some(&['”']),
        '«' => Some(&['»']),
        '‹' => Some(&['›']),
        '‘' if starts_word => Some(&['’']),
        // `"people should avoid it,” adds Longo`: web text mixes straight and curly marks.
        '"' if after_space && starts_word => Some(&['"', '”']),
        '\'' if after_space && next.is_alphabetic() => Some(&['\'']),
        _ => None,
    }
}

fn make(text: &str, open: Open, end: usize, close_len: usize) -> Quoted {
    let inner_start = (open.at + open.len).min(end);
    let inner_end = (end - close_len).max(inner_start);
    let inner_text = &text[inner_start..inner_end];
    let trimmed = inner_text.trim_end_matches([',', '.', ' ']).trim_end();
    let lead = inner_text.len() - inner_text.trim_start().len();
    let inner = inner_start + lead..(inner_start + trimmed.len()).max(inner_start + lead);
    Quoted { outer: open.at..end, inner, closed: close_len > 0 }
}

/// Whether a quotation reads like a scare quote or a title (`the ‘Moscow format’ talks`)
/// rather than speech: a few words with no sentence punctuation and no verb-like word.
pub fn looks_like_label(inner: &str) -> bool {
    let words = inner.split_whitespace().count();
    let ends = inner.trim_end().ends_with(['.', '!', '?']);
    words <= 3 && !ends
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        find(text, 0..text.len()).into_iter().map(|q| &text[q.inner]).collect()
    }

    #[test]
    fn curly_double_quotes_split_around_the_attribution() {
        assert_eq!(inner("“We will stay,” he said. “It is our home.”"), ["We will stay", "It is our home"]);
    }

    #[test]
    fn a_straight_opening_mark_closes_with_a_curly_one() {
        let text = "He agreed, \"people should avoid it,” adds Longo, a director. “Yes,” he said.";
        assert_eq!(inner(text), ["people should avoid it", "Yes"]);
    }

    #[test]
    fn apostrophes_are_not_single_quotes() {
        assert_eq!(inner("The group’s ‘Moscow format’ talks don’t end."), ["Moscow format"]);
    }

    #[test]
    fn straight_and_guillemet_marks() {
        assert_eq!(
            inner("He said \"no way\" and 'not now' then «jamais» and „nein“."),
            ["no way", "not now", "jamais", "nein"]
        );
    }

    #[test]
    fn doubled_apostrophes_quote() {
        assert_eq!(inner("''It is fine,'' he said."), ["It is fine"]);
    }

    #[test]
    fn nested_quotes_stay_inside_the_outer_one() {
        assert_eq!(inner("“They call it ‘peace’ now,” she said."), ["They call it ‘peace’ now"]);
    }

    #[test]
    fn unclosed_quote_runs_to_the_paragraph_end() {
        let text = "“First paragraph of a long quote.";
        let q = find(text, 0..text.len());
        assert_eq!(q.len(), 1);
        assert!(!q[0].closed);
        assert_eq!(&text[q[0].inner.clone()], "First paragraph of a long quote");
    }

    #[test]
    fn a_closing_mark_before_a_word_opens() {
        assert_eq!(inner("”Fear. I am truly afraid.” ― Edwin Monroy"), ["Fear. I am truly afraid"]);
        assert_eq!(inner("He said ”no” twice."), ["no"]);
    }

    #[test]
    fn stray_closing_mark_is_ignored() {
        assert!(inner("It ended” and then nothing.").is_empty());
    }

    #[test]
    fn partial_quote_inside_a_sentence() {
        assert_eq!(inner("He called it “confidence-building measures.”"), ["confidence-building measures"]);
    }

    #[test]
    fn labels_are_short_and_unpunctuated() {
        assert!(looks_like_label("Moscow format"));
        assert!(!looks_like_label("We will not tolerate a single US soldier"));
    }
}
