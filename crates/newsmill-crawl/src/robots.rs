//! robots.txt, read with `texting_robots` (the parser tested against Google's robots.txt
//! conformance suite): which paths the crawler may fetch, how long to wait between
//! requests (Crawl-delay) and the sitemaps the site declares.

use std::time::Duration;

/// A Crawl-delay longer than this is capped: a site asking for minutes between requests
/// would stall the crawl of its host for a day; it is still waited on at this pace.
pub const MAX_CRAWL_DELAY: Duration = Duration::from_secs(60);

/// What one host's robots.txt allows.
#[derive(Debug)]
pub struct Robots {
    rules: Rules,
    /// The Crawl-delay for our user agent (or `*`), capped at `MAX_CRAWL_DELAY` (one minute).
    pub crawl_delay: Option<Duration>,
    /// Sitemaps the file declares.
    pub sitemaps: Vec<String>,
}

#[derive(Debug)]
enum Rules {
    Parsed(Box<texting_robots::Robot>),
    AllowAll,
    DisallowAll,
}

impl Robots {
    /// The rules for `user_agent` from the answer to `/robots.txt`: a 2xx body is parsed;
    /// a 4xx (no robots.txt) allows everything; a 5xx or no answer forbids everything for
    /// now, as RFC 9309 says (the site may be down or overloaded).
    pub fn from_answer(status: Option<u16>, body: &[u8], user_agent: &str) -> Robots {
        match status {
            Some(200..=299) => Self::parse(body, user_agent),
            Some(400..=499) => Robots { rules: Rules::AllowAll, crawl_delay: None, sitemaps: Vec::new() },
            _ => Robots { rules: Rules::DisallowAll, crawl_delay: None, sitemaps: Vec::new() },
        }
    }

    /// Rules parsed from a robots.txt body; one that cannot be parsed allows everything
    /// (RFC 9309: a parser must accept what it can).
    pub fn parse(body: &[u8], user_agent: &str) -> Robots {
        // Matching uses the product token (`newsmill` of `newsmill/0.1 (+url)`).
        let token = user_agent.split(['/', ' ']).next().unwrap_or(user_agent);
        match texting_robots::Robot::new(token, body) {
            Ok(robot) => {
                let crawl_delay = robot
                    .delay
                    .filter(|d| d.is_finite() && *d > 0.0)
                    .map(|d| Duration::from_secs_f32(d).min(MAX_CRAWL_DELAY));
                let sitemaps = robot.sitemaps.clone();
                Robots { rules: Rules::Parsed(Box::new(robot)), crawl_delay, sitemaps }
            }
            Err(_) => Robots { rules: Rules::AllowAll, crawl_delay: None, sitemaps: Vec::new() },
        }
    }

    pub fn allowed(&self, url: &str) -> bool {
        match &self.rules {
            Rules::Parsed(robot) => robot.allowed(url),
            Rules::AllowAll => true,
            Rules::DisallowAll => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TXT: &[u8] = b"User-agent: *\nDisallow: /private/\nCrawl-delay: 0.5\n\nUser-agent: newsmill\nDisallow: /members/\nAllow: /members/open.html\nCrawl-delay: 2\n\nSitemap: http://news.example/sitemap.xml\n";

    #[test]
    fn our_group_applies_with_its_delay() {
        let r = Robots::parse(TXT, "newsmill/0.1 (+https://example.invalid)");
        assert!(!r.allowed("http://news.example/members/x.html"));
        assert!(r.allowed("http://news.example/members/open.html"));
        // Our own group replaces `*`'s rules.
        assert!(r.allowed("http://news.example/private/x.html"));
        assert_eq!(r.crawl_delay, Some(Duration::from_secs(2)));
        assert_eq!(r.sitemaps, ["http://news.example/sitemap.xml"]);
    }

    #[test]
    fn other_agents_get_the_star_group() {
        let r = Robots::parse(TXT, "otherbot");
        assert!(!r.allowed("http://news.example/private/x.html"));
        assert_eq!(r.crawl_delay, Some(Duration::from_millis(500)));
    }

    #[test]
    fn missing_file_allows_and_server_error_forbids() {
        assert!(Robots::from_answer(Some(404), b"", "newsmill").allowed("http://news.example/a"));
        assert!(!Robots::from_answer(Some(503), b"", "newsmill").allowed("http://news.example/a"));
        assert!(!Robots::from_answer(None, b"", "newsmill").allowed("http://news.example/a"));
    }

    #[test]
    fn a_huge_crawl_delay_is_capped() {
        let r = Robots::parse(b"User-agent: *\nCrawl-delay: 86400\n", "newsmill");
        assert_eq!(r.crawl_delay, Some(MAX_CRAWL_DELAY));
    }
}
