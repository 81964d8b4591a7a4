//! Sentence splitter over tokens. A sentence ends at `.`, `!`, `?` or `…` (with any closing
//! quotes and brackets after it) when the next token can start a sentence, at a line break
//! that ends a line such as a dateline or a headline, and always at a blank line.

use std::ops::Range;

use super::tokens::Token;

/// Closing quotes and brackets that stay with the sentence they close.
fn is_closer(s: &str) -> bool {
    matches!(s, "”" | "’" | "\"" | "'" | ")" | "]" | "»" | "’’" | "''")
}

/// Whether a straight quotation mark after a full stop opens the next sentence rather than
/// closing this one: `ended. "We won,"` — it touches the word after it (`after` is the text
/// that follows the mark). Curly marks say which they are; straight ones only by position.
pub(crate) fn opens_next_sentence(mark: &str, after: &str) -> bool {
    matches!(mark, "\"" | "'" | "''") && after.chars().next().is_some_and(char::is_alphanumeric)
}

fn is_terminal(s: &str) -> bool {
    s.starts_with(['.', '!', '?', '…']) && s.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

/// Can `s` start a sentence? Capitals, digits, opening quotes and brackets can.
fn can_start(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '“' | '‘' | '"' | '\'' | '(' | '[' | '«' | '-' | '–' | '—')
    })
}

/// An abbreviation with its period (`U.S.`) ends a sentence only before a word that cannot
/// continue one; titles (`Mr.`) never do.
fn abbreviation_ends(tok: &str, next: &str) -> bool {
    let title = crate::lang::en::TITLE_ABBREVIATIONS.contains(&tok.trim_end_matches('.').to_ascii_lowercase().as_str());
    let initial = tok.chars().count() == 2 && tok.starts_with(char::is_uppercase);
    !title
        && !initial
        && matches!(next, "The" | "He" | "She" | "It" | "They" | "We" | "I" | "But" | "In" | "A" | "This")
}

fn newlines_between(text: &str, a: &Range<usize>, b: &Range<usize>) -> usize {
    text.get(a.end..b.start).map_or(0, |gap| gap.matches('\n').count())
}

/// Splits `tokens` of `text` into sentences, as ranges of token indices.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    split_sentences_by(text, tokens.len(), |i| tokens[i].start as usize..tokens[i].end as usize, |_| false)
}

/// Splits the `n` tokens of `text` whose byte spans `span(i)` gives into sentences, as ranges
/// of token indices. A terminal at token `i` does not end its sentence where `protected(i)`
/// (the quote finder protects quotations: a full stop inside one does not end the sentence
/// that reports it). The one sentence splitter of the analysis: names and quotes agree on
/// where a sentence ends.
pub fn split_sentences_by(
    text: &str,
    n: usize,
    span: impl Fn(usize) -> Range<usize>,
    protected: impl Fn(usize) -> bool,
) -> Vec<Range<usize>> {
    let tok = |i: usize| text.get(span(i)).unwrap_or("");
    let mut out = Vec::with_capacity(n / 20 + 1);
    let mut start = 0;
    let mut i = 0;
    while i < n {
        let mut end = i + 1;
        let mut split = false;
        if is_terminal(tok(i)) && !protected(i) {
            while end < n
                && is_closer(tok(end))
                && !opens_next_sentence(tok(end), text.get(span(end).end..).unwrap_or(""))
                && newlines_between(text, &span(end - 1), &span(end)) == 0
            {
                end += 1;
            }
            split = end == n || can_start(tok(end));
        } else if tok(i).len() > 2 && tok(i).ends_with('.') && !protected(i) {
            split = end < n && abbreviation_ends(tok(i), tok(end));
        }
        if end < n {
            // A line break ends a line that is not running text (datelines, headlines); a
            // blank line ends a paragraph.
            let breaks = newlines_between(text, &span(end - 1), &span(end));
            split |= breaks >= 2 || breaks == 1 && can_start(tok(end));
        }
        if split || end == n {
            out.push(start..end);
            start = end;
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn sentences(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        split_sentences(text, &tokens)
            .into_iter()
            .map(|r| text[tokens[r.start].start as usize..tokens[r.end - 1].end as usize].to_string())
            .collect()
    }

    #[test]
    fn ends_inside_quotations() {
        let text = "“We will not tolerate it.” He said so. Then “why?” she asked.";
        assert_eq!(sentences(text), ["“We will not tolerate it.”", "He said so.", "Then “why?” she asked."]);
    }

    #[test]
    fn a_straight_mark_after_a_full_stop_opens_the_next_sentence() {
        let text = "The strike ended. \"We won,\" he said. \"It is over.\" Then it rained. 'Yes.' 'No.'";
        assert_eq!(
            sentences(text),
            ["The strike ended.", "\"We won,\" he said.", "\"It is over.\"", "Then it rained.", "'Yes.'", "'No.'"]
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let text = "Mr. Lavrov met J. R. R. Tolkien in the U.S. Army base on Nov. 9. The U.S. The talks went on.";
        assert_eq!(
            sentences(text),
            ["Mr. Lavrov met J. R. R. Tolkien in the U.S. Army base on Nov. 9.", "The U.S.", "The talks went on."]
        );
        // A delegate, an ambassador and an attorney before their names; Delaware ending one.
        let text = "\"No,\" said Del. Stacey Plaskett, with Amb. Sam Brown and Atty. Gen. Ann Lee. She lives in Dover, Del. She left.";
        assert_eq!(
            sentences(text),
            ["\"No,\" said Del. Stacey Plaskett, with Amb. Sam Brown and Atty. Gen. Ann Lee.", "She lives in Dover, Del.", "She left."]
        );
    }

    #[test]
    fn datelines_and_paragraphs() {
        let text = "9 Nov, 2018 22:21\nTaliban seeks talks\n\nany peace process is impossible.\nit said";
        assert_eq!(
            sentences(text),
            ["9 Nov, 2018 22:21", "Taliban seeks talks", "any peace process is impossible.\nit said"]
        );
    }

    #[test]
    fn empty_text_has_no_sentences() {
        assert!(sentences("  ").is_empty());
    }
}
