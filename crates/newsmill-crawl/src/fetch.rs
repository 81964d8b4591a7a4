//! One host's fetcher: one connection, requests paced at the host's rate (or its
//! Crawl-delay, whichever is slower), robots.txt read first and obeyed, redirects followed
//! by hand (each hop checked against robots.txt and archived), 429 and 5xx retried after
//! `Retry-After` or a backoff, and every body read under a size limit and a time limit.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use ureq::Agent;
use ureq::http::header::{CONTENT_TYPE, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED, LOCATION, RETRY_AFTER};
use url::Url;

use crate::backoff::{MAX_ATTEMPTS, MAX_RETRY_AFTER, backoff, is_retryable, parse_retry_after};
use crate::error::FetchError;
use crate::robots::Robots;
use crate::warc::{Exchange, WarcWriter};

/// How requests are made; the crawl's [`crate::CrawlConfig`] fills it.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    pub user_agent: String,
    /// Least time between two requests to one host.
    pub interval: Duration,
    /// Whole-request time limit: connect, headers and body.
    pub timeout: Duration,
    pub max_body_bytes: u64,
    pub max_redirects: u32,
    /// The first retry's wait when the server gives no `Retry-After`; it doubles.
    pub retry_base: Duration,
}

/// A final answer (after redirects and retries).
#[derive(Debug)]
pub struct Fetched {
    /// Where redirects led.
    pub url: Url,
    pub status: u16,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub body: Vec<u8>,
}

/// Validators for a conditional GET.
#[derive(Debug, Clone, Default)]
pub struct Conditional {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// Fetches from one host, politely. Not shared between threads: one per host worker.
pub struct HostFetcher {
    agent: Agent,
    config: FetchConfig,
    warc: Option<Arc<Mutex<WarcWriter>>>,
    robots: Option<Robots>,
    next_request: Instant,
}

/// One response as read, before redirects and retries are decided.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl HostFetcher {
    pub fn new(config: FetchConfig, warc: Option<Arc<Mutex<WarcWriter>>>) -> HostFetcher {
        let agent: Agent = Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .max_redirects_will_error(false)
            .timeout_global(Some(config.timeout))
            .user_agent(config.user_agent.as_str())
            .max_idle_connections_per_host(1)
            .build()
            .into();
        HostFetcher { agent, config, warc, robots: None, next_request: Instant::now() }
    }

    /// This host's robots.txt (fetched on first use).
    pub fn robots(&mut self, any_url: &Url) -> &Robots {
        if self.robots.is_none() {
            let robots = self.load_robots(any_url);
            self.robots = Some(robots);
        }
        self.robots.get_or_insert_with(|| Robots::from_answer(Some(404), b"", ""))
    }

    fn load_robots(&mut self, any_url: &Url) -> Robots {
        let mut robots_url = any_url.clone();
        robots_url.set_path("/robots.txt");
        robots_url.set_query(None);
        robots_url.set_fragment(None);
        // robots.txt itself is not subject to robots.txt; its redirects are followed.
        let answer = self.follow(robots_url, &Conditional::default(), false);
        let robots = match &answer {
            Ok(f) => Robots::from_answer(Some(f.status), &f.body, &self.config.user_agent),
            Err(FetchError::Status { status, .. }) => Robots::from_answer(Some(*status), b"", &self.config.user_agent),
            Err(_) => Robots::from_answer(None, b"", &self.config.user_agent),
        };
        if let Some(delay) = robots.crawl_delay {
            self.config.interval = self.config.interval.max(delay);
        }
        robots
    }

    /// GETs `url`, following redirects (each checked against robots.txt) and retrying 429
    /// and 5xx. A final status other than 2xx and 304 is an error.
    pub fn get(&mut self, url: &Url, conditional: &Conditional) -> Result<Fetched, FetchError> {
        if !self.robots(url).allowed(url.as_str()) {
            return Err(FetchError::Disallowed { url: url.to_string() });
        }
        self.follow(url.clone(), conditional, true)
    }

    fn follow(&mut self, mut url: Url, conditional: &Conditional, obey_robots: bool) -> Result<Fetched, FetchError> {
        for _hop in 0..=self.config.max_redirects {
            let answer = self.with_retries(&url, conditional)?;
            let location = header(&answer.headers, LOCATION.as_str());
            if (300..400).contains(&answer.status) && answer.status != 304 {
                let Some(next) = location.and_then(|l| url.join(l).ok()) else {
                    return Err(FetchError::Status { url: url.to_string(), status: answer.status });
                };
                let next =
                    crate::normalize::normalize(&next).ok_or(FetchError::BadRedirect { url: url.to_string() })?;
                if obey_robots {
                    // Another host has its own robots.txt, pace and connection: its worker
                    // fetches the target.
                    if crate::normalize::host_key(&next) != crate::normalize::host_key(&url) {
                        return Err(FetchError::OffHost { url: url.to_string(), to: next });
                    }
                    if !self.robots.as_ref().is_none_or(|r| r.allowed(next.as_str())) {
                        return Err(FetchError::Disallowed { url: next.to_string() });
                    }
                }
                url = next;
                continue;
            }
            if !(200..300).contains(&answer.status) && answer.status != 304 {
                return Err(FetchError::Status { url: url.to_string(), status: answer.status });
            }
            return Ok(Fetched {
                status: answer.status,
                content_type: header(&answer.headers, CONTENT_TYPE.as_str()).map(str::to_string),
                etag: header(&answer.headers, ETAG.as_str()).map(str::to_string),
                last_modified: header(&answer.headers, LAST_MODIFIED.as_str()).map(str::to_string),
                body: answer.body,
                url,
            });
        }
        Err(FetchError::TooManyRedirects { url: url.to_string(), limit: self.config.max_redirects })
    }

