//! Feature templates. Static features depend on the paragraph and, for the source and content
//! taggers, on the cues the cue tagger found; dynamic ones on the labels already given.

use std::ops::Range;

use crate::hashing::{feature as f, feature2 as f2};
use super::Role;
use super::view::{ParaView, spans};

#[derive(Clone, Copy)]
enum T {
    Bias = 1,
    Word,
    WordPrev,
    WordNext,
    WordPrev2,
    WordNext2,
    BigramPrev,
    BigramNext,
    Suffix,
    Shapes,
    Lex,
    LexNeighbours,
    Quoted,
    SentPos,
    SentEnd,
    Rule,
    RuleWord,
    CueSide,
    CueSideWord,
    CueSideShape,
    CueSideHead,
    CueSideQuoted,
    CueNext,
    Prev,
    PrevWord,
    PrevRule,
    PrevCueSide,
    WordQuoted,
    WordShapePrev,
    Stem,
    SentQuote,
    WordNextShape,
    Entity,
    EntityWindow,
    EntityWord,
    CueSideEntity,
    Fine,
    FinePrev,
    FineNext,
    CoarseWindow,
    CueSideFine,
}

impl From<T> for u64 {
    fn from(t: T) -> u64 {
        t as u64
    }
}

/// Distance buckets: near distances exact, far ones coarse.
fn bucket(d: usize) -> u64 {
    match d {
        0..=3 => d as u64,
        4..=5 => 4,
        6..=9 => 5,
        10..=19 => 6,
        20..=39 => 7,
        _ => 8,
    }
}

/// Where the cues are, seen from each token: the nearest cue span on each side.
pub struct CueContext {
    cues: Vec<Range<usize>>,
}

impl CueContext {
    pub fn new(cue_labels: &[u8]) -> CueContext {
        CueContext { cues: spans(cue_labels) }
    }

    /// A summary of the nearest cue of token `i`: side (0 none, 1 cue before, 2 after,
    /// 3 inside), distance bucket, same sentence, and the index of that cue span.
    fn nearest(&self, view: &ParaView, i: usize) -> (u64, u64, bool, Option<usize>) {
        match nearest_span(&self.cues, i, |c| view.sent[i].contains(&c.start)) {
            None => (0, 0, false, None),
            Some((k, d, same)) => {
                let c = &self.cues[k];
                let side = if c.contains(&i) {
                    3
                } else if c.end <= i {
                    1
                } else {
                    2
                };
                (side, bucket(d), same, Some(k))
            }
        }
    }
}

/// The span of `spans` (sorted, not overlapping) nearest to token `i`, preferring those for
/// which `same` holds (the token's own sentence), with the distance in tokens: only the span
/// holding `i` and the nearest on each side can win, so a binary search finds it.
pub fn nearest_span(
    spans: &[Range<usize>],
    i: usize,
    same: impl Fn(&Range<usize>) -> bool,
) -> Option<(usize, usize, bool)> {
    let after = spans.partition_point(|c| c.start <= i);
    let mut best: Option<(usize, usize, bool)> = None;
    for k in [after.checked_sub(1), Some(after)].into_iter().flatten() {
        let Some(c) = spans.get(k) else { continue };
        let d = if c.contains(&i) {
            0
        } else if c.end <= i {
            i - c.end + 1
        } else {
            c.start - i
        };
        let s = same(c);
        if best.is_none_or(|(_, bd, bs)| (!s, d) < (!bs, bd)) {
            best = Some((k, d, s));
        }
    }
    best
}

/// The features of token `i` that do not depend on earlier labels; returns the summary of
/// where the nearest cue is, which the dynamic features combine with the previous label.
/// (Tagging builds the same from a paragraph's cached [`shared_statics`] and [`role_statics`].)
#[cfg(any(test, feature = "internals"))]
pub fn statics(view: &ParaView, role: Role, cues: Option<&CueContext>, i: usize, out: &mut Vec<u64>) -> u64 {
    out.clear();
    shared_statics(view, i, out);
    role_statics(view, role, cues, i, out)
}

/// How many features [`shared_statics`] gives.
pub const SHARED_STATICS: usize = 28;

/// The first [`SHARED_STATICS`] of [`statics`]: those the three roles share (a token tagged
/// for several roles computes them once).
pub fn shared_statics(view: &ParaView, i: usize, out: &mut Vec<u64>) {
    let a = Around { view, i };
    let (w, shape) = (|k| a.word(k), |k| a.at(k, &view.shape));
    out.push(f(T::Bias, 0));
    out.push(f(T::Word, w(0)));
    out.push(f(T::WordPrev, w(-1)));
    out.push(f(T::WordNext, w(1)));
    out.push(f(T::WordPrev2, w(-2)));
    out.push(f(T::WordNext2, w(2)));
    out.push(f2(T::BigramPrev, w(-1), w(0)));
    out.push(f2(T::BigramNext, w(0), w(1)));
    out.push(f(T::Suffix, view.suffix[i]));
    out.push(f(T::Shapes, shape(-1) | shape(0) << 4 | shape(1) << 8));
    out.push(f(T::Lex, view.lex[i] as u64));
    out.push(f(T::LexNeighbours, a.at(-1, &view.lex) | a.at(1, &view.lex) << 4 | a.at(2, &view.lex) << 8));
    let quoted_bits = a.quoted(-1) | a.quoted(0) << 2 | a.quoted(1) << 4;
    out.push(f(T::Quoted, quoted_bits));
    out.push(f2(T::WordQuoted, w(0), quoted_bits));
    out.push(f2(T::WordShapePrev, w(0), shape(-1) | shape(-2) << 4));
    out.push(f2(T::WordNextShape, w(0), shape(1) | shape(2) << 4));
    out.push(f(T::Stem, view.stem[i]));
    let cl = |k| a.classes(k);
    out.push(f(T::Fine, cl(0).1));
    out.push(f(T::FinePrev, cl(-1).1));
    out.push(f(T::FineNext, cl(1).1));
    out.push(f(T::CoarseWindow, cl(-1).0 | cl(0).0 << 16 | cl(1).0 << 32));
    let e = |k| a.entity(k);
    out.push(f(T::Entity, e(0)));
    out.push(f(T::EntityWindow, e(-2) | e(-1) << 4 | e(0) << 8 | e(1) << 12 | e(2) << 16));
    out.push(f2(T::EntityWord, e(-1) | e(1) << 4, w(0)));
    let sent = &view.sent[i];
    out.push(f(T::SentPos, bucket(i - sent.start)));
    out.push(f(T::SentEnd, bucket(sent.end.saturating_sub(i + 1))));
    out.push(f2(T::SentQuote, view.sent_quoted[i] as u64, w(0)));
    let rule = view.rule[i];
    let rule_all = rule[0] as u64 | (rule[1] as u64) << 2 | (rule[2] as u64) << 4;
    out.push(f(T::Rule, rule_all));
}

