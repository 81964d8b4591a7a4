//! WCXB (Web Content eXtraction Benchmark), dev split: word-level P/R/F1 of lowercase `\w+`
//! token multisets against `main_content`, averaged per page, overall and per page type.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use rayon::prelude::*;

use super::metrics::{MeanPrf, word_bag_prf};
use super::{EvalError, EvalOptions, SetReport, SubsetReport, extract_page, limited, read_json};

#[derive(serde::Deserialize)]
struct Meta {
    files: BTreeMap<String, FileMeta>,
}

#[derive(serde::Deserialize)]
struct FileMeta {
    #[serde(default)]
    page_type: Option<String>,
}

#[derive(serde::Deserialize)]
struct Truth {
    #[serde(default)]
    url: Option<String>,
    ground_truth: GroundTruth,
}

#[derive(serde::Deserialize)]
struct GroundTruth {
    #[serde(default)]
    main_content: Option<String>,
}

pub fn evaluate(dir: &Path, options: &EvalOptions) -> Result<SetReport, EvalError> {
    let meta: Meta = read_json(&dir.join("metadata.json"))?;
    let pages: Vec<(String, String)> =
        meta.files.into_iter().map(|(id, m)| (id, m.page_type.unwrap_or_else(|| "unknown".into()))).collect();
    let pages = limited(pages, options);
    let scored: Vec<Result<(String, super::Prf, bool), EvalError>> = pages
        .par_iter()
        .map(|(id, page_type)| {
            let truth: Truth = read_json(&dir.join("ground-truth").join(format!("{id}.json.gz")))?;
            let path = dir.join("html").join(format!("{id}.html.gz"));
            let html = super::read_maybe_gz(&path)?;
            let doc = extract_page(&path, html, truth.url.as_deref());
            let text = doc.as_ref().map_or("", |d| d.text.as_str());
            let gold = truth.ground_truth.main_content.unwrap_or_default();
            Ok((page_type.clone(), word_bag_prf(text, &gold), doc.is_none()))
        })
        .collect();
    let mut all = MeanPrf::default();
    let mut by_type: HashMap<String, MeanPrf> = HashMap::new();
    let mut failures = 0;
    for item in scored {
        let (page_type, prf, failed) = item?;
        all.add(prf);
        by_type.entry(page_type).or_default().add(prf);
        failures += usize::from(failed);
    }
    let mut report = super::report("word-level F1 (WCXB), mean per page", all.len(), all.mean(), failures);
    let mut subsets: Vec<SubsetReport> =
        by_type.into_iter().map(|(name, m)| SubsetReport { name, documents: m.len(), scores: m.mean() }).collect();
    subsets.sort_by(|a, b| b.documents.cmp(&a.documents).then(a.name.cmp(&b.name)));
    report.subsets = subsets;
    Ok(report)
}
