//! `newsmill ingest` and the corpus commands, end to end: idempotence, resume after kill -9,
//! bad inputs recorded and the run going on, and files it must refuse.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output};

fn newsmill(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsmill")).args(args).output().unwrap()
}

fn samples() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/pages").display().to_string()
}

fn summary(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

fn stats(db: &str) -> serde_json::Value {
    let out = newsmill(&["stats", "--check", "--format", "json", "--db", db]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn ingesting_twice_adds_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db").display().to_string();
    let first = summary(&newsmill(&["ingest", &samples(), "--db", &db, "--json", "--quiet"]));
    assert!(first["added"].as_u64().unwrap() >= 5, "{first}");
    let second = summary(&newsmill(&["ingest", &samples(), "--db", &db, "--json", "--quiet"]));
    assert_eq!(second["added"], 0);
    assert_eq!(second["unchanged"], first["added"]);
    let s = stats(&db);
    assert_eq!(s["articles"], first["added"]);
    assert_eq!(s["integrity"], "ok");
    let hits = newsmill(&["search", "bridge", "--format", "json", "--db", &db]);
    let hits: serde_json::Value = serde_json::from_slice(&hits.stdout).unwrap();
    assert!(hits[0]["title"].as_str().unwrap().contains("bridge"), "{hits}");
}

fn warc_record(kind: &str, uri: &str, block: &str) -> String {
    let content_type = if kind == "response" { "application/http; msgtype=response" } else { "text/plain" };
    format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2018-11-10T08:00:00Z\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len()
    )
}

fn html_response(n: usize) -> String {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><head><title>Story {n}</title></head>\
         <body><article><p>Story number {n} tells of the council meeting on the {n}th day, where members \
         argued for hours about the harbour budget before a late vote settled it.</p></article></body></html>"
    )
}

fn gzip_members(records: &[String]) -> Vec<u8> {
    // One gzip member per record, as Common Crawl writes them.
    let mut out = Vec::new();
    for r in records {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(r.as_bytes()).unwrap();
        out.extend(enc.finish().unwrap());
    }
    out
}