/// The rest of [`statics`]: what depends on the role and on the cues found.
pub fn role_statics(view: &ParaView, role: Role, cues: Option<&CueContext>, i: usize, out: &mut Vec<u64>) -> u64 {
    let a = Around { view, i };
    let rule = view.rule[i];
    out.push(f2(T::RuleWord, rule[role as usize] as u64, a.word(0)));
    let Some(ctx) = cues else { return 0 };
    let (side, dist, same, k) = ctx.nearest(view, i);
    let side_key = side | dist << 2 | (same as u64) << 6;
    out.push(f(T::CueSide, side_key));
    out.push(f2(T::CueSideWord, side_key, a.word(0)));
    out.push(f2(T::CueSideShape, side_key, view.shape[i] as u64));
    out.push(f2(T::CueSideQuoted, side_key, a.quoted(0) | (rule[role as usize] as u64) << 2));
    out.push(f2(T::CueSideEntity, side_key, a.entity(0)));
    out.push(f2(T::CueSideFine, side_key, a.classes(0).1));
    if let Some(c) = k.map(|k| &ctx.cues[k]) {
        let head = view.word[c.end - 1];
        out.push(f2(T::CueSideHead, side | (same as u64) << 2, head));
        let next = view.word.get(c.end).copied().unwrap_or(0x5151);
        out.push(f2(T::CueNext, side | dist << 2, next));
    }
    side_key
}

/// Token `i` of a paragraph and its neighbours, with the values the templates read past the
/// paragraph's edges.
struct Around<'v> {
    view: &'v ParaView,
    i: usize,
}

impl Around<'_> {
    fn index(&self, k: isize) -> Option<usize> {
        self.i.checked_add_signed(k).filter(|&j| j < self.view.len())
    }

    fn word(&self, k: isize) -> u64 {
        self.index(k).map_or(0x5151, |j| self.view.word[j])
    }

    fn at(&self, k: isize, v: &[u8]) -> u64 {
        self.index(k).map_or(9, |j| v[j] as u64)
    }

    fn quoted(&self, k: isize) -> u64 {
        self.index(k).map_or(2, |j| self.view.quoted[j] as u64)
    }

    /// Coarse and fine classes.
    fn classes(&self, k: isize) -> (u64, u64) {
        self.index(k).map_or((0xFFFE, 0xFFFE), |j| {
            let c = self.view.cluster[j];
            (c.coarse as u64, c.fine as u64)
        })
    }

    fn entity(&self, k: isize) -> u64 {
        self.at(k, &self.view.entity)
    }
}

/// The features that depend on the label of the token before.
#[cfg(feature = "internals")]
pub fn dynamics(view: &ParaView, role: Role, cue_side: u64, i: usize, prev: u8, out: &mut Vec<u64>) {
    out.clear();
    out.extend(fixed_dynamics(prev, view.rule[i][role as usize]));
    out.extend(token_dynamics(view.word[i], cue_side, prev));
}

/// The dynamic features that depend only on the previous label and the rule finder's label,
/// so that a tagger can score them once per paragraph.
pub fn fixed_dynamics(prev: u8, rule: u8) -> [u64; 2] {
    [f(T::Prev, prev as u64), f2(T::PrevRule, prev as u64, rule as u64)]
}

/// The dynamic features that depend on the token as well.
pub fn token_dynamics(word: u64, cue_side: u64, prev: u8) -> [u64; 2] {
    [f2(T::PrevWord, prev as u64, word), f2(T::PrevCueSide, prev as u64, cue_side)]
}

#[cfg(test)]
mod tests {
    use super::super::super::attribute;
    use super::super::view::{self, ParaView};
    use super::*;

    #[test]
    fn the_shared_features_are_the_first_of_every_role_s() {
        let text = "“We will stay,” the minister said on Friday, and aides agreed.";
        let (rules, scans) = attribute::analyze(text);
        let para = ParaView::new(text, &scans[0], &view::rule_spans(&rules), &[]);
        let cues = CueContext::new(&vec![view::O; para.len()]);
        let (mut shared, mut all) = (Vec::new(), Vec::new());
        for i in 0..para.len() {
            shared.clear();
            shared_statics(&para, i, &mut shared);
            assert_eq!(shared.len(), SHARED_STATICS);
            for (role, ctx) in [(Role::Cue, None), (Role::Source, Some(&cues)), (Role::Content, Some(&cues))] {
                statics(&para, role, ctx, i, &mut all);
                assert_eq!(all[..SHARED_STATICS], shared[..]);
            }
        }
    }
}