    fn with_retries(&mut self, url: &Url, conditional: &Conditional) -> Result<Answer, FetchError> {
        let mut attempt = 1;
        loop {
            let answer = self.once(url, conditional)?;
            if !is_retryable(answer.status) || attempt >= MAX_ATTEMPTS {
                return Ok(answer);
            }
            let asked =
                header(&answer.headers, RETRY_AFTER.as_str()).and_then(|v| parse_retry_after(v, SystemTime::now()));
            let wait = asked.unwrap_or_else(|| backoff(self.config.retry_base, attempt));
            if wait > MAX_RETRY_AFTER {
                return Err(FetchError::RetryTooLate { url: url.to_string(), status: answer.status, wait });
            }
            // The next request waits for the pace and for what the server asked, whichever is later.
            self.next_request = self.next_request.max(Instant::now() + wait);
            attempt += 1;
        }
    }

    /// One request, sent when the host's pace allows, its exchange archived. The pace
    /// counts from the end of the previous answer, so the host never sees two requests
    /// closer than the interval, however long the answers take to arrive.
    fn once(&mut self, url: &Url, conditional: &Conditional) -> Result<Answer, FetchError> {
        let now = Instant::now();
        if self.next_request > now {
            std::thread::sleep(self.next_request - now);
        }
        let answer = self.exchange(url, conditional);
        self.next_request = Instant::now() + self.config.interval;
        answer
    }

    fn exchange(&mut self, url: &Url, conditional: &Conditional) -> Result<Answer, FetchError> {
        let mut request = self.agent.get(url.as_str());
        let mut request_head = request_head(url, &self.config.user_agent);
        if let Some(etag) = &conditional.etag {
            request = request.header(IF_NONE_MATCH, etag.as_str());
            request_head.push_str(&format!("If-None-Match: {etag}\r\n"));
        }
        if let Some(since) = &conditional.last_modified {
            request = request.header(IF_MODIFIED_SINCE, since.as_str());
            request_head.push_str(&format!("If-Modified-Since: {since}\r\n"));
        }
        let mut response = request.call().map_err(|e| from_ureq(url, e, &self.config))?;
        let status = response.status().as_u16();
        let headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .map(|(k, v)| (k.as_str().to_string(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
            .collect();
        let status_line =
            format!("{:?} {} {}", response.version(), status, response.status().canonical_reason().unwrap_or(""));
        let read = response.body_mut().with_config().limit(self.config.max_body_bytes).read_to_vec();
        let (body, error) = match read {
            Ok(body) => (body, None),
            Err(e) => (Vec::new(), Some(from_ureq(url, e, &self.config))),
        };
        if let Some(warc) = &self.warc {
            let truncated = matches!(error, Some(FetchError::TooLarge { .. }));
            let exchange = Exchange {
                target_uri: url.as_str(),
                request_head,
                status_line,
                headers: headers.clone(),
                body: &body,
                truncated,
            };
            let mut writer = warc.lock().map_err(|_| FetchError::WarcPoisoned)?;
            writer.write_exchange(&exchange).map_err(|source| FetchError::Warc { source })?;
        }
        match error {
            Some(e) => Err(e),
            None => Ok(Answer { status, headers, body }),
        }
    }
}

/// The request as archived: what ureq sends for a GET.
fn request_head(url: &Url, user_agent: &str) -> String {
    let target = match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_string(),
    };
    format!(
        "GET {target} HTTP/1.1\r\nHost: {}\r\nUser-Agent: {user_agent}\r\nAccept: */*\r\nAccept-Encoding: gzip\r\n",
        crate::normalize::host_key(url)
    )
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

/// The fetch error a transport error of `url` is, in this configuration's terms.
fn from_ureq(url: &url::Url, e: ureq::Error, config: &FetchConfig) -> FetchError {
    let url = url.to_string();
    match e {
        ureq::Error::Timeout(_) => FetchError::TimedOut { url, limit: config.timeout },
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge { url, limit: config.max_body_bytes },
        other => FetchError::Transport { url, source: Box::new(other) },
    }
}
