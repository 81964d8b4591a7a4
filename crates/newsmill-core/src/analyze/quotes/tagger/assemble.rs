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
    let base = out.len();
    for c in &cues {
        out.push(Attribution { source: None, cue: Some(bytes(c)), content: Vec::new() });
    }
    let same_sentence = |a: &Range<usize>, b: &Range<usize>| view.sent[a.start].contains(&b.start);
    // Each source to the nearest cue of its sentence; a cue keeps its nearest source.
    let mut source_of: Vec<Option<(usize, Range<usize>)>> = vec![None; cues.len()];
    for s in &sources {
        let near = cues.iter().enumerate().filter(|(_, c)| same_sentence(c, s)).min_by_key(|(_, c)| gap(c, s));
        if let Some((k, c)) = near {
            let d = gap(c, s);
            if source_of[k].as_ref().is_none_or(|(best, _)| d < *best) {
                source_of[k] = Some((d, s.clone()));
            }
        }
    }
    for (k, c) in cues.iter().enumerate() {
        // A cue without a source of its own shares the nearest one of its sentence
        // (`X said … and added …`).
        let own = source_of[k].as_ref().map(|(_, s)| s.clone());
        let shared = || sources.iter().filter(|s| same_sentence(c, s)).min_by_key(|s| gap(c, s)).cloned();
        out[base + k].source = own.or_else(shared).map(|s| bytes(&s));
    }
    for piece in &contents {
        let near = cues.iter().enumerate().min_by_key(|(_, c)| (!same_sentence(c, piece), gap(c, piece)));
        match near {
            Some((k, _)) => out[base + k].content.push(bytes(piece)),
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
    if !cues.is_empty() {
        *last = Some((out.len() - 1, pi));
    }
    attach_orphans(text, &scan.quoted, pi, out, last);
}
