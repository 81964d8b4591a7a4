//! Training the three taggers on PolNeAR: averaged perceptrons, cost-augmented Viterbi
//! decoding, several epochs over shuffled articles. The source and content taggers learn
//! from cue labels that the cue tagger predicted on articles it was not trained on (k-fold),
//! so that they learn to trust its output only as far as it deserves.

use newsmill_analyze::quotes::{MentionRef, attribute};
use rayon::prelude::*;

use crate::polnear::{Frags, Parts};
use newsmill_analyze::ner;
use newsmill_analyze::quotes::tagger::Role;
use newsmill_analyze::quotes::tagger::features::CueContext;
use newsmill_analyze::quotes::tagger::features::{dynamics, statics};
use newsmill_analyze::quotes::tagger::model::{Buffers, LABELS, Table, TaggerModel, tag, tag_cost_augmented};
use newsmill_analyze::quotes::tagger::view::{O, ParaView, gold_labels};

/// One training article: its paragraphs and their gold labels per role.
pub struct TrainDoc {
    pub views: Vec<ParaView>,
    pub gold: Vec<[Vec<u8>; 3]>,
    /// The roles its labels teach: an article annotated for cues alone teaches no source or
    /// content, whose labels there are all `O`.
    pub teaches: [bool; 3],
    /// How many times a pass over the articles visits it.
    pub weight: usize,
}

impl TrainDoc {
    /// An article with all three roles annotated (PolNeAR).
    pub fn new(text: &str, parts: &Parts, mentions: &[MentionRef]) -> TrainDoc {
        TrainDoc::with_roles(text, parts, mentions, [true; 3], 1)
    }

    /// An article whose annotation places only the cues (news-analysis-train, see
    /// [`crate::train::web_cues`]), visited `weight` times a pass.
    pub fn cues_only(text: &str, cues: Vec<Frags>, mentions: &[MentionRef], weight: usize) -> TrainDoc {
        let parts = Parts { cue: cues, ..Parts::default() };
        TrainDoc::with_roles(text, &parts, mentions, [true, false, false], weight)
    }

    fn with_roles(text: &str, parts: &Parts, mentions: &[MentionRef], teaches: [bool; 3], weight: usize) -> TrainDoc {
        let (rules, scans) = attribute::analyze(text);
        let spans = newsmill_analyze::quotes::tagger::view::rule_spans(&rules);
        let views: Vec<ParaView> = scans.iter().map(|s| ParaView::new(text, s, &spans, mentions)).collect();
        let gold = views
            .iter()
            .map(|v| [gold_labels(v, &parts.cue), gold_labels(v, &parts.source), gold_labels(v, &parts.content)])
            .collect();
        TrainDoc { views, gold, teaches, weight }
    }
}

/// The articles of `picked` that teach `role`, each as many times as its weight.
fn visits(docs: &[TrainDoc], picked: impl Iterator<Item = usize>, role: Role) -> Vec<usize> {
    picked.filter(|&d| docs[d].teaches[role as usize]).flat_map(|d| std::iter::repeat_n(d, docs[d].weight)).collect()
}

#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub epochs: usize,
    /// log2 of the number of hashed feature rows.
    pub bits: u32,
    /// Folds for the cue labels the source and content taggers train on.
    pub folds: usize,
    /// Perceptrons per role, trained on different orders and averaged.
    pub bags: usize,
    /// Per role (cue, source, content), the training cost of missing a gold `O`, `B` and
    /// `I` (see [`tag_cost_augmented`]); all zero is plain perceptron training.
    pub miss_cost: [[f32; LABELS]; 3],
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            epochs: 8,
            bits: 18,
            folds: 5,
            bags: 1,
            miss_cost: [[0.0, 100.0, 50.0], [0.0, 400.0, 200.0], [0.0; LABELS]],
        }
    }
}

/// The averaged perceptron of one role while training.
type Perceptron = ner::perceptron::Perceptron<LABELS>;

/// The structured perceptron step: towards the gold sequence's features, away from the
/// predicted one's, token by token where they differ.
fn learn(
    p: &mut Perceptron,
    view: &ParaView,
    role: Role,
    ctx: Option<&CueContext>,
    gold: &[u8],
    pred: &[u8],
    buf: &mut Buffers,
) {
    for i in 0..gold.len() {
        let (gp, pp) = if i > 0 { (gold[i - 1], pred[i - 1]) } else { (O, O) };
        if gold[i] == pred[i] && gp == pp {
            continue;
        }
        let side = statics(view, role, ctx, i, &mut buf.statics);
        p.update(&buf.statics, gold[i] as usize, pred[i] as usize);
        dynamics(view, role, side, i, gp, &mut buf.dynamics);
        p.nudge(&buf.dynamics, gold[i] as usize, 1.0);
        dynamics(view, role, side, i, pp, &mut buf.dynamics);
        p.nudge(&buf.dynamics, pred[i] as usize, -1.0);
    }
}

