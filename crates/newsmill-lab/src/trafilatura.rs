//! trafilatura's evaluation corpus: every `with` snippet found in the whitespace-normalised
//! output is a true positive (else a false negative), every `without` snippet found a false
//! positive; counts summed over the corpus, as upstream `tests/eval_common.py` does.

use std::collections::BTreeMap;
use std::path::Path;

use super::pages::{Gold, GoldPage};
use super::{EvalError, EvalOptions, limited, read_json};

#[derive(serde::Deserialize)]
struct Record {
    file: String,
    #[serde(default)]
    with: Vec<String>,
    #[serde(default)]
    without: Vec<String>,
}

/// The set's pages with their snippets.
pub(crate) fn pages(dir: &Path, options: &EvalOptions) -> Result<Vec<GoldPage>, EvalError> {
    let records: BTreeMap<String, Record> = read_json(&dir.join("evaldata.json"))?;
    let records = limited(records.into_iter().collect::<Vec<_>>(), options);
    Ok(records
        .into_iter()
        .map(|(url, r)| GoldPage {
            id: r.file.clone(),
            path: dir.join("html").join(&r.file),
            // Some keys are not addresses ("hard::site.com-word.html"); the file is named
            // after the site then.
            site: (!url.contains("://")).then(|| r.file.split('-').next().unwrap_or_default().to_string()),
            url: Some(url),
            subset: None,
            gold: Gold::Snippets { with: r.with, without: r.without },
        })
        .collect())
}
