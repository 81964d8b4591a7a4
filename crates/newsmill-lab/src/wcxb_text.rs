//! wcxb-dev-text: WCXB pages flattened to text by inscriptis, chrome included (see the set's
//! PROVENANCE.md). Scored with the ScrapingHub article-extraction-benchmark metric exactly
//! ([`metrics::shingle_counts`], [`ShingleMean`]), on all pages and per page type.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use super::metrics::{self, ShingleMean};
use super::{EvalError, EvalOptions, SetReport, SubsetReport, read_maybe_gz};
use newsmill_extract::{ContentKind, ExtractConfig, RawDoc, extract};

/// One page of the set.
#[derive(Debug, Clone)]
pub struct TextPage {
    pub id: String,
    /// The flattened page; `None` when its file could not be read.
    pub text: Option<String>,
    /// The ground truth's `articleBody`.
    pub gold: String,
    pub page_type: String,
    /// The site the page is from (the host of its URL), or its id when the set gives none.
    pub site: String,
}

/// Reads the set in `dir`: `ground-truth.json.gz` and `text/<id>.txt.gz`, in id order.
pub fn load(dir: &Path, limit: Option<usize>) -> Result<Vec<TextPage>, EvalError> {
    let truth_path = dir.join("ground-truth.json.gz");
    let truth: BTreeMap<String, serde_json::Value> =
        serde_json::from_slice(&read_maybe_gz(&truth_path)?).map_err(|e| EvalError::json(&truth_path, e))?;
    let entries: Vec<(String, serde_json::Value)> = truth.into_iter().take(limit.unwrap_or(usize::MAX)).collect();
    Ok(entries
        .into_par_iter()
        .map(|(id, v)| {
            let text = read_maybe_gz(&dir.join("text").join(format!("{id}.txt.gz")))
                .ok()
                .map(|b| String::from_utf8_lossy(&b).into_owned());
            let field = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            let site = crate::pages::site_of(&field("url")).unwrap_or_else(|| id.clone());
            TextPage { id, text, gold: field("articleBody"), page_type: field("page_type"), site }
        })
        .collect())
}

/// Scores the line extractor on the set in `dir`.
pub fn evaluate(dir: &Path, options: &EvalOptions) -> Result<SetReport, EvalError> {
    let pages = load(dir, options.limit)?;
    let scored: Vec<(String, metrics::Counts, bool)> = pages
        .par_iter()
        .map(|page| {
            let bytes = page.text.clone().unwrap_or_default().into_bytes();
            let raw = RawDoc { kind_hint: Some(ContentKind::Text), ..RawDoc::from_bytes(&page.id, bytes) };
            let (text, failed) = match extract(&raw, &ExtractConfig::default()) {
                Ok(doc) => (doc.text, page.text.is_none()),
                Err(_) => (String::new(), true),
            };
            (page.page_type.clone(), metrics::shingle_counts(&text, &page.gold), failed)
        })
        .collect();
    let mut all = ShingleMean::default();
    let mut by_type: BTreeMap<String, ShingleMean> = BTreeMap::new();
    for (page_type, counts, _) in &scored {
        all.add(*counts);
        by_type.entry(page_type.clone()).or_default().add(*counts);
    }
    let subsets =
        by_type.into_iter().map(|(name, m)| SubsetReport { name, documents: m.len(), scores: m.prf() }).collect();
    Ok(SetReport {
        set: "wcxb-dev-text".into(),
        metric: "ScrapingHub shingle F1 (4-token shingles, mean P and R per page)".into(),
        documents: all.len(),
        scores: all.prf(),
        subsets,
        title_accuracy: None,
        author_accuracy: None,
        date_accuracy: None,
        date_by_source: Vec::new(),
        failures: scored.iter().filter(|s| s.2).count(),
        seconds: 0.0,
    })
}
