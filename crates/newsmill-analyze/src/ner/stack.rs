//! The second pass's features: what the first pass said about the whole document. Each
//! token sees the first-pass tags around it, the types the first pass gave the same word
//! anywhere in the document (before or after), and the types of the longer names it is
//! part of elsewhere (`Stanikzai` inside `Sher Mohammad Abbas Stanikzai`). Trained on
//! first-pass tags of held-out folds, so the second pass learns how far to trust them.

use super::features::{TokInfo, label_type};
use crate::hashing::{HashMap64, mix};

const T_P1: u64 = 0x100;
const T_P1_M1: u64 = 0x101;
const T_P1_P1: u64 = 0x102;
const T_DOC_MAJORITY: u64 = 0x103;
const T_DOC_SEEN: u64 = 0x104;
const T_IN_LONGER: u64 = 0x105;
const T_P1_WINDOW: u64 = 0x106;
const T_DOC_MAJORITY_SHAPE: u64 = 0x107;
const T_DOC_MAJORITY_P1: u64 = 0x108;
const T_P1_SHAPE: u64 = 0x109;

/// What the first pass said about a document.
#[derive(Debug, Default)]
pub struct DocStack {
    /// Per capitalized word: how often the first pass gave it each type (0 = O).
    by_word: HashMap64<[u16; 5]>,
    /// Per word: the types (bit per type) of multi-token names it is part of.
    in_longer: HashMap64<u8>,
}

impl DocStack {
    /// Collects the first pass's `labels` over the document's sentences (`infos`).
    pub fn new(infos: &[Vec<TokInfo>], labels: &[Vec<usize>]) -> DocStack {
        let mut st = DocStack::default();
        for (sent, labs) in infos.iter().zip(labels) {
            for (t, &l) in sent.iter().zip(labs) {
                if t.capitalized {
                    let c = st.by_word.entry(t.norm).or_default();
                    c[label_type(l)] = c[label_type(l)].saturating_add(1);
                }
            }
            // Multi-token names: B-X followed by I-X (B-X = 2X-1, I-X = 2X).
            let mut k = 0;
            while k < labs.len() {
                let ty = label_type(labs[k]);
                let mut end = k + 1;
                while ty != 0 && end < labs.len() && labs[end] == 2 * ty {
                    end += 1;
                }
                if end - k >= 2 {
                    for t in &sent[k..end] {
                        *st.in_longer.entry(t.norm).or_default() |= 1 << ty;
                    }
                }
                k = end;
            }
        }
        st
    }

    /// Pushes the second-pass features of token `i` of a sentence with first-pass `labels`.
    pub fn features(&self, infos: &[TokInfo], labels: &[usize], i: usize, out: &mut Vec<u64>) {
        let lab = |k: isize| i.checked_add_signed(k).and_then(|j| labels.get(j)).map_or(99, |&l| l as u64);
        out.push(mix(T_P1, lab(0)));
        out.push(mix(T_P1_M1, lab(-1)));
        out.push(mix(mix(T_P1_SHAPE, lab(0)), infos[i].short_shape));
        out.push(mix(T_P1_P1, lab(1)));
        out.push(mix(T_P1_WINDOW, mix(mix(lab(-1), lab(0)), lab(1))));
        let t = &infos[i];
        if let Some(c) = self.by_word.get(&t.norm).filter(|_| t.capitalized) {
            let best = (0..5).max_by_key(|&k| (c[k], k)).unwrap_or(0);
            out.push(mix(T_DOC_MAJORITY, best as u64));
            out.push(mix(mix(T_DOC_MAJORITY_SHAPE, best as u64), t.short_shape));
            out.push(mix(mix(T_DOC_MAJORITY_P1, best as u64), lab(0)));
            for (ty, &n) in c.iter().enumerate().skip(1) {
                if n > 0 {
                    out.push(mix(T_DOC_SEEN, ty as u64));
                }
            }
        }
        if let Some(&types) = self.in_longer.get(&t.norm).filter(|_| t.capitalized) {
            out.push(mix(T_IN_LONGER, types as u64));
        }
    }
}
