//! The quote finder's view of a paragraph: the analysis's tokens as words written whole
//! (`Trump’s`), and its sentences from the one sentence splitter.

use std::ops::Range;

/// A token of the shared tokenizer, with its clitic kept on it; `word` when it holds a
/// letter or digit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Range<usize>,
    pub word: bool,
}

/// The tokens of `text` (for tests: the analysis tokenizes a text once, [`tokens_in`]).
#[cfg(test)]
pub fn tokens(text: &str, range: Range<usize>) -> Vec<Token> {
    tokens_in(text, range, &crate::tokens::tokenize(text))
}

/// The tokens of `text[range]` with byte spans into `text`, from the whole text's tokens
/// (`shared`, [`crate::tokens::tokenize`]; a line is tokenized alike alone or in its text, and a
/// paragraph is a line), with the clitics the tokenizer splits off (`’s`, `n't`, `'ll`) kept on
/// their word, since the quote rules read words as they are written (`Trump’s`, `don't`).
pub fn tokens_in(text: &str, range: Range<usize>, shared: &[crate::tokens::Token]) -> Vec<Token> {
    let shared = crate::tokens::within(shared, range);
    let mut out: Vec<Token> = Vec::with_capacity(shared.len());
    for t in shared {
        let span = t.start as usize..t.end as usize;
        let s = text.get(span.clone()).unwrap_or("");
        if let Some(last) = out.last_mut().filter(|l| l.word && l.span.end == span.start && is_clitic(s)) {
            last.span.end = span.end;
            continue;
        }
        out.push(Token { span, word: s.chars().any(char::is_alphanumeric) });
    }
    out
}

/// A clitic the tokenizer splits off a word: an apostrophe and letters, or `n't`.
fn is_clitic(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some('\'' | '’') => chars.next().is_some_and(char::is_alphabetic),
        Some('n' | 'N') => ["'t", "’t"].iter().any(|t| s[1..].eq_ignore_ascii_case(t)),
        _ => false,
    }
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

/// Sentences of one paragraph as token index ranges, by the analysis's one sentence splitter
/// ([`crate::sentences::split_sentences_by`]). `protected` says whether a token sits inside a
/// quotation, where a full stop does not end the reporting sentence.
pub fn sentences(text: &str, toks: &[Token], protected: impl Fn(usize) -> bool) -> Vec<Range<usize>> {
    crate::sentences::split_sentences_by(text, toks.len(), |i| toks[i].span.clone(), protected)
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
    fn clitics_stay_on_their_word_and_closing_marks_do_not() {
        assert_eq!(words("don’t won't ministers' talks"), ["don’t", "won't", "ministers", "'", "talks"]);
        assert_eq!(words("‘Our goal’: 15,000"), ["‘", "Our", "goal", "’", ":", "15,000"]);
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
