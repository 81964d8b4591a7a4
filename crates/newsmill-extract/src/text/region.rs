//! Smoothing: the story is a mostly contiguous region of the page. The region is the span of
//! lines with the largest total evidence of being story (maximum-sum subarray over per-line
//! gains); outside it only lines the classifier is very sure of survive, and inside it a
//! doubtful short line between two story lines (a subheading) is kept.

use std::ops::Range;

/// Outside the region, a line needs this probability to stay.
const OUTSIDE_MIN: f32 = 0.9;
/// Inside the region, a line between two kept lines stays from this share of the threshold.
const BRIDGE_SHARE: f32 = 0.6;

/// Each line's evidence: positive when the line reads as story, weighted by its length so a
/// long paragraph outweighs a menu label.
pub fn gains(p: &[f32], words: &[f32], threshold: f32) -> Vec<f32> {
    p.iter().zip(words).map(|(p, w)| (p - threshold) * (w + 1.0).sqrt()).collect()
}

/// The span with the largest sum of gains (Kadane), if any gain is positive.
pub fn best_region(gains: &[f32]) -> Option<Range<usize>> {
    let (mut best, mut best_range) = (0.0f32, None);
    let (mut sum, mut start) = (0.0f32, 0usize);
    for (i, g) in gains.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += g;
        if sum > best {
            best = sum;
            best_range = Some(start..i + 1);
        }
    }
    best_range
}

/// Why a line was dropped or kept by [`select`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Keep,
    /// Below the threshold.
    Low,
    /// Above the threshold but outside the story region.
    Outside,
}

/// The verdict of each line from its story probability and word count. A page with an
/// article rarely has none: when no line reaches the threshold, the most likely lines are
/// taken (the threshold drops to just under the best probability).
pub fn select(p: &[f32], words: &[f32], threshold: f32) -> Vec<Verdict> {
    let out = select_at(p, words, threshold);
    if out.contains(&Verdict::Keep) {
        return out;
    }
    let best = p.iter().copied().fold(0.0f32, f32::max);
    if best < FALLBACK_MIN { out } else { select_at(p, words, best * FALLBACK_SHARE) }
}

/// Below this best probability a page is taken to have no story at all.
const FALLBACK_MIN: f32 = 0.05;
/// When falling back, lines within this share of the best probability are kept.
const FALLBACK_SHARE: f32 = 0.8;

fn select_at(p: &[f32], words: &[f32], threshold: f32) -> Vec<Verdict> {
    let region = best_region(&gains(p, words, threshold)).unwrap_or(0..0);
    let mut out: Vec<Verdict> = p
        .iter()
        .enumerate()
        .map(|(i, &p)| match (p >= threshold, region.contains(&i)) {
            (false, _) => Verdict::Low,
            (true, true) => Verdict::Keep,
            (true, false) if p >= OUTSIDE_MIN => Verdict::Keep,
            (true, false) => Verdict::Outside,
        })
        .collect();
    for i in 1..p.len().saturating_sub(1) {
        let bridged = out[i - 1] == Verdict::Keep && out[i + 1] == Verdict::Keep;
        if out[i] == Verdict::Low && bridged && region.contains(&i) && p[i] >= threshold * BRIDGE_SHARE {
            out[i] = Verdict::Keep;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_heaviest_span() {
        assert_eq!(best_region(&[-1.0, 2.0, -0.5, 3.0, -4.0, 1.0]), Some(1..4));
        assert_eq!(best_region(&[-1.0, -2.0]), None);
    }

    #[test]
    fn drops_stray_lines_and_bridges_subheadings() {
        let p = [0.7, 0.1, 0.95, 0.4, 0.95, 0.1, 0.1, 0.1, 0.6];
        let w = [3.0, 3.0, 50.0, 4.0, 50.0, 3.0, 3.0, 3.0, 5.0];
        let v = select(&p, &w, 0.5);
        assert_eq!(v[0], Verdict::Outside);
        assert_eq!(v[2], Verdict::Keep);
        assert_eq!(v[3], Verdict::Keep);
        assert_eq!(v[8], Verdict::Outside);
    }

    #[test]
    fn a_page_with_only_doubtful_lines_keeps_its_best() {
        let v = select(&[0.1, 0.4, 0.35, 0.1], &[3.0, 80.0, 60.0, 3.0], 0.5);
        assert_eq!(v, vec![Verdict::Low, Verdict::Keep, Verdict::Keep, Verdict::Low]);
    }
}
