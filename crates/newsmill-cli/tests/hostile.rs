//! What a careless user or an attacker can do with the commands, and what must not happen:
//! no stored data lost, no document silently dropped, no file of someone else's touched.

use std::path::Path;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_newsmill");

fn newsmill(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn samples() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/pages").display().to_string()
}

/// A corpus of the bundled samples in `dir`, and how many articles it holds.
fn corpus(dir: &Path) -> (String, u64) {
    let db = dir.join("c.db").display().to_string();
    let out = newsmill(&["ingest", &samples(), "--db", &db, "--json", "--quiet"]);
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    (db, summary["added"].as_u64().unwrap())
}

fn articles(db: &str) -> u64 {
    let out = newsmill(&["stats", "--format", "json", "--db", db]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["articles"].as_u64().unwrap()
}

#[test]
fn export_into_the_database_is_refused_and_the_corpus_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (db, n) = corpus(dir.path());
    let size = std::fs::metadata(&db).unwrap().len();
    let wal = format!("{db}-wal");
    let spelled = dir.path().join(".").join("c.db").display().to_string();
    for (format, out) in [("jsonl", &db), ("parquet", &db), ("jsonl", &wal), ("jsonl", &spelled)] {
        let result = newsmill(&["export", "--format", format, "--out", out, "--db", &db]);
        assert_eq!(result.status.code(), Some(2), "{format} {out}: {}", stderr(&result));
        assert!(stderr(&result).contains("would destroy the corpus"), "{}", stderr(&result));
        assert_eq!(std::fs::metadata(&db).unwrap().len(), size);
    }
    assert_eq!(articles(&db), n);
}

#[test]
fn export_leaves_no_partial_file_and_replaces_the_old_one_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (db, n) = corpus(dir.path());
    let out = dir.path().join("out.jsonl");
    std::fs::write(&out, "an older export\n").unwrap();
    let result = newsmill(&["export", "--out", out.to_str().unwrap(), "--db", &db]);
    assert!(result.status.success(), "{}", stderr(&result));
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count() as u64, n);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Runs `script` in a private mount namespace (root only); `None` where that is not allowed,
/// and the test then has nothing to check.
fn with_private_mounts(script: &str) -> Option<Output> {
    let dir = tempfile::tempdir().unwrap();
    let mount = format!("mount -t tmpfs none {}", dir.path().display());
    let probe = Command::new("unshare").args(["-m", "sh", "-c", &mount]).stderr(Stdio::null()).status();
    if !probe.is_ok_and(|s| s.success()) {
        eprintln!("skipped: no private mount namespace here (needs root, unshare and mount)");
        return None;
    }
    Some(Command::new("unshare").args(["-m", "sh", "-ec", script]).env("NEWSMILL", BIN).output().unwrap())
}

#[test]
fn a_full_disk_never_leaves_a_truncated_export() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = corpus(dir.path());
    // An 8 KB filesystem, half taken by the old export: the new one does not fit.
    let script = format!(
        "m={dir}/small; mkdir -p $m; mount -t tmpfs -o size=8k none $m; echo old > $m/out.jsonl
         if \"$NEWSMILL\" export --out $m/out.jsonl --db {db}; then echo EXPORTED; fi
         echo \"kept: $(cat $m/out.jsonl)\"; ls -a $m",
        dir = dir.path().display()
    );
    let Some(out) = with_private_mounts(&script) else { return };
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("EXPORTED"), "{stdout}");
    assert!(stdout.contains("kept: old"), "{stdout}\n{}", stderr(&out));
    assert!(!stdout.contains(".partial"), "{stdout}");
    assert!(stderr(&out).contains("cannot write"), "{}", stderr(&out));
}

