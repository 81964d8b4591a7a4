//! Greedy left-to-right decoding, shared by training and tagging: each token gets the best
//! label given its static features and the labels already chosen. Greedy decoding with
//! history features is as accurate as Viterbi for this kind of model (Ratinov & Roth 2009)
//! and several times faster.

use super::features::{N_LABELS, TokInfo, dynamic_features, label_type, normalize, static_features};
use crate::hashing::{HashMap64, HashSet64};
use super::stack::DocStack;

/// Scores features: the weight table of a model with `L` labels (the NER's by default; the
/// quote taggers have three).
pub trait Weights<const L: usize = N_LABELS> {
    fn add(&self, feature: u64, scores: &mut [f32; L]);

    /// Asks the CPU to start loading a feature's weights that will be added soon.
    fn prefetch(&self, _feature: u64) {}

    /// Adds the weights of all `features`, in order.
    fn add_all(&self, features: &[u64], scores: &mut [f32; L]) {
        for &f in features {
            self.add(f, scores);
        }
    }

    fn score(&self, features: &[u64]) -> [f32; L] {
        let mut scores = [0.0; L];
        self.add_all(features, &mut scores);
        scores
    }
}

/// How sure the tagger was of a token's label: `name`, the best name label's score above
/// `O`'s (negative where `O` scored higher: a token left out of every name, or one the final
/// pass took in only by [`FINAL_PASS_O_PENALTY`]); `kind`, the best label's score
/// above the best of another type (zero when the best is `O`). A token it did not score
/// (a quiet word between quiet words) is [`Margin::SETTLED`].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Margin {
    pub name: f32,
    pub kind: f32,
}

impl Margin {
    /// Far outside any name: the tagger did not weigh the token.
    pub const SETTLED: Margin = Margin { name: -100.0, kind: 0.0 };

    fn of(scores: &[f32; N_LABELS]) -> Margin {
        // The best score of each type's two labels (`B`, `I`); type 0 is `O`.
        let mut by_type = [f32::NEG_INFINITY; 5];
        for (l, &s) in scores.iter().enumerate() {
            let t = label_type(l);
            by_type[t] = by_type[t].max(s);
        }
        let best_name = by_type[1..].iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let kind = match label_type(argmax(scores)) {
            0 => 0.0,
            t => by_type[t] - (1..5).filter(|&o| o != t).map(|o| by_type[o]).fold(f32::NEG_INFINITY, f32::max),
        };
        Margin { name: best_name - scores[0], kind }
    }
}

pub fn argmax(scores: &[f32; N_LABELS]) -> usize {
    let mut best = 0;
    for l in 1..N_LABELS {
        if scores[l] > scores[best] {
            best = l;
        }
    }
    best
}

/// What the document says so far: the types given to each capitalized word, and which
/// words appear in lower case.
#[derive(Debug, Default)]
pub struct DocContext {
    history: HashMap64<[u16; 5]>,
    pub lower: HashSet64,
}

impl DocContext {
    /// A context for a document: the lower-case words of all its sentences.
    pub fn for_document(sentences: &[Vec<&str>]) -> DocContext {
        let mut doc = DocContext::default();
        let mut norm = String::new();
        for s in sentences {
            for t in s.iter().filter(|t| t.starts_with(char::is_lowercase)) {
                normalize(t, &mut norm);
                doc.lower.insert(xxhash_rust::xxh3::xxh3_64(norm.as_bytes()));
            }
        }
        doc
    }

    /// 0 if the word was never tagged, else 1 + the type it was given most often (0 = O).
    pub fn history(&self, t: &TokInfo) -> usize {
        if !t.capitalized {
            return 0;
        }
        self.history.get(&t.norm).map_or(0, |counts| {
            let best = (0..5).max_by_key(|&k| (counts[k], k)).unwrap_or(0);
            1 + best
        })
    }

