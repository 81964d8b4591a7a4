//! `newsmill export`: stored articles back out in the article JSON, for pandas, DuckDB, Spark.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use newsmill_store::{SearchQuery, Store};

use crate::parquet_out::ParquetWriter;
use crate::query_cmd::FilterArgs;

/// Export stored articles: JSONL in the article JSON of DESIGN.md, or Parquet (one row per
/// article; scalar fields as columns, each list as a JSON text column).
///
/// Example: newsmill export --format jsonl --out corpus.jsonl --since 2018-11-01
#[derive(Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    format: ExportFormat,
    /// Output file (- for stdout).
    #[arg(long, value_name = "PATH")]
    out: PathBuf,
    #[command(flatten)]
    filters: FilterArgs,
    /// The corpus database.
    #[arg(long, default_value = "newsmill.db", value_name = "FILE")]
    db: PathBuf,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// The article JSON, one object per line.
    Jsonl,
    /// Parquet, one row per article (see README for the schema).
    Parquet,
}

pub fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(&args.db)?;
    let q = args.filters.query();
    if matches!(args.format, ExportFormat::Parquet) {
        return export_parquet(&store, &q, &args.out);
    }
    let sink: Box<dyn Write> = if args.out.as_os_str() == "-" {
        Box::new(std::io::stdout().lock())
    } else {
        Box::new(File::create(&args.out).with_context(|| format!("cannot create {}", args.out.display()))?)
    };
    let mut out = BufWriter::new(sink);
    let written = store.export(&q, |article| {
        serde_json::to_writer(&mut out, &article).map_err(std::io::Error::from)?;
        out.write_all(b"\n")
    })?;
    let n = match written.and_then(|n| out.flush().map(|()| n)) {
        Ok(n) => n,
        // A reader that stopped reading (`newsmill export --out - | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(e).with_context(|| format!("cannot write {}", args.out.display())),
    };
    eprintln!("newsmill: exported {n} articles to {}", args.out.display());
    Ok(ExitCode::SUCCESS)
}

fn export_parquet(store: &Store, q: &SearchQuery, out: &Path) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(out.as_os_str() != "-", "Parquet cannot be streamed to stdout; pass --out FILE.parquet");
    let file = File::create(out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut writer = ParquetWriter::create(file)?;
    let n =
        store.export(q, |article| writer.push(&article))?.with_context(|| format!("cannot write {}", out.display()))?;
    writer.finish().with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!("newsmill: exported {n} articles to {}", out.display());
    Ok(ExitCode::SUCCESS)
}
