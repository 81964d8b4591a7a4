//! The crawl loop. One thread owns the store and the pipeline: it takes queued URLs from
//! the frontier, hands each to its host's worker thread (one per host, so hosts are crawled
//! side by side and each at its own pace), and handles what comes back: a listing's links
//! go into the frontier, a page goes through the pipeline, and each result is committed with
//! the URL's new state in one transaction. A worker keeps each page's answer in the database
//! the moment it arrives (its own transaction, on its own connection), so a crawl killed before
//! the page's article is stored stores it on the next run from what was kept, without asking
//! the site again.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use newsmill::{ContentKind, Pipeline, RawDoc};
use newsmill_store::{
    BatchOutcome, FeedUpdate, FetchJournal, FetchRecord, FoundUrl, NewFetch, QueuedUrl, RunId, Store, StoreError,
    StoredArticle, UrlKind, UrlState,
};
use url::Url;

use crate::error::{CrawlError, FetchError};
use crate::fetch::{Conditional, FetchConfig, Fetched, HostFetcher};
use crate::listing::{ListingKind, parse_listing};
use crate::normalize::{host_key, resolve};
use crate::warc::WarcWriter;

/// What a crawl does; every field has a documented default.
#[derive(Debug, Clone)]
pub struct CrawlConfig {
    /// Sent with every request; its first word is matched against robots.txt groups.
    pub user_agent: String,
    /// Requests per second to one host (default 1); a slower Crawl-delay wins.
    pub rate_per_host: f64,
    /// Whole-request time limit (default 30 s).
    pub timeout: Duration,
    /// Largest body read (default 10 MiB); a larger one is cut and refused.
    pub max_body_bytes: u64,
    /// Redirects followed per URL (default 5).
    pub max_redirects: u32,
    /// First retry wait without `Retry-After` (default 1 s, doubling).
    pub retry_base: Duration,
    /// Poll the feeds again this often until stopped; `None`: one pass.
    pub every: Option<Duration>,
    /// Skip listed entries dated before this day (`YYYY-MM-DD`); undated ones are kept.
    pub since: Option<String>,
    /// Stop after fetching this many article pages in this run.
    pub max_pages: Option<u64>,
    /// Write every exchange to WARC files in this folder, rotated at the given size.
    pub warc: Option<(PathBuf, u64)>,
    /// Article pages handed to one host's worker ahead of time (default 4).
    pub host_window: usize,
    /// Hosts crawled at once, one thread each (default 32); an idle host's worker is
    /// retired to make room for another.
    pub max_hosts: usize,
}

impl Default for CrawlConfig {
    fn default() -> Self {
        CrawlConfig {
            user_agent: format!("newsmill/{} (+https://example.invalid/newsmill)", env!("CARGO_PKG_VERSION")),
            rate_per_host: 1.0,
            timeout: Duration::from_secs(30),
            max_body_bytes: 10 << 20,
            max_redirects: 5,
            retry_base: Duration::from_secs(1),
            every: None,
            since: None,
            max_pages: None,
            warc: None,
            host_window: 4,
            max_hosts: 32,
        }
    }
}

/// What a run did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct CrawlSummary {
    /// Articles stored, unchanged and failed (as `ingest` counts them).
    #[serde(flatten)]
    pub outcome: BatchOutcome,
    /// URLs fetched (pages, feeds, sitemaps, robots.txt not counted).
    pub fetched: u64,
    /// URLs whose fetch failed (recorded with their reason).
    pub fetch_failures: u64,
    /// URLs robots.txt kept us from.
    pub disallowed: u64,
    /// New URLs the listings gave.
    pub discovered: u64,
    pub seconds: f64,
}

/// Something the caller may want to show.
#[derive(Debug)]
pub enum Event<'a> {
    /// A URL failed; the crawl goes on.
    Failed { url: &'a str, reason: &'a str },
    /// The totals so far, after each handled URL.
    Progress(&'a CrawlSummary),
    /// Waiting for the next poll.
    Waiting(Duration),
}

/// One URL for a host worker.
struct Task {
    queued: QueuedUrl,
    conditional: Conditional,
}

