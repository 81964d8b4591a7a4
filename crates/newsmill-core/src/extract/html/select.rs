//! Picks the element that holds the story: every segment adds its score ([`score::value`]) to
//! all elements above it, and the element with the highest total wins — the one that takes in
//! the most prose for the least chrome. Tells, for every segment, why it is left out, if it is.

use super::score::{self, Features};
use super::walk::Page;
use crate::model::RemovalReason;

/// Boilerplate hints from class words are overruled on an element holding this share of the
/// page's prose: a story wrapped in `<div class="has-sidebar">` is still the story.
const SOFT_HINT_MAX_PROSE_SHARE: f64 = 0.4;
/// The same for tag, role and `hidden` hints, which markup gets wrong less often (a story
/// inside `<header>`, a `role=dialog` overlay, or a streamed `<div hidden>` still happens).
const HARD_HINT_MAX_PROSE_SHARE: f64 = 0.6;
/// Below this share of the page's prose in the chosen container, class hints are distrusted.
const MIN_SELECTED_PROSE_SHARE: f64 = 0.25;
/// Extra weight of the prose inside `<article>`, `<main>` or `itemprop=articleBody`.
const SEMANTIC_BONUS: f64 = 0.2;

/// The outcome of selection.
#[derive(Debug)]
pub(super) struct Selection {
    /// The element holding the story; `None` when the page has no prose at all.
    pub container: Option<usize>,
    /// Per segment: the boilerplate reason from hints, if any.
    pub hint: Vec<Option<RemovalReason>>,
    pub features: Vec<Features>,
    /// Per segment: whether it reads as prose ([`score::is_prose`]).
    pub prose: Vec<bool>,
}

pub(super) fn select(page: &Page) -> Selection {
    let features: Vec<Features> = page.segments.iter().map(score::features).collect();
    let prose: Vec<f64> = page
        .segments
        .iter()
        .zip(&features)
        .map(|(s, f)| if score::is_prose(s, f) { f.chars as f64 } else { 0.0 })
        .collect();
    let total: f64 = prose.iter().sum();
    let (container, hint, good) = choose(page, &features, &prose, false);
    // Most of the prose under class hints (a live ticker in "comments", a story in "ad-wrapper"):
    // the class words were wrong for this page, so choose again without them.
    if good < MIN_SELECTED_PROSE_SHARE * total {
        let (c2, h2, g2) = choose(page, &features, &prose, true);
        if g2 > good {
            return Selection { container: c2, hint: h2, features, prose: prose.iter().map(|p| *p > 0.0).collect() };
        }
    }
    Selection { container, hint, features, prose: prose.iter().map(|p| *p > 0.0).collect() }
}

/// The best container, the per-segment hints, and the prose the container holds.
fn choose(
    page: &Page,
    features: &[Features],
    prose: &[f64],
    ignore_soft: bool,
) -> (Option<usize>, Vec<Option<RemovalReason>>, f64) {
    let mut cleared = overruled_hints(page, prose);
    if ignore_soft {
        for (c, e) in cleared.iter_mut().zip(&page.elems) {
            *c |= e.hint.is_some_and(|h| h.soft);
        }
    }
    let elem_hint: Vec<Option<RemovalReason>> =
        (0..page.elems.len()).map(|i| effective_hint(page, &cleared, Some(i))).collect();
    let hint: Vec<Option<RemovalReason>> =
        page.segments.iter().map(|s| s.hinted.and_then(|h| elem_hint.get(h).copied().flatten())).collect();
    let values: Vec<f64> =
        page.segments.iter().zip(features).zip(&hint).map(|((s, f), h)| score::value(s, f, h.is_some())).collect();
    let good: Vec<f64> = prose.iter().zip(&hint).map(|(p, h)| if h.is_some() { 0.0 } else { *p }).collect();
    let sums = sum_up(page, &values);
    let goods = sum_up(page, &good);
    let mut best: Option<(usize, f64)> = None;
    for (i, elem) in page.elems.iter().enumerate() {
        if !elem.block || elem_hint[i].is_some() || goods[i] <= 0.0 {
            continue;
        }
        let bonus = if elem.semantic { SEMANTIC_BONUS * goods[i] } else { 0.0 };
        let total = sums[i] + bonus;
        if best.is_none_or(|(_, b)| total > b) {
            best = Some((i, total));
        }
    }
    let container = best.map(|(i, _)| i);
    let held = container.and_then(|i| goods.get(i).copied()).unwrap_or(0.0);
    (container, hint, held)
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

/// Soft hints on elements that hold much of the page's prose, which are then ignored.
fn overruled_hints(page: &Page, prose: &[f64]) -> Vec<bool> {
    let sums = sum_up(page, prose);
    let total: f64 = prose.iter().sum();
    page.elems
        .iter()
        .zip(&sums)
        .map(|(e, s)| {
            let share = if total > 0.0 { s / total } else { 0.0 };
            e.hint.is_some_and(|h| {
                !h.specific && share > if h.soft { SOFT_HINT_MAX_PROSE_SHARE } else { HARD_HINT_MAX_PROSE_SHARE }
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
