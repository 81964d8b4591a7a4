//! The crawl's state (`newsmill crawl`): the frontier of normalised URLs with what listed
//! them, and each feed's or sitemap's polling state. Every change a fetch makes (the URL's
//! state, the article it gave, the links it listed) is one transaction, so a crawl killed at
//! any moment resumes from the last commit and never fetches a stored page again. A page's
//! answer is also kept on its own ([`FetchJournal`]) the moment it arrives, before the slower
//! extraction, so an answer that arrived but was not yet stored is not asked for again either.

use rusqlite::{OptionalExtension, params};

use crate::Store;
use crate::error::Result;
use crate::record::StoredArticle;
use crate::write::{BatchOutcome, Failure, RunId};

/// What a URL is to the crawler.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UrlKind {
    /// Given by the user: a feed, a sitemap or a home page, told apart once fetched.
    Seed,
    Feed,
    Sitemap,
    /// An article page: goes to the extractor.
    Page,
}

impl UrlKind {
    pub fn as_str(self) -> &'static str {
        match self {
            UrlKind::Seed => "seed",
            UrlKind::Feed => "feed",
            UrlKind::Sitemap => "sitemap",
            UrlKind::Page => "page",
        }
    }

    fn parse(s: &str) -> UrlKind {
        match s {
            "seed" => UrlKind::Seed,
            "feed" => UrlKind::Feed,
            "sitemap" => UrlKind::Sitemap,
            _ => UrlKind::Page,
        }
    }
}

/// Where a URL is in the crawl.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlState {
    Queued,
    /// Fetched and handled (an article stored, a feed read, or not modified).
    Done,
    /// Fetched or tried, and failed: the reason is in `error`.
    Failed,
    /// robots.txt forbids it: never fetched.
    Disallowed,
}

impl UrlState {
    pub fn as_str(self) -> &'static str {
        match self {
            UrlState::Queued => "queued",
            UrlState::Done => "done",
            UrlState::Failed => "failed",
            UrlState::Disallowed => "disallowed",
        }
    }
}

/// A URL found (a seed, or a link a feed or sitemap listed), with the listing's evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundUrl {
    /// Normalised: the key that decides what is new.
    pub url: String,
    /// `host[:port]`, the unit of politeness.
    pub host: String,
    pub kind: UrlKind,
    /// The feed or sitemap that listed it.
    pub found_in: Option<String>,
    pub listed_title: Option<String>,
    pub listed_published: Option<String>,
}

/// A URL waiting to be fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedUrl {
    pub url: String,
    pub host: String,
    pub kind: UrlKind,
    pub listed_published: Option<String>,
}

/// How one URL's fetch ended.
#[derive(Debug, Clone)]
pub struct FetchRecord {
    pub url: String,
    pub state: UrlState,
    /// The last HTTP status, if a response came.
    pub status: Option<u16>,
    /// Where redirects led, when not to `url`.
    pub final_url: Option<String>,
    pub error: Option<String>,
    /// The failure may pass (a timeout, a 429 or 5xx): a later run tries the page again.
    pub transient: bool,
}

/// Failed pages are tried again by later runs this many times in all, when their failure
/// may pass.
pub const MAX_PAGE_ATTEMPTS: i64 = 3;

/// What a feed or sitemap said about itself, for the next (conditional) poll.
#[derive(Debug, Clone, Default)]
pub struct FeedUpdate {
    pub kind: Option<UrlKind>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// Entries it listed this time (0 when not modified).
    pub entries: u64,
    /// When to poll it again, in seconds from now; `None` when not polling.
    pub poll_in_seconds: Option<u64>,
}

/// The validators sent with the next request for a feed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// One site on the sources page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SourceRow {
    pub host: String,
    /// Articles stored from its pages.
    pub articles: i64,
    /// URLs fetched (pages, feeds, sitemaps).
    pub fetched: i64,
    pub queued: i64,
    pub failed: i64,
    pub disallowed: i64,
    pub last_fetch: Option<String>,
    pub next_poll: Option<String>,
    /// The latest failure's reason.
    pub last_error: Option<String>,
}

