//! Picks the element that holds the story: every segment adds its score ([`score::value`]) to
//! all elements above it, and the element with the highest total wins — the one that takes in
//! the most prose for the least chrome. Tells, for every segment, why it is left out, if it is.

use super::score::{self, Features};
use super::walk::Page;
use super::weights::BlockWeights;
use crate::model::RemovalReason;

/// The outcome of selection.
#[derive(Debug, Clone)]
pub(super) struct Selection {
    /// The elements whose segments are the story: the container and the siblings of it that
    /// continue the story (a lead paragraph in a wrapper of its own).
    pub regions: Vec<std::ops::Range<usize>>,
    /// Per segment: the boilerplate reason from hints, if any.
    pub hint: Vec<Option<RemovalReason>>,
    pub features: Vec<Features>,
    /// Per segment: whether it reads as prose ([`score::is_prose`]).
    pub prose: Vec<bool>,
}

impl Selection {
    /// The same judgements over the whole page: the second candidate when the chosen container
    /// gives next to nothing.
    pub fn whole_page(&self, page: &Page) -> Selection {
        let mut whole = self.clone();
        whole.regions.clear();
        whole.regions.push(0..page.elems.len());
        whole
    }
}

/// One way of choosing the container, before it is compared with another.
struct Choice {
    regions: Vec<std::ops::Range<usize>>,
    hint: Vec<Option<RemovalReason>>,
    /// The prose held in the regions.
    held: f64,
}

pub(super) fn select(page: &Page, w: &BlockWeights) -> Selection {
    let features: Vec<Features> = page.segments.iter().map(score::features).collect();
    let prose: Vec<f64> = page
        .segments
        .iter()
        .zip(&features)
        .map(|(s, f)| if score::is_prose(s, f, w) { f.chars as f64 } else { 0.0 })
        .collect();
    let total: f64 = prose.iter().sum();
    let mut choice = choose(page, &features, &prose, None, w);
    // Most of the prose under class hints (a live ticker in "comments", a story in "ad-wrapper"):
    // the class words were wrong for this page, so choose again without them. Not the comment
    // hints after a container that holds a story, though: there, readers wrote more than the
    // author (a blog post with a hundred comments).
    if choice.held < w.min_selected_prose_share * total {
        let story_end = choice.regions.iter().map(|r| r.end).max().filter(|_| choice.held >= w.story_min_prose_chars);
        let again = choose(page, &features, &prose, Some(story_end.unwrap_or(usize::MAX)), w);
        if again.held > choice.held {
            choice = again;
        }
    }
    // No prose anywhere (a page of short lines, a form, a stub): the story, if any, is the
    // page's visible text outside the hinted chrome.
    if choice.regions.is_empty() {
        choice.regions.push(0..page.elems.len());
    }
    Selection { regions: choice.regions, hint: choice.hint, features, prose: prose.iter().map(|p| *p > 0.0).collect() }
}

