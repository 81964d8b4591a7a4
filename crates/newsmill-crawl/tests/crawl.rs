//! The crawler against a news site this test serves itself on loopback, on two ports (two
//! hosts): feeds and sitemaps (relative links, one malformed, one gzipped), robots.txt
//! disallowing a section, pages in windows-1252 and Shift_JIS, a slow page, a 500, a 429 with
//! Retry-After, a redirect loop, a 50 MB body and duplicate links across feeds.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use newsmill_crawl::{CrawlConfig, CrawlSummary, Crawler};
use newsmill_store::Store;

/// Each request the site answered: host (with port), path, when.
type Log = Arc<Mutex<Vec<(String, String, Instant)>>>;

struct Site {
    log: Log,
    a: String,
    b: String,
    /// Requests to /busy.html so far: the first gets a 429.
    busy: Mutex<u32>,
    huge: axum::body::Bytes,
    _runtime: tokio::runtime::Runtime,
}

const SLOW: Duration = Duration::from_secs(3);
const TIMEOUT: Duration = Duration::from_millis(800);
const RATE: f64 = 20.0;

fn story(title: &str, body: &str) -> String {
    format!(
        "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>\
         <p>{body} \"We won a fair deal,\" said Peter Jansen, the union's leader, as dock workers \
         in Rotterdam went back to work on Monday after a strike that lasted three weeks.</p>\
         <p>The port authority said 40 ships were still waiting to be unloaded.</p></article></body></html>"
    )
}

fn answer(status: StatusCode, content_type: &str, body: impl Into<Body>) -> Response {
    Response::builder().status(status).header(header::CONTENT_TYPE, content_type).body(body.into()).unwrap_or_default()
}

fn html(page: String) -> Response {
    answer(StatusCode::OK, "text/html; charset=utf-8", page)
}

fn xml(text: String) -> Response {
    answer(StatusCode::OK, "application/xml", text)
}

async fn serve(State(site): State<Arc<Site>>, request: Request) -> Response {
    let host = request.headers().get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("").to_string();
    let path = request.uri().path().to_string();
    site.log.lock().unwrap().push((host.clone(), path.clone(), Instant::now()));
    if host == site.b {
        return host_b(&site, &path);
    }
    host_a(&site, &path, request.headers()).await
}

