//! Turns the selected segments into the document body: keeps the story's paragraphs,
//! headings, list items and quotes in order; drops the headline, repeats and chrome, and
//! records why when asked.

use std::collections::HashMap;

use super::phrases;
use super::select::Selection;
use super::walk::{Page, Segment};
use super::weights::BlockWeights;
use crate::ExtractConfig;
use crate::model::{BlockKind, Document, NoArticle, Removal, RemovalReason};

/// Fills `doc.text` and `doc.blocks` from the page, `doc.removed` when `explain` is set and
/// `doc.comments` when `comments` is.
pub(super) fn assemble(
    doc: &mut Document,
    page: &Page,
    sel: &Selection,
    headlines: &[String],
    config: &ExtractConfig,
    w: &BlockWeights,
) {
    let keys: Vec<String> = doc.title.iter().chain(headlines).map(|t| key(t)).filter(|k| !k.is_empty()).collect();
    let mut repeats = Repeats { min_words: w.min_duplicate_words, ..Repeats::default() };
    let mut reasons: Vec<Option<RemovalReason>> = (0..page.segments.len()).map(|i| removal(page, sel, i, w)).collect();
    take_standfirst(&mut reasons, page, sel, &keys);
    keep_linked_headings(&mut reasons, page, sel);
    keep_inner_link_lists(&mut reasons, page, sel);
    drop_labels(&mut reasons, sel, w);
    trim_tail(&mut reasons, page, sel);
    trim_head(&mut reasons, page, sel, w);
    drop_bylines(&mut reasons, page, &doc.authors);
    for ((seg, reason), f) in page.segments.iter().zip(reasons).zip(&sel.features) {
        let reason = reason.or_else(|| repeats.check(page, seg, f.words, &keys));
        match reason {
            None => doc.push_block_in(&seg.text, seg.kind, seg.cell),
            Some(reason) => {
                if config.comments && reason == RemovalReason::Comments {
                    doc.comments.push(seg.text.clone());
                }
                if config.explain {
                    doc.removed.push(Removal { text: seg.text.clone(), reason });
                }
            }
        }
    }
    if doc.text.is_empty() {
        doc.no_article = Some(if page.segments.is_empty() { NoArticle::NoText } else { NoArticle::AllBoilerplate });
    }
}

/// What the body has shown so far: the headline, and each sentence with its block.
#[derive(Default)]
struct Repeats<'a> {
    /// Shortest line, in words, dropped when it repeats.
    min_words: f64,
    title_dropped: bool,
    seen: HashMap<&'a str, Option<usize>>,
}

impl<'a> Repeats<'a> {
    /// Why a segment that passed every other test still goes: it is the headline (once), or
    /// a copy of a sentence shown before.
    fn check(&mut self, page: &Page, seg: &'a Segment, words: usize, titles: &[String]) -> Option<RemovalReason> {
        if !self.title_dropped && is_title(&seg.text, seg.kind, seg.h1, titles) {
            self.title_dropped = true;
            return Some(RemovalReason::Title);
        }
        // Short lines repeat legitimately ("Pros", "Step 2", "Yes"). A sentence repeated in its
        // own block is the author's (a refrain); elsewhere on the page it is a second copy
        // (mobile and desktop versions, pull quotes).
        let sentence = words as f64 >= self.min_words;
        let block = page.elems.get(seg.owner).and_then(|e| e.parent);
        let first = *self.seen.entry(seg.text.as_str()).or_insert(block);
        (sentence && first != block).then_some(RemovalReason::Duplicate)
    }
}

/// The standfirst often sits between the headline and the story's container, in a header
/// of its own: prose found there, outside the container, joins the story.
fn take_standfirst(reasons: &mut [Option<RemovalReason>], page: &Page, sel: &Selection, titles: &[String]) {
    let inside = |s: &Segment| sel.regions.iter().any(|r| r.contains(&s.owner));
    let Some(start) = page.segments.iter().position(inside) else { return };
    let headline = page.segments[..start]
        .iter()
        .rposition(|s| (s.h1 || s.kind == BlockKind::Heading) && is_title(&s.text, s.kind, s.h1, titles));
    let Some(headline) = headline else { return };
    for (i, r) in reasons.iter_mut().enumerate().take(start).skip(headline + 1) {
        if *r == Some(RemovalReason::OutsideStory) && sel.prose.get(i).copied().unwrap_or(false) {
            *r = None;
        }
    }
}

