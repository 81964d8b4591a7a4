//! `newsmill crawl` as a user runs it, against a site this test serves on loopback: killed
//! with SIGKILL mid-crawl then run again, and polling with --every until Ctrl-C.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

struct Site {
    addr: String,
    /// Paths requested, in order.
    log: Mutex<Vec<String>>,
    /// How many stories the feed lists.
    stories: Mutex<usize>,
    /// Held for writing, it keeps requests from being answered (or logged): the test kills
    /// the crawler between two requests, not in the middle of one, since a request whose
    /// answer never reached the crawler can only be made again.
    gate: tokio::sync::RwLock<()>,
    /// Bumped at a kill: a request that waited at the gate came from the dead crawler.
    epoch: AtomicU64,
    _runtime: tokio::runtime::Runtime,
}

async fn serve(State(site): State<Arc<Site>>, request: Request) -> Response {
    let path = request.uri().path().to_string();
    let epoch = site.epoch.load(Ordering::SeqCst);
    let _open = site.gate.read().await;
    if site.epoch.load(Ordering::SeqCst) != epoch {
        return StatusCode::SERVICE_UNAVAILABLE.into_response(); // nobody is listening any more
    }
    site.log.lock().unwrap().push(path.clone());
    let stories = *site.stories.lock().unwrap();
    if path == "/feed.xml" {
        let etag = format!("\"v{stories}\"");
        if request.headers().get(header::IF_NONE_MATCH).is_some_and(|v| v.as_bytes() == etag.as_bytes()) {
            return StatusCode::NOT_MODIFIED.into_response();
        }
        let items: String = (1..=stories)
            .map(|n| format!("<item><title>Story {n}</title><link>/story/{n}.html</link></item>"))
            .collect();
        let feed = format!("<rss version=\"2.0\"><channel><title>T</title>{items}</channel></rss>");
        return ([(header::CONTENT_TYPE, "application/rss+xml"), (header::ETAG, etag.as_str())], feed).into_response();
    }
    if let Some(n) = path.strip_prefix("/story/").and_then(|p| p.strip_suffix(".html")) {
        let page = format!(
            "<html><head><title>Story {n}</title></head><body><article><h1>Harbour story {n}</h1>\
             <p>Dock workers in Rotterdam went back to work on Monday, story {n} says, after a strike \
             that lasted three weeks and left 40 ships waiting.</p></article></body></html>"
        );
        return ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response();
    }
    StatusCode::NOT_FOUND.into_response()
}

fn start_site(stories: usize) -> Arc<Site> {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let site = Arc::new(Site {
        addr,
        log: Mutex::default(),
        stories: Mutex::new(stories),
        gate: tokio::sync::RwLock::new(()),
        epoch: AtomicU64::new(0),
        _runtime: runtime,
    });
    let app = axum::Router::new().fallback(serve).with_state(site.clone());
    site._runtime.spawn(axum::serve(listener, app).into_future());
    site
}

fn crawl(site: &Site, db: &Path, extra: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_newsmill"))
        .args(["crawl", &format!("http://{}/feed.xml", site.addr), "--db"])
        .arg(db)
        .args(["--quiet"])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn count(db: &Path, sql: &str) -> i64 {
    let Ok(conn) = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return 0;
    };
    conn.query_row(sql, [], |r| r.get(0)).unwrap_or(0)
}

fn articles(db: &Path) -> i64 {
    count(db, "SELECT count(*) FROM articles")
}

/// Answers kept but whose article is not stored yet.
fn kept(db: &Path) -> i64 {
    count(db, "SELECT count(*) FROM crawl_fetched")
}

/// Pages whose answer is in the database: kept, or stored with their URL's state.
fn answered(db: &Path) -> i64 {
    count(
        db,
        "SELECT (SELECT count(*) FROM crawl_fetched)
              + (SELECT count(*) FROM crawl_urls WHERE kind = 'page' AND state != 'queued')",
    )
}

fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn story_fetches(site: &Site) -> std::collections::BTreeMap<String, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for path in site.log.lock().unwrap().iter().filter(|p| p.starts_with("/story/")) {
        *counts.entry(path.clone()).or_insert(0) += 1;
    }
    counts
}

