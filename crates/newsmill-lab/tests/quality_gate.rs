//! The quality gate: minimum scores on the committed fixture sets. A floor may be raised when
//! the extractors improve; lowering one is an explicit, reviewed change, never a side effect.

use std::io::Read;
use std::path::{Path, PathBuf};

use newsmill_extract::{ContentKind, ExtractConfig, RawDoc, extract};
use newsmill_lab::{MeanPrf, metrics};

/// Mean word-level F1 (WCXB's metric) of the HTML extractor on the Readability news pages.
const HTML_MIN_F1: f64 = 0.96;
/// Mean shingle F1 (ScrapingHub's metric) of the text extractor on the flattened WCXB pages.
const TEXT_MIN_F1: f64 = 0.93;
/// Share of Readability pages whose expected date the metadata extractor gets (same day).
const DATE_MIN_ACCURACY: f64 = 0.85;
/// Share of Readability pages whose expected title the metadata extractor gets (same words,
/// or the expected title less a trailing site name).
const TITLE_MIN_ACCURACY: f64 = 0.85;

fn fixtures(set: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../newsmill-extract/tests/fixtures").join(set);
    let mut cases: Vec<PathBuf> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    cases.sort();
    cases
}

fn gunzip(path: &Path) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap()).read_to_end(&mut out).unwrap();
    out
}

fn extract_as(source: &Path, bytes: Vec<u8>, kind: ContentKind) -> newsmill_model::Document {
    let raw = RawDoc { kind_hint: Some(kind), ..RawDoc::from_bytes(source.display().to_string(), bytes) };
    extract(&raw, &ExtractConfig::default()).unwrap()
}

#[test]
fn html_extractor_meets_its_floor_on_readability_pages() {
    let mut scores = MeanPrf::default();
    for case in fixtures("readability") {
        let doc = extract_as(&case, gunzip(&case.join("source.html.gz")), ContentKind::Html);
        let expected = std::fs::read_to_string(case.join("expected.txt")).unwrap();
        let prf = metrics::word_bag_prf(&doc.text, &expected);
        eprintln!("{}: P={:.3} R={:.3} F1={:.3}", case.display(), prf.precision, prf.recall, prf.f1);
        scores.add(prf);
    }
    let mean = scores.mean();
    eprintln!("readability fixtures: n={} F1={:.3}", scores.len(), mean.f1);
    assert!(scores.len() >= 10);
    assert!(mean.f1 >= HTML_MIN_F1, "F1 {:.3} fell below the floor {HTML_MIN_F1}", mean.f1);
}

#[test]
fn text_extractor_meets_its_floor_on_flattened_pages() {
    let mut scores = metrics::ShingleMean::default();
    for case in fixtures("text") {
        let doc = extract_as(&case, std::fs::read(case.join("page.txt")).unwrap(), ContentKind::Text);
        let expected = std::fs::read_to_string(case.join("expected.txt")).unwrap();
        let counts = metrics::shingle_counts(&doc.text, &expected);
        eprintln!("{}: TP={:.3} FP={:.3} FN={:.3}", case.display(), counts.tp, counts.fp, counts.fn_);
        scores.add(counts);
    }
    let f1 = scores.prf().f1;
    eprintln!("text fixtures: n={} F1={f1:.3}", scores.len());
    assert!(scores.len() >= 10);
    assert!(f1 >= TEXT_MIN_F1, "F1 {f1:.3} fell below the floor {TEXT_MIN_F1}");
}

#[test]
fn html_dates_meet_their_floor_on_readability_pages() {
    let (mut asked, mut right) = (0usize, 0usize);
    for case in fixtures("readability") {
        let meta: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(case.join("expected-metadata.json")).unwrap()).unwrap();
        let Some(expected) = meta["publishedTime"].as_str() else { continue };
        let doc = extract_as(&case, gunzip(&case.join("source.html.gz")), ContentKind::Html);
        asked += 1;
        let got = doc.published.unwrap_or_default();
        right += usize::from(got.get(..10) == expected.get(..10));
        eprintln!("{}: expected {expected}, got {got}", case.display());
    }
    let accuracy = right as f64 / asked.max(1) as f64;
    assert!(asked >= 5);
    assert!(accuracy >= DATE_MIN_ACCURACY, "date accuracy {accuracy:.3} fell below {DATE_MIN_ACCURACY}");
}

#[test]
fn html_titles_meet_their_floor_on_readability_pages() {
    let words = |s: &str| s.to_lowercase().replace(['’', '‘'], "'").split_whitespace().collect::<Vec<_>>().join(" ");
    let (mut asked, mut right) = (0usize, 0usize);
    for case in fixtures("readability") {
        let meta: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(case.join("expected-metadata.json")).unwrap()).unwrap();
        let Some(expected) = meta["title"].as_str().filter(|t| !t.is_empty()) else { continue };
        let doc = extract_as(&case, gunzip(&case.join("source.html.gz")), ContentKind::Html);
        let (expected, got) = (words(expected), words(doc.title.as_deref().unwrap_or_default()));
        asked += 1;
        right += usize::from(!got.is_empty() && (got == expected || expected.starts_with(&format!("{got} "))));
        eprintln!("{}: expected {expected:?}, got {got:?}", case.display());
    }
    let accuracy = right as f64 / asked.max(1) as f64;
    eprintln!("readability fixtures: title accuracy {accuracy:.3} on {asked}");
    assert!(asked >= 10);
    assert!(accuracy >= TITLE_MIN_ACCURACY, "title accuracy {accuracy:.3} fell below {TITLE_MIN_ACCURACY}");
}