/// A heading that is a link (a product in a round-up, a source the section is about) and
/// opens prose of the story is the story's heading.
fn keep_linked_headings(reasons: &mut [Option<RemovalReason>], page: &Page, sel: &Selection) {
    for i in 0..reasons.len().saturating_sub(1) {
        let Some(seg) = page.segments.get(i).filter(|_| reasons[i] == Some(RemovalReason::LinkDense)) else { continue };
        if seg.kind == BlockKind::Heading && kept_prose(reasons, sel, i + 1) && !points_elsewhere(&seg.text) {
            reasons[i] = None;
        }
    }
}

/// A list of links with the story's prose before and after it (products, sources, steps), or
/// closing the story inside the story's own box, is part of the story; a link list before it,
/// or after it in a box of its own, is a menu or a list of other stories.
fn keep_inner_link_lists(reasons: &mut [Option<RemovalReason>], page: &Page, sel: &Selection) {
    let linked_item = |r: &[Option<RemovalReason>], i: usize| {
        r[i] == Some(RemovalReason::LinkDense) && page.segments.get(i).is_some_and(|s| s.kind == BlockKind::ListItem)
    };
    let mut i = 1;
    while i < reasons.len() {
        if !linked_item(reasons, i) {
            i += 1;
            continue;
        }
        let end = (i..reasons.len()).find(|&j| !linked_item(reasons, j)).unwrap_or(reasons.len());
        // Items named in a few words each; one-word items are buttons ("Share", "Tweet").
        let words: usize = (i..end).filter_map(|j| sel.features.get(j)).map(|f| f.words).sum();
        let elsewhere = page.segments.get(i..end).is_some_and(|items| items.iter().any(|s| points_elsewhere(&s.text)));
        let named = words >= 3 * (end - i) && !elsewhere;
        // A list closing the story inside the story's own box (its `<ul>` beside the
        // paragraphs) is the story's too; one in a box of its own is other stories.
        let parent = |j: usize| page.segments.get(j).and_then(|s| page.elems.get(s.owner)).and_then(|e| e.parent);
        let grandparent = parent(i).and_then(|ul| page.elems.get(ul)).and_then(|e| e.parent);
        let beside_prose = grandparent.is_some() && grandparent == parent(i - 1);
        let closed = kept_prose(reasons, sel, end);
        if named && kept_prose(reasons, sel, i - 1) && (closed || beside_prose) {
            reasons[i..end].fill(None);
        }
        i = end;
    }
}

/// A link line that says it leads to another story (`See also: …`, `Lesen Sie auch: …`).
fn points_elsewhere(text: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "see also", "related", "read more", "read also", "also read", "more:", "lesen sie auch", "mehr zum thema",
        "siehe auch", "voir aussi", "lire aussi", "lea también", "leer también", "ver también", "mira:", "zobacz też",
    ];
    let head: String = text.chars().take(20).flat_map(char::to_lowercase).collect();
    OPENINGS.iter().any(|o| head.starts_with(o))
}

/// A short line right before a removed link list or prompt is its label ("Read more",
/// "Related", "Share this"): it goes with it.
fn drop_labels(reasons: &mut [Option<RemovalReason>], sel: &Selection, w: &BlockWeights) {
    use RemovalReason as R;
    // Judged against the removals before this pass, so labels do not chain up a run of lines.
    let before = reasons.to_vec();
    for i in (0..reasons.len().saturating_sub(1)).rev() {
        let next = before[i + 1];
        let labelled = matches!(
            next,
            Some(R::LinkDense | R::RelatedLinks | R::SharePrompt | R::Navigation | R::Advertisement | R::Comments)
        );
        let short = sel.features.get(i).is_some_and(|f| f.words as f64 <= w.max_label_words);
        if labelled && short && reasons[i].is_none() && !sel.prose.get(i).copied().unwrap_or(true) {
            reasons[i] = next;
        }
    }
}

