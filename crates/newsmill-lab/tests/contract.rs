//! The article JSON is a contract the store, the server and other programs read: every
//! article the pipeline makes must parse back into the same article and serialize to the
//! same bytes. Checked on the bundled samples and, when `../shared/eval` is present, on every
//! page of the dev sets (skipped cleanly without them).

use std::path::{Path, PathBuf};

use newsmill::{Inputs, ReadConfig};
use newsmill_analyze::{Resources, analyze};
use newsmill_extract::{ExtractConfig, extract};
use newsmill_model::Article;
use rayon::prelude::*;

/// Extracts and analyses every document under `dir` and checks each round trip; returns how
/// many documents were checked.
fn round_trips(dir: &Path, res: &Resources) -> usize {
    let docs: Vec<_> = Inputs::new([dir.to_string_lossy()], ReadConfig::default()).filter_map(Result::ok).collect();
    let config = ExtractConfig { explain: true, ..ExtractConfig::default() };
    docs.par_iter()
        .filter_map(|raw| extract(raw, &config).ok())
        .map(|doc| {
            let article = analyze(doc, res);
            let json = serde_json::to_string(&article).unwrap_or_else(|e| panic!("{}: {e}", article.doc.source));
            let back: Article = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}: {e}", article.doc.source));
            let again = serde_json::to_string(&back).unwrap_or_else(|e| panic!("{}: {e}", article.doc.source));
            assert_eq!(again, json, "{}: the JSON does not survive a round trip", article.doc.source);
            let warnings_aside =
                Article { doc: newsmill_model::Document { warnings: Vec::new(), ..article.doc.clone() }, ..article };
            assert_eq!(back, warnings_aside, "the article read back differs");
        })
        .count()
}

#[test]
fn articles_read_back_identical() {
    let res = Resources::embedded().unwrap_or_else(|e| panic!("{e}"));
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples");
    assert!(round_trips(&samples, &res) >= 3, "the samples hold pages");
    let eval = newsmill_lab::default_data_dir();
    let sets = ["wcxb-dev/html", "wcxb-dev-text/text", "trafilatura-eval-dev/html"];
    for set in sets {
        let dir: PathBuf = eval.join(set);
        if !dir.is_dir() {
            eprintln!("skipped: {} not found", dir.display());
            continue;
        }
        let n = round_trips(&dir, &res);
        eprintln!("{set}: {n} articles round-trip");
        assert!(n > 100, "{set}: only {n} articles");
    }
}
