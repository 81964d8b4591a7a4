//! `newsmill serve`: the web UI and JSON API over a corpus database.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;
use newsmill_server::Stopped;

/// Serve the web UI and the JSON API over a corpus database (read-only).
///
/// Binds to loopback unless told otherwise; Ctrl-C stops it after the requests in flight
/// (waiting at most 5 s for them), and a second Ctrl-C stops it at once (exit 130).
/// The API is described at /api/openapi.json.
///
/// With --ingest, the inputs are ingested into the database first (as `newsmill ingest
/// --report` does), so one command goes from pages to a browsable corpus.
///
/// Example: newsmill serve --db newsmill.db --ingest samples/pages
#[derive(Args)]
pub struct ServeArgs {
    /// The corpus database (made by `newsmill ingest`).
    #[arg(long, default_value = "newsmill.db", value_name = "FILE")]
    db: PathBuf,
    /// Address to listen on. Use 0.0.0.0:PORT to accept connections from other machines.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "HOST:PORT")]
    addr: SocketAddr,
    /// Ingest these inputs (files, directories, WARC, JSONL) into --db before serving.
    #[arg(long, value_name = "INPUT", num_args = 1..)]
    ingest: Vec<String>,
    /// Longest one request's queries may run, in seconds; past it the request gets a 503.
    #[arg(long, default_value_t = 2.0, value_name = "SECONDS", value_parser = crate::query_cmd::seconds)]
    query_timeout: f64,
}

pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    if !args.ingest.is_empty() {
        // A failed document is reported and recorded; the corpus is still worth serving.
        crate::ingest_cmd::run(crate::ingest_cmd::IngestArgs::with_report(args.ingest.clone(), args.db.clone()))?;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let options = newsmill_server::ServeOptions {
        query_budget: Duration::from_secs_f64(args.query_timeout),
        ..newsmill_server::ServeOptions::default()
    };
    let stopped = runtime.block_on(newsmill_server::serve(&args.db, args.addr, &options, |bound| {
        eprintln!("newsmill: serving {} at http://{bound}/ (Ctrl-C to stop)", args.db.display());
    }));
    // Dropping the runtime would wait for every query still on a blocking thread; the
    // requests abandoned have had their queries cancelled, so nothing is worth waiting for.
    runtime.shutdown_background();
    match stopped? {
        Stopped::Gracefully => eprintln!("newsmill: stopped"),
        Stopped::GraceExpired => {
            eprintln!("newsmill: stopped; requests still running after {} s were abandoned", options.grace.as_secs())
        }
        Stopped::Forced => {
            eprintln!("newsmill: stopped at once (second Ctrl-C)");
            return Ok(ExitCode::from(130));
        }
    }
    Ok(ExitCode::SUCCESS)
}