/// A worker's answer for one task.
struct Done {
    queued: QueuedUrl,
    result: Result<Fetched, FetchError>,
    /// The host's robots.txt sitemaps, for a seed (a home page announces its sitemaps there).
    robots_sitemaps: Vec<String>,
    /// A page's answer could not be kept: the crawl stops rather than go on without its
    /// guarantee (the answer is then fetched again by the next run).
    not_kept: Option<StoreError>,
}

struct Worker {
    tasks: Sender<Task>,
    handle: JoinHandle<()>,
    pending: usize,
}

/// A crawl over one corpus database.
pub struct Crawler {
    config: CrawlConfig,
    store: Store,
    pipeline: Pipeline,
    warc: Option<Arc<Mutex<WarcWriter>>>,
}

impl Crawler {
    pub fn new(config: CrawlConfig, store: Store, pipeline: Pipeline) -> Result<Crawler, CrawlError> {
        let warc = match &config.warc {
            Some((dir, max)) => {
                let software = format!("newsmill/{} crawl", env!("CARGO_PKG_VERSION"));
                let writer = WarcWriter::new(dir, *max, &software)
                    .map_err(|source| CrawlError::WarcDir { dir: dir.clone(), source })?;
                Some(Arc::new(Mutex::new(writer)))
            }
            None => None,
        };
        Ok(Crawler { config, store, pipeline, warc })
    }

    /// The store, for reading what the crawl did.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Crawls from `seeds` (web addresses, or files listing them one a line) until the
    /// frontier is empty, or with `every` until `stop` is set. URLs stored by an earlier run
    /// are not fetched again; its seeds, feeds and sitemaps are polled again (conditionally).
    pub fn run(
        &mut self,
        seeds: &[String],
        stop: &Arc<AtomicBool>,
        notify: &dyn Fn(Event),
    ) -> Result<CrawlSummary, CrawlError> {
        let seed_urls = read_seeds(seeds)?;
        self.store.enqueue(&seed_urls)?;
        self.store.requeue_sources()?;
        let run = self.store.begin_run(seeds)?;
        let mut kept = CrawlSummary::default();
        let resumed = self.store_kept_answers(run, &mut kept, notify);
        if let Err(e) = resumed {
            self.store.finish_run(run)?;
            return Err(e);
        }
        let (results_tx, results) = mpsc::channel::<Done>();
        let mut state = Loop {
            run,
            workers: HashMap::new(),
            in_flight: HashSet::new(),
            pages: 0,
            summary: kept,
            started: Instant::now(),
            last_dispatch: Instant::now(),
            retired: Vec::new(),
        };
        let result = self.crawl_loop(&mut state, &results_tx, &results, stop, notify);
        // Stop the workers, then keep what they already fetched.
        let workers = std::mem::take(&mut state.workers).into_values().map(|w| (w.handle, Some(w.tasks)));
        for (handle, tasks) in workers.chain(state.retired.drain(..).map(|h| (h, None))).collect::<Vec<_>>() {
            drop(tasks);
            let _ = handle.join();
        }
        drop(results_tx);
        let mut drained = Ok(());
        for done in results.try_iter() {
            if drained.is_ok() {
                drained = self.handle(run, done, &mut state.summary, notify);
            }
        }
        self.store.finish_run(run)?;
        state.summary.seconds = state.started.elapsed().as_secs_f64();
        result.and(drained)?;
        Ok(state.summary)
    }