#[test]
fn a_crawl_killed_mid_way_resumes_without_refetching_what_it_stored() {
    let site = start_site(30);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crawl.db");
    let mut child = crawl(&site, &db, &["--rate", "15"]);
    wait_for("ten stories asked for", || story_fetches(&site).len() >= 10);
    // No request is answered from here on; those answered are waited for until the crawler
    // has kept them (not until it has stored them: the kill falls before, after or while
    // the loop extracts the last ones), then SIGKILL: no chance to tidy up.
    let gate = site.gate.blocking_write();
    let answered_at_kill = story_fetches(&site).len() as i64;
    wait_for("the answers to be kept", || answered(&db) >= answered_at_kill);
    child.kill().unwrap();
    child.wait().unwrap();
    site.epoch.fetch_add(1, Ordering::SeqCst);
    drop(gate);
    let (stored_at_kill, kept_at_kill) = (articles(&db), kept(&db));
    eprintln!("at the kill: {answered_at_kill} answered, {stored_at_kill} stored, {kept_at_kill} kept to store");
    assert!(stored_at_kill < 30, "the crawl finished before it was killed");
    assert_eq!(answered(&db), answered_at_kill, "an answer the server never gave");

    let rerun = crawl(&site, &db, &["--rate", "15"]).wait_with_output().unwrap();
    assert!(rerun.status.success(), "{}", String::from_utf8_lossy(&rerun.stderr));
    assert_eq!(articles(&db), 30, "nothing lost");
    assert_eq!(kept(&db), 0, "every kept answer stored");
    let fetches = story_fetches(&site);
    assert_eq!(fetches.len(), 30);
    let twice: Vec<_> = fetches.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "fetched again after the kill: {twice:?}");
}

#[test]
fn an_answer_kept_by_a_killed_crawl_is_stored_by_the_next_without_a_request() {
    let site = start_site(2);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kept.db");
    let first = crawl(&site, &db, &["--rate", "50"]).wait_with_output().unwrap();
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    assert_eq!(articles(&db), 2);
    // What a crawl killed after story 3's answer arrived, but before its article was
    // stored, leaves: the URL still queued, its answer kept (in windows-1252, as sent).
    let url = format!("http://{}/story/3.html", site.addr);
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "INSERT INTO crawl_urls (url, host, kind, discovered) VALUES (?1, ?2, 'page', '2026-01-01T00:00:00Z')",
        [&url, &site.addr],
    )
    .unwrap();
    let body: &[u8] = b"<html><head><title>Kept</title></head><body><article><h1>Caf\xe9 story kept</h1>\
        <p>Dock workers in Rotterdam went back to work on Monday after a strike that lasted three \
        weeks and left 40 ships waiting at the caf\xe9 quay.</p></article></body></html>";
    conn.execute(
        "INSERT INTO crawl_fetched (url, final_url, status, content_type, body, fetched)
         VALUES (?1, ?1, 200, 'text/html; charset=windows-1252', ?2, '2026-01-02T03:04:05Z')",
        rusqlite::params![url, body],
    )
    .unwrap();
    drop(conn);
    *site.stories.lock().unwrap() = 3;

    let rerun = crawl(&site, &db, &["--rate", "50"]).wait_with_output().unwrap();
    assert!(rerun.status.success(), "{}", String::from_utf8_lossy(&rerun.stderr));
    assert_eq!(story_fetches(&site).get("/story/3.html"), None, "the kept answer was asked for again");
    assert_eq!(articles(&db), 3);
    assert_eq!(kept(&db), 0);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (title, state): (String, String) = conn
        .query_row(
            "SELECT a.title, u.state FROM crawl_urls u JOIN articles a ON a.id = u.article WHERE u.url = ?1",
            [&url],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(title.contains("Caf\u{e9}"), "{title}");
    assert_eq!(state, "done");
}

#[test]
fn every_keeps_polling_adds_only_what_is_new_and_stops_cleanly_on_ctrl_c() {
    let site = start_site(3);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("poll.db");
    let child = crawl(&site, &db, &["--rate", "50", "--every", "1s"]);
    wait_for("the first three stories", || articles(&db) >= 3);
    *site.stories.lock().unwrap() = 5;
    wait_for("the two new stories", || articles(&db) >= 5);
    // A poll with nothing new is answered 304 (conditional GET) and adds nothing.
    wait_for("a poll answered not modified", || {
        let log = site.log.lock().unwrap();
        log.iter().filter(|p| *p == "/feed.xml").count() >= 4
    });
    let interrupted = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(interrupted.success());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    assert_eq!(articles(&db), 5);
    assert!(story_fetches(&site).values().all(|n| *n == 1), "{:?}", story_fetches(&site));
}
