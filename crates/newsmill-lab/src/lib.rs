//! Evaluation: scores the extractors on the evaluation sets with each set's upstream metric,
//! so the figures compare with published ones. Each set lives in its own module and returns
//! a [`SetReport`]; `newsmill eval extraction` prints them and writes them as JSON.

mod cleanportal;
mod metadata;
pub mod metrics;
pub mod ner;
pub mod news_analysis;
pub mod pages;
pub mod polnear;
mod readability;
mod trafilatura;
pub mod train;
mod wcxb;
pub mod wcxb_text;

use std::path::{Path, PathBuf};

pub use metrics::{Accuracy, Counts, MeanPrf, Prf};

/// The extraction evaluation sets, by their folder name under the eval root.
pub const EXTRACTION_SETS: &[&str] =
    &["wcxb-dev", "wcxb-dev-text", "trafilatura-eval-dev", "cleanportaleval", "mozilla-readability-testpages"];

/// An HTML evaluation set: its folder name, its upstream metric, and the reader of its pages
/// with their gold.
pub struct HtmlSet {
    pub name: &'static str,
    pub metric: &'static str,
    pages: fn(&Path, &EvalOptions) -> Result<Vec<pages::GoldPage>, EvalError>,
}

/// The HTML sets (`wcxb-dev-text`, whose pages are text, is not one).
pub const HTML_SETS: &[HtmlSet] = &[
    HtmlSet { name: "wcxb-dev", metric: "word-level F1 (WCXB), mean per page", pages: wcxb::pages },
    HtmlSet {
        name: "trafilatura-eval-dev",
        metric: "snippet P/R/F1 (trafilatura eval_common), micro",
        pages: trafilatura::pages,
    },
    HtmlSet {
        name: "cleanportaleval",
        metric: "word-level F1 vs CleanEval gold, mean per page",
        pages: cleanportal::pages,
    },
    HtmlSet {
        name: "mozilla-readability-testpages",
        metric: "word-level F1 vs Readability.js expected text, mean per page",
        pages: readability::pages,
    },
];

/// Options shared by the set evaluators.
#[derive(Debug, Clone, Default)]
pub struct EvalOptions {
    /// Score only the first N documents (in id order), for quick runs.
    pub limit: Option<usize>,
}

/// Scores on one subset of a set (such as WCXB's article pages).
#[derive(Debug, Clone, serde::Serialize)]
pub struct SubsetReport {
    pub name: String,
    pub documents: usize,
    pub scores: Prf,
}

/// The figures of one evaluation set.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SetReport {
    pub set: String,
    /// The upstream metric, named so a reader knows how to compare.
    pub metric: String,
    pub documents: usize,
    pub scores: Prf,
    pub subsets: Vec<SubsetReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_accuracy: Option<Accuracy>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author_accuracy: Option<Accuracy>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_accuracy: Option<Accuracy>,
    /// Date accuracy by the evidence that gave the date (`date_source`; `none` for no date).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub date_by_source: Vec<(String, Accuracy)>,
    /// Documents that could not be extracted (scored as empty output).
    pub failures: usize,
    pub seconds: f64,
}

/// Why a set could not be scored.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    #[error("evaluation set {set} not found at {}; pass --data DIR pointing at the folder holding it", path.display())]
    Missing { set: String, path: PathBuf },
    #[error("unknown evaluation set {0:?}; known sets: {sets}", sets = EXTRACTION_SETS.join(", "))]
    UnknownSet(String),
    #[error("cannot read {}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("cannot parse {}: {source}", path.display())]
    Json { path: PathBuf, source: serde_json::Error },
}

impl EvalError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        EvalError::Io { path: path.to_path_buf(), source }
    }

    pub(crate) fn json(path: &Path, source: serde_json::Error) -> Self {
        EvalError::Json { path: path.to_path_buf(), source }
    }
}

/// The folder that holds the evaluation sets: `$NEWSMILL_EVAL_DIR`, else the nearest
/// `shared/eval` beside the working directory or one of its parents (`../shared/eval` from the
/// checkout, `../../../shared/eval` from a crate's folder, where `cargo test` runs), else
/// `../shared/eval`. Nothing of the machine that built the program is kept in it.
pub fn default_data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("NEWSMILL_EVAL_DIR") {
        return PathBuf::from(dir);
    }
    let fallback = PathBuf::from("../shared/eval");
    let Ok(cwd) = std::env::current_dir() else { return fallback };
    let beside = |dir: &Path| dir.parent().map(|p| p.join("shared").join("eval"));
    cwd.ancestors().filter_map(beside).find(|p| p.is_dir()).unwrap_or(fallback)
}

