//! The three taggers' weights: hashed feature rows of three label weights each, shipped as
//! 8-bit codes with a codebook per table (`models/quotes-en-tagger.bin`: `MAGIC`, one byte
//! of hash bits, the three tables). The shipped model is read in place; a file may also be
//! gzip-compressed (the form models had before).

#[cfg(any(test, feature = "internals"))]
use std::io::Read;
use std::ops::Range;

use super::super::super::ner;
use super::super::super::ner::decode::Weights;
use super::Role;
use super::features::{CueContext, SHARED_STATICS, fixed_dynamics, role_statics, shared_statics, token_dynamics};
use super::view::{B, I, O, ParaView};

pub const LABELS: usize = 3;
const MAGIC: &[u8; 8] = b"NMQTAG01";

/// One role's weights.
pub type Table = ner::model::Table<LABELS>;

/// Why the quote tagger's weights cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum TaggerModelError {
    /// They did not decompress or could not be written.
    #[error("the quote tagger model is not readable: {0}")]
    Io(#[from] std::io::Error),
    /// They decompressed to something else than a tagger model.
    #[error("the quote tagger model is corrupt: {0}")]
    Corrupt(&'static str),
}

/// The cue, source and content taggers.
#[derive(Clone)]
pub struct TaggerModel {
    pub tables: [Table; 3],
}

impl TaggerModel {
    #[cfg(feature = "internals")]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut raw = Vec::new();
        raw.extend_from_slice(MAGIC);
        raw.push(self.tables[0].bits() as u8);
        for t in &self.tables {
            t.write(&mut raw);
        }
        raw
    }

    /// A model written by [`to_bytes`](Self::to_bytes), or the same gzip-compressed.
    #[cfg(any(test, feature = "internals"))]
    pub fn from_bytes(bytes: &[u8]) -> Result<TaggerModel, TaggerModelError> {
        let mut raw = Vec::new();
        let raw = if bytes.starts_with(&[0x1f, 0x8b]) {
            flate2::read::GzDecoder::new(bytes).read_to_end(&mut raw)?;
            raw.as_slice()
        } else {
            bytes
        };
        let (bits, tables) = Self::header(raw)?;
        Self::tables(tables, bits, Table::read)
    }

    /// The model compiled into the program, read in place.
    pub fn embedded(bytes: &'static [u8]) -> Result<TaggerModel, TaggerModelError> {
        let (bits, tables) = Self::header(bytes)?;
        Self::tables(tables, bits, Table::read_in_place)
    }

    /// The hash bits of the tables, and their bytes.
    fn header(raw: &[u8]) -> Result<(u32, &[u8]), TaggerModelError> {
        let rest = raw.strip_prefix(MAGIC.as_slice()).ok_or(TaggerModelError::Corrupt("wrong magic"))?;
        let (&bits, rest) = rest.split_first().ok_or(TaggerModelError::Corrupt("no header"))?;
        if !(8..=24).contains(&bits) {
            return Err(TaggerModelError::Corrupt("bad table size"));
        }
        Ok((u32::from(bits), rest))
    }

    fn tables<'b>(
        mut rest: &'b [u8],
        bits: u32,
        read: impl Fn(&'b [u8], u32) -> Result<(Table, &'b [u8]), &'static str>,
    ) -> Result<TaggerModel, TaggerModelError> {
        let mut next = || -> Result<Table, TaggerModelError> {
            let (table, after) = read(rest, bits).map_err(TaggerModelError::Corrupt)?;
            rest = after;
            Ok(table)
        };
        let tables = [next()?, next()?, next()?];
        match rest.is_empty() {
            true => Ok(TaggerModel { tables }),
            false => Err(TaggerModelError::Corrupt("trailing bytes")),
        }
    }
}

/// How many tokens ahead the weight rows are prefetched.
const AHEAD: usize = 3;

/// Reused feature buffers.
#[derive(Default)]
pub struct Buffers {
    pub statics: Vec<u64>,
    #[cfg_attr(not(feature = "internals"), allow(dead_code))]
    pub dynamics: Vec<u64>,
    /// The static features of a whole paragraph, token after token, and where each ends.
    all: Vec<u64>,
    ends: Vec<usize>,
    sides: Vec<u64>,
    /// The features the roles share ([`shared_statics`]) of the tokens of one view already
    /// computed, [`SHARED_STATICS`] a token, and which tokens have them.
    shared: Vec<u64>,
    shared_ready: Vec<bool>,
    shared_view: u64,
}

impl Buffers {
    /// Appends token `i`'s shared features to `out`, computed once per view and token: a
    /// sentence with a cue is tagged for all three roles.
    fn push_shared(&mut self, view: &ParaView, i: usize) {
        if self.shared_view != view.id {
            self.shared_view = view.id;
            self.shared.clear();
            self.shared.resize(view.len() * SHARED_STATICS, 0);
            self.shared_ready.clear();
            self.shared_ready.resize(view.len(), false);
        }
        let at = i * SHARED_STATICS..(i + 1) * SHARED_STATICS;
        if !self.shared_ready[i] {
            self.statics.clear();
            shared_statics(view, i, &mut self.statics);
            self.shared[at.clone()].copy_from_slice(&self.statics);
            self.shared_ready[i] = true;
        }
        self.all.extend_from_slice(&self.shared[at]);
    }
}

