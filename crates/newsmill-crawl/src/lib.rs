//! # newsmill-crawl
//!
//! Collects news for a corpus: reads feeds (RSS 2.0, Atom, RDF) and sitemaps (plain, index,
//! Google News), discovers them from a site's home page and robots.txt, fetches the
//! article pages politely (robots.txt and Crawl-delay obeyed, one connection and a rate per
//! host, retries after 429 and 5xx, limits on redirects, size and time), and sends them
//! through the same [`newsmill::Pipeline`] and store writes as `newsmill ingest`.
//!
//! The main type is [`Crawler`]. Data flow:
//!
//! ```text
//! seeds ─▶ frontier (store: crawl_urls) ─▶ host workers (HostFetcher: robots, pace, retries)
//!            ▲                                  │ responses (and WARC records)
//!            └── listing: feeds, sitemaps ◀─────┤
//!                                               └─▶ Pipeline ─▶ store (article + URL state, one commit)
//! ```
//!
//! The frontier and each feed's state live in the corpus database, so a crawl killed at any
//! moment is resumed by running it again, and a stored page is never fetched twice.
//!
//! ```no_run
//! use std::sync::{Arc, atomic::AtomicBool};
//! use newsmill_crawl::{CrawlConfig, Crawler};
//!
//! let store = newsmill_store::Store::open("news.db".as_ref())?;
//! let pipeline = newsmill::Pipeline::new(newsmill::Options::default())?;
//! let mut crawler = Crawler::new(CrawlConfig::default(), store, pipeline)?;
//! let summary = crawler.run(&["https://news.example/feed.xml".to_string()], &Arc::new(AtomicBool::new(false)), &|_| {})?;
//! println!("{} articles added", summary.outcome.added);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod backoff;
mod crawler;
mod discover;
mod error;
mod fetch;
mod listing;
mod normalize;
mod robots;
mod warc;

pub use backoff::{is_retryable, parse_retry_after};
pub use crawler::{CrawlConfig, CrawlSummary, Crawler, Event};
pub use discover::feed_links;
pub use error::{CrawlError, FetchError};
pub use fetch::{Conditional, FetchConfig, Fetched, HostFetcher};
pub use listing::{Entry, Listing, ListingKind, iso_date, parse_listing};
pub use normalize::{host_key, normalize, resolve};
pub use robots::Robots;
pub use warc::{DEFAULT_MAX_FILE_BYTES, Exchange, WarcWriter};
