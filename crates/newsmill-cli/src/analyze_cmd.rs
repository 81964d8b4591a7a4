//! `newsmill analyze`: analyze text that is already clean, taking it as the body exactly.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use newsmill_analyze::{analyze, document_from_text};

use crate::output::{Format, write_article};

/// Analyze clean text: the input is the article body exactly as given, so the offsets of
/// entities and mentions point into the file. Prints the article JSON.
///
/// Example: newsmill analyze story.txt --format jsonl
#[derive(Args)]
pub struct AnalyzeArgs {
    /// UTF-8 text files (`.gz` ones are decompressed), or - for stdin.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<String>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Json)]
    format: Format,
    #[command(flatten)]
    limit: crate::pipeline::SizeLimit,
}

/// Reads at most `limit` bytes of text, decompressed for a `.gz` file: a runaway input
/// (`/dev/zero`, a gzip bomb) is refused, not swallowed.
fn read_text(path: &str, limit: u64) -> anyhow::Result<String> {
    let source: Box<dyn Read> = if path == "-" {
        Box::new(io::stdin())
    } else {
        let file = std::fs::File::open(path).with_context(|| format!("cannot read {path}"))?;
        if path.ends_with(".gz") { Box::new(flate2::read::MultiGzDecoder::new(file)) } else { Box::new(file) }
    };
    let mut bytes = Vec::new();
    source.take(limit.saturating_add(1)).read_to_end(&mut bytes).with_context(|| format!("cannot read {path}"))?;
    anyhow::ensure!(
        bytes.len() as u64 <= limit,
        "{path} is over the limit of {limit} bytes; raise --max-mb to accept it"
    );
    String::from_utf8(bytes).with_context(|| format!("{path} is not UTF-8 text"))
}

pub fn run(args: AnalyzeArgs) -> anyhow::Result<ExitCode> {
    crate::pipeline::refuse_urls(&args.paths)?;
    let res = crate::pipeline::resources()?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = 0;
    for path in &args.paths {
        match read_text(path, args.limit.bytes()) {
            Ok(text) => {
                let article = analyze(document_from_text(path.as_str(), text), &res);
                if let Err(err) = write_article(&mut out, &article, args.format).and_then(|_| out.flush()) {
                    if err.kind() == io::ErrorKind::BrokenPipe {
                        return Ok(ExitCode::SUCCESS);
                    }
                    return Err(err).context("cannot write output");
                }
            }
            Err(err) => {
                failed += 1;
                crate::output::note(format_args!("skipped {err:#}"));
            }
        }
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