async fn host_a(site: &Site, path: &str, headers: &HeaderMap) -> Response {
    let (a, b) = (&site.a, &site.b);
    match path {
        "/robots.txt" => answer(
            StatusCode::OK,
            "text/plain",
            format!("User-agent: *\nDisallow: /private/\nCrawl-delay: 0.01\n\nSitemap: http://{a}/sitemap_index.xml\n"),
        ),
        "/" => html(
            "<html><head><title>Home</title><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.rss\">\
             </head><body><p>News</p></body></html>"
                .to_string(),
        ),
        // Relative links, a tracking parameter and a fragment, a disallowed section, and
        // every kind of trouble.
        "/feed.rss" => xml(format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>A</title>\
             <item><title>One from the feed</title><link>/news/1.html?utm_source=rss#top</link>\
               <pubDate>Fri, 09 Nov 2018 22:21:00 +0300</pubDate></item>\
             <item><title>Two</title><link>news/2.html</link></item>\
             <item><title>Secret</title><link>/private/secret.html</link></item>\
             <item><title>Latin</title><link>/news/latin1.html</link></item>\
             <item><title>Japanese</title><link>/news/sjis.html</link></item>\
             <item><title>Slow</title><link>/slow.html</link></item>\
             <item><title>Error</title><link>/error.html</link></item>\
             <item><title>Busy</title><link>/busy.html</link></item>\
             <item><title>Loop</title><link>/loop.html</link></item>\
             <item><title>Huge</title><link>/huge.html</link></item>\
             <item><title>Other host</title><link>http://{b}/b1.html</link></item>\
             <item><title>Moved</title><link>/moved.html</link></item>\
             </channel></rss>"
        )),
        "/atom.xml" => {
            if headers.get(header::IF_NONE_MATCH).is_some_and(|v| v == "\"atom-1\"") {
                return answer(StatusCode::NOT_MODIFIED, "application/atom+xml", "");
            }
            let mut r = answer(
                StatusCode::OK,
                "application/atom+xml",
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title>\
                 <entry><title>One again</title><link href=\"http://127.0.0.1/ignored\" rel=\"self\"/>\
                   <link href=\"news/1.html\"/></entry>\
                 <entry><title>Three</title><link href=\"/news/3.html\"/><published>2024-05-02T10:00:00Z</published></entry>\
                 </feed>",
            );
            r.headers_mut().insert(header::ETAG, header::HeaderValue::from_static("\"atom-1\""));
            r
        }
        "/sitemap_index.xml" => xml(format!(
            "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\
             <sitemap><loc>/sitemap-news.xml.gz</loc></sitemap><sitemap><loc>http://{a}/sitemap-bad.xml</loc></sitemap>\
             </sitemapindex>"
        )),
        "/sitemap-news.xml.gz" => {
            let text = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
                 xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\
                 <url><loc>/news/5.html</loc><news:news><news:publication_date>2024-05-03T08:00:00+01:00</news:publication_date>\
                 <news:title>Five</news:title></news:news></url></urlset>";
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            std::io::Write::write_all(&mut gz, text.as_bytes()).unwrap();
            answer(StatusCode::OK, "application/gzip", gz.finish().unwrap())
        }
        "/sitemap-bad.xml" => xml(format!(
            "<urlset><url><loc>http://{a}/news/4.html</loc></url><url><loc>http://{a}/news/1.html</loc></url><url><loc"
        )),
        "/news/latin1.html" => {
            let page = "<html><head><meta charset=\"windows-1252\"><title>Café crème</title></head><body><article>\
                 <h1>Café crème à Paris</h1><p>Le café coûte 3 € depuis lundi, a déclaré le propriétaire du café \
                 près de la gare, où les clients attendent déjà devant la porte.</p></article></body></html>";
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(page);
            answer(StatusCode::OK, "text/html", bytes.into_owned())
        }
        "/news/sjis.html" => {
            let page = "<html><head><meta charset=\"Shift_JIS\"><title>東京の天気</title></head><body><article>\
                 <h1>東京の天気</h1><p>東京では月曜日に雨が降り、気温は十五度まで下がりました。気象庁によると、\
                 週末まで雨が続く見込みです。</p></article></body></html>";
            let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(page);
            answer(StatusCode::OK, "text/html", bytes.into_owned())
        }
        "/slow.html" => {
            tokio::time::sleep(SLOW).await;
            html(story("Slow", "Too late."))
        }
        "/error.html" => answer(StatusCode::INTERNAL_SERVER_ERROR, "text/plain", "boom"),
        "/busy.html" => {
            let first = {
                let mut n = site.busy.lock().unwrap();
                *n += 1;
                *n == 1
            };
            if first {
                let mut r = answer(StatusCode::TOO_MANY_REQUESTS, "text/plain", "slow down");
                r.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
                return r;
            }
            html(story("Busy then fine", "Patience."))
        }
        "/loop.html" | "/loop2.html" => {
            let next = if path == "/loop.html" { "/loop2.html" } else { "/loop.html" };
            let mut r = answer(StatusCode::FOUND, "text/plain", "");
            r.headers_mut().insert(header::LOCATION, header::HeaderValue::from_static(next));
            r
        }
        "/huge.html" => answer(StatusCode::OK, "text/html", site.huge.clone()),
        // To the other host: fetched there, under its robots.txt and pace.
        "/moved.html" => {
            let mut r = answer(StatusCode::MOVED_PERMANENTLY, "text/plain", "");
            let to = format!("http://{b}/b-moved.html");
            r.headers_mut().insert(header::LOCATION, header::HeaderValue::from_str(&to).unwrap());
            r
        }
        p if p.starts_with("/news/") => {
            let n = p.trim_start_matches("/news/").trim_end_matches(".html");
            html(story(&format!("Story {n}"), &format!("Story number {n}.")))
        }
        _ => answer(StatusCode::NOT_FOUND, "text/plain", "not found"),
    }
}

fn host_b(_site: &Site, path: &str) -> Response {
    match path {
        "/sitemap.xml" => {
            xml("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>/b1.html</loc></url>\
             <url><loc>b2.html#x</loc></url><url><loc>/b3.html?fbclid=abc</loc></url></urlset>"
                .to_string())
        }
        p if p.starts_with("/b") && p.ends_with(".html") => {
            let n = p.trim_start_matches('/').trim_end_matches(".html");
            html(story(&format!("B story {n}"), &format!("From the other host, {n}.")))
        }
        _ => answer(StatusCode::NOT_FOUND, "text/plain", "no robots here"),
    }
}

fn start_site() -> Arc<Site> {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let (la, lb) = runtime.block_on(async {
        (
            tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap(),
            tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap(),
        )
    });
    let a = la.local_addr().unwrap().to_string();
    let b = lb.local_addr().unwrap().to_string();
    let huge = axum::body::Bytes::from(vec![b'x'; 50 << 20]);
    let site = Arc::new(Site { log: Log::default(), a, b, busy: Mutex::new(0), huge, _runtime: runtime });
    let app = axum::Router::new().fallback(serve).with_state(site.clone());
    for listener in [la, lb] {
        site._runtime.spawn(axum::serve(listener, app.clone()).into_future());
    }
    site
}