#[test]
fn warc_pages_are_stored_other_records_counted_and_truncation_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let mut records = vec![warc_record("warcinfo", "", "software: test")];
    for n in 0..3 {
        records.push(warc_record("request", &format!("http://x/{n}"), "GET / HTTP/1.1\r\n\r\n"));
        records.push(warc_record("response", &format!("http://x/{n}"), &html_response(n)));
    }
    records.push(warc_record("response", "http://x/img", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG"));
    let whole = gzip_members(&records);
    let warc = dir.path().join("crawl.warc.gz");
    std::fs::write(&warc, &whole).unwrap();
    let truncated = dir.path().join("cut.warc.gz");
    std::fs::write(&truncated, &whole[..whole.len() - 40]).unwrap();
    let db = dir.path().join("c.db").display().to_string();

    let out = newsmill(&["ingest", warc.to_str().unwrap(), "--db", &db, "--json", "--quiet"]);
    let s = summary(&out);
    assert_eq!((s["added"].as_u64(), s["skipped_records"].as_u64()), (Some(3), Some(5)), "{s}");
    assert!(out.status.success());

    let out = newsmill(&["ingest", truncated.to_str().unwrap(), "--db", &db, "--json", "--quiet"]);
    let s = summary(&out);
    assert_eq!((s["unchanged"].as_u64(), s["failed"].as_u64()), (Some(3), Some(1)), "{s}");
    assert_eq!(out.status.code(), Some(1));
    let st = stats(&db);
    assert_eq!(st["articles"], 3);
    let reason = st["recent_failures"][0][1].as_str().unwrap();
    assert!(reason.contains("gzip") || reason.contains("WARC"), "{reason}");
}

#[test]
fn a_jsonl_line_that_is_not_json_is_recorded_and_the_rest_stored() {
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("dump.jsonl");
    let lines = [
        r#"{"url": "http://a/1", "text": "The first story is long enough to be kept as a story about the harbour and its bridge, which reopened on Monday."}"#,
        r#"{"url": "http://a/2", "html": "<p>unclosed"#,
        r#"{"url": "http://a/3", "text": "The third story is also long enough to keep, about regional elections that ended with a narrow win on Sunday."}"#,
    ];
    std::fs::write(&dump, lines.join("\n")).unwrap();
    let db = dir.path().join("c.db").display().to_string();
    let out = newsmill(&["ingest", dump.to_str().unwrap(), "--db", &db, "--json", "--quiet"]);
    let s = summary(&out);
    assert_eq!((s["added"].as_u64(), s["failed"].as_u64()), (Some(2), Some(1)), "{s}");
    let st = stats(&db);
    assert!(st["recent_failures"][0][0].as_str().unwrap().ends_with("dump.jsonl:2"), "{st}");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "my notes\n").unwrap();
    let out = newsmill(&["ingest", &samples(), "--db", notes.to_str().unwrap(), "--quiet"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a newsmill database"));
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my notes\n");
}

#[test]
fn a_read_only_database_path_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    let mut perms = std::fs::metadata(&ro).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&ro, perms).unwrap();
    if std::fs::write(ro.join("probe"), b"x").is_ok() {
        return; // running as root: permissions are not enforced
    }
    let db = ro.join("c.db");
    let out = newsmill(&["ingest", &samples(), "--db", db.to_str().unwrap(), "--quiet"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("read-only"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn kill_9_mid_ingest_then_resume_loses_nothing_and_duplicates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("many.jsonl");
    let total = 3000;
    let mut lines = String::new();
    for n in 0..total {
        lines.push_str(&format!(
            "{{\"url\": \"http://corpus/{n}\", \"html\": \"<html><body><article><p>Report {n}: the committee met \
             for the {n}th time and agreed on item {n} of the harbour plan after a long debate.</p></article></body></html>\"}}\n"
        ));
    }
    std::fs::write(&dump, lines).unwrap();
    let db = dir.path().join("c.db").display().to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsmill"))
        .args(["ingest", dump.to_str().unwrap(), "--db", &db, "--quiet"])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill once some batches are committed (or after a while, whichever comes first).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        if child.try_wait().unwrap().is_some() {
            break;
        }
        let committed = Path::new(&db).exists()
            && newsmill(&["stats", "--format", "json", "--db", &db]).stdout.starts_with(b"{")
            && stats(&db)["articles"].as_u64().unwrap_or(0) > 0;
        if committed {
            break;
        }
    }
    let _ = child.kill(); // SIGKILL
    let _ = child.wait();
    let before = stats(&db);
    assert_eq!(before["integrity"], "ok");
    eprintln!("killed with {} of {total} stored", before["articles"]);
    let out = newsmill(&["ingest", dump.to_str().unwrap(), "--db", &db, "--json", "--quiet"]);
    let s = summary(&out);
    let after = stats(&db);
    assert_eq!(after["articles"], total, "{s}");
    assert_eq!(after["integrity"], "ok");
    assert_eq!(s["added"].as_u64().unwrap() + before["articles"].as_u64().unwrap(), total as u64);
}

#[test]
fn export_writes_jsonl_and_parquet_with_every_article() {
    use arrow_array::{RecordBatch, cast::AsArray};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db").display().to_string();
    let added =
        summary(&newsmill(&["ingest", &samples(), "--db", &db, "--json", "--quiet"]))["added"].as_u64().unwrap();
    let jsonl = dir.path().join("out.jsonl");
    assert!(newsmill(&["export", "--out", jsonl.to_str().unwrap(), "--db", &db]).status.success());
    let lines: Vec<serde_json::Value> =
        std::fs::read_to_string(&jsonl).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len() as u64, added);
    assert!(lines.iter().all(|a| a["text"].is_string() && a["entities"].is_array()));

    let pq = dir.path().join("out.parquet");
    let out = newsmill(&["export", "--format", "parquet", "--out", pq.to_str().unwrap(), "--db", &db]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let file = std::fs::File::open(&pq).unwrap();
    let batches: Vec<RecordBatch> =
        ParquetRecordBatchReaderBuilder::try_new(file).unwrap().build().unwrap().map(|b| b.unwrap()).collect();
    assert_eq!(batches.iter().map(RecordBatch::num_rows).sum::<usize>() as u64, added);
    let batch = &batches[0];
    let strings = |name: &str| batch.column_by_name(name).unwrap().as_string::<i32>().clone();
    assert_eq!(strings("id").value(0), lines[0]["id"].as_str().unwrap());
    assert_eq!(strings("text").value(0), lines[0]["text"].as_str().unwrap());
    // Entities are a list of structs, queryable without JSON functions.
    let entities = batch.column_by_name("entities").unwrap().as_list::<i32>();
    let first = entities.value(0);
    let names = first.as_struct().column_by_name("name").unwrap().as_string::<i32>().clone();
    let expected: Vec<&str> =
        lines[0]["entities"].as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert_eq!(names.iter().map(|n| n.unwrap()).collect::<Vec<_>>(), expected);
}

#[test]
fn parquet_ingests_back_as_the_same_articles_without_analysis() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).display().to_string();
    assert!(newsmill(&["ingest", &samples(), "--db", &path("a.db"), "--quiet"]).status.success());
    let folder = dir.path().join("dataset/month=2024-03");
    std::fs::create_dir_all(&folder).unwrap();
    let parquet = folder.join("part-0.parquet").display().to_string();
    assert!(newsmill(&["export", "--format", "parquet", "--out", &parquet, "--db", &path("a.db")]).status.success());
    // Beside it, what a job leaves that is not data, and a damaged part.
    std::fs::write(folder.join(".part-1.parquet.tmp"), b"half written").unwrap();
    std::fs::create_dir_all(dir.path().join("dataset/_newsmill")).unwrap();
    std::fs::write(dir.path().join("dataset/_newsmill/x.parquet"), b"marker").unwrap();
    std::fs::write(folder.join("part-2.parquet"), b"PAR1 not really").unwrap();

    let out = newsmill(&["ingest", &path("dataset"), "--db", &path("b.db"), "--json", "--quiet"]);
    assert_eq!(out.status.code(), Some(1), "the damaged part is a failure");
    let s = summary(&out);
    assert_eq!((s["added"].as_u64(), s["failed"].as_u64()), (Some(5), Some(1)), "{s}");
    let export = |db: &str, out: &str| {
        assert!(newsmill(&["export", "--out", &path(out), "--db", &path(db)]).status.success());
        std::fs::read(path(out)).unwrap()
    };
    assert_eq!(export("a.db", "a.jsonl"), export("b.db", "b.jsonl"), "stored articles differ");
}