/// The crawl at a glance, for `newsmill stats`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct CrawlStats {
    pub urls: i64,
    pub queued: i64,
    pub done: i64,
    pub failed: i64,
    pub disallowed: i64,
    pub articles: i64,
    pub feeds: i64,
    pub hosts: i64,
    pub last_fetch: Option<String>,
}

/// A page's answer as it arrived, kept until its article is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFetch<'a> {
    /// The queued (normalised) URL.
    pub url: &'a str,
    /// Where redirects led.
    pub final_url: &'a str,
    pub status: u16,
    /// The `Content-Type` header, with its charset parameter.
    pub content_type: Option<&'a str>,
    /// Already cut to the size limit by the fetcher.
    pub body: &'a [u8],
}

/// A kept answer whose article was not stored yet (the crawl was stopped in between).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingFetch {
    pub url: String,
    pub host: String,
    pub listed_published: Option<String>,
    pub final_url: String,
    pub status: u16,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
    /// When the answer arrived (`YYYY-MM-DDTHH:MM:SSZ`).
    pub fetched: String,
}

/// A connection of its own to the crawl's database, for a fetching thread to keep each
/// answer the moment it arrives without waiting for the thread that extracts and stores.
pub struct FetchJournal {
    conn: rusqlite::Connection,
}

impl FetchJournal {
    /// Keeps one page's answer, committed before it returns (replacing an older one).
    pub fn keep(&self, fetch: &NewFetch) -> Result<()> {
        keep_in(&self.conn, fetch)
    }
}

fn keep_in(conn: &rusqlite::Connection, f: &NewFetch) -> Result<()> {
    let sql = format!(
        "INSERT OR REPLACE INTO crawl_fetched (url, final_url, status, content_type, body, fetched)
         VALUES (?1, ?2, ?3, ?4, ?5, {NOW})"
    );
    conn.execute(&sql, params![f.url, f.final_url, f.status, f.content_type, f.body]).map_err(crate::write::busy)?;
    Ok(())
}

const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";

impl Store {
    /// A second connection to this database for a fetching thread; `None` for a database
    /// in memory, which a second connection cannot reach (and which a kill loses anyway).
    pub fn fetch_journal(&self) -> Result<Option<FetchJournal>> {
        let Some(path) = self.conn().path().filter(|p| !p.is_empty()) else { return Ok(None) };
        let conn = rusqlite::Connection::open(path)?;
        crate::open::configure(&conn)?;
        Ok(Some(FetchJournal { conn }))
    }

    /// Keeps one page's answer (as [`FetchJournal::keep`] does, on this connection).
    pub fn keep_fetched(&mut self, fetch: &NewFetch) -> Result<()> {
        keep_in(self.conn(), fetch)
    }

