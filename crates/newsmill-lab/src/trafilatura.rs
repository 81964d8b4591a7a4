//! trafilatura's evaluation corpus: every `with` snippet found in the whitespace-normalised
//! output is a true positive (else a false negative), every `without` snippet found a false
//! positive; counts summed over the corpus, as upstream `tests/eval_common.py` does.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use super::metrics::{Counts, normalize_space};
use super::{EvalError, EvalOptions, SetReport, extract_page, limited, read_json};

#[derive(serde::Deserialize)]
struct Record {
    file: String,
    #[serde(default)]
    with: Vec<String>,
    #[serde(default)]
    without: Vec<String>,
}

/// The counts of one page's snippets against its extracted text.
fn snippet_counts(text: &str, record: &Record) -> Counts {
    let text = normalize_space(text);
    let found = |s: &String| {
        let s = normalize_space(s);
        !text.is_empty() && text.contains(&s)
    };
    let tp = record.with.iter().filter(|s| found(s)).count() as f64;
    let fp = record.without.iter().filter(|s| found(s)).count() as f64;
    Counts { tp, fp, fn_: record.with.len() as f64 - tp }
}

pub fn evaluate(dir: &Path, options: &EvalOptions) -> Result<SetReport, EvalError> {
    let records: BTreeMap<String, Record> = read_json(&dir.join("evaldata.json"))?;
    let records = limited(records.into_iter().collect::<Vec<_>>(), options);
    let scored: Vec<Result<(Counts, bool), EvalError>> = records
        .par_iter()
        .map(|(url, record)| {
            let path = dir.join("html").join(&record.file);
            let html = super::read_maybe_gz(&path)?;
            let doc = extract_page(&path, html, Some(url.as_str()));
            let text = doc.as_ref().map_or("", |d| d.text.as_str());
            Ok((snippet_counts(text, record), doc.is_none()))
        })
        .collect();
    let mut counts = Counts::default();
    let mut failures = 0;
    for item in scored {
        let (c, failed) = item?;
        counts.add(c);
        failures += usize::from(failed);
    }
    Ok(super::report("snippet P/R/F1 (trafilatura eval_common), micro", records.len(), counts.prf(), failures))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_match_after_whitespace_normalisation() {
        let record = Record {
            file: String::new(),
            with: vec!["the  bridge\nreopened".into(), "missing".into()],
            without: vec!["Share this".into()],
        };
        let c = snippet_counts("Today the bridge reopened.\n\nShare this", &record);
        assert_eq!((c.tp, c.fp, c.fn_), (1.0, 1.0, 1.0));
    }
}
