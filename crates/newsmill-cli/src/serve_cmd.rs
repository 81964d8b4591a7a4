//! `newsmill serve`: the web UI and JSON API over a corpus database.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

/// Serve the web UI and the JSON API over a corpus database (read-only).
///
/// Binds to loopback unless told otherwise; Ctrl-C stops it after the requests in flight.
/// The API is described at /api/openapi.json.
///
/// Example: newsmill serve --db newsmill.db --addr 127.0.0.1:8080
#[derive(Args)]
pub struct ServeArgs {
    /// The corpus database (made by `newsmill ingest`).
    #[arg(long, default_value = "newsmill.db", value_name = "FILE")]
    db: PathBuf,
    /// Address to listen on. Use 0.0.0.0:PORT to accept connections from other machines.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "HOST:PORT")]
    addr: SocketAddr,
}

pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(newsmill_server::serve(&args.db, args.addr, |bound| {
        eprintln!("newsmill: serving {} at http://{bound}/ (Ctrl-C to stop)", args.db.display());
    }))?;
    eprintln!("newsmill: stopped");
    Ok(ExitCode::SUCCESS)
}
