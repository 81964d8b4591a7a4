//! `search`, `quotes`, `entities` and `stats` with hostile arguments and a reader that
//! stops early.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn newsmill(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsmill")).args(args).output().unwrap()
}

/// A corpus of the bundled samples, built once per test binary.
fn corpus() -> PathBuf {
    static DB: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DB.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("newsmill-cli-query");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("q.db");
        let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/pages");
        let out = newsmill(&["ingest", samples.to_str().unwrap(), "--db", db.to_str().unwrap()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        db
    })
    .clone()
}

#[test]
fn a_closed_pipe_ends_output_quietly() {
    let db = corpus();
    let db = db.to_str().unwrap();
    for args in [
        vec!["search", "the", "--db", db],
        vec!["search", "the", "--format", "json", "--db", db],
        vec!["quotes", "--db", db],
        vec!["entities", "--db", db],
        vec!["stats", "--db", db],
    ] {
        // The reading end is closed before the command starts, so its first write fails
        // with EPIPE, as behind `| head -1` once head has its line.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = Command::new(env!("CARGO_BIN_EXE_newsmill"))
            .args(&args)
            .stdout(Stdio::from(writer))
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {:?} {stderr}", out.status);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn dates_that_are_not_days_are_refused() {
    let db = corpus();
    let db = db.to_str().unwrap();
    for args in [
        vec!["search", "bridge", "--since", "garbage", "--db", db],
        vec!["search", "bridge", "--until", "2018-02-30", "--db", db],
        vec!["quotes", "--since", "yesterday", "--db", db],
        vec!["export", "--since", "2018-13-01", "--db", db],
        vec!["search", "bridge", "--since", "2018/11/01", "--db", db],
        vec!["quotes", "--until", "2018-13-45", "--db", db],
    ] {
        let out = newsmill(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("YYYY-MM-DD"), "{args:?}: {stderr}");
    }
    let out = newsmill(&["search", "bridge", "--since", "2000-02-29", "--db", db]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_limit_of_zero_is_refused() {
    let db = corpus();
    let db = db.to_str().unwrap();
    for args in [
        vec!["search", "the", "--limit", "0", "--db", db],
        vec!["quotes", "--limit", "0", "--db", db],
        vec!["entities", "--top", "0", "--db", db],
    ] {
        let out = newsmill(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("at least 1"), "{args:?}: {stderr}");
    }
    let out = newsmill(&["search", "the", "--limit", "1", "--format", "json", "--db", db]);
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(hits.as_array().map(Vec::len), Some(1));
}

#[test]
fn too_many_words_is_a_clear_error() {
    let db = corpus();
    let words: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
    let out = newsmill(&["search", &words.join(" "), "--db", db.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("at most 16"), "{stderr}");
    let out = newsmill(&["search", &"the ".repeat(100), "--db", db.to_str().unwrap()]);
    assert!(out.status.success(), "a repeated word is one word");
}

#[test]
fn search_output_in_a_pipe_has_no_terminal_codes() {
    let db = corpus();
    let out = newsmill(&["search", "bridge", "--db", db.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.to_lowercase().contains("bridge"), "{text}");
    assert!(!text.contains('\x1b'), "escape codes in a pipe: {text:?}");
}

#[test]
fn color_always_bolds_matches_even_in_a_pipe_and_never_does_not() {
    let db = corpus();
    let db = db.to_str().unwrap();
    let always = newsmill(&["search", "bridge", "--db", db, "--color", "always"]);
    assert!(String::from_utf8_lossy(&always.stdout).contains("\x1b[1m"), "no bold with --color always");
    let never = newsmill(&["--color", "never", "search", "bridge", "--db", db]);
    assert!(!String::from_utf8_lossy(&never.stdout).contains('\x1b'));
}

/// Runs `search` under a pseudo-terminal (util-linux `script`), with or without `NO_COLOR`.
/// None when `script` is not installed.
fn search_on_a_terminal(no_color: Option<&str>) -> Option<String> {
    let db = corpus();
    let command = format!("{} search bridge --db {}", env!("CARGO_BIN_EXE_newsmill"), db.display());
    let mut script = Command::new("script");
    script.args(["-qec", &command, "/dev/null"]).env_remove("NO_COLOR").stdin(Stdio::null());
    if let Some(value) = no_color {
        script.env("NO_COLOR", value);
    }
    let out = script.output().ok().filter(|o| o.status.success())?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn a_terminal_gets_bold_unless_no_color_is_set() {
    let Some(plain_terminal) = search_on_a_terminal(None) else {
        eprintln!("SKIPPED: util-linux `script` is not installed, so no pseudo-terminal to test on");
        return;
    };
    assert!(plain_terminal.contains("\x1b[1m"), "no bold on a terminal: {plain_terminal:?}");
    let no_color = search_on_a_terminal(Some("1")).unwrap_or_default();
    assert!(no_color.to_lowercase().contains("bridge"), "{no_color:?}");
    assert!(!no_color.contains('\x1b'), "escape codes with NO_COLOR=1: {no_color:?}");
}

#[test]
fn the_report_counts_take_the_right_number() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("newsmill-cli-report");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("r.db");
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/pages");
    let out = newsmill(&["ingest", samples.to_str().unwrap(), "--db", db.to_str().unwrap(), "--report", "--quiet"]);
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("most mentioned:") && report.contains(" in 1 article\n"), "{report}");
    for wrong in ["1 articles", " 1 mentions", " 1 quotes"] {
        assert!(!report.contains(wrong), "{wrong:?} in {report}");
    }
}

#[test]
fn counts_take_the_right_number() {
    let db = corpus();
    let out = newsmill(&["search", "bridge", "--limit", "1", "--db", db.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("1 result") && !err.contains("1 results"), "{err}");
}

#[test]
fn show_prints_the_article_a_search_names() {
    let db = corpus();
    let db = db.to_str().unwrap();
    let hits = newsmill(&["search", "bridge", "--format", "json", "--db", db]);
    let hits: serde_json::Value = serde_json::from_slice(&hits.stdout).unwrap();
    let id = hits[0]["id"].as_str().unwrap().to_string();
    let table = newsmill(&["search", "bridge", "--db", db]);
    assert!(String::from_utf8_lossy(&table.stdout).contains(&format!("id {id}")), "the table names the id");
    let out = newsmill(&["show", &id, "--format", "text", "--db", db]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Harbour bridge reopens"));
    let out = newsmill(&["show", "no-such-id", "--db", db]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no article no-such-id"));
}

#[test]
fn entity_types_are_taken_in_any_case() {
    let db = corpus();
    let db = db.to_str().unwrap();
    let upper = newsmill(&["entities", "--type", "PERSON", "--format", "json", "--db", db]);
    for spelling in ["person", "Person"] {
        let out = newsmill(&["entities", "--type", spelling, "--format", "json", "--db", db]);
        assert!(out.status.success(), "{spelling}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(out.stdout, upper.stdout, "{spelling}");
    }
    let out = newsmill(&["search", "bridge", "--type", "org", "--db", db]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = newsmill(&["entities", "--type", "people", "--db", db]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("PERSON"), "the error lists the types");
}

#[test]
fn search_scores_are_positive_and_best_first() {
    let db = corpus();
    let out = newsmill(&["search", "the", "--format", "json", "--db", db.to_str().unwrap()]);
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let scores: Vec<f64> = hits.as_array().unwrap().iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(scores.len() >= 2, "{scores:?}");
    assert!(scores.iter().all(|s| *s > 0.0), "{scores:?}");
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn stats_counts_the_sites_beyond_the_ten_it_lists() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("newsmill-cli-sites");
    let _ = std::fs::remove_dir_all(&dir);
    let pages = dir.join("pages");
    std::fs::create_dir_all(&pages).unwrap();
    for i in 0..12 {
        let page = format!(
            "<html><head><title>Story {i}</title><meta property='og:site_name' content='Site {i}'></head>\
             <body><article><h1>Story {i}</h1><p>The council of town number {i} met on Monday and voted \
             to repair the old library roof before the winter rains, members said after the vote.</p>\
             <p>Work is expected to start next month and to last about six weeks, the clerk said.</p>\
             </article></body></html>"
        );
        std::fs::write(pages.join(format!("{i}.html")), page).unwrap();
    }
    let db = dir.join("s.db");
    let db = db.to_str().unwrap();
    let out = newsmill(&["ingest", pages.to_str().unwrap(), "--db", db, "--quiet"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&newsmill(&["stats", "--db", db]).stdout).into_owned();
    assert!(text.contains("sites:           12"), "{text}");
    assert_eq!(text.matches("  site ").count(), 10, "{text}");
    assert!(text.contains("and 2 more sites"), "{text}");
    let json: serde_json::Value =
        serde_json::from_slice(&newsmill(&["stats", "--format", "json", "--db", db]).stdout).unwrap();
    assert_eq!(json["site_count"], 12);
    // Names seen only in headlines count as mentions here as they do in `entities`.
    let listed: serde_json::Value =
        serde_json::from_slice(&newsmill(&["entities", "--format", "json", "--db", db]).stdout).unwrap();
    let listed: u64 = listed.as_array().unwrap().iter().map(|e| e["mentions"].as_u64().unwrap()).sum();
    assert_eq!(json["mentions"].as_u64(), Some(listed));
}