    /// The URLs whose answer is kept but whose article is not stored, oldest first.
    pub fn pending_urls(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn().prepare_cached("SELECT url FROM crawl_fetched ORDER BY rowid")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One kept answer with what the frontier knows of its URL; `None` when it is not kept
    /// (or its URL is not in the frontier).
    pub fn pending_fetch(&self, url: &str) -> Result<Option<PendingFetch>> {
        let found = self
            .conn()
            .query_row(
                "SELECT f.url, u.host, u.listed_published, f.final_url, f.status, f.content_type, f.body, f.fetched
                 FROM crawl_fetched f JOIN crawl_urls u ON u.url = f.url WHERE f.url = ?1",
                [url],
                |r| {
                    Ok(PendingFetch {
                        url: r.get(0)?,
                        host: r.get(1)?,
                        listed_published: r.get(2)?,
                        final_url: r.get(3)?,
                        status: r.get(4)?,
                        content_type: r.get(5)?,
                        body: r.get(6)?,
                        fetched: r.get(7)?,
                    })
                },
            )
            .optional()?;
        Ok(found)
    }

    /// Adds URLs to the frontier; those already known are left as they are. Returns how
    /// many were new.
    pub fn enqueue(&mut self, urls: &[FoundUrl]) -> Result<usize> {
        self.with_write_tx(|w| insert_found(w.tx, urls))
    }

    /// Queues every seed, feed and sitemap again (a new run polls them, conditionally), and
    /// the pages whose failure may pass, up to [`MAX_PAGE_ATTEMPTS`] tries.
    pub fn requeue_sources(&mut self) -> Result<usize> {
        Ok(self.conn().execute(
            "UPDATE crawl_urls SET state = 'queued'
             WHERE (kind != 'page' AND state != 'queued')
                OR (kind = 'page' AND state = 'failed' AND transient = 1 AND attempts < ?1)",
            [MAX_PAGE_ATTEMPTS],
        )?)
    }

    /// Queues again the feeds and sitemaps whose next poll is due.
    pub fn requeue_due_feeds(&mut self) -> Result<usize> {
        let sql = format!(
            "UPDATE crawl_urls SET state = 'queued' WHERE kind != 'page' AND state != 'queued'
             AND url IN (SELECT url FROM crawl_feeds WHERE next_poll IS NOT NULL AND next_poll <= {NOW})"
        );
        Ok(self.conn().execute(&sql, [])?)
    }

    /// Seconds until the next feed poll is due (0 when one is due now); `None` when none is
    /// scheduled.
    pub fn seconds_to_next_poll(&self) -> Result<Option<f64>> {
        let next: Option<f64> = self.conn().query_row(
            "SELECT max(0.0, (julianday(min(next_poll)) - julianday('now')) * 86400.0) FROM crawl_feeds
             WHERE next_poll IS NOT NULL",
            [],
            |r| r.get(0),
        )?;
        Ok(next)
    }

    /// Up to `limit` queued URLs, seeds, feeds and sitemaps first, then in discovery order.
    /// A URL whose answer is kept is not among them: it is stored from what was kept.
    pub fn queued(&self, limit: usize) -> Result<Vec<QueuedUrl>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT url, host, kind, listed_published FROM crawl_urls WHERE state = 'queued'
             AND url NOT IN (SELECT url FROM crawl_fetched)
             ORDER BY kind = 'page', rowid LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], queued_url)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Queued URLs, at most `per_host` of each host (seeds, feeds and sitemaps first, then
    /// in discovery order), so one big site never starves the others.
    pub fn queued_per_host(&self, per_host: usize) -> Result<Vec<QueuedUrl>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT url, host, kind, listed_published FROM (
                 SELECT url, host, kind, listed_published, rowid AS r, kind = 'page' AS is_page,
                        row_number() OVER (PARTITION BY host ORDER BY kind = 'page', rowid) AS n
                 FROM crawl_urls WHERE state = 'queued' AND url NOT IN (SELECT url FROM crawl_fetched))
             WHERE n <= ?1 ORDER BY is_page, r",
        )?;
        let rows = stmt.query_map([per_host as i64], queued_url)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether `url` (normalised) is known to the frontier, in any state.
    pub fn is_known(&self, url: &str) -> Result<bool> {
        let found: Option<i64> =
            self.conn().query_row("SELECT 1 FROM crawl_urls WHERE url = ?1", [url], |r| r.get(0)).optional()?;
        Ok(found.is_some())
    }

    /// The ETag and Last-Modified a feed last answered with.
    pub fn validators(&self, url: &str) -> Result<Validators> {
        let found = self
            .conn()
            .query_row("SELECT etag, last_modified FROM crawl_feeds WHERE url = ?1", [url], |r| {
                Ok(Validators { etag: r.get(0)?, last_modified: r.get(1)? })
            })
            .optional()?;
        Ok(found.unwrap_or_default())
    }

    /// Records an article page's fetch with the article (or failure) it gave, in one
    /// transaction, which also lets go of the page's kept answer.
    pub fn record_page(
        &mut self,
        run: RunId,
        fetch: &FetchRecord,
        article: Option<&StoredArticle>,
        failure: Option<&Failure>,
    ) -> Result<BatchOutcome> {
        self.with_write_tx(|w| {
            let articles: Vec<StoredArticle> = article.into_iter().cloned().collect();
            let failures: Vec<Failure> = failure.into_iter().cloned().collect();
            let outcome = w.write(run, &articles, &failures)?;
            update_url(w.tx, fetch, article.map(|a| a.record.id.as_ref()))?;
            w.tx.execute("DELETE FROM crawl_fetched WHERE url = ?1", [&fetch.url])?;
            Ok(outcome)
        })
    }

    /// Records a seed's, feed's or sitemap's fetch, its polling state and the URLs it
    /// listed, in one transaction. Returns how many listed URLs were new.
    pub fn record_source(&mut self, fetch: &FetchRecord, feed: &FeedUpdate, found: &[FoundUrl]) -> Result<usize> {
        self.with_write_tx(|w| {
            update_url(w.tx, fetch, None)?;
            if let Some(kind) = feed.kind {
                w.tx.execute("UPDATE crawl_urls SET kind = ?2 WHERE url = ?1", params![fetch.url, kind.as_str()])?;
            }
            upsert_feed(w.tx, fetch, feed)?;
            insert_found(w.tx, found)
        })
    }

    /// Records a URL that redirected to another host and queues where it led (fetched
    /// later by that host's worker, under that host's robots.txt and pace), in one
    /// transaction. Returns 1 when the target was new.
    pub fn record_redirect(&mut self, fetch: &FetchRecord, to: &FoundUrl) -> Result<usize> {
        self.with_write_tx(|w| {
            update_url(w.tx, fetch, None)?;
            insert_found(w.tx, std::slice::from_ref(to))
        })
    }

    /// Per site: articles, fetches, failures, last fetch and next poll; busiest first.
    pub fn crawl_sources(&self) -> Result<Vec<SourceRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT u.host,
                    count(u.article),
                    sum(u.fetched IS NOT NULL),
                    sum(u.state = 'queued'),
                    sum(u.state = 'failed'),
                    sum(u.state = 'disallowed'),
                    max(u.fetched),
                    (SELECT min(f.next_poll) FROM crawl_feeds f WHERE f.host = u.host),
                    (SELECT e.error FROM crawl_urls e WHERE e.host = u.host AND e.state = 'failed'
                     ORDER BY e.fetched DESC LIMIT 1)
             FROM crawl_urls u GROUP BY u.host ORDER BY count(u.article) DESC, u.host",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(SourceRow {
                host: r.get(0)?,
                articles: r.get(1)?,
                fetched: r.get(2)?,
                queued: r.get(3)?,
                failed: r.get(4)?,
                disallowed: r.get(5)?,
                last_fetch: r.get(6)?,
                next_poll: r.get(7)?,
                last_error: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Counts over the whole frontier.
    pub fn crawl_stats(&self) -> Result<CrawlStats> {
        Ok(self.conn().query_row(
            "SELECT count(*), coalesce(sum(state = 'queued'), 0), coalesce(sum(state = 'done'), 0),
                    coalesce(sum(state = 'failed'), 0), coalesce(sum(state = 'disallowed'), 0), count(article),
                    (SELECT count(*) FROM crawl_feeds), count(DISTINCT host), max(fetched)
             FROM crawl_urls",
            [],
            |r| {
                Ok(CrawlStats {
                    urls: r.get(0)?,
                    queued: r.get(1)?,
                    done: r.get(2)?,
                    failed: r.get(3)?,
                    disallowed: r.get(4)?,
                    articles: r.get(5)?,
                    feeds: r.get(6)?,
                    hosts: r.get(7)?,
                    last_fetch: r.get(8)?,
                })
            },
        )?)
    }
}

