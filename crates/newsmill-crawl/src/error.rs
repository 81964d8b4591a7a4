//! What can go wrong fetching one URL, and with the crawl as a whole.

use std::time::Duration;

/// Why one URL gave no usable answer. Recorded with the URL; the crawl goes on.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    #[error("{url}: robots.txt disallows it")]
    Disallowed { url: String },
    #[error("{url}: HTTP status {status}")]
    Status { url: String, status: u16 },
    #[error("{url}: more than {limit} redirects (a loop?)")]
    TooManyRedirects { url: String, limit: u32 },
    #[error("{url}: redirects to another host, {to}, which is queued in its place")]
    OffHost { url: String, to: url::Url },
    #[error("{url}: redirect to an address that is not http(s)")]
    BadRedirect { url: String },
    #[error("{url}: no complete answer within {limit:?}")]
    TimedOut { url: String, limit: Duration },
    #[error("{url}: body larger than the limit of {limit} bytes; not kept")]
    TooLarge { url: String, limit: u64 },
    #[error("{url}: HTTP status {status} and the server asks to wait {wait:?}; left for a later run")]
    RetryTooLate { url: String, status: u16, wait: Duration },
    #[error("{url}: {source}")]
    Transport { url: String, source: Box<ureq::Error> },
    #[error("cannot write the WARC archive: {source}")]
    Warc { source: std::io::Error },
    #[error("the WARC writer failed in another thread")]
    WarcPoisoned,
}

impl FetchError {
    /// An error that must stop the crawl: the archive the user asked for cannot be kept.
    pub fn is_fatal(&self) -> bool {
        matches!(self, FetchError::Warc { .. } | FetchError::WarcPoisoned)
    }

    /// A failure that may pass: worth trying again in a later run.
    pub fn is_transient(&self) -> bool {
        match self {
            FetchError::TimedOut { .. } | FetchError::RetryTooLate { .. } | FetchError::Transport { .. } => true,
            FetchError::Status { status, .. } => crate::backoff::is_retryable(*status),
            _ => false,
        }
    }

    /// The HTTP status of the last answer, when there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            FetchError::Status { status, .. } | FetchError::RetryTooLate { status, .. } => Some(*status),
            _ => None,
        }
    }
}

/// Why a crawl stopped before its end.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CrawlError {
    #[error(transparent)]
    Store(#[from] newsmill_store::StoreError),
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error("{seed} is neither a web address nor a readable file of addresses: {source}")]
    Seed { seed: String, source: std::io::Error },
    #[error("cannot open the WARC folder {}: {source}", dir.display())]
    WarcDir { dir: std::path::PathBuf, source: std::io::Error },
}
