//! The line classifier: two logistic regressions. The first reads each line's own features
//! ([`super::features`]); the second adds what the first thinks of the lines around it, since
//! a story is a mostly contiguous region. Weights come from `models/text-lines.json` (see
//! `models/text-lines.md`), embedded in the binary so nothing is read at run time.

use std::sync::LazyLock;

use super::features::{LineFeatures, NAMES};
use super::region;

/// One logistic regression over standardized features, plus (optionally) one learned weight
/// per quantile bin of each feature: an additive model, so a feature can matter in a
/// non-linear way (very short and very long label lines both being chrome).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Logistic {
    pub features: Vec<String>,
    pub mean: Vec<f32>,
    pub scale: Vec<f32>,
    pub weights: Vec<f32>,
    pub bias: f32,
    /// Per feature, the bin edges (empty: no bins for that feature).
    #[serde(default)]
    pub edges: Vec<Vec<f32>>,
    /// Per feature, one weight per bin (`edges.len() + 1` of them).
    #[serde(default)]
    pub bin_weights: Vec<Vec<f32>>,
}

/// Partial sums of a [`Logistic`]'s linear and binned terms.
#[derive(Debug, Clone, Copy)]
pub struct Terms {
    linear: f32,
    bins: f32,
}

impl Default for Terms {
    /// Empty sums start at -0.0, as `Iterator::sum` does for floats.
    fn default() -> Self {
        Terms { linear: -0.0, bins: -0.0 }
    }
}

/// The bin of `v` among `edges`.
pub fn bin_of(edges: &[f32], v: f32) -> usize {
    edges.partition_point(|e| *e < v)
}

impl Logistic {
    pub fn prob(&self, x: &[f32]) -> f32 {
        self.prob_after(x, 0, Terms::default())
    }

    /// The sums of the terms of features `first..first + x.len()`, added to `acc` in the
    /// order [`Logistic::prob`] adds them, so that a row scored in two parts gets exactly
    /// the probability it gets in one.
    pub fn terms(&self, x: &[f32], first: usize, acc: Terms) -> Terms {
        let params = self.mean.iter().zip(&self.scale).zip(&self.weights).skip(first);
        let linear = x.iter().zip(params).fold(acc.linear, |sum, (x, ((m, s), w))| sum + (x - m) / s * w);
        let bins = self.edges.iter().zip(&self.bin_weights).skip(first).zip(x);
        let bins = bins.fold(acc.bins, |sum, ((e, w), v)| sum + w.get(bin_of(e, *v)).copied().unwrap_or(0.0));
        Terms { linear, bins }
    }

    /// The probability of a row whose features before `first` were summed into `acc`.
    pub fn prob_after(&self, x: &[f32], first: usize, acc: Terms) -> f32 {
        let t = self.terms(x, first, acc);
        sigmoid(t.linear + t.bins + self.bias)
    }

    fn fits(&self, names: &[String]) -> bool {
        let n = names.len();
        let bins_ok = self.edges.is_empty()
            || (self.edges.len() == n
                && self.bin_weights.len() == n
                && self
                    .edges
                    .iter()
                    .zip(&self.bin_weights)
                    .all(|(e, w)| w.len() == if e.is_empty() { 0 } else { e.len() + 1 }));
        self.features == names && self.mean.len() == n && self.scale.len() == n && self.weights.len() == n && bins_ok
    }

    /// A model that looks only at the named features, with the given weights (for the
    /// fallback and tests).
    fn hand_set(names: Vec<String>, set: &[(&str, f32)], bias: f32) -> Self {
        let n = names.len();
        let weights = names.iter().map(|f| set.iter().find(|(k, _)| k == f).map_or(0.0, |&(_, w)| w)).collect();
        Logistic {
            features: names,
            mean: vec![0.0; n],
            scale: vec![1.0; n],
            weights,
            bias,
            edges: Vec::new(),
            bin_weights: Vec::new(),
        }
    }
}

