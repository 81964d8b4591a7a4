//! `newsmill crawl`: collect news from feeds, sitemaps and home pages into a corpus
//! database, politely, resumably, and optionally into WARC files.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Context;
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsmill_crawl::{CrawlConfig, CrawlSummary, Crawler, Event};
use newsmill_store::Store;

/// Crawl news sites: feeds, sitemaps and home pages into a corpus database.
///
/// A SEED is a feed (RSS 2.0, Atom, RDF), a sitemap (plain, index, or Google News), a
/// site's home page (its `<link rel="alternate">` feeds and its robots.txt sitemaps are
/// read), or a file listing such addresses one a line. The article pages they list go
/// through the same extraction, analysis and store as `ingest`; the title and date each
/// listing gave are kept beside the article as evidence (a page that gives no date takes
/// its listing's).
///
/// It is polite: robots.txt (and its Crawl-delay) is obeyed, one connection and at most
/// --rate requests per second go to each host, 429 and 5xx are retried after Retry-After or
/// a backoff, feeds are fetched conditionally (ETag, Last-Modified), and redirects, body size
/// and time per request are limited. Hosts are crawled side by side. Links are normalised
/// (fragment and tracking parameters dropped) before deciding what is new.
///
/// The frontier and each feed's state live in the database: a crawl that was killed is
/// resumed by running the same command, without fetching a stored page again. With
/// --every, the feeds are polled again at that interval until Ctrl-C. With --warc, every
/// request and response is also written to WARC/1.1 files that `newsmill ingest DIR` and
/// standard WARC tools read.
///
/// Example: newsmill crawl https://news.example/feed.xml --db newsmill.db --warc warc/ --every 30m
#[derive(Args)]
pub struct CrawlArgs {
    /// Feed, sitemap or home page addresses, or files listing them one a line.
    #[arg(required = true, value_name = "SEED")]
    seeds: Vec<String>,
    /// The corpus database (created if missing).
    #[arg(long, default_value = "newsmill.db", value_name = "FILE")]
    db: PathBuf,
    /// Also write every request and response to WARC/1.1 files (.warc.gz) in this folder.
    #[arg(long, value_name = "DIR")]
    warc: Option<PathBuf>,
    /// Start a new WARC file once one passes this size, in megabytes.
    #[arg(long, default_value_t = 1024, value_name = "MB", value_parser = clap::value_parser!(u64).range(1..))]
    warc_max_mb: u64,
    /// Poll the feeds and sitemaps again at this interval (e.g. 30m, 1h, 90s) until Ctrl-C.
    #[arg(long, value_name = "DURATION", value_parser = duration)]
    every: Option<Duration>,
    /// Skip listed articles dated before this day (YYYY-MM-DD); undated ones are fetched.
    #[arg(long, value_name = "DATE", value_parser = day)]
    since: Option<String>,
    /// Stop after fetching this many article pages.
    #[arg(long, value_name = "N")]
    max_pages: Option<u64>,
    /// Requests per second to one host (a slower robots.txt Crawl-delay wins).
    #[arg(long, default_value_t = 1.0, value_name = "PER_HOST_PER_S", value_parser = rate)]
    rate: f64,
    /// The User-Agent sent; its first word is what robots.txt groups are matched against.
    #[arg(long, value_name = "UA")]
    user_agent: Option<String>,
    /// Time limit per request (connect, headers and body), in seconds.
    #[arg(long, default_value_t = 30.0, value_name = "SECONDS", value_parser = crate::query_cmd::seconds)]
    timeout: f64,
    /// Largest response body read, in megabytes; a larger one is cut and recorded as failed.
    #[arg(long, default_value_t = 10, value_name = "MB", value_parser = clap::value_parser!(u64).range(1..=1024))]
    max_mb: u64,
    /// No progress line and no per-URL failure lines; only the summary.
    #[arg(short, long)]
    quiet: bool,
    /// Print the summary as JSON on stdout, for scripts.
    #[arg(long)]
    json: bool,
}

const PAGE_TIME_BUDGET: Duration = Duration::from_secs(10);