/// After the story's last prose paragraph come its trailers: "Read more", tag lists, share
/// and subscribe prompts, copyright lines. Short lines there go, unless they sit in the same
/// block as that paragraph (a sign-off, a closing list), where the story itself goes on.
fn trim_tail(reasons: &mut [Option<RemovalReason>], page: &Page, sel: &Selection) {
    let kept_prose = |i: usize| kept_prose(reasons, sel, i);
    let parent = |i: usize| page.segments.get(i).and_then(|s| page.elems.get(s.owner)).and_then(|e| e.parent);
    let mut per_block: HashMap<usize, usize> = HashMap::new();
    for i in (0..reasons.len()).filter(|&i| kept_prose(i)) {
        if let Some(p) = parent(i) {
            *per_block.entry(p).or_default() += 1;
        }
    }
    let in_lone_block = |i: usize| parent(i).is_none_or(|p| per_block.get(&p).copied().unwrap_or(0) < 2);
    let prose_count: usize = per_block.values().sum();
    let lone_count = per_block.values().filter(|&&n| n == 1).count();
    // Where the story's paragraphs share blocks, its body ends at the last paragraph that has
    // company; a lone paragraph after it, in a box of its own, is a bio or a promotion.
    let grouped = lone_count * 2 < prose_count;
    let lone = |i: usize| grouped && in_lone_block(i);
    let Some(last) = (0..reasons.len()).rev().find(|&i| kept_prose(i) && !lone(i)) else { return };
    let body = block_of(page, last);
    let faq = faq_after(reasons, page, sel, last);
    let verdicts: Vec<bool> = (0..reasons.len())
        .map(|i| {
            let Some(seg) = page.segments.get(i) else { return false };
            let in_body = body.as_ref().is_some_and(|b| b.contains(&seg.owner));
            // A heading with nothing after it opens a block that was removed.
            let heading = seg.kind == BlockKind::Heading;
            let prose = sel.prose.get(i).copied().unwrap_or(false);
            i > last
                && reasons[i].is_none()
                && !faq.contains(&i)
                && seg.kind != BlockKind::ListItem
                && (heading || !in_body && (!prose || lone(i)))
        })
        .collect();
    for (r, drop) in reasons.iter_mut().zip(verdicts) {
        if drop {
            *r = Some(RemovalReason::Boilerplate);
        }
    }
}

/// Question headings after segment `last`, each with the paragraph right under it: a FAQ,
/// which stays. One alone is a promotion or a teaser asking its reader ("Need more help?").
fn faq_after(reasons: &[Option<RemovalReason>], page: &Page, sel: &Selection, last: usize) -> Vec<usize> {
    let asked = |i: usize| {
        let question = page.segments.get(i).is_some_and(|q| q.kind == BlockKind::Heading && q.text.ends_with('?'));
        question && kept_prose(reasons, sel, i + 1)
    };
    let items: Vec<usize> = (last + 1..page.segments.len()).filter(|&i| asked(i)).flat_map(|i| [i, i + 1]).collect();
    if items.len() >= 4 { items } else { Vec::new() }
}

/// Before the story's first prose paragraph come bylines, datelines, reading times and
/// breadcrumbs: short plain lines there go, headings stay.
fn trim_head(reasons: &mut [Option<RemovalReason>], page: &Page, sel: &Selection, w: &BlockWeights) {
    let Some(first) = (0..reasons.len()).find(|&i| kept_prose(reasons, sel, i)) else { return };
    for ((r, seg), f) in reasons.iter_mut().zip(&page.segments).zip(&sel.features).take(first) {
        if r.is_none() && seg.kind == BlockKind::Paragraph && f.words as f64 <= w.max_label_words {
            *r = Some(RemovalReason::Metadata);
        }
    }
}

/// A line that credits the page's author (`By Stephen Fidler`, `By Jane Doe and John Roe`,
/// `By Scott Levine – Updated Sep 9, 2025 at 1:00 PM EST`) is the byline wherever the story's
/// markup puts it: the author is metadata already, and the line is no part of the story's text
/// (trim_head misses it when the page sets it as a heading or a paragraph of prose). Only a
/// page's one such line: a listing credits each of its items the same way.
fn drop_bylines(reasons: &mut [Option<RemovalReason>], page: &Page, authors: &[String]) {
    if authors.is_empty() {
        return;
    }
    let line = |seg: &Segment| matches!(seg.kind, BlockKind::Paragraph | BlockKind::Heading);
    let mut bylines = page.segments.iter().enumerate().filter(|(_, seg)| line(seg) && is_byline(&seg.text, authors));
    if let (Some((i, _)), None) = (bylines.next(), bylines.next())
        && reasons[i].is_none()
    {
        reasons[i] = Some(RemovalReason::Metadata);
    }
}

/// Most words of what may follow the names in a byline (a date, a time, a role).
const MAX_BYLINE_TAIL_WORDS: usize = 14;