/// The best container with its continuing siblings, and the per-segment hints. With
/// `ignore_soft_from`, class and id hints are ignored, except comment hints on elements from
/// that index on.
fn choose(page: &Page, features: &[Features], prose: &[f64], ignore_soft_from: Option<usize>, w: &BlockWeights) -> Choice {
    let mut cleared = overruled_hints(page, prose, w);
    if let Some(from) = ignore_soft_from {
        for (i, (c, e)) in cleared.iter_mut().zip(&page.elems).enumerate() {
            *c |= e.hint.is_some_and(|h| h.soft && !(h.specific && i >= from));
        }
    }
    let elem_hint: Vec<Option<RemovalReason>> =
        (0..page.elems.len()).map(|i| effective_hint(page, &cleared, Some(i))).collect();
    let hint: Vec<Option<RemovalReason>> =
        page.segments.iter().map(|s| s.hinted.and_then(|h| elem_hint.get(h).copied().flatten())).collect();
    let values: Vec<f64> =
        page.segments.iter().zip(features).zip(&hint).map(|((s, f), h)| score::value(s, f, h.is_some(), w)).collect();
    let good: Vec<f64> = prose.iter().zip(&hint).map(|(p, h)| if h.is_some() { 0.0 } else { *p }).collect();
    let sums = sum_up(page, &values);
    let goods = sum_up(page, &good);
    let mut best: Option<(usize, f64)> = None;
    for (i, elem) in page.elems.iter().enumerate() {
        if !elem.block || elem_hint[i].is_some() || goods[i] <= 0.0 {
            continue;
        }
        let bonus = if elem.semantic { w.semantic_bonus * goods[i] } else { 0.0 };
        let total = sums[i] + bonus;
        if best.is_none_or(|(_, b)| total > b) {
            best = Some((i, total));
        }
    }
    let Some((container, _)) = best else {
        return Choice { regions: Vec::new(), hint, held: 0.0 };
    };
    let mut members = vec![container];
    if let Some(parent) = page.elems.get(container).and_then(|e| e.parent) {
        let best_good = goods[container];
        let continues =
            |c: usize| elem_hint[c].is_none() && sums[c] > 0.0 && goods[c] >= w.min_sibling_prose_share * best_good;
        // Only the siblings next to the container, and next to those: a story is contiguous.
        let siblings: Vec<usize> = children(page, parent).collect();
        if let Some(at) = siblings.iter().position(|&c| c == container) {
            let before = siblings[..at].iter().rev().take_while(|&&c| continues(c));
            let after = siblings[at + 1..].iter().take_while(|&&c| continues(c));
            members.extend(before.chain(after));
        }
    }
    members.sort_unstable();
    let held = members.iter().map(|&m| goods[m]).sum();
    let regions = members.iter().filter_map(|&m| page.elems.get(m).map(|e| m..e.end)).collect();
    Choice { regions, hint, held }
}

/// The direct children of element `parent`.
fn children(page: &Page, parent: usize) -> impl Iterator<Item = usize> + '_ {
    let end = page.elems.get(parent).map_or(parent, |e| e.end);
    let mut next = parent + 1;
    std::iter::from_fn(move || {
        if next >= end {
            return None;
        }
        let child = next;
        next = page.elems.get(child).map_or(end, |e| e.end);
        Some(child)
    })
}

/// Adds each segment's figure to its element, then each element's total to its parent.
fn sum_up(page: &Page, per_segment: &[f64]) -> Vec<f64> {
    let mut sums = vec![0.0; page.elems.len()];
    for (seg, v) in page.segments.iter().zip(per_segment) {
        if let Some(s) = sums.get_mut(seg.owner) {
            *s += v;
        }
    }
    // Children come after their parent in document order, so one backward pass suffices.
    for i in (0..page.elems.len()).rev() {
        if let Some(p) = page.elems[i].parent {
            let v = sums[i];
            sums[p] += v;
        }
    }
    sums
}

/// Soft hints on elements that hold much of the page's prose, which are then ignored; and
/// page-header and footer hints on elements holding an `<article>` or `<main>` (a header left
/// unclosed takes in the whole page).
fn overruled_hints(page: &Page, prose: &[f64], w: &BlockWeights) -> Vec<bool> {
    let sums = sum_up(page, prose);
    let total: f64 = prose.iter().sum();
    let stories: Vec<usize> = page.elems.iter().enumerate().filter(|(_, e)| e.semantic).map(|(i, _)| i).collect();
    let holds_story = |i: usize, e: &super::walk::Elem| {
        let next = stories.partition_point(|&s| s <= i);
        stories.get(next).is_some_and(|&s| s < e.end)
    };
    page.elems
        .iter()
        .enumerate()
        .zip(&sums)
        .map(|((i, e), s)| {
            let share = if total > 0.0 { s / total } else { 0.0 };
            e.hint.is_some_and(|h| {
                let limit = if h.soft { w.soft_hint_max_prose_share } else { w.hard_hint_max_prose_share };
                (!h.specific && share > limit) || (h.reason == RemovalReason::HeaderFooter && holds_story(i, e))
            })
        })
        .collect()
}

/// The reason of the innermost hint that holds from `start` up, skipping overruled ones.
fn effective_hint(page: &Page, cleared: &[bool], start: Option<usize>) -> Option<RemovalReason> {
    let mut at = start;
    while let Some(i) = at {
        let elem = page.elems.get(i)?;
        if let Some(h) = elem.hint
            && !cleared.get(i).copied().unwrap_or(false)
        {
            return Some(h.reason);
        }
        at = elem.hinted_ancestor;
    }
    None
}
