//! The DOM extractor's block weights ([`BlockWeights`]), chosen by cross-validation grouped by
//! site over the HTML evaluation sets together (issue 16): pages of one site never sit on both
//! sides of a split, so the held-out figure is what a site nobody tuned to gets.
//!
//! The search is coordinate ascent from the hand-set values: each weight in turn is scaled by a
//! few factors, and a change is kept when it raises the mean per-page F1 of the training pages
//! by more than [`MIN_GAIN`] and betters more pages than it worsens. Every page is parsed and
//! walked once ([`Prepared`]); a trial only reselects and reassembles, so a pass over 1,400
//! pages takes a fraction of a second.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

pub use newsmill_extract::html::BlockWeights;
use newsmill_extract::html::Prepared;
use rayon::prelude::*;

use crate::pages::{GoldPage, PageScore, fold_of, set_report, site_of};
use crate::{EvalError, EvalOptions, HTML_SETS, HtmlSet, SetReport};

/// The name of the cross-validated row of the report: each page by weights learned without its
/// site.
pub const CROSS_VALIDATED: &str = "learned, cross-validated by site";

/// Smallest rise of the mean per-page F1 that moves a weight: below it, a change is as likely
/// noise of the training pages as a gain.
pub const MIN_GAIN: f64 = 0.0005;

/// Factors each weight is tried at, against its current value.
const STEPS: &[f64] = &[0.5, 0.75, 0.9, 1.1, 1.33, 2.0];

/// Settings of the search.
#[derive(Debug, Clone)]
pub struct BlocksOptions {
    pub folds: usize,
    /// Most passes over the weights.
    pub rounds: usize,
}

impl Default for BlocksOptions {
    fn default() -> Self {
        BlocksOptions { folds: 5, rounds: 3 }
    }
}

/// One page ready to extract under any weights.
pub struct Case {
    pub set: &'static str,
    pub page: GoldPage,
    /// The site the page is grouped by ([`site_of`], or the set's own word for it).
    pub site: String,
    prepared: Option<Prepared>,
}

impl Case {
    /// The page's body text under `weights` (empty when it could not be read).
    pub fn text(&self, weights: &BlockWeights) -> String {
        self.prepared.as_ref().map(|p| p.text(weights)).unwrap_or_default()
    }

    fn score(&self, weights: &BlockWeights) -> PageScore {
        self.page.gold.score(&self.text(weights))
    }
}

/// Lists the pages of every HTML set present under `data_dir`, parsed and walked.
pub fn load_cases(data_dir: &Path, limit: Option<usize>) -> Result<Vec<Case>, EvalError> {
    let options = EvalOptions { limit };
    let mut cases = Vec::new();
    for html in HTML_SETS {
        let (set, dir) = (html.name, data_dir.join(html.name));
        if !dir.is_dir() {
            continue;
        }
        let pages = html.pages(&dir, &options)?;
        let loaded: Vec<Case> = pages
            .into_par_iter()
            .map(|page| {
                let prepared = prepare(&page);
                let site = page
                    .site
                    .clone()
                    .or_else(|| page.url.as_deref().and_then(site_of))
                    .or_else(|| prepared.as_ref().and_then(Prepared::url).and_then(site_of))
                    .unwrap_or_else(|| format!("{set}/{}", page.id));
                Case { set, page, site, prepared }
            })
            .collect();
        cases.extend(loaded);
    }
    Ok(cases)
}

fn prepare(page: &GoldPage) -> Option<Prepared> {
    let html = crate::pages::read_html(page).ok()?;
    let raw = newsmill_extract::RawDoc {
        kind_hint: Some(newsmill_extract::ContentKind::Html),
        url: page.url.clone(),
        ..newsmill_extract::RawDoc::from_bytes(page.path.display().to_string(), html)
    };
    newsmill_extract::prepare_html(&raw).ok()
}

/// Per-page F1 of the cases `idx` under `weights`.
fn page_f1(cases: &[Case], idx: &[usize], weights: &BlockWeights) -> Vec<f64> {
    idx.par_iter().map(|&i| cases[i].score(weights).f1()).collect()
}

/// Whether `trial` beats `best` page by page: a higher mean by more than [`MIN_GAIN`], and more
/// pages better than worse, so one page's large swing does not move a weight for all sites.
fn beats(trial: &[f64], best: &[f64]) -> bool {
    let n = trial.len().max(1) as f64;
    let gain: f64 = trial.iter().zip(best).map(|(t, b)| t - b).sum::<f64>() / n;
    let better = trial.iter().zip(best).filter(|&(t, b)| *t > *b + 1e-9).count();
    let worse = trial.iter().zip(best).filter(|&(t, b)| *t + 1e-9 < *b).count();
    gain > MIN_GAIN && better > worse
}

