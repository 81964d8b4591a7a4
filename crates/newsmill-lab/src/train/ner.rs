//! Training the NER model on CoNLL-format data: an averaged perceptron over greedy
//! left-to-right decoding with the model's own previous tags as history (so training sees
//! the errors tagging will make), documents shuffled each epoch, the epoch with the best
//! dev F1 kept.

use std::time::Instant;

use crate::ner::{ConllDoc, NerReport};
use newsmill_analyze::gazetteer::Gazetteer;
use newsmill_analyze::ner::decode::{
    Buffers, DocContext, FINAL_PASS_O_PENALTY, Statics, StaticsFor, Weights, argmax, greedy, tag_pass,
};
use newsmill_analyze::ner::features::{LABELS, N_LABELS, TokInfo};
use newsmill_analyze::ner::model::{NerModel, Table, prepare};
use newsmill_analyze::ner::perceptron::Perceptron;
use newsmill_analyze::ner::stack::DocStack;

/// Settings of a training run.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub epochs: usize,
    /// log2 of the number of weight rows: 19 gives a 9.4 MB model.
    pub bits: u32,
    pub seed: u64,
    /// Epochs of the first pass, and folds of the jackknife that gives its tags.
    pub first_epochs: usize,
    pub folds: usize,
    /// Perceptrons per pass whose weights are averaged.
    pub ensemble: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig { epochs: 12, bits: 19, seed: 2, first_epochs: 10, folds: 4, ensemble: 1 }
    }
}

/// What each epoch scored on dev.
#[derive(Debug, Clone)]
pub struct EpochReport {
    pub epoch: usize,
    pub train_errors: usize,
    pub dev_f1: f64,
    pub seconds: f64,
}

fn label_index(tag: &str) -> usize {
    // IOB1 files start entities with I-: the model learns IOB2, so such a tag reads as B-
    // when it opens an entity; callers convert with `to_iob2` first.
    LABELS.iter().position(|l| *l == tag).unwrap_or(0)
}

/// Rewrites IOB1 tags as IOB2 (every entity starts with `B-`).
pub fn to_iob2(tags: &[String]) -> Vec<usize> {
    let mut out = Vec::with_capacity(tags.len());
    let mut prev_type = "";
    for tag in tags {
        let (p, t) = tag.split_once('-').unwrap_or(("O", ""));
        let fixed = if p == "I" && prev_type != t { format!("B-{t}") } else { tag.clone() };
        out.push(label_index(&fixed));
        prev_type = if p == "O" || tag == "O" { "" } else { t };
    }
    out
}

/// A document's first-pass tags and what they say about it.
type FirstPass = (DocStack, Vec<Vec<usize>>);

/// A training document with its features' inputs computed once.
struct Prepared {
    infos: Vec<Vec<TokInfo>>,
    statics: Vec<Statics>,
    ctx: DocContext,
    gold: Vec<Vec<usize>>,
}

fn prepare_docs(docs: &[ConllDoc], gaz: &Gazetteer) -> Vec<Prepared> {
    docs.iter()
        .map(|d| {
            let sentences: Vec<Vec<&str>> = d.iter().map(|s| s.tokens.iter().map(String::as_str).collect()).collect();
            let (infos, statics, ctx) = prepare(&sentences, gaz);
            Prepared { infos, statics, ctx, gold: d.iter().map(|s| to_iob2(&s.tags)).collect() }
        })
        .collect()
}

/// One epoch over the documents in `order`, each with its first-pass stack when training
/// the second pass; returns the number of wrong tags.
fn epoch(p: &mut Perceptron, docs: &mut [Prepared], order: &[usize], stacks: Option<&[FirstPass]>) -> usize {
    let (mut buf, mut out) = (Buffers::default(), Vec::new());
    let mut errors = 0;
    for &d in order {
        let doc = &mut docs[d];
        doc.ctx.reset_history();
        for (s, infos) in doc.infos.iter().enumerate() {
            let g = &doc.gold[s];
            let extra = |i: usize, feats: &mut Vec<u64>| {
                if let Some((st, first)) = stacks.map(|x| &x[d]) {
                    st.features(infos, &first[s], i, feats);
                }
            };
            greedy(infos, &doc.statics[s], &mut doc.ctx, &mut buf, &mut out, extra, |i, feats| {
                let pred = argmax(&p.score(feats));
                p.update(feats, g[i], pred);
                p.tick();
                errors += usize::from(pred != g[i]);
                pred
            });
        }
    }
    errors
}

/// Each document of `idx` as many times as its weight says: a document of weight 2 is
/// visited twice an epoch, which weighs its source against the others.
fn visits(idx: impl Iterator<Item = usize>, weights: &[usize]) -> Vec<usize> {
    idx.flat_map(|d| std::iter::repeat_n(d, weights.get(d).copied().unwrap_or(1))).collect()
}

/// Trains a first-pass perceptron on the document visits `order` for `epochs`.
fn train_first(docs: &mut [Prepared], order: &[usize], config: &TrainConfig, state: &mut u64) -> Perceptron {
    let mut p = Perceptron::new(config.bits);
    let mut order = order.to_vec();
    for _ in 0..config.first_epochs {
        shuffle(&mut order, state);
        epoch(&mut p, docs, &order, None);
    }
    p
}