fn insert_found(tx: &rusqlite::Transaction, urls: &[FoundUrl]) -> Result<usize> {
    let sql = format!(
        "INSERT OR IGNORE INTO crawl_urls (url, host, kind, found_in, listed_title, listed_published, discovered)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, {NOW})"
    );
    let mut stmt = tx.prepare_cached(&sql)?;
    let mut added = 0;
    for u in urls {
        added +=
            stmt.execute(params![u.url, u.host, u.kind.as_str(), u.found_in, u.listed_title, u.listed_published])?;
    }
    Ok(added)
}

fn update_url(tx: &rusqlite::Transaction, fetch: &FetchRecord, article: Option<&str>) -> Result<()> {
    let sql = format!(
        "UPDATE crawl_urls SET state = ?2, status = ?3, final_url = ?4, error = ?5,
             article = coalesce(?6, article), fetched = CASE WHEN ?2 = 'disallowed' THEN fetched ELSE {NOW} END,
             attempts = attempts + 1, transient = ?7
         WHERE url = ?1"
    );
    let values =
        params![fetch.url, fetch.state.as_str(), fetch.status, fetch.final_url, fetch.error, article, fetch.transient];
    tx.execute(&sql, values)?;
    Ok(())
}

fn upsert_feed(tx: &rusqlite::Transaction, fetch: &FetchRecord, feed: &FeedUpdate) -> Result<()> {
    let host: Option<String> =
        tx.query_row("SELECT host FROM crawl_urls WHERE url = ?1", [&fetch.url], |r| r.get(0)).optional()?;
    let failed = fetch.state == UrlState::Failed;
    let poll = feed.poll_in_seconds.map(|s| format!("+{s} seconds"));
    let sql = format!(
        "INSERT INTO crawl_feeds (url, host, kind, etag, last_modified, last_fetch, next_poll, entries, errors, last_error)
         VALUES (?1, ?2, ?3, ?4, ?5, {NOW},
                 CASE WHEN ?6 IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?6) END, ?7, ?8, ?9)
         ON CONFLICT (url) DO UPDATE SET kind = excluded.kind,
             etag = coalesce(excluded.etag, etag), last_modified = coalesce(excluded.last_modified, last_modified),
             last_fetch = excluded.last_fetch, next_poll = excluded.next_poll,
             entries = CASE WHEN excluded.entries > 0 THEN excluded.entries ELSE entries END,
             errors = errors + excluded.errors, last_error = coalesce(excluded.last_error, last_error)"
    );
    tx.execute(
        &sql,
        params![
            fetch.url,
            host.unwrap_or_default(),
            feed.kind.unwrap_or(UrlKind::Seed).as_str(),
            feed.etag,
            feed.last_modified,
            poll,
            feed.entries as i64,
            i64::from(failed),
            fetch.error,
        ],
    )?;
    Ok(())
}