pub fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// The whole line model as stored in `models/text-lines.json`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct LineModel {
    pub version: u32,
    pub local: Logistic,
    /// Context stages, each reading the probabilities of the one before.
    pub context: Vec<Logistic>,
    /// Lines whose context probability reaches this are story.
    pub threshold: f32,
    /// Training summary (data, folds, CV scores); informative only.
    #[serde(default)]
    pub training: serde_json::Value,
}

/// Context features added to the local ones for the second stage.
pub const CONTEXT_NAMES: &[&str] = &[
    "p_logit",
    "p_window1",
    "p_window3",
    "p_window8",
    "p_max_before",
    "p_max_after",
    "mass_before",
    "mass_after",
    "in_region",
    "story_vocabulary",
];

pub fn local_names() -> Vec<String> {
    NAMES.iter().map(|s| s.to_string()).collect()
}

pub fn context_names() -> Vec<String> {
    NAMES.iter().chain(CONTEXT_NAMES).map(|s| s.to_string()).collect()
}

static EMBEDDED: LazyLock<Result<LineModel, String>> =
    LazyLock::new(|| match serde_json::from_str::<LineModel>(include_str!("../../models/text-lines.json")) {
        Ok(model) if model.is_valid() => Ok(model),
        Ok(_) => Err("models/text-lines.json was trained on other features than this build computes".into()),
        Err(e) => Err(format!("models/text-lines.json is not a line model: {e}")),
    });

static FALLBACK: LazyLock<LineModel> = LazyLock::new(LineModel::fallback);

impl LineModel {
    /// The model shipped in `models/text-lines.json`; a hand-set long-line model if that file
    /// does not match this build's features (caught by a unit test before release).
    pub fn embedded() -> &'static LineModel {
        EMBEDDED.as_ref().unwrap_or(&FALLBACK)
    }

    /// The model shipped in `models/text-lines.json`, or why this build cannot use it.
    pub fn load_embedded() -> Result<&'static LineModel, &'static str> {
        EMBEDDED.as_ref().map_err(String::as_str)
    }

    pub fn is_valid(&self) -> bool {
        self.local.fits(&local_names()) && self.context.iter().all(|c| c.fits(&context_names()))
    }

    /// Keeps lines of 20 words or more: the baseline the learned model must beat.
    pub fn fallback() -> LineModel {
        LineModel {
            version: 0,
            local: Logistic::hand_set(local_names(), &[("long20", 8.0)], -4.0),
            context: vec![Logistic::hand_set(context_names(), &[("p_logit", 1.0)], 0.0)],
            threshold: 0.5,
            training: serde_json::Value::Null,
        }
    }

    /// The story probability of each line, from its feature rows.
    /// `words` are each line's content-word ids ([`super::features::content_words`]).
    pub fn predict(&self, lines: &LineFeatures, words: &[Vec<u32>]) -> Vec<f32> {
        // Each row is built once: the context stages keep only their sums over its local
        // features, and add the context features when the stage before has run.
        let n = lines.len();
        let mut row = Vec::with_capacity(NAMES.len());
        let mut p = Vec::with_capacity(n);
        let mut local_terms: Vec<Vec<Terms>> = vec![Vec::with_capacity(n); self.context.len()];
        for i in 0..n {
            lines.row_into(i, &mut row);
            p.push(self.local.prob(&row));
            for (stage, terms) in self.context.iter().zip(&mut local_terms) {
                terms.push(stage.terms(&row, 0, Terms::default()));
            }
        }
        let sizes: Vec<f32> = (0..n).map(|i| lines.words(i)).collect();
        for (stage, terms) in self.context.iter().zip(local_terms) {
            let extras = context_extras(&sizes, words, &p);
            p = extras.iter().zip(terms).map(|(extra, acc)| stage.prob_after(extra, NAMES.len(), acc)).collect();
        }
        p
    }
}