/// Scores extraction on one set, found as `data_dir/<set>`.
pub fn evaluate_extraction(data_dir: &Path, set: &str, options: &EvalOptions) -> Result<SetReport, EvalError> {
    let dir = data_dir.join(set);
    if !EXTRACTION_SETS.contains(&set) {
        return Err(EvalError::UnknownSet(set.to_string()));
    }
    if !dir.is_dir() {
        return Err(EvalError::Missing { set: set.to_string(), path: dir });
    }
    let started = std::time::Instant::now();
    let mut report = match HTML_SETS.iter().find(|s| s.name == set) {
        Some(html) => evaluate_pages(html.metric, &html.pages(&dir, options)?),
        None => wcxb_text::evaluate(&dir, options),
    }?;
    let meta = metadata::evaluate_metadata(&dir, set, options)?;
    report.title_accuracy = report.title_accuracy.or(meta.title);
    report.author_accuracy = report.author_accuracy.or(meta.author);
    report.date_accuracy = report.date_accuracy.or(meta.date);
    report.date_by_source = meta.date_by_source;
    report.set = set.to_string();
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

impl HtmlSet {
    /// The set's pages with their gold, read from `dir`.
    pub fn pages(&self, dir: &Path, options: &EvalOptions) -> Result<Vec<pages::GoldPage>, EvalError> {
        (self.pages)(dir, options)
    }
}

/// Reads a file, un-gzipping it when its name ends in `.gz`.
pub(crate) fn read_maybe_gz(path: &Path) -> Result<Vec<u8>, EvalError> {
    use std::io::Read;
    let bytes = std::fs::read(path).map_err(|e| EvalError::io(path, e))?;
    if path.extension().is_none_or(|e| e != "gz") {
        return Ok(bytes);
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(&bytes[..]).read_to_end(&mut out).map_err(|e| EvalError::io(path, e))?;
    Ok(out)
}

/// Runs the HTML extractor on one evaluation page; `None` when extraction failed (the sets
/// score a failure as empty output).
pub(crate) fn extract_page(source: &Path, html: Vec<u8>, url: Option<&str>) -> Option<newsmill_extract::Document> {
    let raw = newsmill_extract::RawDoc {
        kind_hint: Some(newsmill_extract::ContentKind::Html),
        url: url.map(str::to_string),
        ..newsmill_extract::RawDoc::from_bytes(source.display().to_string(), html)
    };
    newsmill_extract::extract(&raw, &newsmill_extract::ExtractConfig::default()).ok()
}

/// Reads and parses a JSON file (un-gzipping `.gz`).
pub(crate) fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, EvalError> {
    let bytes = read_maybe_gz(path)?;
    serde_json::from_slice(&bytes).map_err(|e| EvalError::json(path, e))
}

/// The first `limit` items, or all.
pub(crate) fn limited<T>(mut items: Vec<T>, options: &EvalOptions) -> Vec<T> {
    if let Some(n) = options.limit {
        items.truncate(n);
    }
    items
}

/// A report with the fields every evaluator fills; the caller sets the rest.
pub(crate) fn report(metric: &str, documents: usize, scores: Prf, failures: usize) -> SetReport {
    SetReport {
        set: String::new(),
        metric: metric.to_string(),
        documents,
        scores,
        subsets: Vec::new(),
        title_accuracy: None,
        author_accuracy: None,
        date_accuracy: None,
        date_by_source: Vec::new(),
        failures,
        seconds: 0.0,
    }
}

/// Extracts every page (in parallel) and scores it against its gold, by the set's metric.
pub(crate) fn evaluate_pages(metric: &str, pages: &[pages::GoldPage]) -> Result<SetReport, EvalError> {
    use rayon::prelude::*;
    let scored: Vec<(pages::PageScore, bool)> = pages
        .par_iter()
        .map(|page| {
            let doc = extract_page(&page.path, pages::read_html(page)?, page.url.as_deref());
            let text = doc.as_ref().map_or("", |d| d.text.as_str());
            Ok((page.gold.score(text), doc.is_none()))
        })
        .collect::<Result<_, EvalError>>()?;
    Ok(pages::set_report(metric, pages, &scored))
}
