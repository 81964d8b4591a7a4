//! The words the pattern finders (amounts, dates) read: the analysis's tokens joined into
//! whitespace-separated words with their surrounding punctuation trimmed, byte spans into the
//! text, and whether a clause ends after the word, so a pattern never reaches across a comma
//! or a full stop.

use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Word<'a> {
    pub text: &'a str,
    pub span: Range<usize>,
    /// A comma, full stop, colon, semicolon, bracket or quote mark follows the word.
    pub ends_clause: bool,
}

const EDGE: &[char] =
    &['"', '\'', '“', '”', '‘', '’', '(', ')', '[', ']', ',', '.', ';', ':', '!', '?', '«', '»', '—', '–'];

/// The words of `text`: the analysis's tokens ([`crate::tokens`]) joined where no space
/// separates them (`15,000`, `$5.3`, `(about`), their edge punctuation then trimmed.
#[cfg(any(test, feature = "internals"))]
pub(crate) fn words(text: &str) -> Vec<Word<'_>> {
    words_of(text, &crate::tokens::tokenize(text))
}

/// As [`words`], from the text's tokens.
pub(crate) fn words_of<'a>(text: &'a str, tokens: &[crate::tokens::Token]) -> Vec<Word<'a>> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut run: Option<(usize, usize)> = None;
    for t in tokens {
        let (start, end) = (t.start as usize, t.end as usize);
        run = match run {
            Some((s, e)) if e == start => Some((s, end)),
            Some((s, e)) => {
                push(&mut out, text, s, e);
                Some((start, end))
            }
            None => Some((start, end)),
        };
    }
    if let Some((s, e)) = run {
        push(&mut out, text, s, e);
    }
    out
}

fn push<'a>(out: &mut Vec<Word<'a>>, text: &'a str, s: usize, e: usize) {
    let raw = &text[s..e];
    let lead = raw.len() - raw.trim_start_matches(EDGE).len();
    let mut core = raw.trim_start_matches(EDGE);
    // A trailing '.' stays on abbreviations (`Nov.`, `U.S.`) but leaves a number or word.
    let trimmed = core.trim_end_matches(EDGE);
    let tail = &core[trimmed.len()..];
    let abbreviation = tail == "." && trimmed.len() <= 4 && is_month(trimmed).is_some();
    let ends_clause = trimmed.len() < core.len() && !abbreviation;
    core = trimmed;
    if core.is_empty() {
        if let Some(last) = out.last_mut() {
            last.ends_clause = true;
        }
        return;
    }
    let start = s + lead;
    out.push(Word { text: core, span: start..start + core.len(), ends_clause });
}

/// Whether word `i` is `word`, in any case (compared in place: the scans ask it of every word).
pub(crate) fn word_is(w: &[Word], i: usize, word: &str) -> bool {
    w.get(i).is_some_and(|x| x.text.eq_ignore_ascii_case(word))
}

pub(crate) fn is_month(word: &str) -> Option<u32> {
    // Compared in any case in place: this runs for every word.
    let w = word.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    let prefix_of = |m: &str| m.len() >= w.len() && m.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes());
    crate::lang::en::MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(w) || (prefix_of(m) && (w.len() == 3 || w.eq_ignore_ascii_case("sept"))))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_carry_spans_and_clause_ends() {
        let text = "has almost 15,000 troops, (about “four percent”).";
        let w = words(text);
        let cores: Vec<&str> = w.iter().map(|w| w.text).collect();
        assert_eq!(cores, ["has", "almost", "15,000", "troops", "about", "four", "percent"]);
        assert!(w[3].ends_clause && !w[2].ends_clause && w[6].ends_clause);
        assert_eq!(&text[w[5].span.clone()], "four");
    }

    #[test]
    fn months() {
        assert_eq!(is_month("Nov."), Some(11));
        assert_eq!(is_month("Sept"), Some(9));
        assert_eq!(is_month("July"), Some(7));
        assert_eq!(is_month("Mayor"), None);
        assert_eq!(is_month("Ma"), None);
    }
}