fn config(warc: &Path) -> CrawlConfig {
    CrawlConfig {
        rate_per_host: RATE,
        timeout: TIMEOUT,
        max_body_bytes: 2 << 20,
        retry_base: Duration::from_millis(50),
        warc: Some((warc.to_path_buf(), 1 << 20)),
        ..CrawlConfig::default()
    }
}

fn crawl(db: &Path, warc: &Path, seeds: &[String]) -> CrawlSummary {
    let store = Store::open(db).unwrap();
    let pipeline = newsmill::Pipeline::new(newsmill::Options::default()).unwrap();
    let mut crawler = Crawler::new(config(warc), store, pipeline).unwrap();
    crawler.run(seeds, &Arc::new(AtomicBool::new(false)), &|_| {}).unwrap()
}

fn requests(site: &Site) -> Vec<(String, String, Instant)> {
    site.log.lock().unwrap().clone()
}

fn count(log: &[(String, String, Instant)], path: &str) -> usize {
    log.iter().filter(|(_, p, _)| p == path).count()
}

/// A crawled page as the database holds it: url, article id, title and date listed.
type PageRow = (String, Option<String>, Option<String>, Option<String>);

/// Every crawled page, from the database.
fn stored_pages(db: &Path) -> Vec<PageRow> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT url, article, listed_title, listed_published FROM crawl_urls WHERE kind = 'page' ORDER BY url")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// Response records per target URI, read from the WARC files with a plain gzip reader.
fn warc_responses(dir: &Path) -> BTreeMap<String, usize> {
    let mut found = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let mut text = Vec::new();
        flate2::read::MultiGzDecoder::new(std::fs::File::open(entry.unwrap().path()).unwrap())
            .read_to_end(&mut text)
            .unwrap();
        let text = String::from_utf8_lossy(&text);
        for record in text.split("WARC/1.1\r\n") {
            let head = record.split("\r\n\r\n").next().unwrap_or("");
            if head.contains("WARC-Type: response") {
                let uri = head.lines().find_map(|l| l.strip_prefix("WARC-Target-URI: ")).unwrap().to_string();
                *found.entry(uri).or_default() += 1;
            }
        }
    }
    found
}

