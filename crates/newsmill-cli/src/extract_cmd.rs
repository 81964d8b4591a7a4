//! `newsmill extract`: print the article of each input.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use newsmill_core::ContentKind;
use newsmill_core::ingest::Inputs;

use crate::output::{Format, write_article};
use crate::pipeline;

/// Extract the story and its metadata from news pages.
///
/// Inputs are HTML pages or text a scraper already flattened (told apart by content),
/// directories (walked recursively), .gz files, JSONL dumps ({"url": …, "html": …} or
/// {"url": …, "text": …} per line), or - for stdin. A bad input is reported on stderr and
/// the rest go on; the exit status is 1 if any input failed.
///
/// Example: newsmill extract samples/ --format text
#[derive(Args)]
pub struct ExtractArgs {
    /// Files, directories, or - for stdin.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<String>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// List each removed block and why: after the article in text and Markdown output, in
    /// its `removed` field in JSON.
    #[arg(short, long)]
    explain: bool,
    /// Treat every input as HTML or as flattened text instead of telling by content.
    #[arg(long, value_enum, value_name = "KIND")]
    force: Option<Kind>,
    #[command(flatten)]
    limit: pipeline::SizeLimit,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Kind {
    Html,
    Text,
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    pipeline::refuse_urls(&args.paths)?;
    let force_kind = args.force.map(|k| match k {
        Kind::Html => ContentKind::Html,
        Kind::Text => ContentKind::Text,
    });
    let pipeline = pipeline::build(args.limit.options(args.explain, force_kind))?;
    let mut inputs = Inputs::new(&args.paths, args.limit.read_config());
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let (mut ok, mut failed) = (0usize, 0usize);
    loop {
        let results = pipeline::next_batch(&mut inputs, &pipeline);
        if results.is_empty() {
            break;
        }
        for result in results {
            match result {
                Ok(article) => {
                    ok += 1;
                    for warning in &article.doc.warnings {
                        crate::output::note(format_args!("warning: {}: {warning}", article.doc.source));
                    }
                    if let Err(err) = write_article(&mut out, &article, args.format) {
                        return output_closed(err);
                    }
                }
                Err(err) => {
                    failed += 1;
                    crate::output::note(format_args!("skipped {err}"));
                }
            }
        }
        if let Err(err) = out.flush() {
            return output_closed(err);
        }
    }
    eprintln!("newsmill: {ok} extracted, {failed} failed");
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// A reader that stopped reading (`newsmill extract … | head`) is not an error.
fn output_closed(err: io::Error) -> anyhow::Result<ExitCode> {
    if err.kind() == io::ErrorKind::BrokenPipe {
        return Ok(ExitCode::SUCCESS);
    }
    Err(err).context("cannot write output")
}