    fn crawl_loop(
        &mut self,
        state: &mut Loop,
        results_tx: &Sender<Done>,
        results: &Receiver<Done>,
        stop: &Arc<AtomicBool>,
        notify: &dyn Fn(Event),
    ) -> Result<(), CrawlError> {
        while !stop.load(Ordering::Relaxed) {
            self.dispatch(state, results_tx, stop)?;
            if state.in_flight.is_empty() {
                let Some(every) = self.config.every else { break };
                if state.limit_reached(&self.config) {
                    break;
                }
                self.wait_for_poll(every, stop, notify)?;
                continue;
            }
            match results.recv_timeout(DISPATCH_EVERY) {
                Ok(done) => {
                    if let Some(w) = state.workers.get_mut(&done.queued.host) {
                        w.pending = w.pending.saturating_sub(1);
                    }
                    state.in_flight.remove(&done.queued.url);
                    // --max-pages counts pages fetched: one robots.txt kept us from is not.
                    if done.queued.kind == UrlKind::Page && matches!(done.result, Err(FetchError::Disallowed { .. })) {
                        state.pages = state.pages.saturating_sub(1);
                    }
                    self.handle(state.run, done, &mut state.summary, notify)?;
                    state.summary.seconds = state.started.elapsed().as_secs_f64();
                    notify(Event::Progress(&state.summary));
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        Ok(())
    }

    /// Hands queued URLs to their hosts' workers, up to each worker's window.
    fn dispatch(
        &mut self,
        state: &mut Loop,
        results_tx: &Sender<Done>,
        stop: &Arc<AtomicBool>,
    ) -> Result<(), CrawlError> {
        // Reading the frontier costs a scan of the queue: not more often than this while
        // fetches are in flight (a host's pace is far slower anyway).
        if !state.in_flight.is_empty() && state.last_dispatch.elapsed() < DISPATCH_EVERY {
            return Ok(());
        }
        state.last_dispatch = Instant::now();
        let window = self.config.host_window.max(1);
        for queued in self.store.queued_per_host(window + 1)? {
            if state.in_flight.contains(&queued.url) {
                continue;
            }
            if queued.kind == UrlKind::Page && state.limit_reached(&self.config) {
                continue;
            }
            if !state.workers.contains_key(&queued.host) && !state.room_for_a_host(self.config.max_hosts) {
                continue;
            }
            if !state.workers.contains_key(&queued.host) {
                let journal = self.store.fetch_journal()?;
                let worker =
                    spawn_worker(self.fetch_config(), self.warc.clone(), journal, results_tx.clone(), stop.clone());
                state.workers.insert(queued.host.clone(), worker);
            }
            let Some(worker) = state.workers.get_mut(&queued.host) else { continue };
            if worker.pending >= window {
                continue;
            }
            let conditional = if queued.kind == UrlKind::Page {
                Conditional::default()
            } else {
                let v = self.store.validators(&queued.url)?;
                Conditional { etag: v.etag, last_modified: v.last_modified }
            };
            if queued.kind == UrlKind::Page {
                state.pages += 1;
            }
            state.in_flight.insert(queued.url.clone());
            if worker.tasks.send(Task { queued, conditional }).is_ok() {
                worker.pending += 1;
            }
        }
        Ok(())
    }

    fn fetch_config(&self) -> FetchConfig {
        let rate = if self.config.rate_per_host.is_finite() && self.config.rate_per_host > 0.0 {
            self.config.rate_per_host
        } else {
            1.0
        };
        FetchConfig {
            user_agent: self.config.user_agent.clone(),
            interval: Duration::from_secs_f64(1.0 / rate),
            timeout: self.config.timeout,
            max_body_bytes: self.config.max_body_bytes,
            max_redirects: self.config.max_redirects,
            retry_base: self.config.retry_base,
        }
    }

    /// Sleeps until the next feed poll is due (or `stop`), then queues the due feeds.
    fn wait_for_poll(&mut self, every: Duration, stop: &AtomicBool, notify: &dyn Fn(Event)) -> Result<(), CrawlError> {
        let wait = self.store.seconds_to_next_poll()?.map_or(every, Duration::from_secs_f64).min(every);
        notify(Event::Waiting(wait));
        let until = Instant::now() + wait;
        while Instant::now() < until && !stop.load(Ordering::Relaxed) {
            std::thread::sleep((until - Instant::now()).min(Duration::from_millis(200)));
        }
        self.store.requeue_due_feeds()?;
        Ok(())
    }

    /// Records one worker's answer: a page's article, a listing's links, or the failure.
    fn handle(
        &mut self,
        run: RunId,
        done: Done,
        s: &mut CrawlSummary,
        notify: &dyn Fn(Event),
    ) -> Result<(), CrawlError> {
        if let Some(e) = done.not_kept {
            return Err(e.into());
        }
        let queued = done.queued;
        let fetched = match done.result {
            Ok(fetched) => fetched,
            Err(e) if e.is_fatal() => return Err(e.into()),
            Err(FetchError::OffHost { to, .. }) => {
                let rec = record(&queued.url, UrlState::Done, None, Some(to.to_string()), None);
                let target = FoundUrl {
                    host: host_key(&to),
                    url: to.into(),
                    kind: queued.kind,
                    found_in: Some(queued.url.clone()),
                    listed_title: None,
                    listed_published: queued.listed_published.clone(),
                };
                s.discovered += self.store.record_redirect(&rec, &target)? as u64;
                return Ok(());
            }
            Err(FetchError::Disallowed { .. }) => {
                s.disallowed += 1;
                let record = record(&queued.url, UrlState::Disallowed, None, None, None);
                return self.record_failure(run, &queued, &record);
            }
            Err(e) => {
                s.fetch_failures += 1;
                let reason = e.to_string();
                notify(Event::Failed { url: &queued.url, reason: &reason });
                let mut record = record(&queued.url, UrlState::Failed, e.status(), None, Some(reason));
                record.transient = e.is_transient();
                return self.record_failure(run, &queued, &record);
            }
        };
        s.fetched += 1;
        let final_url = (fetched.url.as_str() != queued.url).then(|| fetched.url.to_string());
        match queued.kind {
            UrlKind::Page => {
                let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
                let outcome = self.store_page(run, &queued, fetched, final_url, now, notify)?;
                s.outcome += outcome;
                Ok(())
            }
            _ => {
                s.discovered += self.read_listing(&queued, fetched, final_url, &done.robots_sitemaps)? as u64;
                Ok(())
            }
        }
    }

    fn record_failure(&mut self, run: RunId, queued: &QueuedUrl, record: &FetchRecord) -> Result<(), CrawlError> {
        if queued.kind == UrlKind::Page {
            let failure = record
                .error
                .as_ref()
                .map(|reason| newsmill_store::Failure { source: queued.url.clone(), reason: reason.clone() });
            self.store.record_page(run, record, None, failure.as_ref())?;
        } else {
            let update = FeedUpdate { poll_in_seconds: self.poll_seconds(), ..FeedUpdate::default() };
            self.store.record_source(record, &update, &[])?;
        }
        Ok(())
    }

    /// An article page: HTML only goes to the pipeline; the article and the URL's state are
    /// committed together.
    fn store_page(
        &mut self,
        run: RunId,
        queued: &QueuedUrl,
        fetched: Fetched,
        final_url: Option<String>,
        fetched_at: String,
        notify: &dyn Fn(Event),
    ) -> Result<BatchOutcome, CrawlError> {
        let fail = |reason: String| {
            notify(Event::Failed { url: &queued.url, reason: &reason });
            let failure = newsmill_store::Failure { source: queued.url.clone(), reason: reason.clone() };
            (record(&queued.url, UrlState::Failed, Some(fetched.status), final_url.clone(), Some(reason)), failure)
        };
        if !is_html(fetched.content_type.as_deref(), &fetched.body) {
            let kind = fetched.content_type.as_deref().unwrap_or("no content type");
            let (rec, failure) = fail(format!("not an HTML page ({kind}); not extracted"));
            return Ok(self.store.record_page(run, &rec, None, Some(&failure))?);
        }
        let raw = RawDoc {
            source: queued.url.clone(),
            url: Some(fetched.url.to_string()),
            fetched: Some(fetched_at),
            charset_hint: fetched.content_type.as_deref().and_then(charset_of),
            kind_hint: Some(ContentKind::Html),
            bytes: fetched.body,
        };
        let article = self.pipeline.process(&raw).map_err(|e| e.kind().to_string()).and_then(|mut article| {
            // The page's own date stays; a page that gives none takes its listing's, with
            // `date_source` left empty (the listing's date is kept in crawl_urls as evidence).
            if article.doc.published.is_none() {
                article.doc.published = queued.listed_published.clone();
            }
            StoredArticle::from_article(article).map_err(|e| format!("cannot serialise the article: {e}"))
        });
        match article {
            Ok(article) => {
                let rec = record(&queued.url, UrlState::Done, Some(fetched.status), final_url, None);
                Ok(self.store.record_page(run, &rec, Some(&article), None)?)
            }
            Err(reason) => {
                let (rec, failure) = fail(reason);
                Ok(self.store.record_page(run, &rec, None, Some(&failure))?)
            }
        }
    }

    /// Stores the pages whose answer a stopped run kept but did not store, without a
    /// request: each is extracted and committed as if it had just arrived.
    fn store_kept_answers(
        &mut self,
        run: RunId,
        s: &mut CrawlSummary,
        notify: &dyn Fn(Event),
    ) -> Result<(), CrawlError> {
        for url in self.store.pending_urls()? {
            let Some(kept) = self.store.pending_fetch(&url)? else { continue };
            let queued = QueuedUrl {
                url: kept.url,
                host: kept.host,
                kind: UrlKind::Page,
                listed_published: kept.listed_published,
            };
            // The addresses were parsed when fetched; one that no longer parses is recorded
            // as a failure (which lets go of it) rather than stopping the crawl.
            let Ok(address) = Url::parse(&kept.final_url).or_else(|_| Url::parse(&queued.url)) else {
                let reason = format!("kept answer with an unreadable address {:?}", kept.final_url);
                notify(Event::Failed { url: &queued.url, reason: &reason });
                let failure = newsmill_store::Failure { source: queued.url.clone(), reason: reason.clone() };
                let rec = record(&queued.url, UrlState::Failed, Some(kept.status), None, Some(reason));
                s.outcome += self.store.record_page(run, &rec, None, Some(&failure))?;
                continue;
            };
            let final_url = (address.as_str() != queued.url).then(|| address.to_string());
            let fetched = Fetched {
                url: address,
                status: kept.status,
                content_type: kept.content_type,
                etag: None,
                last_modified: None,
                body: kept.body,
            };
            s.outcome += self.store_page(run, &queued, fetched, final_url, kept.fetched, notify)?;
            notify(Event::Progress(s));
        }
        Ok(())
    }

    /// A seed, feed or sitemap: its entries (or, for a home page, the feeds it announces and
    /// its robots.txt sitemaps) go into the frontier with the feed's validators.
    fn read_listing(
        &mut self,
        queued: &QueuedUrl,
        fetched: Fetched,
        final_url: Option<String>,
        robots_sitemaps: &[String],
    ) -> Result<usize, CrawlError> {
        let base = fetched.url.clone();
        let mut update = FeedUpdate {
            kind: None,
            etag: fetched.etag.clone(),
            last_modified: fetched.last_modified.clone(),
            entries: 0,
            poll_in_seconds: self.poll_seconds(),
        };
        let mut rec = record(&queued.url, UrlState::Done, Some(fetched.status), final_url, None);
        if fetched.status == 304 {
            return Ok(self.store.record_source(&rec, &update, &[])?);
        }
        let body = gunzip_if_gzip(&fetched.body, self.config.max_body_bytes);
        let found = if let Some(listing) = parse_listing(&body, &base) {
            let kind = if listing.kind == ListingKind::Feed { UrlKind::Feed } else { UrlKind::Sitemap };
            let entry_kind = if listing.kind == ListingKind::SitemapIndex { UrlKind::Sitemap } else { UrlKind::Page };
            update.kind = Some(kind);
            update.entries = listing.entries.len() as u64;
            rec.error = listing.error.clone();
            listing
                .entries
                .into_iter()
                .filter(|e| entry_kind != UrlKind::Page || self.recent_enough(e.published.as_deref()))
                .map(|e| FoundUrl {
                    host: host_key(&e.url),
                    url: e.url.into(),
                    kind: entry_kind,
                    found_in: Some(queued.url.clone()),
                    listed_title: e.title,
                    listed_published: e.published,
                })
                .collect()
        } else if queued.kind == UrlKind::Seed && is_html(fetched.content_type.as_deref(), &body) {
            let html = String::from_utf8_lossy(&body);
            let mut found: Vec<FoundUrl> = crate::discover::feed_links(&html, &base)
                .into_iter()
                .map(|u| seed_found(u, UrlKind::Seed, Some(&queued.url)))
                .collect();
            found.extend(
                robots_sitemaps
                    .iter()
                    .filter_map(|s| resolve(Some(&base), s))
                    .map(|u| seed_found(u, UrlKind::Sitemap, Some(&queued.url))),
            );
            update.entries = found.len() as u64;
            found
        } else {
            rec.state = UrlState::Failed;
            rec.error = Some("neither a feed, a sitemap nor an HTML home page".into());
            Vec::new()
        };
        Ok(self.store.record_source(&rec, &update, &found)?)
    }

    fn poll_seconds(&self) -> Option<u64> {
        self.config.every.map(|e| e.as_secs().max(1))
    }

    fn recent_enough(&self, published: Option<&str>) -> bool {
        match (&self.config.since, published) {
            (Some(since), Some(p)) => p.get(..10).unwrap_or(p) >= since.as_str(),
            _ => true,
        }
    }
}

/// The loop's bookkeeping.
struct Loop {
    run: RunId,
    workers: HashMap<String, Worker>,
    in_flight: HashSet<String>,
    /// Article pages handed out this run.
    pages: u64,
    summary: CrawlSummary,
    started: Instant,
    last_dispatch: Instant,
    /// Workers of idle hosts let go to make room: joined at the end.
    retired: Vec<JoinHandle<()>>,
}

/// How often the frontier is read while fetches are in flight.
const DISPATCH_EVERY: Duration = Duration::from_millis(50);

impl Loop {
    /// Whether another host may start: under the cap, or after retiring an idle worker.
    fn room_for_a_host(&mut self, max_hosts: usize) -> bool {
        if self.workers.len() < max_hosts.max(1) {
            return true;
        }
        let idle = self.workers.iter().find(|(_, w)| w.pending == 0).map(|(h, _)| h.clone());
        match idle.and_then(|host| self.workers.remove(&host)) {
            Some(worker) => {
                drop(worker.tasks); // its thread ends when its inbox closes
                self.retired.push(worker.handle);
                true
            }
            None => false,
        }
    }

    fn limit_reached(&self, config: &CrawlConfig) -> bool {
        config.max_pages.is_some_and(|max| self.pages >= max)
    }
}

fn spawn_worker(
    config: FetchConfig,
    warc: Option<Arc<Mutex<WarcWriter>>>,
    journal: Option<FetchJournal>,
    results: Sender<Done>,
    stop: Arc<AtomicBool>,
) -> Worker {
    let (tasks, inbox) = mpsc::channel::<Task>();
    let handle = std::thread::spawn(move || {
        let mut fetcher = HostFetcher::new(config, warc);
        for task in inbox {
            if stop.load(Ordering::Relaxed) {
                break; // left queued in the database for the next run
            }
            let result = Url::parse(&task.queued.url)
                .map_err(|_| FetchError::BadRedirect { url: task.queued.url.clone() })
                .and_then(|url| fetcher.get(&url, &task.conditional));
            // Kept here, not by the loop: the loop may be busy extracting other pages while
            // this answer waits for it, and a kill then must not lose it.
            let not_kept = match (&result, &journal) {
                (Ok(fetched), Some(journal)) if task.queued.kind == UrlKind::Page => journal
                    .keep(&NewFetch {
                        url: &task.queued.url,
                        final_url: fetched.url.as_str(),
                        status: fetched.status,
                        content_type: fetched.content_type.as_deref(),
                        body: &fetched.body,
                    })
                    .err(),
                _ => None,
            };
            let robots_sitemaps = if task.queued.kind == UrlKind::Seed {
                Url::parse(&task.queued.url).map(|u| fetcher.robots(&u).sitemaps.clone()).unwrap_or_default()
            } else {
                Vec::new()
            };
            if results.send(Done { queued: task.queued, result, robots_sitemaps, not_kept }).is_err() {
                break;
            }
        }
    });
    Worker { tasks, handle, pending: 0 }
}

/// Seeds as frontier rows: web addresses as given, files read one address a line (`#`
/// starts a comment).
fn read_seeds(seeds: &[String]) -> Result<Vec<FoundUrl>, CrawlError> {
    let mut found = Vec::new();
    for seed in seeds {
        if let Some(url) = resolve(None, seed) {
            found.push(seed_found(url, UrlKind::Seed, None));
            continue;
        }
        let text = std::fs::read_to_string(seed).map_err(|source| CrawlError::Seed { seed: seed.clone(), source })?;
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            match resolve(None, line) {
                Some(url) => found.push(seed_found(url, UrlKind::Seed, None)),
                None => {
                    let source = std::io::Error::new(std::io::ErrorKind::InvalidData, format!("bad address {line:?}"));
                    return Err(CrawlError::Seed { seed: seed.clone(), source });
                }
            }
        }
    }
    Ok(found)
}

fn seed_found(url: Url, kind: UrlKind, found_in: Option<&str>) -> FoundUrl {
    FoundUrl {
        host: host_key(&url),
        url: url.into(),
        kind,
        found_in: found_in.map(str::to_string),
        listed_title: None,
        listed_published: None,
    }
}

fn record(
    url: &str,
    state: UrlState,
    status: Option<u16>,
    final_url: Option<String>,
    error: Option<String>,
) -> FetchRecord {
    FetchRecord { url: url.to_string(), state, status, final_url, error, transient: false }
}

/// HTML by its declared type, or, when none is declared, by its first bytes.
fn is_html(content_type: Option<&str>, body: &[u8]) -> bool {
    match content_type.map(|c| c.to_ascii_lowercase()) {
        Some(c) if !c.trim().is_empty() => c.contains("text/html") || c.contains("application/xhtml"),
        _ => {
            let head = String::from_utf8_lossy(&body[..body.len().min(512)]).to_ascii_lowercase();
            head.contains("<html") || head.contains("<!doctype html")
        }
    }
}

fn charset_of(content_type: &str) -> Option<String> {
    let lower = content_type.to_ascii_lowercase();
    let value = lower.split("charset=").nth(1)?;
    let value = value.split(';').next()?.trim().trim_matches(['"', '\'']);
    (!value.is_empty()).then(|| value.to_string())
}

/// A `.xml.gz` sitemap served as it is (not as a Content-Encoding): its bytes start with
/// gzip's magic. Decompressed up to `limit` bytes.
fn gunzip_if_gzip(body: &[u8], limit: u64) -> std::borrow::Cow<'_, [u8]> {
    use std::io::Read;
    if !body.starts_with(&[0x1f, 0x8b]) {
        return body.into();
    }
    let mut out = Vec::new();
    let read = flate2::read::MultiGzDecoder::new(body).take(limit).read_to_end(&mut out);
    match read {
        Ok(_) => out.into(),
        Err(_) if !out.is_empty() => out.into(),
        Err(_) => body.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_by_type_or_by_sniffing() {
        assert!(is_html(Some("text/html; charset=Shift_JIS"), b""));
        assert!(!is_html(Some("application/pdf"), b"<html>"));
        assert!(is_html(None, b"  <!DOCTYPE html><html>"));
        assert!(!is_html(None, b"%PDF-1.4"));
        assert_eq!(charset_of("text/html; Charset=\"windows-1252\"").as_deref(), Some("windows-1252"));
        assert_eq!(charset_of("text/html"), None);
    }

    #[test]
    fn gzip_sitemaps_are_opened() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<urlset/>").unwrap();
        let bytes = gz.finish().unwrap();
        assert_eq!(&*gunzip_if_gzip(&bytes, 1 << 20), b"<urlset/>");
        assert_eq!(&*gunzip_if_gzip(b"<urlset/>", 1 << 20), b"<urlset/>");
    }
}