    pub fn record(&mut self, t: &TokInfo, label: usize) {
        if t.capitalized {
            let counts = self.history.entry(t.norm).or_default();
            counts[label_type(label)] = counts[label_type(label)].saturating_add(1);
        }
    }

    /// Forgets the tags given so far, for a new pass over the same document.
    pub fn reset_history(&mut self) {
        self.history.clear();
    }
}

/// The static features of a sentence's tokens, computed once for both passes.
#[derive(Debug, Default)]
pub struct Statics {
    feats: Vec<u64>,
    ends: Vec<u32>,
}

impl Statics {
    #[cfg(feature = "internals")]
    pub fn new(infos: &[TokInfo], caps: bool) -> Statics {
        let mut st = Statics { feats: Vec::with_capacity(infos.len() * 48), ends: Vec::with_capacity(infos.len()) };
        for i in 0..infos.len() {
            static_features(infos, i, caps, &mut st.feats);
            st.ends.push(st.feats.len() as u32);
        }
        st
    }

    pub fn of(&self, i: usize) -> &[u64] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.feats[start..self.ends[i] as usize]
    }
}

/// Where a pass finds each sentence's static features.
#[derive(Clone, Copy)]
pub enum StaticsFor<'a> {
    /// Computed once for the document: training tags the same documents many times.
    #[cfg_attr(not(feature = "internals"), allow(dead_code))]
    Cached(&'a [Statics]),
    /// Computed for each token as it is scored, from whether its sentence is written in
    /// capitals: the features take about 400 bytes a token, so holding them for a whole
    /// document (or one endless sentence) would cost far more memory than its text, and
    /// computing them is cheap next to looking up their weights.
    Each(&'a [bool]),
}

/// How far the final pass's `O` must win before a token is left out of every name. An
/// averaged perceptron trained on text where most tokens are `O` leans to `O`: on web articles
/// it misses more names than it invents. Chosen on the train articles' folds, each scored with
/// the fold tagger that never read it (`ner-en.md`, 2026-12-05 session 28: 0, 10, 15, 20, 25,
/// 40; 15 to 25 best). Margins are taken before it, so the entity filter still reads how sure
/// the tagger itself was. The first pass takes the plain argmax (its tags are features the
/// second pass was trained on), and training picks its epoch without it (a decoding choice
/// made after the weights, so the weights stay what the retrain recipe rebuilds).
pub const FINAL_PASS_O_PENALTY: f32 = 15.0;

/// Reused buffers for [`greedy`].
#[derive(Default)]
pub struct Buffers {
    pub all: Vec<u64>,
}

/// Tags one sentence. `extra(i, features)` adds the second pass's features of token `i`;
/// `choose(i, features)` returns the label of token `i` given all its
/// features: the argmax when tagging, the argmax plus an update when training.
#[cfg(feature = "internals")]
pub fn greedy(
    infos: &[TokInfo],
    statics: &Statics,
    doc: &mut DocContext,
    buf: &mut Buffers,
    out: &mut Vec<usize>,
    extra: impl Fn(usize, &mut Vec<u64>),
    mut choose: impl FnMut(usize, &[u64]) -> usize,
) {
    out.clear();
    let (mut prev, mut prev2) = (0usize, 0usize);
    for (i, info) in infos.iter().enumerate() {
        buf.all.clear();
        buf.all.extend_from_slice(statics.of(i));
        dynamic_features(info, prev, prev2, doc.history(info), &mut buf.all);
        extra(i, &mut buf.all);
        let label = choose(i, &buf.all);
        doc.record(info, label);
        out.push(label);
        prev2 = prev;
        prev = label;
    }
}

/// Is token `i` surely outside any name, so that tagging gives it `O` without scoring it?
/// A quiet token (a lower-case word or plain punctuation, [`TokInfo::quiet`]) between two such
/// tokens or the sentence's edge: about two tokens in three of running prose, which the tagger
/// labels `O` all but never, so both passes skip their weight lookups.
fn settled(sent: &[TokInfo], i: usize) -> bool {
    let quiet = |k: Option<usize>| k.and_then(|k| sent.get(k)).is_none_or(|t| t.quiet);
    sent[i].quiet && quiet(i.checked_sub(1)) && quiet(Some(i + 1))
}

/// Tags a document's sentences (their [`TokInfo`]s) in one pass; with `stack`, as the
/// second pass over the first pass's labels. The same features and decisions as
/// [`greedy`] (which training uses), ordered for speed.
pub fn tag_pass<W: Weights>(
    w: &W,
    infos: &[Vec<TokInfo>],
    statics: StaticsFor<'_>,
    doc: &mut DocContext,
    stack: Option<(&DocStack, &[Vec<usize>])>,
) -> Vec<Vec<usize>> {
    tag_pass_with_margins(w, infos, statics, doc, stack, None, 0.0)
}

/// As [`tag_pass`], writing each token's [`Margin`] into `margins` (one vector a sentence),
/// and leaving a token out of every name only when `O` wins by more than `o_penalty`.
pub fn tag_pass_with_margins<W: Weights>(
    w: &W,
    infos: &[Vec<TokInfo>],
    statics: StaticsFor<'_>,
    doc: &mut DocContext,
    stack: Option<(&DocStack, &[Vec<usize>])>,
    mut margins: Option<&mut Vec<Vec<Margin>>>,
    o_penalty: f32,
) -> Vec<Vec<usize>> {
    let mut buf = Buffers::default();
    let (mut cur, mut next) = (Vec::new(), Vec::new());
    let mut base: Vec<Option<[f32; N_LABELS]>> = Vec::new();
    let mut scored = Vec::new();
    let mut tags = Vec::with_capacity(infos.len());
    for (s, sent) in infos.iter().enumerate() {
        let caps = match statics {
            StaticsFor::Each(caps) => caps.get(s).copied().unwrap_or(false),
            StaticsFor::Cached(_) => false,
        };
        scored.clear();
        scored.extend((0..sent.len()).map(|i| !settled(sent, i)));
        // Score everything that does not depend on this pass's own tags first, in one tight
        // loop: its table lookups are independent, so their cache misses overlap. The tables
        // are megabytes, so nearly every lookup misses the L1 and L2 caches: the weights of
        // the next token's static features are prefetched (one token ahead measured about 5%
        // faster than two or three: a token's ~38 rows already fill the queue of misses).
        base.clear();
        // Whether `cur` already holds token i's static features (computed a step ahead).
        let mut ready = false;
        for i in 0..sent.len() {
            if !scored[i] {
                base.push(None);
                ready = false;
                continue;
            }
            let upcoming = scored.get(i + 1).copied().unwrap_or(false);
            let (now, ahead): (&[u64], &[u64]) = match statics {
                StaticsFor::Cached(all) => (all[s].of(i), if upcoming { all[s].of(i + 1) } else { &[] }),
                StaticsFor::Each(_) => {
                    if !ready {
                        cur.clear();
                        static_features(sent, i, caps, &mut cur);
                    }
                    next.clear();
                    if upcoming {
                        static_features(sent, i + 1, caps, &mut next);
                    }
                    (&cur, &next)
                }
            };
            for &f in ahead {
                w.prefetch(f);
            }
            let mut scores = w.score(now);
            if let Some((stack, first)) = stack
                && let Some(labels) = first.get(s)
            {
                buf.all.clear();
                stack.features(sent, labels, i, &mut buf.all);
                w.add_all(&buf.all, &mut scores);
            }
            base.push(Some(scores));
            std::mem::swap(&mut cur, &mut next);
            ready = upcoming;
        }
        let mut out = Vec::with_capacity(sent.len());
        let want_margins = margins.is_some();
        let mut sure = Vec::with_capacity(if want_margins { sent.len() } else { 0 });
        let (mut prev, mut prev2) = (0usize, 0usize);
        for (info, scores) in sent.iter().zip(&base) {
            let (label, margin) = match scores {
                None => (0, Margin::SETTLED),
                Some(scores) => {
                    buf.all.clear();
                    dynamic_features(info, prev, prev2, doc.history(info), &mut buf.all);
                    let mut scores = *scores;
                    w.add_all(&buf.all, &mut scores);
                    let margin = if want_margins { Margin::of(&scores) } else { Margin::SETTLED };
                    scores[0] -= o_penalty;
                    (argmax(&scores), margin)
                }
            };
            if want_margins {
                sure.push(margin);
            }
            doc.record(info, label);
            out.push(label);
            (prev2, prev) = (prev, label);
        }
        if let Some(m) = margins.as_deref_mut() {
            m.push(sure);
        }
        tags.push(out);
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn infos(words: &[&str]) -> Vec<TokInfo> {
        let mut out = Vec::new();
        let gaz = crate::gazetteer::Gazetteer::default();
        super::super::features::token_infos(words, &gaz, &|_| false, &mut Default::default(), &mut out);
        out
    }

    #[test]
    fn margins_say_how_far_the_label_won() {
        // O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC, B-MISC, I-MISC.
        let scores = [1.0, 9.0, 2.0, 4.0, 0.0, 0.0, 0.0, 0.0, 0.0];
        assert_eq!(Margin::of(&scores), Margin { name: 8.0, kind: 5.0 });
        // `O` won: the name margin is negative and no type is chosen.
        let scores = [5.0, 2.0, 0.0, 3.0, 0.0, 0.0, 0.0, 0.0, 0.0];
        assert_eq!(Margin::of(&scores), Margin { name: -2.0, kind: 0.0 });
    }

    /// Weights that score every token `O` 10, `B-PER` 10 − `lead` and the rest −100, whatever its
    /// features.
    struct Fixed {
        lead: f32,
    }

    impl Weights for Fixed {
        fn add(&self, _: u64, _: &mut [f32; N_LABELS]) {}

        fn score(&self, _: &[u64]) -> [f32; N_LABELS] {
            let mut scores = [-100.0; N_LABELS];
            scores[..2].copy_from_slice(&[10.0, 10.0 - self.lead]);
            scores
        }
    }

    #[test]
    fn the_final_pass_takes_a_name_o_only_narrowly_beats() {
        let words = ["Ngozi"];
        let sents = vec![infos(&words)];
        let tag = |lead: f32, penalty: f32| {
            let mut doc = DocContext::for_document(&[words.to_vec()]);
            let first = vec![vec![0]];
            let stack = DocStack::new(&sents, &first);
            let stack = Some((&stack, first.as_slice()));
            let mut margins = Vec::new();
            let statics = StaticsFor::Each(&[false]);
            let tags = tag_pass_with_margins(&Fixed { lead }, &sents, statics, &mut doc, stack, Some(&mut margins), penalty);
            (tags[0][0], margins[0][0].name)
        };
        assert_eq!(tag(1.0, 0.0), (0, -1.0));
        // The name wins; the margin still says the tagger leaned to `O`.
        assert_eq!(tag(1.0, FINAL_PASS_O_PENALTY), (1, -1.0));
        assert_eq!(tag(FINAL_PASS_O_PENALTY + 1.0, FINAL_PASS_O_PENALTY).0, 0);
    }

    #[test]
    fn only_quiet_tokens_between_quiet_neighbours_are_settled() {
        let sent = infos(&["the", "minister", "said", "in", "Kabul", "on", "the", "C", "+", "+", "day", "."]);
        let settled: Vec<bool> = (0..sent.len()).map(|i| settled(&sent, i)).collect();
        let want = [true, true, true, false, false, false, false, false, false, false, false, true];
        assert_eq!(settled, want);
    }
}