#[test]
fn a_news_site_with_every_kind_of_trouble_is_crawled_politely_and_completely() {
    let site = start_site();
    let (a, b) = (site.a.clone(), site.b.clone());
    let dir = tempfile::tempdir().unwrap();
    let (db, warc) = (dir.path().join("crawl.db"), dir.path().join("warc"));
    let seeds = vec![
        format!("http://{a}/feed.rss"),
        format!("http://{a}/atom.xml"),
        format!("http://{a}/"),
        format!("http://{b}/sitemap.xml"),
    ];
    let started = Instant::now();
    let summary = crawl(&db, &warc, &seeds);
    let elapsed = started.elapsed();
    let log = requests(&site);

    // Every allowed article stored exactly once: 1 to 5, the two charsets, the 429 that
    // passed, the three of the other host and the page moved there.
    let pages = stored_pages(&db);
    let stored: BTreeSet<String> = pages.iter().filter(|p| p.1.is_some()).map(|p| p.0.clone()).collect();
    let mut expected: BTreeSet<String> =
        ["1", "2", "3", "4", "5", "latin1", "sjis"].iter().map(|n| format!("http://{a}/news/{n}.html")).collect();
    expected.insert(format!("http://{a}/busy.html"));
    expected.extend(["b1", "b2", "b3", "b-moved"].iter().map(|n| format!("http://{b}/{n}.html")));
    assert_eq!(stored, expected, "{summary:?}");
    let store = Store::open_read_only(&db).unwrap();
    assert_eq!(store.stats().unwrap().articles, 12);
    assert_eq!(summary.outcome.added, 12);
    for path in [
        "/news/1.html",
        "/news/2.html",
        "/news/3.html",
        "/news/4.html",
        "/news/5.html",
        "/b1.html",
        "/moved.html",
        "/b-moved.html",
    ] {
        assert_eq!(count(&log, path), 1, "{path} fetched once despite duplicate links");
    }

    // Nothing disallowed fetched; the failures recorded, each with its reason.
    assert_eq!(count(&log, "/private/secret.html"), 0);
    assert_eq!(summary.disallowed, 1);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let error = |path: &str| -> String {
        conn.query_row("SELECT error FROM crawl_urls WHERE url = ?1", [format!("http://{a}{path}")], |r| r.get(0))
            .unwrap()
    };
    assert!(error("/slow.html").contains("no complete answer"), "{}", error("/slow.html"));
    assert!(error("/error.html").contains("500"));
    assert_eq!(count(&log, "/error.html"), 3, "a 500 is tried three times");
    assert!(error("/loop.html").contains("redirects"));
    assert!(error("/huge.html").contains("larger than the limit"));
    assert_eq!(summary.fetch_failures, 4);

    // The 429's Retry-After was waited for.
    let busy: Vec<Instant> = log.iter().filter(|(_, p, _)| p == "/busy.html").map(|e| e.2).collect();
    assert_eq!(busy.len(), 2);
    assert!(busy[1] - busy[0] >= Duration::from_millis(990), "{:?}", busy[1] - busy[0]);

    // Per-host rate never exceeded; the two hosts were crawled side by side.
    let min_gap = Duration::from_secs_f64(1.0 / RATE) - Duration::from_millis(3);
    for host in [&a, &b] {
        let times: Vec<Instant> = log.iter().filter(|e| &e.0 == host).map(|e| e.2).collect();
        for pair in times.windows(2) {
            assert!(pair[1] - pair[0] >= min_gap, "{host}: requests {:?} apart", pair[1] - pair[0]);
        }
    }
    let last_a = log.iter().filter(|e| e.0 == a).map(|e| e.2).max().unwrap();
    let first_b_page = log.iter().filter(|e| e.0 == b && e.1.starts_with("/b")).map(|e| e.2).min().unwrap();
    assert!(first_b_page < last_a, "host B waited for host A");
    assert!(elapsed < Duration::from_secs(20), "{elapsed:?}");

    // Charsets decoded; the listing's title and date kept as evidence, and the date used
    // when the page gives none.
    let title = |url: String| -> String {
        conn.query_row(
            "SELECT a.title FROM articles a JOIN crawl_urls u ON u.article = a.id WHERE u.url = ?1",
            [url],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert!(title(format!("http://{a}/news/latin1.html")).contains("Café crème"));
    assert!(title(format!("http://{a}/news/sjis.html")).contains("東京の天気"));
    let one = pages.iter().find(|p| p.0 == format!("http://{a}/news/1.html")).unwrap();
    assert_eq!(one.2.as_deref(), Some("One from the feed"));
    assert_eq!(one.3.as_deref(), Some("2018-11-09T22:21:00+03:00"));
    let published: Option<String> = conn
        .query_row("SELECT published FROM articles WHERE url = ?1", [format!("http://{a}/news/1.html")], |r| r.get(0))
        .unwrap();
    assert_eq!(published.as_deref(), Some("2018-11-09T22:21:00+03:00"));

    // The WARC files: one response record per answered request (the slow page never
    // answered in time), and `newsmill ingest`'s reader finds every stored article in them.
    let responses = warc_responses(&warc);
    let mut answered: BTreeMap<String, usize> = BTreeMap::new();
    for (host, path, _) in &log {
        if path != "/slow.html" {
            *answered.entry(format!("http://{host}{path}")).or_default() += 1;
        }
    }
    assert_eq!(responses, answered);
    let read_back: BTreeSet<String> =
        newsmill::Inputs::new(&[warc.display().to_string()], newsmill::ReadConfig { max_bytes: 64 << 20 })
            .filter_map(|doc| doc.ok()?.url)
            .filter(|u| u.ends_with(".html"))
            .collect();
    assert_eq!(read_back, stored);
    warcio_agrees(&warc, &responses);

    // A second run: the feeds are polled again (the Atom feed conditionally, 304), and no
    // stored page is fetched again.
    let before = log.len();
    let again = crawl(&db, &warc, &seeds);
    let log = requests(&site);
    let second: Vec<&String> = log[before..].iter().map(|e| &e.1).collect();
    assert!(second.iter().all(|p| !p.starts_with("/news/") && !p.starts_with("/b")), "{second:?}");
    assert_eq!(again.outcome.added, 0);
    assert!(second.contains(&&"/atom.xml".to_string()));
    // Failures that may pass are tried again; the others are not.
    let asked = |p: &str| second.iter().any(|s| *s == p);
    assert!(asked("/slow.html") && asked("/error.html"), "{second:?}");
    assert!(!asked("/loop.html") && !asked("/huge.html") && !asked("/private/secret.html"), "{second:?}");
}

/// With `NEWSMILL_WARCIO_PYTHON` naming a Python that has warcio (`.ci/run` sets it to the
/// venv `python/test.sh` makes), warcio reads every file and counts the same responses.
fn warcio_agrees(dir: &Path, responses: &BTreeMap<String, usize>) {
    let Some(python) = std::env::var_os("NEWSMILL_WARCIO_PYTHON") else {
        assert!(std::env::var_os("NEWSMILL_REQUIRE_WARCIO").is_none(), "NEWSMILL_WARCIO_PYTHON is not set");
        eprintln!("skipped the warcio check: NEWSMILL_WARCIO_PYTHON is not set");
        return;
    };
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/warcio_check.py");
    let out = std::process::Command::new(python).arg(script).arg(dir).output().unwrap();
    assert!(out.status.success(), "warcio: {}", String::from_utf8_lossy(&out.stderr));
    let counted: BTreeMap<String, usize> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(&counted, responses);
}
