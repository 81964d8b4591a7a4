//! Light word and sentence scanning, enough for finding quotes without the full tokenizer.

use std::ops::Range;

use crate::sentences::opens_next_sentence;

/// A word (letters, digits, inner `.'’-`) or one punctuation character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Range<usize>,
    pub word: bool,
}

/// Splits `text[range]` into tokens with byte spans into `text`.
/// Day names, lowercase: time words around cues and speakers.
pub const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

pub fn tokens(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut out = Vec::new();
    let slice = text.get(range.clone()).unwrap_or("");
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let start = range.start + i;
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token { span: start..start + c.len_utf8(), word: false });
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            let inner = matches!(d, '.' | '\'' | '’' | '-' | '&');
            let next_alnum = slice[j + d.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric);
            if d.is_alphanumeric() || (inner && next_alnum) {
                end = range.start + j + d.len_utf8();
                chars.next();
            } else if d == '.' && is_abbrev(&text[start..end]) {
                // Keep the period of `Mr.` and `U.S.` on the word.
                end = range.start + j + 1;
                chars.next();
                break;
            } else {
                break;
            }
        }
        out.push(Token { span: start..end, word: true });
    }
    out
}

const ABBREVS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "st", "jr", "sr", "prof", "rev",
    "u.s", "u.n", "u.k", "d.c", "inc", "corp", "co", "ltd", "vs", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
    "ft", "pres", "atty", "supt", "e.g", "i.e",
];

/// Whether `word` (without its period) is an abbreviation or an initial.
pub fn is_abbrev(word: &str) -> bool {
    let lower = word.to_lowercase();
    // `G.K.`, `D.C.`: letters with inner periods are initials.
    let initials = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
    (word.chars().count() == 1 && word.chars().all(char::is_uppercase)) || initials || ABBREVS.contains(&lower.as_str())
}

/// Paragraphs: the non-blank lines of `text`.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        let lead = trimmed.len() - trimmed.trim_start().len();
        if !trimmed.trim().is_empty() {
            out.push(start + lead..start + trimmed.len());
        }
        start += line.len();
    }
    out
}

/// Sentences of one paragraph as token index ranges. `protected` says whether a token sits
/// inside a quotation, where a full stop does not end the reporting sentence.
pub fn sentences(text: &str, toks: &[Token], protected: impl Fn(usize) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < toks.len() {
        let t = &text[toks[i].span.clone()];
        if matches!(t, "." | "!" | "?") && !protected(i) {
            let mut end = i + 1;
            // Closing marks and brackets belong to the sentence they close.
            while end < toks.len()
                && matches!(&text[toks[end].span.clone()], "”" | "’" | "\"" | "'" | ")" | "»")
                && !opens_next_sentence(&text[toks[end].span.clone()], &text[toks[end].span.end..])
            {
                end += 1;
            }
            let next_starts = toks.get(end).is_none_or(|n| {
                let c = text[n.span.clone()].chars().next().unwrap_or(' ');
                c.is_uppercase() || c.is_numeric() || "“‘\"'«„(".contains(c)
            });
            if next_starts {
                out.push(start..end);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if start < toks.len() {
        out.push(start..toks.len());
    }
    out
}

/// The text a token range covers (test output).
#[cfg(test)]
pub(crate) fn show(text: &str, toks: &[Token], r: Range<usize>) -> String {
    if r.is_empty() {
        return String::new();
    }
    text[toks[r.start].span.start..toks[r.end - 1].span.end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text, 0..text.len()).iter().map(|t| &text[t.span.clone()]).collect()
    }

    #[test]
    fn words_keep_abbreviations_and_apostrophes() {
        assert_eq!(
            words("Mr. Trump’s U.S. plan, he said."),
            ["Mr.", "Trump’s", "U.S.", "plan", ",", "he", "said", "."]
        );
    }

    #[test]
    fn a_straight_mark_after_a_full_stop_opens_the_next_sentence() {
        let text = "The strike ended. \"We won,\" said Jansen.";
        let toks = tokens(text, 0..text.len());
        let sents = sentences(text, &toks, |_| false);
        assert_eq!(show(text, &toks, sents[0].clone()), "The strike ended.");
        assert_eq!(show(text, &toks, sents[1].clone()), "\"We won,\" said Jansen.");
    }

    #[test]
    fn sentences_split_after_full_stops_only_outside_quotes() {
        let text = "He left. Mr. Smith said no. Then it rained.";
        let toks = tokens(text, 0..text.len());
        assert_eq!(sentences(text, &toks, |_| false).len(), 3);
    }
}
