//! The line extractor: text a scraper flattened, page chrome included, to [`Document`].
//!
//! 1. [`page`]: the non-blank lines, with bullets, blank-line spacing and repetition.
//! 2. [`features`]: statistics of each line and its neighbours.
//! 3. [`model`]: a learned two-stage classifier gives each line a story probability.
//! 4. [`region`]: the story is one mostly contiguous region; stray lines outside it go.
//! 5. `metadata`: headline, dateline and byline above the story become metadata.
//! 6. `reasons`: why each dropped line went, for `--explain`.

pub mod features;
mod metadata;
pub mod model;
pub mod page;
mod reasons;
pub mod region;

use crate::ExtractConfig;
use crate::model::{BlockKind, Document, NoArticle, Removal, RemovalReason};
use model::LineModel;
use page::Page;
use region::Verdict;

/// Lines classified per page: each costs about a hundred bytes while it is classified.
const MAX_LINES: usize = 200_000;

/// Extracts the story from flattened text with the shipped model.
pub fn extract_text(text: &str, config: &ExtractConfig) -> Document {
    extract_with(text, LineModel::embedded(), config)
}

/// Extracts the story with a given model (training scores candidate models this way).
pub fn extract_with(text: &str, model: &LineModel, config: &ExtractConfig) -> Document {
    let mut doc = Document::default();
    let mut page = Page::parse(text);
    if page.lines.len() > MAX_LINES {
        // Bounded memory on hostile input: the story of a real page is far above this.
        page.lines.truncate(MAX_LINES);
        doc.warnings.push(format!("page has more than {MAX_LINES} lines; the rest was not read"));
    }
    if page.is_empty() {
        doc.no_article = Some(NoArticle::NoText);
        return doc;
    }
    let lines = features::LineFeatures::new(&page);
    let p = model.predict(&lines, &features::content_words(&page));
    let words: Vec<f32> = (0..lines.len()).map(|i| lines.words(i)).collect();
    drop(lines);
    let mut verdicts = region::select(&p, &words, model.threshold);
    for (v, line) in verdicts.iter_mut().zip(&page.lines) {
        if features::is_label_soup(line.content) {
            *v = Verdict::Low;
        }
    }
    let kept = |i: &usize| verdicts[*i] == Verdict::Keep;
    let first = (0..page.len()).filter(kept).find(|&i| prose_like(page.lines[i].content));
    let first = first.or_else(|| (0..page.len()).find(kept));
    let last_prose = (0..page.len()).rev().filter(kept).find(|&i| prose_like(page.lines[i].content));
    // At the edges of the story, short lines of share, consent or legal vocabulary are chrome.
    for (i, (v, line)) in verdicts.iter_mut().zip(&page.lines).enumerate() {
        let edge = first.is_none_or(|f| i < f) || last_prose.is_none_or(|l| i > l);
        if edge && *v == Verdict::Keep && reasons::chrome_by_vocabulary(line).is_some() {
            *v = Verdict::Low;
        }
    }
    let meta = metadata::find(&page, first);
    let last = verdicts.iter().rposition(|v| *v == Verdict::Keep).unwrap_or(0);
    let short_run = short_runs(&page);
    for (i, line) in page.lines.iter().enumerate() {
        let reason = if meta.title_lines.contains(&i) {
            Some(if meta.title_lines.first() == Some(&i) { RemovalReason::Title } else { RemovalReason::Duplicate })
        } else if meta.is_metadata(i) {
            Some(RemovalReason::Metadata)
        } else if verdicts[i] == Verdict::Keep {
            None
        } else {
            let ctx = reasons::Context { verdict: verdicts[i], short_run: short_run[i], after_story: i > last };
            Some(reasons::reason(line, &ctx))
        };
        match reason {
            None => doc.push_block(if line.bullet { line.content } else { line.text }, block_kind(line)),
            Some(reason) if config.explain => doc.removed.push(Removal { text: line.text.to_string(), reason }),
            Some(_) => {}
        }
    }
    doc.title = meta.title;
    // A flattened page's date is the dateline at the top of the story.
    doc.date_source = meta.published.as_ref().map(|_| crate::model::DateSource::Headline);
    doc.published = meta.published;
    doc.authors = meta.authors;
    if doc.text.is_empty() {
        doc.no_article = Some(NoArticle::AllBoilerplate);
    }
    doc
}

/// A line that reads as a paragraph rather than a headline or label: where the story starts.
fn prose_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let last = text.chars().last().unwrap_or(' ');
    words >= 20 || (words >= 10 && matches!(last, '.' | '!' | '?' | '"' | '”' | '’' | '»'))
}

fn block_kind(line: &page::Line) -> BlockKind {
    let words = line.content.split_whitespace().count();
    let last = line.content.chars().last().unwrap_or('.');
    if line.bullet {
        BlockKind::ListItem
    } else if words <= 12 && !matches!(last, '.' | '!' | '?' | '"' | '”' | ',' | ';') {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    }
}

/// Length of the run of short lines each line is in (for the removal reasons).
fn short_runs(page: &Page) -> Vec<usize> {
    let short: Vec<bool> = page.lines.iter().map(|l| l.content.split_whitespace().count() < 6).collect();
    let mut out = vec![0; short.len()];
    let mut i = 0;
    while i < short.len() {
        let start = i;
        while i < short.len() && short[i] {
            i += 1;
        }
        out[start..i].fill(i - start);
        i += usize::from(i == start);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_has_no_article() {
        let doc = extract_text("\n\n  \n", &ExtractConfig::default());
        assert_eq!(doc.no_article, Some(NoArticle::NoText));
        assert!(doc.text.is_empty());
    }

    #[test]
    fn explain_lists_removed_lines() {
        let text = "* Home\n* World\n* Sport\n\nA headline about the talks\n\nThe talks are at a very early stage, the delegation said on Friday, and so far they have amounted to little more than a few careful confidence-building measures between the sides.\n\nBoth sides said that they would meet again in the spring, after the elections, to discuss what happens to the remaining troops and to the prisoners.\n\nLike this story? Share it with a friend!\n";
        let config = ExtractConfig { explain: true, ..ExtractConfig::default() };
        let doc = extract_text(text, &config);
        assert!(doc.text.starts_with("The talks are"), "{}", doc.text);
        assert!(!doc.text.contains("Share it"));
        assert_eq!(doc.title.as_deref(), Some("A headline about the talks"));
        assert!(doc.removed.iter().any(|r| r.reason == RemovalReason::SharePrompt));
        assert!(doc.removed.iter().any(|r| r.reason == RemovalReason::Title));
    }
}