/// Whether `line` is `By` and the names of `authors`, joined by commas or `and`, then nothing
/// or a short tail with a date or time in it (`– Updated Sep 9, 2025`, `Published: Jun 25, 2025`).
fn is_byline(line: &str, authors: &[String]) -> bool {
    let line = line.trim().trim_end_matches(['.', ',', '|', '-', '—']).trim_end();
    let Some(names) = ["By ", "by ", "BY "].iter().find_map(|b| line.strip_prefix(b)) else { return false };
    let mut rest = names.trim();
    let mut named = false;
    while let Some(author) = authors.iter().find(|a| !a.is_empty() && rest.starts_with(a.as_str())) {
        named = true;
        rest = rest[author.len()..].trim_start_matches([',', ' ']);
        rest = rest.strip_prefix("and ").or_else(|| rest.strip_prefix("& ")).unwrap_or(rest);
    }
    let dated = rest.bytes().any(|b| b.is_ascii_digit()) && rest.split_whitespace().count() <= MAX_BYLINE_TAIL_WORDS;
    named && (rest.is_empty() || dated)
}

/// Whether segment `i` is prose the story keeps so far (false past the last segment).
fn kept_prose(reasons: &[Option<RemovalReason>], sel: &Selection, i: usize) -> bool {
    reasons.get(i).is_some_and(Option::is_none) && sel.prose.get(i).copied().unwrap_or(false)
}

/// The elements of the block holding segment `i`: its owner's parent and everything in it.
fn block_of(page: &Page, i: usize) -> Option<std::ops::Range<usize>> {
    let parent = page.segments.get(i).and_then(|s| page.elems.get(s.owner)).and_then(|e| e.parent)?;
    page.elems.get(parent).map(|e| parent..e.end)
}

/// Why segment `i` is not part of the story, judged by where it is and what it looks like.
fn removal(page: &Page, sel: &Selection, i: usize, w: &BlockWeights) -> Option<RemovalReason> {
    let seg = page.segments.get(i)?;
    if let Some(reason) = sel.hint.get(i).copied().flatten() {
        return Some(reason);
    }
    if !sel.regions.iter().any(|r| r.contains(&seg.owner)) {
        return Some(RemovalReason::OutsideStory);
    }
    let f = sel.features.get(i)?;
    if f.link_density > w.story_max_link_density {
        return Some(RemovalReason::LinkDense);
    }
    // Prose is judged by where it is, not by its words: stories discuss subscriptions too.
    if sel.prose.get(i).copied().unwrap_or(false) && f.words as f64 > w.max_prompt_prose_words {
        return None;
    }
    phrases::phrase_reason(&seg.text, f.words)
}

/// Lowercase letters and digits only, to compare headlines across punctuation and spacing.
fn key(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Whether a segment repeats the headline (any of the page's names for it, as keys): the
/// same text, or an `<h1>` a title contains.
fn is_title(text: &str, kind: BlockKind, h1: bool, titles: &[String]) -> bool {
    if kind != BlockKind::Heading && text.chars().count() > 300 {
        return false;
    }
    let k = key(text);
    !k.is_empty()
        && titles.iter().any(|t| k == *t || (h1 && k.len() >= 10 && (t.contains(&k) || k.contains(t.as_str()))))
}

#[cfg(test)]
mod byline_tests {
    use super::is_byline;

    #[test]
    fn a_line_of_by_the_authors_and_a_date_is_a_byline() {
        let authors = ["Stephen Fidler".to_string(), "Frances Robinson".to_string()];
        assert!(is_byline("By Stephen Fidler", &authors));
        assert!(is_byline("BY Stephen Fidler and Frances Robinson.", &authors));
        assert!(is_byline("by Frances Robinson, Stephen Fidler", &authors));
        assert!(is_byline("By Stephen Fidler – Updated Sep 9, 2025 at 1:00 PM EST", &authors));
        assert!(is_byline("By Frances RobinsonPublished: Jun 25, 2025", &authors));
        assert!(!is_byline("By Stephen Fidler and a colleague in Brussels", &authors));
        assert!(!is_byline("By Stephen Fidler, WSJ", &authors));
        assert!(!is_byline("By Tuesday, Stephen Fidler had left.", &authors));
        assert!(!is_byline("Stephen Fidler", &authors));
        assert!(!is_byline("By Stephen Fidler", &[]));
    }
}
