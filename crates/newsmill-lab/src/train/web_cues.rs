//! The cue spans of an article annotated under news-analysis-dev's GUIDELINES.md, for the
//! quote taggers to learn from. The annotations give each quote's cue words and the start of
//! its content, not offsets: the cue is the occurrence of those words nearest the content,
//! in its paragraph or the one before, outside the quotation it attributes.

use std::ops::Range;

use crate::news_analysis::{GoldArticle, find_bytes};

/// The cue spans (bytes) of `article`'s quotes, or `None` when a cue cannot be placed: a
/// cue left unmarked would teach the tagger that those words are no cue.
pub fn cue_spans(article: &GoldArticle) -> Option<Vec<Range<usize>>> {
    let text = article.text.as_str();
    let mut out: Vec<Range<usize>> = Vec::new();
    for q in &article.quotes {
        let words = cue_words(&q.cue);
        if words.is_empty() {
            continue;
        }
        let content = find_bytes(text, &q.content_start)?;
        let quoted = quotation_around(text, content.start).unwrap_or(content.clone());
        let cue = nearest(text, &words, quoted)?;
        if !out.contains(&cue) {
            out.push(cue);
        }
    }
    Some(out)
}

/// The cue's words, lower case, without a trailing `that` (PolNeAR, the taggers' first
/// teacher, leaves the complementizer out of the cue).
fn cue_words(cue: &str) -> Vec<String> {
    let mut words: Vec<String> = cue.split_whitespace().map(str::to_lowercase).collect();
    if words.len() > 1 && words.last().is_some_and(|w| w == "that") {
        words.pop();
    }
    words
}

/// The quotation `start` opens, from its opening mark to its closing one, when a mark
/// stands right before it.
fn quotation_around(text: &str, start: usize) -> Option<Range<usize>> {
    let before = text[..start].trim_end();
    let mark = before.chars().next_back().filter(|c| matches!(c, '“' | '"' | '‘'))?;
    let close = match mark {
        '“' => '”',
        '‘' => '’',
        _ => '"',
    };
    let end = text[start..].find(close).map_or(text.len(), |i| start + i);
    Some(before.len() - mark.len_utf8()..end)
}

/// The occurrence of `words` (whole words, any case, any space between) nearest `quoted`,
/// outside it, in its paragraph, or else in the paragraph before.
fn nearest(text: &str, words: &[String], quoted: Range<usize>) -> Option<Range<usize>> {
    let para_start = |at: usize| text[..at].rfind('\n').map_or(0, |i| i + 1);
    let here = para_start(quoted.start);
    let to = text[quoted.end..].find('\n').map_or(text.len(), |i| quoted.end + i);
    let before = text[..here].trim_end_matches(['\n', ' ']).len();
    nearest_in(text, here..to, words, &quoted).or_else(|| nearest_in(text, para_start(before)..here, words, &quoted))
}

/// The occurrence of `words` in `window` of `text` nearest `quoted`, outside it.
fn nearest_in(text: &str, window: Range<usize>, words: &[String], quoted: &Range<usize>) -> Option<Range<usize>> {
    let from = window.start;
    let lower = text[window.clone()].to_lowercase();
    // Lower-casing may change lengths; fall back to the window itself when it does.
    let hay = if lower.len() == window.len() { lower } else { text[window].to_string() };
    let mut best: Option<(usize, Range<usize>)> = None;
    let mut at = 0;
    while let Some(i) = hay[at..].find(words[0].as_str()) {
        let start = at + i;
        at = start + words[0].len();
        let Some(end) = words_at(&hay, start, words) else { continue };
        let span = from + start..from + end;
        if span.start < quoted.end && quoted.start < span.end {
            continue;
        }
        let distance = if span.end <= quoted.start { quoted.start - span.end } else { span.start - quoted.end };
        if best.as_ref().is_none_or(|(d, _)| distance < *d) {
            best = Some((distance, span));
        }
    }
    best.map(|(_, span)| span)
}

/// Where `words` end when they stand at `start` of `hay` as whole words.
fn words_at(hay: &str, start: usize, words: &[String]) -> Option<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    if hay[..start].chars().next_back().is_some_and(is_word) {
        return None;
    }
    let mut end = start;
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            let rest = &hay[end..];
            let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
            if trimmed.len() == rest.len() {
                return None;
            }
            end += rest.len() - trimmed.len();
        }
        if !hay[end..].starts_with(w.as_str()) {
            return None;
        }
        end += w.len();
    }
    (!hay[end..].chars().next().is_some_and(is_word)).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::news_analysis::GoldQuote;

    fn article(text: &str, quotes: &[(&str, &str)]) -> GoldArticle {
        GoldArticle {
            name: "t".into(),
            path: "t.txt".into(),
            text: text.into(),
            entities: Vec::new(),
            quotes: quotes
                .iter()
                .map(|(content, cue)| GoldQuote {
                    content_start: content.to_string(),
                    speaker: None,
                    speaker_named: true,
                    cue: cue.to_string(),
                })
                .collect(),
        }
    }

    fn shown(a: &GoldArticle) -> Option<Vec<&str>> {
        Some(cue_spans(a)?.into_iter().map(|r| &a.text[r]).collect())
    }

    #[test]
    fn the_cue_outside_its_quotation_nearest_the_content() {
        let text = "Lee said it rained.\n“We said no to it all,” Ana Lima said. Critics say otherwise.";
        let a = article(text, &[("We said no", "said")]);
        let spans = cue_spans(&a).unwrap_or_default();
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].start, text.find(" said. Critics").unwrap_or(0) + 1);
    }

    #[test]
    fn a_trailing_that_is_no_part_of_the_cue_and_words_are_whole() {
        let text = "The sayings aside, the study found that sleep helps.";
        assert_eq!(shown(&article(text, &[("sleep helps", "found that")])), Some(vec!["found"]));
        let text = "Ministers are SAYING nothing; according  to the agency, prices rose.";
        assert_eq!(shown(&article(text, &[("prices rose", "According to")])), Some(vec!["according  to"]));
    }

    #[test]
    fn a_cue_that_cannot_be_placed_fails_the_article() {
        let text = "Prices rose, the agency said.\n\nNothing else here.";
        assert_eq!(shown(&article(text, &[("Prices rose", "reported")])), None);
        assert_eq!(shown(&article(text, &[("Prices rose", "")])), Some(vec![]));
    }
}