/// The second-stage rows: each local row followed by its [`context_extras`].
#[cfg(feature = "internals")]
pub fn context_rows(rows: &[Vec<f32>], words: &[Vec<u32>], p: &[f32]) -> Vec<Vec<f32>> {
    let sizes: Vec<f32> = rows.iter().map(|r| r.first().map_or(0.0, |w| w.exp() - 1.0)).collect();
    rows.iter().zip(context_extras(&sizes, words, p)).map(|(r, e)| r.iter().chain(&e).copied().collect()).collect()
}

/// [`CONTEXT_NAMES`] of each line, computed from each line's word count (`words`, as
/// [`LineFeatures::words`] gives it), its content words and the previous stage's
/// probabilities `p`.
pub fn context_extras(words: &[f32], vocab: &[Vec<u32>], p: &[f32]) -> Vec<[f32; CONTEXT_NAMES.len()]> {
    let n = words.len();
    let coherence = story_vocabulary(vocab, p);
    let mass: Vec<f32> = p.iter().zip(words).map(|(p, w)| if *p >= 0.5 { *w } else { 0.0 }).collect();
    let total = mass.iter().sum::<f32>().max(1.0);
    let region = region::best_region(&region::gains(p, words, 0.5));
    let mut before_max = vec![0.0f32; n];
    let mut after_max = vec![0.0f32; n];
    for i in 1..n {
        before_max[i] = before_max[i - 1].max(p[i - 1]);
    }
    for i in (0..n.saturating_sub(1)).rev() {
        after_max[i] = after_max[i + 1].max(p[i + 1]);
    }
    let window = |i: usize, k: usize| {
        let (lo, hi) = (i.saturating_sub(k), (i + k + 1).min(n));
        let sum: f32 = (lo..hi).filter(|&j| j != i).map(|j| p[j]).sum();
        sum / (hi - lo - 1).max(1) as f32
    };
    let mut cum = 0.0f32;
    (0..n)
        .map(|i| {
            let before = cum / total;
            cum += mass[i];
            let after = (total - cum).max(0.0) / total;
            let logit = (p[i].clamp(1e-4, 1.0 - 1e-4) / (1.0 - p[i].clamp(1e-4, 1.0 - 1e-4))).ln();
            [
                logit,
                window(i, 1),
                window(i, 3),
                window(i, 8),
                before_max[i],
                after_max[i],
                before,
                after,
                f32::from(region.as_ref().is_some_and(|r| r.contains(&i))),
                coherence.get(i).copied().unwrap_or(0.0),
            ]
        })
        .collect()
}

/// For each line, the share of its content words that other likely-story lines also use:
/// related-story headlines and promotions are about something else.
fn story_vocabulary(vocab: &[Vec<u32>], p: &[f32]) -> Vec<f32> {
    let size = vocab.iter().flatten().max().map_or(0, |&m| m as usize + 1);
    let mut count = vec![0u32; size];
    for (ws, &pi) in vocab.iter().zip(p) {
        if pi >= 0.5 {
            ws.iter().for_each(|&w| count[w as usize] += 1);
        }
    }
    vocab
        .iter()
        .zip(p)
        .map(|(ws, &pi)| {
            let own = u32::from(pi >= 0.5);
            let shared = ws.iter().filter(|&&w| count[w as usize] > own).count();
            if ws.is_empty() { 0.0 } else { shared as f32 / ws.len() as f32 }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_model_matches_this_builds_features() {
        let parsed: LineModel = serde_json::from_str(include_str!("../../models/text-lines.json"))
            .unwrap_or_else(|e| panic!("models/text-lines.json: {e}"));
        assert!(parsed.is_valid(), "models/text-lines.json was trained on other features; retrain");
    }

    #[test]
    fn fallback_keeps_long_lines() {
        let m = LineModel::fallback();
        let long = "word ".repeat(25);
        let text = format!("{long}\nHome\n");
        let page = super::super::page::Page::parse(&text);
        let p = m.predict(&LineFeatures::new(&page), &[vec![], vec![]]);
        assert!(p[0] > 0.5 && p[1] < 0.5, "{p:?}");
    }
}