pub fn run(args: CrawlArgs) -> anyhow::Result<ExitCode> {
    let mut config = CrawlConfig {
        rate_per_host: args.rate,
        timeout: Duration::from_secs_f64(args.timeout),
        max_body_bytes: args.max_mb << 20,
        every: args.every,
        since: args.since.clone(),
        max_pages: args.max_pages,
        warc: args.warc.clone().map(|dir| (dir, args.warc_max_mb << 20)),
        ..CrawlConfig::default()
    };
    if let Some(ua) = &args.user_agent {
        config.user_agent = ua.clone();
    }
    let store = Store::open(&args.db)?;
    let options = newsmill::Options {
        analyze: true,
        max_bytes: config.max_body_bytes,
        // A page that takes longer than this to extract and analyse fails: it would hold up
        // the loop that stores every host's pages.
        time_budget: Some(PAGE_TIME_BUDGET),
        explain: false,
        force_kind: None,
        comments: false,
    };
    let pipeline = crate::pipeline::build(options)?;
    let mut crawler = Crawler::new(config, store, pipeline)?;
    let stop = Arc::new(AtomicBool::new(false));
    stop_on_ctrl_c(stop.clone());
    let bar = progress_bar(args.quiet);
    let notify = |event: Event| match event {
        Event::Failed { url, reason } if !args.quiet => bar.suspend(|| {
            crate::output::note(format_args!("failed {}: {}", newsmill_model::text::escape_controls(url), reason))
        }),
        Event::Progress(s) => bar.set_message(progress_message(s)),
        Event::Waiting(wait) => {
            bar.set_message(format!("waiting {}s for the next poll (Ctrl-C to stop)", wait.as_secs()))
        }
        _ => {}
    };
    let summary = crawler
        .run(&args.seeds, &stop, &notify)
        .with_context(|| format!("crawl into {} stopped; run the same command to resume", args.db.display()))?;
    bar.finish_and_clear();
    print_summary(&summary, &args)?;
    let failed = summary.outcome.failed + summary.fetch_failures > 0;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The first Ctrl-C (or SIGTERM) stops the crawl after the fetches in flight are stored; a
/// second one exits at once (exit 130): the database is consistent at every commit.
fn stop_on_ctrl_c(stop: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_all().build() else { return };
        runtime.block_on(async {
            let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
            for _ in 0..2 {
                let term = async {
                    match term.as_mut() {
                        Some(t) => {
                            t.recv().await;
                        }
                        None => std::future::pending::<()>().await,
                    }
                };
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {},
                    () = term => {},
                }
                if stop.swap(true, Ordering::Relaxed) {
                    std::process::exit(130);
                }
                eprintln!("newsmill: stopping after the fetches in flight (Ctrl-C again to stop at once)");
            }
        });
    });
}

fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg}  {elapsed}").unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

fn progress_message(s: &CrawlSummary) -> String {
    format!(
        "{} fetched, {} added, {} failed, {} disallowed, {} new links",
        s.fetched,
        s.outcome.added,
        s.outcome.failed + s.fetch_failures,
        s.disallowed,
        s.discovered
    )
}

fn print_summary(s: &CrawlSummary, args: &CrawlArgs) -> anyhow::Result<()> {
    if args.json {
        use std::io::Write;
        let written = writeln!(std::io::stdout().lock(), "{}", serde_json::to_string_pretty(s)?);
        return match written {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e).context("cannot write the summary"),
            _ => Ok(()),
        };
    }
    eprintln!(
        "newsmill: crawled {} in {:.1}s ({:.1}/s): {} added, {} unchanged, {} failed, {} disallowed by robots.txt, {} new links — {}",
        crate::output::counted(s.fetched, "URL", "URLs"),
        s.seconds,
        s.fetched as f64 / s.seconds.max(1e-9),
        s.outcome.added,
        s.outcome.unchanged,
        s.outcome.failed + s.fetch_failures,
        s.disallowed,
        s.discovered,
        args.db.display()
    );
    Ok(())
}

/// `30m`, `1h`, `90s`, `1h30m`, or plain seconds.
fn duration(value: &str) -> Result<Duration, String> {
    let bad = || format!("{value:?} is not a duration; write it like 30m, 1h, 90s or 1h30m");
    if let Ok(seconds) = value.parse::<u64>() {
        return Ok(Duration::from_secs(seconds));
    }
    let mut total = 0u64;
    let mut number = String::new();
    for c in value.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let n: u64 = number.parse().map_err(|_| bad())?;
        number.clear();
        total += n * match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => return Err(bad()),
        };
    }
    if !number.is_empty() || total == 0 {
        return Err(bad());
    }
    Ok(Duration::from_secs(total))
}

fn day(value: &str) -> Result<String, String> {
    if newsmill_store::is_day(value) {
        Ok(value.to_string())
    } else {
        Err(format!("{value:?} is not a day; write it as YYYY-MM-DD"))
    }
}

fn rate(value: &str) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(r) if r.is_finite() && r > 0.0 && r <= 1000.0 => Ok(r),
        _ => Err(format!("{value:?} is not a rate; give requests per second per host, above 0 and at most 1000")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_as_people_write_them() {
        assert_eq!(duration("30m"), Ok(Duration::from_secs(1800)));
        assert_eq!(duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(duration("90"), Ok(Duration::from_secs(90)));
        assert!(
            duration("30x").is_err() && duration("m").is_err() && duration("0s").is_err() && duration("5m3").is_err()
        );
        assert!(rate("0").is_err() && rate("nan").is_err() && rate("2.5").is_ok());
    }
}
