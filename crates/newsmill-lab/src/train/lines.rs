//! Training the line model on a set laid out like wcxb-dev-text (`text/<id>.txt.gz` and
//! `ground-truth.json.gz`): labels from the gold bodies ([`labels`]), the two stages fitted
//! by logistic regression ([`fit`](mod@fit)), k-fold cross-validation grouped by site ([`cv`]) for honest
//! scores and the decision threshold, then the final model on all pages.

pub mod cv;
pub mod fit;
pub mod labels;

use std::path::Path;

use rayon::prelude::*;

use crate::EvalError;
use crate::wcxb_text::{self, TextPage};
use fit::{FitOptions, fit};
use newsmill_extract::text::model::{LineModel, context_names, context_rows, local_names};
use newsmill_extract::text::{features, page::Page};

/// One training page, prepared once: feature rows, labels and sample weights per line.
pub struct PageData {
    pub id: String,
    /// The site cross-validation groups the page by.
    pub site: String,
    pub page_type: String,
    pub text: String,
    pub gold: String,
    pub rows: Vec<Vec<f32>>,
    /// Each line's content-word ids.
    pub vocab: Vec<Vec<u32>>,
    pub labels: Vec<bool>,
    pub weights: Vec<f32>,
}

/// Context stages stacked on the local one.
const CONTEXT_STAGES: usize = 1;

/// Total sample weight of one page's lines.
const PAGE_WEIGHT: f32 = 100.0;

/// Settings of `newsmill train lines`.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub folds: usize,
    pub limit: Option<usize>,
}

/// Reads and prepares the pages of the set in `dir`.
pub fn prepare(dir: &Path, limit: Option<usize>) -> Result<Vec<PageData>, EvalError> {
    let pages = wcxb_text::load(dir, limit)?;
    Ok(pages.into_par_iter().filter_map(prepare_page).collect())
}

fn prepare_page(p: TextPage) -> Option<PageData> {
    let text = p.text?;
    let page = Page::parse(&text);
    let rows = features::extract(&page);
    let labels = labels::label(&page, &p.gold);
    let vocab = features::content_words(&page);
    // Longer lines carry more of the score, but sub-linearly so menus still teach.
    let mut weights: Vec<f32> = rows.iter().map(|r| r[0].exp().sqrt()).collect();
    // The metric weighs every page alike, so every page gets the same total weight.
    let total: f32 = weights.iter().sum::<f32>().max(1e-6);
    let scale = PAGE_WEIGHT / total;
    weights.iter_mut().for_each(|w| *w *= scale);
    drop(page);
    Some(PageData { id: p.id, site: p.site, page_type: p.page_type, text, gold: p.gold, rows, vocab, labels, weights })
}

/// Fits both stages on `pages`.
pub fn fit_model(pages: &[&PageData], threshold: f32) -> LineModel {
    let opts = FitOptions::default();
    let (x, y, w) = flatten(pages.iter().map(|p| (&p.rows, *p)));
    let local = fit(local_names(), &x, &y, &w, &opts);
    let mut probs: Vec<Vec<f32>> = pages.iter().map(|p| p.rows.iter().map(|r| local.prob(r)).collect()).collect();
    let mut context = Vec::new();
    for _ in 0..CONTEXT_STAGES {
        let ctx: Vec<Vec<Vec<f32>>> =
            pages.iter().zip(&probs).map(|(p, pr)| context_rows(&p.rows, &p.vocab, pr)).collect();
        let (x2, y2, w2) = flatten(ctx.iter().zip(pages).map(|(rows, p)| (rows, *p)));
        let stage = fit(context_names(), &x2, &y2, &w2, &opts);
        probs = ctx.iter().map(|rows| rows.iter().map(|r| stage.prob(r)).collect()).collect();
        context.push(stage);
    }
    LineModel { version: 1, local, context, threshold, training: serde_json::Value::Null }
}

type Flat<'a> = (Vec<&'a [f32]>, Vec<bool>, Vec<f32>);

fn flatten<'a>(pages: impl Iterator<Item = (&'a Vec<Vec<f32>>, &'a PageData)>) -> Flat<'a> {
    let (mut x, mut y, mut w) = (Vec::new(), Vec::new(), Vec::new());
    for (rows, p) in pages {
        x.extend(rows.iter().map(Vec::as_slice));
        y.extend_from_slice(&p.labels);
        w.extend_from_slice(&p.weights);
    }
    (x, y, w)
}

/// Cross-validates, picks the threshold, fits the final model and records the scores in it.
pub fn train(dir: &Path, options: &TrainOptions) -> Result<(LineModel, cv::CvReport), EvalError> {
    let pages = prepare(dir, options.limit)?;
    let report = cv::cross_validate(&pages, options.folds.max(2));
    let all: Vec<&PageData> = pages.iter().collect();
    let mut model = fit_model(&all, report.threshold);
    let resub = cv::score(&pages.iter().collect::<Vec<_>>(), &model);
    let mut training = serde_json::to_value(&report).unwrap_or_default();
    if let Some(obj) = training.as_object_mut() {
        obj.insert("data".into(), dir.display().to_string().into());
        obj.insert("training_pages_score_not_a_test".into(), serde_json::to_value(resub).unwrap_or_default());
    }
    model.training = training;
    Ok((model, report))
}
