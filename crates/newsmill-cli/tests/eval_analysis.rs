//! `newsmill eval analysis` computes the figures of news-analysis-dev's own scorer. Needs the
//! set (in ../shared/eval, or $NEWSMILL_EVAL_DIR) and skips cleanly without it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn set_dir() -> Option<PathBuf> {
    let root = std::env::var_os("NEWSMILL_EVAL_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval"));
    let dir = root.join("news-analysis-dev");
    dir.join("score.py").is_file().then_some(dir)
}

#[test]
fn the_figures_are_those_of_the_sets_own_scorer() {
    let Some(dir) = set_dir() else {
        eprintln!("skipped: news-analysis-dev is not here");
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let (json, pred) = (work.path().join("scores.json"), work.path().join("pred.jsonl"));
    let out = Command::new(env!("CARGO_BIN_EXE_newsmill"))
        .args(["eval", "analysis", "--data", dir.to_str().unwrap(), "--json", json.to_str().unwrap()])
        .args(["--predictions", pred.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let ours: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(ours["documents"], 32);
    let reference = work.path().join("reference.json");
    let python = Command::new("python3")
        .arg(dir.join("score.py"))
        .args([dir.as_os_str(), pred.as_os_str(), "--json".as_ref(), reference.as_os_str()])
        .output();
    if !python.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped the comparison: python3 could not run score.py");
        return;
    }
    let theirs: serde_json::Value = serde_json::from_slice(&std::fs::read(&reference).unwrap()).unwrap();
    let close = |a: &serde_json::Value, b: &serde_json::Value| (a.as_f64().unwrap() - b.as_f64().unwrap()).abs() < 1e-9;
    for (our, their) in [("precision", "P"), ("recall", "R"), ("f1", "F1")] {
        assert!(close(&ours["entities"][our], &theirs["entities"][their]), "entities {our}: {ours} {theirs}");
        assert!(close(&ours["quotes"][our], &theirs["quotes"][their]), "quotes {our}");
        assert!(close(&ours["who_said_what"][our], &theirs["who_said_what"][their]), "who-said-what {our}");
    }
    assert!(close(&ours["speaker_accuracy"], &theirs["speaker_accuracy"]));
    assert!(close(&ours["one_per_referent"], &theirs["entities"]["merged"]));
}

/// Runs `eval analysis` on `dir` with `extra` arguments; the figures as JSON, or stderr.
fn figures(dir: &Path, extra: &[&str]) -> Result<serde_json::Value, String> {
    let out_dir = tempfile::tempdir().unwrap();
    let json = out_dir.path().join("figures.json");
    let out = Command::new(env!("CARGO_BIN_EXE_newsmill"))
        .args(["eval", "analysis", "--data", dir.to_str().unwrap(), "--json", json.to_str().unwrap()])
        .args(extra)
        .output()
        .unwrap();
    match out.status.success() {
        true => Ok(serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap()),
        false => Err(String::from_utf8_lossy(&out.stderr).into_owned()),
    }
}

#[test]
fn other_quote_taggers_can_be_scored_and_a_bad_file_is_a_clear_error() {
    let work = tempfile::tempdir().unwrap();
    let text = "The mayor, Ana Lima, said on Monday that the bridge would reopen in the spring after repairs.\n";
    std::fs::write(work.path().join("a.txt"), text).unwrap();
    let gold = r#"{"entities": [{"name": "Ana Lima", "type": "PERSON", "mentions": ["Ana Lima"]}],
        "quotes": [{"content_start": "the bridge would reopen in the spring", "speaker": "Ana Lima",
        "speaker_named": true, "cue": "said", "kind": "indirect"}]}"#;
    std::fs::write(work.path().join("a.json"), gold).unwrap();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../newsmill-analyze/models/quotes-en-tagger.bin");
    let built_in = figures(work.path(), &[]).unwrap();
    let from_file = figures(work.path(), &["--quote-model", shipped.to_str().unwrap()]).unwrap();
    assert_eq!(built_in["who_said_what"], from_file["who_said_what"]);
    assert_eq!(from_file["quotes"]["recall"], 1.0);
    let bad = work.path().join("bad.bin");
    std::fs::write(&bad, b"not a model").unwrap();
    let err = figures(work.path(), &["--quote-model", bad.to_str().unwrap()]).unwrap_err();
    assert!(err.contains("cannot load the quote model") && err.contains("bad.bin"), "{err}");
}