/// Coordinate ascent from `start` on the cases `idx`; the weights found.
pub fn search(cases: &[Case], idx: &[usize], start: BlockWeights, rounds: usize) -> BlockWeights {
    let mut best = start;
    let mut best_f1 = page_f1(cases, idx, &best);
    for _ in 0..rounds {
        let mut moved = false;
        for p in 0..best.named().len() {
            let current = best.named()[p].1;
            for &step in STEPS {
                let mut trial = best;
                let (name, value) = &mut trial.named_mut()[p];
                **value = bounded(name, current * step);
                if trial == best {
                    continue;
                }
                let f1 = page_f1(cases, idx, &trial);
                if beats(&f1, &best_f1) {
                    best = trial;
                    best_f1 = f1;
                    moved = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
    best
}

/// A trial value kept in its weight's range: shares and densities in (0, 1], counts whole.
fn bounded(name: &str, value: f64) -> f64 {
    if name.ends_with("share") || name.ends_with("density") {
        value.clamp(0.01, 1.0)
    } else if name.ends_with("words") || name.ends_with("chars") || name.ends_with("cap") {
        value.round().max(1.0)
    } else {
        value.max(0.0)
    }
}

/// The figures of one way of choosing weights, per set.
#[derive(Debug, Clone, serde::Serialize)]
pub struct System {
    pub name: String,
    /// Mean per-page F1 over every page of every set.
    pub mean_f1: f64,
    pub sets: Vec<SetReport>,
    /// Each page's F1, in the order of the cases.
    #[serde(skip)]
    pub page_f1: Vec<f64>,
}

/// What `newsmill train blocks` found.
#[derive(Debug, Clone, serde::Serialize)]
pub struct BlocksReport {
    pub pages: usize,
    pub sites: usize,
    pub folds: usize,
    /// Hand-set weights, the shipped ones when they differ, the cross-validated search (each
    /// page by weights learned without its site), and the weights learned on all pages scored
    /// on those same pages (optimistic).
    pub systems: Vec<System>,
    /// The weights each fold's search found, to show how stable they are.
    pub fold_weights: Vec<BlockWeights>,
    /// The weights learned on all pages: the ones to ship.
    pub learned: BlockWeights,
}

/// Runs the grouped cross-validation and the final search on all pages.
pub fn train(cases: &[Case], options: &BlocksOptions) -> BlocksReport {
    let folds = options.folds.max(2);
    let hand = BlockWeights::HAND_SET;
    let mut held_out: Vec<Option<PageScore>> = vec![None; cases.len()];
    let mut fold_weights = Vec::new();
    for k in 0..folds {
        let (test, train): (Vec<usize>, Vec<usize>) =
            (0..cases.len()).partition(|&i| fold_of(&cases[i].site, folds) == k);
        let weights = search(cases, &train, hand, options.rounds);
        let scores: Vec<PageScore> = test.par_iter().map(|&i| cases[i].score(&weights)).collect();
        for (i, s) in test.into_iter().zip(scores) {
            held_out[i] = Some(s);
        }
        fold_weights.push(weights);
    }
    let all: Vec<usize> = (0..cases.len()).collect();
    let learned = search(cases, &all, hand, options.rounds);
    let score_all = |w: &BlockWeights| -> Vec<PageScore> { cases.par_iter().map(|c| c.score(w)).collect() };
    let cv: Vec<PageScore> =
        held_out.into_iter().zip(cases).map(|(s, c)| s.unwrap_or_else(|| c.page.gold.score(""))).collect();
    let shipped = *BlockWeights::shipped();
    let mut systems = vec![system("hand-set", cases, &score_all(&hand))];
    if shipped != hand {
        systems.push(system("shipped (models/html-blocks.json)", cases, &score_all(&shipped)));
    }
    systems.extend([
        system(CROSS_VALIDATED, cases, &cv),
        system("learned on all pages (in-sample)", cases, &score_all(&learned)),
    ]);
    let sites = cases.iter().map(|c| c.site.as_str()).collect::<BTreeSet<_>>().len();
    BlocksReport { pages: cases.len(), sites, folds, systems, fold_weights, learned }
}

/// A system's figures from one score per case (in case order).
pub fn system(name: &str, cases: &[Case], scores: &[PageScore]) -> System {
    let mean_f1 = scores.iter().map(PageScore::f1).sum::<f64>() / scores.len().max(1) as f64;
    let mut sets = Vec::new();
    for &HtmlSet { name: set, metric, .. } in HTML_SETS {
        let (pages, flagged): (Vec<GoldPage>, Vec<(PageScore, bool)>) = cases
            .iter()
            .zip(scores)
            .filter(|(c, _)| c.set == set)
            .map(|(c, s)| (c.page.clone(), (*s, c.prepared.is_none())))
            .unzip();
        if pages.is_empty() {
            continue;
        }
        let mut report = set_report(metric, &pages, &flagged);
        report.set = set.to_string();
        sets.push(report);
    }
    System { name: name.to_string(), mean_f1, sets, page_f1: scores.iter().map(PageScore::f1).collect() }
}

/// Another extractor's texts (`set`, `id` → text) scored on the same cases, to stand beside
/// ours; a page it has no text for scores as empty output.
pub fn baseline(name: &str, cases: &[Case], texts: &HashMap<(String, String), String>) -> System {
    let scores: Vec<PageScore> = cases
        .iter()
        .map(|c| {
            let text = texts.get(&(c.set.to_string(), c.page.id.clone())).map_or("", String::as_str);
            c.page.gold.score(text)
        })
        .collect();
    system(name, cases, &scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trial_values_stay_in_range() {
        assert_eq!(bounded("min_sibling_prose_share", 1.5), 1.0);
        assert_eq!(bounded("link_list_density", 0.0), 0.01);
        assert_eq!(bounded("prose_min_words", 11.25), 11.0);
        assert_eq!(bounded("max_label_words", 0.4), 1.0);
        assert_eq!(bounded("semantic_bonus", 0.3), 0.3);
    }

    #[test]
    fn one_page_swing_does_not_move_a_weight() {
        let best = [0.5, 0.9, 0.9, 0.9];
        assert!(!beats(&[1.0, 0.89, 0.89, 0.89], &best));
        assert!(beats(&[0.5, 0.95, 0.95, 0.9], &best));
        assert!(!beats(&[0.5, 0.9001, 0.9, 0.9], &best));
    }
}
