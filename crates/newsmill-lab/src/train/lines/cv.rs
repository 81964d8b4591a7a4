//! k-fold cross-validation grouped by site: each page is scored by a model that saw no page of
//! its site, with the same metric as `newsmill eval` (ScrapingHub shingle F1), overall and per
//! page type.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::{PageData, fit_model};
use crate::metrics::{ShingleMean, shingle_counts};
use crate::pages::fold_of;
use crate::{Counts, Prf};
use newsmill_extract::ExtractConfig;
use newsmill_extract::text::extract_with;
use newsmill_extract::text::model::LineModel;

/// Thresholds tried on the held-out predictions.
const THRESHOLDS: &[f32] = &[0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65];

/// Scores of one model on some pages: all, and per page type.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Scores {
    pub all: Prf,
    pub by_type: BTreeMap<String, Prf>,
    pub pages: usize,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct CvReport {
    pub folds: usize,
    pub pages: usize,
    pub lines: usize,
    /// The threshold with the best held-out article F1, used by the final model.
    pub threshold: f32,
    /// Held-out scores at that threshold.
    pub cv: Scores,
    /// Held-out article F1 at each threshold tried.
    pub article_f1_by_threshold: Vec<(f32, f64)>,
}

pub fn cross_validate(pages: &[PageData], folds: usize) -> CvReport {
    // For each fold: each held-out page's index and its counts at each threshold.
    let held_out: Vec<Vec<(usize, Vec<Counts>)>> = (0..folds)
        .into_par_iter()
        .map(|k| {
            let train: Vec<&PageData> = pages.iter().filter(|p| fold_of(&p.site, folds) != k).collect();
            let base = fit_model(&train, 0.5);
            (0..pages.len())
                .filter(|&i| fold_of(&pages[i].site, folds) == k)
                .map(|i| (i, THRESHOLDS.iter().map(|&t| page_counts(&pages[i], &base, t)).collect()))
                .collect()
        })
        .collect();
    let mut by_threshold = Vec::new();
    for (t, &threshold) in THRESHOLDS.iter().enumerate() {
        let s = aggregate(|i| pages[i].page_type.clone(), held_out.iter().flatten().map(|(i, c)| (*i, c[t])));
        by_threshold.push((threshold, s.by_type.get("article").map_or(s.all.f1, |p| p.f1)));
    }
    let best = pick_threshold(&by_threshold);
    let cv = aggregate(|i| pages[i].page_type.clone(), held_out.iter().flatten().map(|(i, c)| (*i, c[best])));
    CvReport {
        folds,
        pages: pages.len(),
        lines: pages.iter().map(|p| p.rows.len()).sum(),
        threshold: THRESHOLDS[best],
        cv,
        article_f1_by_threshold: by_threshold,
    }
}

/// The index of the best-scoring threshold; among those within noise (0.001) of the best,
/// the one nearest 0.5, the calibrated middle.
fn pick_threshold(scores: &[(f32, f64)]) -> usize {
    let max = scores.iter().map(|s| s.1).fold(f64::MIN, f64::max);
    let near = |t: f32| (t - 0.5).abs();
    (0..scores.len())
        .filter(|&i| scores[i].1 >= max - 1e-3)
        .min_by(|&a, &b| near(scores[a].0).total_cmp(&near(scores[b].0)))
        .unwrap_or(0)
}

fn page_counts(page: &PageData, model: &LineModel, threshold: f32) -> Counts {
    let model = LineModel { threshold, ..model.clone() };
    let doc = extract_with(&page.text, &model, &ExtractConfig::default());
    shingle_counts(&doc.text, &page.gold)
}

fn aggregate(types: impl Fn(usize) -> String, counts: impl Iterator<Item = (usize, Counts)>) -> Scores {
    let mut all = ShingleMean::default();
    let mut by_type: BTreeMap<String, ShingleMean> = BTreeMap::new();
    for (i, c) in counts {
        all.add(c);
        by_type.entry(types(i)).or_default().add(c);
    }
    Scores { all: all.prf(), pages: all.len(), by_type: by_type.into_iter().map(|(k, m)| (k, m.prf())).collect() }
}

/// Scores `model` on `pages` (for the training-pages figure, which is not a test score).
pub fn score(pages: &[&PageData], model: &LineModel) -> Scores {
    let counts: Vec<(usize, Counts)> =
        pages.par_iter().enumerate().map(|(i, p)| (i, page_counts(p, model, model.threshold))).collect();
    aggregate(|i| pages[i].page_type.clone(), counts.into_iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threshold_ties_go_to_the_middle_without_drifting() {
        let scores = [(0.3, 0.9000), (0.35, 0.9220), (0.4, 0.9215), (0.45, 0.9208), (0.5, 0.9201)];
        assert_eq!(pick_threshold(&scores), 2);
    }
}