#[test]
fn a_corpus_on_a_read_only_filesystem_can_be_queried() {
    let dir = tempfile::tempdir().unwrap();
    let (db, n) = corpus(dir.path());
    let script = format!(
        "m={dir}/ro; mkdir -p $m; mount -t tmpfs none $m; cp {db} $m/c.db; mount -o remount,ro $m
         \"$NEWSMILL\" stats --format json --db $m/c.db
         \"$NEWSMILL\" search harbour --format json --db $m/c.db >/dev/null
         \"$NEWSMILL\" export --out - --db $m/c.db | wc -l",
        dir = dir.path().display()
    );
    let Some(out) = with_private_mounts(&script) else { return };
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(&format!("\"articles\": {n}")), "{stdout}");
    assert_eq!(stdout.lines().last().map(str::trim), Some(n.to_string().as_str()), "{stdout}");
}

#[test]
fn another_programs_database_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let app = dir.path().join("app.db");
    let before = other_programs_database(&app);
    for command in ["stats", "search"] {
        let out = newsmill(&[command, "--db", app.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("another program"), "{}", stderr(&out));
    }
    let out = newsmill(&["ingest", &samples(), "--db", app.to_str().unwrap(), "--quiet"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(std::fs::read(&app).unwrap(), before, "not a byte changed");
    assert!(!dir.path().join("app.db-wal").exists());
}

/// A small SQLite database of another program; its bytes.
fn other_programs_database(path: &Path) -> Vec<u8> {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me');").unwrap();
    drop(conn);
    std::fs::read(path).unwrap()
}

#[test]
fn ingesting_the_folder_that_holds_the_database_skips_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let page = "harbour-bridge-reopens.html";
    std::fs::copy(Path::new(&samples()).join(page), dir.path().join(page)).unwrap();
    let db = dir.path().join("c.db").display().to_string();
    for _ in 0..2 {
        let out = newsmill(&["ingest", dir.path().to_str().unwrap(), "--db", &db, "--json", "--quiet"]);
        let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(summary["failed"], 0, "{summary}");
        assert!(out.status.success(), "{}", stderr(&out));
    }
}

#[test]
fn an_over_long_jsonl_line_costs_only_itself() {
    let dir = tempfile::tempdir().unwrap();
    let story = |n: u32| {
        format!(
            "{{\"url\": \"http://a/{n}\", \"text\": \"Story {n} is long enough to be kept: the council met on \
             Monday and voted on the harbour budget after a long debate that ran late.\"}}\n"
        )
    };
    let huge = format!("{{\"url\": \"http://a/huge\", \"html\": \"<p>{}</p>\"}}\n", "x".repeat(2 << 20));
    let dump = dir.path().join("dump.jsonl");
    std::fs::write(&dump, [story(1), huge, story(3), story(4)].concat()).unwrap();
    let db = dir.path().join("c.db").display().to_string();
    let out = newsmill(&["ingest", dump.to_str().unwrap(), "--db", &db, "--max-mb", "1", "--json", "--quiet"]);
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((summary["added"].as_u64(), summary["failed"].as_u64()), (Some(3), Some(1)), "{summary}");
}

#[test]
fn size_limits_are_bounded_and_analyze_has_one() {
    let out = newsmill(&["extract", "--max-mb", "17592186044416", "x.html"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--max-mb"), "{}", stderr(&out));
    // An endless input is refused at the limit instead of filling memory.
    let zero = std::fs::File::open("/dev/zero").unwrap();
    let out = Command::new(BIN).args(["analyze", "-", "--max-mb", "1"]).stdin(zero).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("over the limit"), "{}", stderr(&out));
}

#[test]
fn terminal_escapes_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        "<html><head><title>Rates\x1b]0;owned\x07 rise</title></head><body><article><p>The central bank raised \
         its rate on Monday\x1b[2J, the third rise this year, and said more could follow if prices keep \
         climbing through the winter months.</p></article></body></html>",
    )
    .unwrap();
    let out = newsmill(&["extract", page.to_str().unwrap(), "--format", "text"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!out.stdout.contains(&0x1b) && !out.stdout.contains(&0x07), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("on Monday[2J, the third"));
    // A newline in a file name cannot fake a log line of its own.
    let named = dir.path().join("x\nnewsmill: error: fake");
    std::fs::write(&named, b"").unwrap();
    let out = newsmill(&["extract", named.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(err.lines().all(|l| !l.starts_with("newsmill: error: fake")), "{err}");
    assert!(err.contains("x\\nnewsmill: error: fake"), "{err}");
}

#[test]
fn two_ingests_into_one_database_both_finish() {
    let dir = tempfile::tempdir().unwrap();
    let dump = |name: &str, n: usize| {
        let path = dir.path().join(name);
        let lines: String = (0..n)
            .map(|i| {
                format!(
                    "{{\"url\": \"http://{name}/{i}\", \"html\": \"<article><p>Report {i} from {name}: the committee \
                     met for the {i}th time and agreed on item {i} of the harbour plan after a debate.</p></article>\"}}\n"
                )
            })
            .collect();
        std::fs::write(&path, lines).unwrap();
        path.display().to_string()
    };
    let (a, b) = (dump("a", 1500), dump("b", 1500));
    let db = dir.path().join("c.db").display().to_string();
    let spawn = |input: &str| {
        Command::new(BIN)
            .args(["ingest", input, "--db", &db, "--json", "--quiet"])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (first, second) = (spawn(&a), spawn(&b));
    for child in [first, second] {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    }
    assert_eq!(articles(&db), 3000);
}

#[test]
fn ingesting_nothing_that_exists_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let out = newsmill(&["ingest", "/no/such/path", "--db", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("no such input: /no/such/path"), "{}", stderr(&out));
    assert!(!db.exists());
}

#[test]
fn a_closed_stdout_is_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db").display().to_string();
    let mut child = Command::new(BIN)
        .args(["ingest", &samples(), "--db", &db, "--json", "--quiet"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away before the summary is written
    let out = child.wait_with_output().unwrap();
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    assert!(articles(&db) > 0);
}

#[test]
fn stored_escape_sequences_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = corpus(dir.path());
    // Text stored before extraction stripped control characters.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE articles SET title = 'Harbour' || char(27) || ']0;owned' || char(7) || ' bridge'", [])
        .unwrap();
    conn.execute("UPDATE quotes SET text = 'safe' || char(27) || '[2J again'", []).unwrap();
    drop(conn);
    for args in [vec!["search", "harbour"], vec!["quotes"]] {
        let out = newsmill(&[args.clone(), vec!["--db", &db]].concat());
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(!out.stdout.is_empty());
        let printed = String::from_utf8_lossy(&out.stdout).replace("\x1b[1m", "").replace("\x1b[0m", "");
        assert!(!printed.contains('\x1b') && !printed.contains('\x07'), "{args:?}: {printed:?}");
    }
}

#[test]
fn reported_speech_is_never_printed_in_quotation_marks() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = corpus(dir.path());
    let table = newsmill(&["quotes", "--limit", "100", "--db", &db]);
    let json = newsmill(&["quotes", "--limit", "100", "--format", "json", "--db", &db]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
    let printed = String::from_utf8_lossy(&table.stdout);
    // Each quote's line is followed by one naming its article (`  in TITLE, id ID`).
    let lines: Vec<&str> = printed.lines().filter(|l| !l.starts_with("  in ")).collect();
    assert_eq!(lines.len(), rows.len(), "{printed}");
    assert_eq!(printed.lines().filter(|l| l.starts_with("  in ")).count(), rows.len(), "{printed}");
    assert!(rows.iter().any(|r| r["kind"] == "direct") && rows.iter().any(|r| r["kind"] == "indirect"));
    for (line, row) in lines.iter().zip(&rows) {
        let text = row["text"].as_str().unwrap();
        let shown = match row["kind"].as_str() {
            Some("direct") => line.split_once("): “").map(|(_, t)| t.strip_suffix('”').unwrap_or("")),
            _ => line.split_once("), reported: ").map(|(_, t)| t),
        };
        assert_eq!(shown, Some(text), "{line}");
    }
}