/// A small deterministic shuffle (xorshift), so that training is repeatable.
fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for i in (1..n).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        order.swap(i, (x % (i as u64 + 1)) as usize);
    }
    order
}

/// Trains one role on `docs` (indices `subset`); `cues` gives the cue labels per document
/// and paragraph for the source and content roles.
fn train_role(
    docs: &[TrainDoc],
    subset: &[usize],
    role: Role,
    cues: Option<&[Vec<Vec<u8>>]>,
    cfg: &TrainConfig,
) -> Table {
    // Perceptrons trained on differently shuffled passes, averaged: steadier than one.
    let bags: Vec<Vec<f32>> =
        (0..cfg.bags.max(1)).into_par_iter().map(|bag| train_bag(docs, subset, role, cues, cfg, bag as u64)).collect();
    let mut mean = vec![0f32; bags[0].len()];
    for b in &bags {
        for (m, w) in mean.iter_mut().zip(b) {
            *m += w / bags.len() as f32;
        }
    }
    Table::quantize(&mean, cfg.bits)
}

/// One perceptron's averaged weights.
fn train_bag(
    docs: &[TrainDoc],
    subset: &[usize],
    role: Role,
    cues: Option<&[Vec<Vec<u8>>]>,
    cfg: &TrainConfig,
    bag: u64,
) -> Vec<f32> {
    let mut p = Perceptron::new(cfg.bits);
    let mut buf = Buffers::default();
    for epoch in 0..cfg.epochs {
        for &oi in &shuffled(subset.len(), epoch as u64 + 1 + 1000 * bag) {
            let d = subset[oi];
            for (pi, view) in docs[d].views.iter().enumerate() {
                let ctx = cues.map(|c| CueContext::new(&c[d][pi]));
                let gold = &docs[d].gold[pi][role as usize];
                let cost = cfg.miss_cost[role as usize];
                let pred = tag_cost_augmented(&p, view, role, ctx.as_ref(), gold, cost, &mut buf);
                if pred != *gold {
                    learn(&mut p, view, role, ctx.as_ref(), gold, &pred, &mut buf);
                }
                p.tick();
            }
        }
    }
    p.averaged()
}

/// The cue labels of every document, each predicted by a cue tagger that did not see it.
fn cross_predicted_cues(docs: &[TrainDoc], cfg: &TrainConfig) -> Vec<Vec<Vec<u8>>> {
    let folds = cfg.folds.max(2);
    let per_fold: Vec<Vec<(usize, Vec<Vec<u8>>)>> = (0..folds)
        .into_par_iter()
        .map(|k| {
            let rest = visits(docs, (0..docs.len()).filter(|d| d % folds != k), Role::Cue);
            let table = train_role(docs, &rest, Role::Cue, None, cfg);
            let mut buf = Buffers::default();
            (0..docs.len())
                .filter(|d| d % folds == k)
                .map(|d| (d, docs[d].views.iter().map(|v| tag(&table, v, Role::Cue, None, &mut buf)).collect()))
                .collect()
        })
        .collect();
    let mut out = vec![Vec::new(); docs.len()];
    for (d, labels) in per_fold.into_iter().flatten() {
        out[d] = labels;
    }
    out
}

/// Trains the three taggers on `docs`.
pub fn train(docs: &[TrainDoc], cfg: &TrainConfig) -> TaggerModel {
    let all = |role| visits(docs, 0..docs.len(), role);
    let (cues, cue) =
        rayon::join(|| cross_predicted_cues(docs, cfg), || train_role(docs, &all(Role::Cue), Role::Cue, None, cfg));
    let (source, content) = rayon::join(
        || train_role(docs, &all(Role::Source), Role::Source, Some(&cues), cfg),
        || train_role(docs, &all(Role::Content), Role::Content, Some(&cues), cfg),
    );
    TaggerModel { tables: [cue, source, content] }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_annotated_for_cues_teaches_only_cues_as_often_as_its_weight() {
        let text = "The minister said that the talks were over.";
        let said = text.find("said").unwrap_or(0);
        let polnear = Parts { cue: vec![vec![said..said + 4]], ..Parts::default() };
        let docs = [TrainDoc::new(text, &polnear, &[]), TrainDoc::cues_only(text, vec![vec![said..said + 4]], &[], 3)];
        assert_eq!(visits(&docs, 0..2, Role::Cue), vec![0, 1, 1, 1]);
        assert_eq!(visits(&docs, 0..2, Role::Source), vec![0]);
        assert_eq!(visits(&docs, 0..2, Role::Content), vec![0]);
        // The cue is labelled where it stands, in both kinds of article.
        assert_eq!(docs[1].gold[0][0], docs[0].gold[0][0]);
        assert!(docs[1].gold[0][0].contains(&newsmill_analyze::quotes::tagger::view::B));
    }
}
