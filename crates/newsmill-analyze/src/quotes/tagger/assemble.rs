//! Tying tagged spans into attributions: every cue is one attribution; each source goes to the
//! nearest cue of its sentence, each content piece to the nearest cue of its paragraph, and a
//! paragraph with content but no cue continues the attribution before it.

use std::ops::Range;

use super::super::attribute::{Attribution, ParaScan, attach_orphans};
use super::view::{ParaView, spans};

/// Tokens between two spans; 0 when they touch or overlap.
fn gap(a: &Range<usize>, b: &Range<usize>) -> usize {
    b.start.saturating_sub(a.end).max(a.start.saturating_sub(b.end))
}

/// Among `spans` (sorted by start), the one nearest to `r` for which `same` holds first, then
/// any: only the last span starting at or before `r` and the first after it can be nearest.
fn nearest(spans: &[Range<usize>], r: &Range<usize>, same: impl Fn(&Range<usize>) -> bool) -> Option<usize> {
    let after = spans.partition_point(|c| c.start <= r.start);
    [after.checked_sub(1), Some(after)]
        .into_iter()
        .flatten()
        .filter(|&k| k < spans.len())
        .min_by_key(|&k| (!same(&spans[k]), gap(&spans[k], r)))
}

/// Like `nearest`, among the spans that lie wholly outside `r`.
fn nearest_outside(spans: &[Range<usize>], r: &Range<usize>, same: impl Fn(&Range<usize>) -> bool) -> Option<usize> {
    let before = spans.partition_point(|c| c.start < r.start).checked_sub(1).filter(|&k| spans[k].end <= r.start);
    let after = Some(spans.partition_point(|c| c.start < r.end)).filter(|&k| k < spans.len());
    [before, after].into_iter().flatten().min_by_key(|&k| (!same(&spans[k]), gap(&spans[k], r)))
}

/// Adds the attributions of paragraph `pi` to `out`; `last` is the latest attribution with a
/// cue and its paragraph.
pub fn paragraph(
    text: &str,
    view: &ParaView,
    scan: &ParaScan,
    labels: &[Vec<u8>; 3],
    pi: usize,
    out: &mut Vec<Attribution>,
    last: &mut Option<(usize, usize)>,
) {
    let bytes = |r: &Range<usize>| view.toks[r.start].span.start..view.toks[r.end - 1].span.end;
    let cues = spans(&labels[0]);
    let sources = spans(&labels[1]);
    let contents = spans(&labels[2]);
    let same_sentence = |a: &Range<usize>, b: &Range<usize>| view.sent[a.start].contains(&b.start);
    // Each content piece to the nearest cue outside it; a cue inside a piece that has such an
    // owner reports speech within the speech (PolNeAR keeps only the outermost attribution).
    let owners: Vec<Option<usize>> = contents
        .iter()
        .map(|p| {
            nearest_outside(&cues, p, |c| same_sentence(c, p)).or_else(|| nearest(&cues, p, |c| same_sentence(c, p)))
        })
        .collect();
    let mut nested = vec![false; cues.len()];
    for (p, owner) in contents.iter().zip(&owners) {
        let Some(j) = *owner else { continue };
        let first = cues.partition_point(|c| c.start < p.start);
        for k in (first..cues.len()).take_while(|&k| cues[k].start < p.end) {
            nested[k] = k != j && cues[k].end <= p.end && !(cues[j].start >= p.start && cues[j].end <= p.end);
        }
    }
    let base = out.len();
    let mut slot = vec![None; cues.len()];
    for (k, c) in cues.iter().enumerate().filter(|&(k, _)| !nested[k]) {
        slot[k] = Some(out.len());
        out.push(Attribution { source: None, cue: Some(bytes(c)), content: Vec::new() });
    }
    // Each source to the nearest cue of its sentence; a cue keeps its nearest source.
    let mut source_of: Vec<Option<(usize, Range<usize>)>> = vec![None; cues.len()];
    for s in &sources {
        let near = nearest(&cues, s, |c| same_sentence(c, s)).filter(|&k| same_sentence(&cues[k], s));
        if let Some(k) = near {
            let d = gap(&cues[k], s);
            if source_of[k].as_ref().is_none_or(|(best, _)| d < *best) {
                source_of[k] = Some((d, s.clone()));
            }
        }
    }
    for (k, c) in cues.iter().enumerate() {
        let Some(ai) = slot[k] else { continue };
        // A cue without a source of its own shares the nearest one of its sentence
        // (`X said … and added …`).
        let own = source_of[k].as_ref().map(|(_, s)| s.clone());
        let shared = || {
            nearest(&sources, c, |s| same_sentence(c, s))
                .filter(|&k| same_sentence(c, &sources[k]))
                .map(|k| sources[k].clone())
        };
        out[ai].source = own.or_else(shared).map(|s| bytes(&s));
    }
    for (piece, owner) in contents.iter().zip(owners) {
        match owner.and_then(|k| slot[k]) {
            Some(ai) => out[ai].content.push(bytes(piece)),
            None => {
                if let Some((ai, _)) = last.filter(|&(_, p)| p + 1 >= pi) {
                    out[ai].content.push(bytes(piece));
                }
            }
        }
    }
    for a in &mut out[base..] {
        a.content.sort_by_key(|r| r.start);
    }
    if out.len() > base {
        *last = Some((out.len() - 1, pi));
    }
    attach_orphans(text, &scan.quoted, pi, base, out, last);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::scan;

    fn assembled(text: &str, labels: [Vec<u8>; 3]) -> Vec<Attribution> {
        let toks = scan::tokens(text, 0..text.len());
        let n = toks.len();
        let scan =
            ParaScan { toks, in_quote: vec![false; n], sents: std::iter::once(0..n).collect(), quoted: Vec::new() };
        let view = ParaView::new(text, &scan, &[], &[]);
        let (mut out, mut last) = (Vec::new(), None);
        paragraph(text, &view, &scan, &labels, 0, &mut out, &mut last);
        out
    }

    #[test]
    fn speech_within_speech_keeps_the_outer_attribution() {
        let text = "Ann said that Bob told Cy the truth .";
        let cue = vec![0, 1, 0, 0, 1, 0, 0, 0, 0];
        let source = vec![1, 0, 0, 1, 0, 0, 0, 0, 0];
        let content = vec![0, 0, 1, 2, 2, 2, 2, 2, 0];
        let out = assembled(text, [cue, source, content]);
        assert_eq!(out.len(), 1);
        let show = |r: &Range<usize>| &text[r.clone()];
        assert_eq!(out[0].cue.as_ref().map(show), Some("said"));
        assert_eq!(out[0].source.as_ref().map(show), Some("Ann"));
        assert_eq!(out[0].content.iter().map(show).collect::<Vec<_>>(), ["that Bob told Cy the truth"]);
    }

    #[test]
    fn a_second_cue_shares_the_source_of_its_sentence() {
        let text = "Ann said it rained and added it snowed .";
        let cue = vec![0, 1, 0, 0, 0, 1, 0, 0, 0];
        let source = vec![1, 0, 0, 0, 0, 0, 0, 0, 0];
        let content = vec![0, 0, 1, 2, 0, 0, 1, 2, 0];
        let out = assembled(text, [cue, source, content]);
        let show = |r: &Range<usize>| &text[r.clone()];
        let got: Vec<(Option<&str>, Vec<&str>)> =
            out.iter().map(|a| (a.source.as_ref().map(show), a.content.iter().map(show).collect())).collect();
        assert_eq!(got, [(Some("Ann"), vec!["it rained"]), (Some("Ann"), vec!["it snowed"])]);
    }
}
