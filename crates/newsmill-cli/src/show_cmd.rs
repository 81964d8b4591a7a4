//! `newsmill show`: print one stored article.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use newsmill_model::Article;
use newsmill_store::Store;

use crate::output::{Format, write_article};

/// Print a stored article by its id (from `search`, `quotes` or the web UI), as JSON, text
/// or Markdown.
///
/// Example: newsmill show 8bac8516d2d3ea19 --format text
#[derive(Args)]
pub struct ShowArgs {
    /// The article's id.
    id: String,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Json)]
    format: Format,
    #[command(flatten)]
    db: crate::query_cmd::DbArg,
}

pub fn run(args: ShowArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(args.db.path())?;
    let Some(record) = store.article(&args.id)? else {
        anyhow::bail!("no article {} in {}; `newsmill search` lists ids", args.id, args.db.path().display());
    };
    let article = Article::try_from(record).with_context(|| format!("article {} is stored damaged", args.id))?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match write_article(&mut out, &article, args.format).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        other => other.map(|()| ExitCode::SUCCESS).context("cannot write output"),
    }
}