/// The label sequence of one paragraph for one role with the highest score (Viterbi over the
/// BIO labels; `I` only continues a span).
pub fn tag<S: Weights<LABELS>>(
    s: &S,
    view: &ParaView,
    role: Role,
    cues: Option<&CueContext>,
    buf: &mut Buffers,
) -> Vec<u8> {
    let mut out = vec![O; view.len()];
    tag_into(s, view, role, cues, 0..view.len(), &mut out, buf, no_cost);
    out
}

/// No decoding cost: the scores alone decide (inference).
pub fn no_cost(_token: usize, _label: u8) -> f32 {
    0.0
}

/// `tag` during training, with every label other than the gold one raised by the cost of
/// missing that gold label (`miss_cost[gold]`): the perceptron then learns a margin against
/// the errors that cost most, missed spans before invented ones.
#[cfg(feature = "internals")]
pub fn tag_cost_augmented<S: Weights<LABELS>>(
    s: &S,
    view: &ParaView,
    role: Role,
    cues: Option<&CueContext>,
    gold: &[u8],
    miss_cost: [f32; LABELS],
    buf: &mut Buffers,
) -> Vec<u8> {
    let mut out = vec![O; view.len()];
    let cost = |j: usize, l: u8| {
        let g = gold.get(j).copied().unwrap_or(O);
        if l == g { 0.0 } else { miss_cost[g as usize] }
    };
    tag_into(s, view, role, cues, 0..view.len(), &mut out, buf, cost);
    out
}

/// `tag` over the tokens of `range` only (a sentence, say), written into `out[range]`, with
/// `cost(token, label)` added to each emission score ([`no_cost`] outside training).
#[allow(clippy::too_many_arguments)]
pub fn tag_into<S: Weights<LABELS>, C: Fn(usize, u8) -> f32>(
    s: &S,
    view: &ParaView,
    role: Role,
    cues: Option<&CueContext>,
    range: Range<usize>,
    out: &mut [u8],
    buf: &mut Buffers,
    cost: C,
) {
    let (from, n) = (range.start, range.len());
    // All static features first, so that rows can be prefetched a few tokens ahead.
    buf.all.clear();
    buf.ends.clear();
    buf.sides.clear();
    for i in range {
        buf.push_shared(view, i);
        buf.statics.clear();
        let side = role_statics(view, role, cues, i, &mut buf.statics);
        buf.all.extend_from_slice(&buf.statics);
        buf.ends.push(buf.all.len());
        buf.sides.push(side);
    }
    let row = |j: usize| if j == 0 { 0 } else { buf.ends[j - 1] }..buf.ends[j];
    // The scores of the dynamic features that only depend on the labels, once.
    let mut fixed = [[[0f32; LABELS]; LABELS]; LABELS];
    for (p, by_rule) in fixed.iter_mut().enumerate() {
        for (r, scores) in by_rule.iter_mut().enumerate() {
            for f in fixed_dynamics(p as u8, r as u8) {
                s.add(f, scores);
            }
        }
    }
    let mut back = vec![[O; LABELS]; n];
    let mut delta = [0f32; LABELS];
    for (j, back) in back.iter_mut().enumerate() {
        if j + AHEAD < n {
            for &f in &buf.all[row(j + AHEAD)] {
                s.prefetch(f);
            }
        }
        let emit = s.score(&buf.all[row(j)]);
        let mut next = [f32::NEG_INFINITY; LABELS];
        let prevs: &[u8] = if j == 0 { &[O] } else { &[O, B, I] };
        for &p in prevs {
            let base = if j == 0 { 0.0 } else { delta[p as usize] };
            if base == f32::NEG_INFINITY {
                continue;
            }
            let mut trans = fixed[p as usize][view.rule[from + j][role as usize] as usize];
            for f in token_dynamics(view.word[from + j], buf.sides[j], p) {
                s.add(f, &mut trans);
            }
            for l in [O, B, I] {
                let v = base + emit[l as usize] + trans[l as usize] + cost(from + j, l);
                if !(l == I && p == O) && v > next[l as usize] {
                    next[l as usize] = v;
                    back[l as usize] = p;
                }
            }
        }
        delta = next;
    }
    let mut l = [O, B, I].into_iter().fold(O, |b, l| if delta[l as usize] > delta[b as usize] { l } else { b });
    for j in (0..n).rev() {
        out[from + j] = l;
        l = back[j][l as usize];
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::attribute;
    use super::super::{embedded, view};
    use super::*;

    #[test]
    fn cost_augmented_decoding_favours_the_costly_errors() {
        let Some(model) = embedded() else { panic!("no shipped model") };
        let text = "The minister said on Friday that the talks were over, and aides agreed.";
        let (rules, scans) = attribute::analyze(text);
        let spans = view::rule_spans(&rules);
        let para = ParaView::new(text, &scans[0], &spans, &[]);
        let mut buf = Buffers::default();
        let table = &model.tables[Role::Cue as usize];
        let plain = tag(table, &para, Role::Cue, None, &mut buf);
        let gold = plain.clone();
        // No cost: the plain decoding.
        assert_eq!(tag_cost_augmented(table, &para, Role::Cue, None, &gold, [0.0; 3], &mut buf), plain);
        // A cost far above any score: every token takes a label other than its gold one.
        let far = tag_cost_augmented(table, &para, Role::Cue, None, &gold, [1e6; 3], &mut buf);
        assert!(far.iter().zip(&gold).all(|(l, g)| l != g));
    }
}
