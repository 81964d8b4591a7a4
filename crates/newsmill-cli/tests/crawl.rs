//! `newsmill crawl` as a user runs it, against a site this test serves on loopback: killed
//! with SIGKILL mid-crawl then run again, and polling with --every until Ctrl-C.

use std::path::Path;
use std::process::{Child, Command, Stdio};
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
    _runtime: tokio::runtime::Runtime,
}

async fn serve(State(site): State<Arc<Site>>, request: Request) -> Response {
    let path = request.uri().path().to_string();
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
    let site = Arc::new(Site { addr, log: Mutex::default(), stories: Mutex::new(stories), _runtime: runtime });
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

fn articles(db: &Path) -> i64 {
    let Ok(conn) = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return 0;
    };
    conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)).unwrap_or(0)
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
    wait_for("ten stored articles", || articles(&db) >= 10);
    child.kill().unwrap(); // SIGKILL: no chance to tidy up
    child.wait().unwrap();
    let stored_at_kill = articles(&db);
    let fetched_at_kill = story_fetches(&site).len();
    assert!(stored_at_kill < 30, "the crawl finished before it was killed");

    let rerun = crawl(&site, &db, &["--rate", "15"]).wait_with_output().unwrap();
    assert!(rerun.status.success(), "{}", String::from_utf8_lossy(&rerun.stderr));
    assert_eq!(articles(&db), 30, "nothing lost");
    let fetches = story_fetches(&site);
    assert_eq!(fetches.len(), 30);
    // A page is fetched again only if the kill fell between its answer and its commit: at
    // most the one request in flight to this host.
    let twice: Vec<_> = fetches.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.len() <= 1 && twice.iter().all(|(_, n)| **n == 2), "{twice:?}");
    assert!(
        fetched_at_kill as i64 - stored_at_kill <= 1,
        "{fetched_at_kill} fetched, {stored_at_kill} stored at the kill"
    );
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