/// A queued URL from a row of `url, host, kind, listed_published`.
fn queued_url(r: &rusqlite::Row<'_>) -> rusqlite::Result<QueuedUrl> {
    Ok(QueuedUrl {
        url: r.get(0)?,
        host: r.get(1)?,
        kind: UrlKind::parse(&r.get::<_, String>(2)?),
        listed_published: r.get(3)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(url: &str, kind: UrlKind) -> FoundUrl {
        FoundUrl {
            url: url.into(),
            host: "example.org".into(),
            kind,
            found_in: None,
            listed_title: None,
            listed_published: None,
        }
    }

    #[test]
    fn a_url_is_queued_once_and_sources_come_first() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(store.enqueue(&[found("http://example.org/a", UrlKind::Page)]).unwrap(), 1);
        assert_eq!(
            store
                .enqueue(&[found("http://example.org/a", UrlKind::Page), found("http://example.org/f", UrlKind::Seed)])
                .unwrap(),
            1
        );
        let queued = store.queued(10).unwrap();
        assert_eq!(
            queued.iter().map(|q| q.url.as_str()).collect::<Vec<_>>(),
            ["http://example.org/f", "http://example.org/a"]
        );
    }

    #[test]
    fn a_page_whose_failure_may_pass_is_tried_again_a_few_times() {
        let mut store = Store::open_in_memory().unwrap();
        let run = store.begin_run(&["t"]).unwrap();
        store
            .enqueue(&[
                found("http://example.org/busy", UrlKind::Page),
                found("http://example.org/gone", UrlKind::Page),
            ])
            .unwrap();
        let failed = |url: &str, transient: bool| FetchRecord {
            url: url.into(),
            state: UrlState::Failed,
            status: Some(if transient { 503 } else { 404 }),
            final_url: None,
            error: Some("failed".into()),
            transient,
        };
        for attempt in 1..=MAX_PAGE_ATTEMPTS {
            store.record_page(run, &failed("http://example.org/busy", true), None, None).unwrap();
            store.record_page(run, &failed("http://example.org/gone", false), None, None).unwrap();
            let again = store.requeue_sources().unwrap();
            assert_eq!(again, usize::from(attempt < MAX_PAGE_ATTEMPTS), "attempt {attempt}");
        }
    }

    #[test]
    fn a_kept_answer_survives_the_process_and_is_stored_without_being_queued_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("crawl.db");
        let url = "http://example.org/a";
        {
            let mut store = Store::open(&path).unwrap();
            store.enqueue(&[found(url, UrlKind::Page), found("http://example.org/b", UrlKind::Page)]).unwrap();
            // A fetching thread keeps the answer on its own connection; then the process dies
            // before the article is stored (nothing else is committed).
            let journal = store.fetch_journal().unwrap().expect("a file database has a journal");
            let answer = NewFetch {
                url,
                final_url: "http://example.org/a?p=1",
                status: 200,
                content_type: Some("text/html; charset=windows-1252"),
                body: b"<html>caf\xe9</html>",
            };
            journal.keep(&answer).unwrap();
        }
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.pending_urls().unwrap(), [url]);
        let queued: Vec<String> = store.queued(10).unwrap().into_iter().map(|q| q.url).collect();
        assert_eq!(queued, ["http://example.org/b"], "a kept answer is not fetched again");
        assert_eq!(store.queued_per_host(10).unwrap().len(), 1);
        let pending = store.pending_fetch(url).unwrap().unwrap();
        assert_eq!((pending.host.as_str(), pending.status), ("example.org", 200));
        assert_eq!(pending.final_url, "http://example.org/a?p=1");
        assert_eq!(pending.content_type.as_deref(), Some("text/html; charset=windows-1252"));
        assert_eq!(pending.body, b"<html>caf\xe9</html>");
        assert_eq!(pending.fetched.len(), "2026-01-01T00:00:00Z".len());

        // Storing the page lets go of the kept answer in the same transaction.
        let run = store.begin_run(&["t"]).unwrap();
        let json = serde_json::json!({"id": "a1", "source": url, "title": "Caf\u{e9}", "text": "Caf\u{e9} opens."});
        let article = StoredArticle::from_json(json).unwrap();
        let done = FetchRecord {
            url: url.into(),
            state: UrlState::Done,
            status: Some(200),
            final_url: Some(pending.final_url.clone()),
            error: None,
            transient: false,
        };
        assert_eq!(store.record_page(run, &done, Some(&article), None).unwrap().added, 1);
        assert!(store.pending_urls().unwrap().is_empty());
        assert_eq!(store.pending_fetch(url).unwrap(), None);
        assert_eq!(store.crawl_stats().unwrap().articles, 1);
    }

    #[test]
    fn a_database_in_memory_has_no_journal_but_keeps_answers_itself() {
        let mut store = Store::open_in_memory().unwrap();
        assert!(store.fetch_journal().unwrap().is_none());
        store.enqueue(&[found("http://example.org/a", UrlKind::Page)]).unwrap();
        let answer = NewFetch {
            url: "http://example.org/a",
            final_url: "http://example.org/a",
            status: 200,
            content_type: None,
            body: b"",
        };
        store.keep_fetched(&answer).unwrap();
        assert_eq!(store.pending_urls().unwrap(), ["http://example.org/a"]);
        assert!(store.queued(10).unwrap().is_empty());
    }

    #[test]
    fn a_feed_keeps_its_validators_and_lists_new_urls_once() {
        let mut store = Store::open_in_memory().unwrap();
        store.enqueue(&[found("http://example.org/feed", UrlKind::Seed)]).unwrap();
        let fetch = FetchRecord {
            url: "http://example.org/feed".into(),
            state: UrlState::Done,
            status: Some(200),
            final_url: None,
            error: None,
            transient: false,
        };
        let update = FeedUpdate {
            kind: Some(UrlKind::Feed),
            etag: Some("\"v1\"".into()),
            entries: 2,
            poll_in_seconds: Some(0),
            ..Default::default()
        };
        let links = [found("http://example.org/a", UrlKind::Page), found("http://example.org/b", UrlKind::Page)];
        assert_eq!(store.record_source(&fetch, &update, &links).unwrap(), 2);
        assert_eq!(store.requeue_due_feeds().unwrap(), 1, "polled again at once");
        assert_eq!(store.record_source(&fetch, &FeedUpdate::default(), &links).unwrap(), 0);
        assert_eq!(store.validators("http://example.org/feed").unwrap().etag.as_deref(), Some("\"v1\""));
        let stats = store.crawl_stats().unwrap();
        assert_eq!((stats.urls, stats.queued, stats.done, stats.feeds), (3, 2, 1, 1));
        assert_eq!(store.crawl_sources().unwrap()[0].host, "example.org");
    }
}
