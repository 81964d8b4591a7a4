//! When to try again after a 429 or a 5xx: the server's `Retry-After` when it gives one
//! (seconds or an HTTP date), else exponential backoff.

use std::time::{Duration, SystemTime};

/// How many times one URL is tried in all before its failure is recorded.
pub const MAX_ATTEMPTS: u32 = 3;

/// A `Retry-After` longer than this is not waited for: the URL fails now and a later run
/// tries it again, instead of one host holding the crawl for hours.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(300);

/// Statuses worth another try: rate limited, or a server-side error that may pass.
pub fn is_retryable(status: u16) -> bool {
    status == 429 || (500..=599).contains(&status)
}

/// The wait a `Retry-After` value asks for, `now` being the time of the answer. A date in
/// the past means at once; a value that is neither form is ignored.
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// The wait before attempt `attempt + 1` (attempts count from 1): `base`, doubling.
pub fn backoff(base: Duration, attempt: u32) -> Duration {
    base.saturating_mul(1u32 << attempt.saturating_sub(1).min(10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        let now = httpdate::parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
        assert_eq!(parse_retry_after("120", now), Some(Duration::from_secs(120)));
        assert_eq!(parse_retry_after(" 0 ", now), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now), Some(Duration::from_secs(30)));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-5", now), None);
    }

    #[test]
    fn backoff_doubles_and_only_some_statuses_retry() {
        let base = Duration::from_millis(500);
        assert_eq!(backoff(base, 1), base);
        assert_eq!(backoff(base, 3), Duration::from_secs(2));
        assert!(is_retryable(429) && is_retryable(503) && !is_retryable(404) && !is_retryable(200));
    }
}
