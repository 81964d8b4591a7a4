//! `newsmill schema`: the JSON Schema of the article JSON, for programs that read it.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Context;

/// Print the JSON Schema (draft 2020-12) of the article JSON that `extract` and `analyze`
/// print, `export` writes and the API serves.
///
/// The same schema is in the repository as docs/article.schema.json.
///
/// Example: newsmill schema > article.schema.json
#[derive(clap::Args)]
pub struct SchemaArgs {}

pub fn run(_args: SchemaArgs) -> anyhow::Result<ExitCode> {
    let schema = serde_json::to_string_pretty(&newsmill_model::article_schema())?;
    let mut out = io::stdout().lock();
    match writeln!(out, "{schema}").and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e).context("cannot write the schema"),
        _ => Ok(ExitCode::SUCCESS),
    }
}
