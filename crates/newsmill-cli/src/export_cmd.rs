//! `newsmill export`: stored articles back out in the article JSON, for pandas, DuckDB, Spark.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use newsmill_store::{SearchQuery, Store};

use crate::db_files::is_db_file;
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
    let to_stdout = args.out.as_os_str() == "-";
    anyhow::ensure!(
        to_stdout || !is_db_file(&args.out, &args.db),
        "--out {} is the corpus database {} (or one of its -wal/-shm files); exporting there would \
         destroy the corpus: pass another path",
        args.out.display(),
        args.db.display()
    );
    let store = Store::open_read_only(&args.db)?;
    let q = args.filters.query();
    if matches!(args.format, ExportFormat::Parquet) {
        anyhow::ensure!(!to_stdout, "Parquet cannot be streamed to stdout; pass --out FILE.parquet");
        return export_parquet(&store, &q, &args.out);
    }
    if to_stdout {
        let n = match export_jsonl(&store, &q, BufWriter::new(std::io::stdout().lock())) {
            Ok(n) => n,
            // A reader that stopped reading (`newsmill export --out - | head`) is not an error.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
            Err(e) => return Err(e).context("cannot write to stdout"),
        };
        eprintln!("newsmill: exported {} to stdout", crate::output::counted(n, "article", "articles"));
        return Ok(ExitCode::SUCCESS);
    }
    let partial = Partial::create(&args.out)?;
    let n = export_jsonl(&store, &q, BufWriter::new(partial.file()?))
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    partial.complete()?;
    crate::output::note(format_args!(
        "exported {} to {}",
        crate::output::counted(n, "article", "articles"),
        args.out.display()
    ));
    Ok(ExitCode::SUCCESS)
}

fn export_jsonl(store: &Store, q: &SearchQuery, mut out: impl Write) -> std::io::Result<u64> {
    let written = store.export(q, |article| {
        serde_json::to_writer(&mut out, &article).map_err(std::io::Error::from)?;
        out.write_all(b"\n")
    });
    let n = written.map_err(std::io::Error::other)??;
    out.flush()?;
    Ok(n)
}

fn export_parquet(store: &Store, q: &SearchQuery, out: &Path) -> anyhow::Result<ExitCode> {
    let partial = Partial::create(out)?;
    let mut writer = ParquetWriter::create(partial.file()?)?;
    let n =
        store.export(q, |article| writer.push(&article))?.with_context(|| format!("cannot write {}", out.display()))?;
    writer.finish().with_context(|| format!("cannot write {}", out.display()))?;
    partial.complete()?;
    crate::output::note(format_args!(
        "exported {} to {}",
        crate::output::counted(n, "article", "articles"),
        out.display()
    ));
    Ok(ExitCode::SUCCESS)
}

/// An export written beside its destination under a temporary name and renamed over it only
/// when complete, so a full disk, an error or a signal never leaves a truncated file (nor
/// harms what was there before). Dropped unfinished, the temporary file is removed.
struct Partial {
    temp: tempfile::NamedTempFile,
    out: PathBuf,
}

impl Partial {
    fn create(out: &Path) -> anyhow::Result<Partial> {
        let dir = match out.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let temp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".partial")
            .tempfile_in(dir)
            .with_context(|| format!("cannot create a file in {}", dir.display()))?;
        Ok(Partial { temp, out: out.to_path_buf() })
    }

    fn file(&self) -> anyhow::Result<File> {
        self.temp.as_file().try_clone().with_context(|| format!("cannot write {}", self.temp.path().display()))
    }

    fn complete(self) -> anyhow::Result<()> {
        let out = self.out;
        self.temp.as_file().sync_all().with_context(|| format!("cannot write {}", out.display()))?;
        self.temp.persist(&out).map_err(|e| e.error).with_context(|| format!("cannot write {}", out.display()))?;
        Ok(())
    }
}