/// First-pass tags of every training document from a model that did not see it
/// (`config.folds`-fold jackknife), so the second pass trains on realistic first-pass errors.
/// Folds go by document, so a weighted document's visits never straddle two folds.
fn jackknife(docs: &mut [Prepared], weights: &[usize], config: &TrainConfig, state: &mut u64) -> Vec<FirstPass> {
    let mut labels: Vec<Vec<Vec<usize>>> = vec![Vec::new(); docs.len()];
    let folds = config.folds.max(2);
    for k in 0..folds {
        let train_idx = visits((0..docs.len()).filter(|d| d % folds != k), weights);
        let p = train_first(docs, &train_idx, config, state);
        let table = Table::quantize(&p.averaged(), config.bits);
        for d in (0..docs.len()).filter(|d| d % folds == k) {
            let doc = &mut docs[d];
            doc.ctx.reset_history();
            labels[d] = tag_pass(&table, &doc.infos, StaticsFor::Cached(&doc.statics), &mut doc.ctx, None);
        }
    }
    docs.iter().zip(labels).map(|(doc, l)| (DocStack::new(&doc.infos, &l), l)).collect()
}

/// Tags `docs` with `model` and scores them against their gold tags.
pub fn evaluate(model: &NerModel, docs: &[ConllDoc]) -> (NerReport, Vec<Vec<Vec<usize>>>) {
    let mut report = NerReport::default();
    let mut all = Vec::with_capacity(docs.len());
    for doc in docs {
        let sentences: Vec<Vec<&str>> = doc.iter().map(|s| s.tokens.iter().map(String::as_str).collect()).collect();
        let tags = model.tag_document(&sentences);
        for (sent, pred) in doc.iter().zip(&tags) {
            let pred: Vec<&str> = pred.iter().map(|&l| LABELS[l]).collect();
            report.add(&sent.tags, &pred);
        }
        all.push(tags);
    }
    (report, all)
}

/// The element-wise mean of weight vectors.
fn mean(ws: &[Vec<f32>]) -> Vec<f32> {
    let n = ws.len().max(1) as f32;
    let mut out = ws.first().cloned().unwrap_or_default();
    for w in ws.iter().skip(1) {
        for (o, x) in out.iter_mut().zip(w) {
            *o += x;
        }
    }
    out.iter_mut().for_each(|o| *o /= n);
    out
}

/// xorshift64*: a deterministic shuffle without a dependency.
fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state >> 12;
        *state ^= *state << 25;
        *state ^= *state >> 27;
        let j = (state.wrapping_mul(0x2545_F491_4F6C_DD1D) % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

/// Trains a model on `train`: the first pass (its tags on held-out folds feed the second
/// pass's training), then the second pass, keeping the epoch that scores best on `dev`.
/// `weights` gives each training document's visits per epoch (missing ones count 1).
/// `progress` is called after each second-pass epoch.
pub fn train(
    train: &[ConllDoc],
    weights: &[usize],
    dev: &[ConllDoc],
    gaz: &Gazetteer,
    config: &TrainConfig,
    mut progress: impl FnMut(&EpochReport),
) -> (NerModel, Vec<EpochReport>) {
    let mut docs = prepare_docs(train, gaz);
    let mut state = config.seed.max(1);
    let stacks = jackknife(&mut docs, weights, config, &mut state);
    let all = visits(0..docs.len(), weights);
    // An ensemble of perceptrons trained on different shuffles, their averaged weights
    // averaged: steadier than any one of them (one run's dev F1 varies by ±0.4).
    let members = config.ensemble.max(1);
    let firsts: Vec<Vec<f32>> =
        (0..members).map(|_| train_first(&mut docs, &all, config, &mut state).averaged()).collect();
    let first = Table::quantize(&mean(&firsts), config.bits);
    let mut ps: Vec<Perceptron> = (0..members).map(|_| Perceptron::new(config.bits)).collect();
    let mut order = all.clone();
    let mut best: Option<(f64, NerModel)> = None;
    let mut reports = Vec::new();
    for e in 1..=config.epochs {
        let t0 = Instant::now();
        let mut train_errors = 0;
        for p in ps.iter_mut() {
            shuffle(&mut order, &mut state);
            train_errors += epoch(p, &mut docs, &order, Some(&stacks));
        }
        let second = mean(&ps.iter().map(Perceptron::averaged).collect::<Vec<_>>());
        // The epoch is chosen by the weights alone; the decoder's penalty comes after.
        let second = Table::quantize(&second, config.bits);
        let model = NerModel { first: first.clone(), second, gazetteer: gaz.clone(), o_penalty: 0.0 };
        let dev_f1 = if dev.is_empty() { 0.0 } else { evaluate(&model, dev).0.overall_prf().f1 };
        let r = EpochReport { epoch: e, train_errors, dev_f1, seconds: t0.elapsed().as_secs_f64() };
        progress(&r);
        reports.push(r);
        if best.as_ref().is_none_or(|(f, _)| dev_f1 >= *f) {
            best = Some((dev_f1, model));
        }
    }
    let mut model = best.map_or_else(
        || NerModel {
            first,
            second: Table::quantize(&vec![0.0; N_LABELS << config.bits], config.bits),
            gazetteer: gaz.clone(),
            o_penalty: 0.0,
        },
        |(_, m)| m,
    );
    model.o_penalty = FINAL_PASS_O_PENALTY;
    (model, reports)
}

#[cfg(test)]
mod tests {
    use super::visits;

    #[test]
    fn visits_repeat_each_document_by_its_weight() {
        assert_eq!(visits(0..3, &[2, 1, 3]), vec![0, 0, 1, 2, 2, 2]);
        // Documents without a weight count once; a weight of 0 leaves a document out.
        assert_eq!(visits([1, 3].into_iter(), &[5, 0]), vec![3]);
        assert_eq!(visits(0..2, &[]), vec![0, 1]);
    }
}
