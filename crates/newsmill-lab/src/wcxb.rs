//! WCXB (Web Content eXtraction Benchmark), dev split: word-level P/R/F1 of lowercase `\w+`
//! token multisets against `main_content`, averaged per page, overall and per page type.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use super::pages::{Gold, GoldPage};
use super::{EvalError, EvalOptions, limited, read_json};

#[derive(serde::Deserialize)]
struct Meta {
    files: BTreeMap<String, FileMeta>,
}

#[derive(serde::Deserialize)]
struct FileMeta {
    #[serde(default)]
    page_type: Option<String>,
    #[serde(default)]
    domain: Option<String>,
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

/// The set's pages with their gold main content and page type.
pub(crate) fn pages(dir: &Path, options: &EvalOptions) -> Result<Vec<GoldPage>, EvalError> {
    let meta: Meta = read_json(&dir.join("metadata.json"))?;
    let ids: Vec<(String, FileMeta)> = limited(meta.files.into_iter().collect(), options);
    ids.into_par_iter()
        .map(|(id, m)| {
            let truth: Truth = read_json(&dir.join("ground-truth").join(format!("{id}.json.gz")))?;
            Ok(GoldPage {
                path: dir.join("html").join(format!("{id}.html.gz")),
                url: truth.url,
                site: m.domain,
                subset: Some(m.page_type.unwrap_or_else(|| "unknown".into())),
                gold: Gold::Text(truth.ground_truth.main_content.unwrap_or_default()),
                id,
            })
        })
        .collect()
}
