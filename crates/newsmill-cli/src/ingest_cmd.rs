//! `newsmill ingest`: extract and analyse inputs into a corpus database.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsmill::Inputs;
use newsmill_store::{BatchOutcome, Failure, Store, StoredArticle};

use crate::pipeline;

/// Ingest news pages into a corpus database (SQLite, full-text indexed).
///
/// Inputs are HTML pages, flattened text, directories (recursive), .gz files, JSONL dumps,
/// WARC archives (.warc, .warc.gz: HTML response records; other records are skipped and
/// counted) or - for stdin. Parquet files in the article's Arrow schema (from `export
/// --format parquet`, the Python package or its Spark job), or folders holding them, are
/// stored as they are, without extracting or analysing again. Ingesting the same input twice adds nothing; a run that was
/// killed is resumed by running the same command again. A document that fails is recorded
/// with its reason and the run goes on.
///
/// Example: newsmill ingest samples/pages --db newsmill.db
#[derive(Args)]
pub struct IngestArgs {
    /// Files, directories, WARC archives, or - for stdin.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,
    /// The corpus database (created if missing).
    #[arg(long, default_value = "newsmill.db", value_name = "FILE")]
    db: PathBuf,
    /// No progress bar and no per-document lines; only the summary.
    #[arg(short, long)]
    quiet: bool,
    /// Print the summary as JSON on stdout, for scripts.
    #[arg(long)]
    json: bool,
    /// After ingesting, print what the corpus holds: counts, top entities and speakers.
    #[arg(long)]
    report: bool,
    #[command(flatten)]
    limit: pipeline::SizeLimit,
}

impl IngestArgs {
    /// Ingest `inputs` into `db` with a report at the end, as `serve --ingest` does.
    pub fn with_report(inputs: Vec<String>, db: PathBuf) -> Self {
        IngestArgs { inputs, db, quiet: false, json: false, report: true, limit: pipeline::SizeLimit { max_mb: 64 } }
    }
}

/// What a run did, printed at the end.
#[derive(serde::Serialize)]
struct Summary {
    db: String,
    documents: u64,
    #[serde(flatten)]
    outcome: BatchOutcome,
    skipped_records: u64,
    seconds: f64,
    documents_per_second: f64,
}

pub fn run(args: IngestArgs) -> anyhow::Result<ExitCode> {
    pipeline::refuse_urls(&args.inputs)?;
    let missing: Vec<&String> = args.inputs.iter().filter(|i| *i != "-" && !Path::new(i).exists()).collect();
    anyhow::ensure!(
        missing.len() < args.inputs.len(),
        "no such input: {}; nothing was ingested and no database was created",
        missing.iter().map(|m| m.as_str()).collect::<Vec<_>>().join(", ")
    );
    let mut store = Store::open(&args.db)?;
    let run = store.begin_run(&args.inputs)?;
    let pipeline = pipeline::build(args.limit.options(false, None))?;
    let (parquet_files, page_inputs) = crate::parquet_in::split_inputs(&args.inputs);
    let inputs = Inputs::new(&page_inputs, args.limit.read_config()).excluding(&crate::db_files::db_files(&args.db));
    let mut progress = Progress::new(args.quiet, inputs.progress().1);
    let started = Instant::now();
    let mut skipped_records = 0;
    // A reader thread reads the next batch and a writer thread commits the last one while
    // the pool extracts this one; the channels hold at most two batches each, so memory
    // stays bounded.
    let (tx, rx) = mpsc::sync_channel::<(Vec<StoredArticle>, Vec<Failure>)>(2);
    let outcome = std::thread::scope(|scope| -> anyhow::Result<BatchOutcome> {
        let writer = scope.spawn(move || write_all(store, run, rx));
        // Articles already made (Parquet from export, process_batch or the Spark job) are
        // stored as they are; a failure to read them stops the run like a writer failure.
        let mut stored = Ok(());
        for file in &parquet_files {
            stored = crate::parquet_in::read_file(file, |articles, failures| {
                let position = progress.bar.position();
                progress.advance(position, (articles.len() + failures.len()) as u64, failures.len() as u64);
                tx.send((articles, failures)).map_err(|_| anyhow::anyhow!("the database writer stopped"))
            });
            if stored.is_err() {
                break;
            }
        }
        if let Err(err) = stored {
            drop(tx);
            writer.join().map_err(|_| anyhow::anyhow!("the database writer stopped unexpectedly"))??;
            return Err(err);
        }
        for batch in pipeline::read_ahead(scope, inputs) {
            skipped_records = batch.skipped;
            if batch.docs.is_empty() {
                break;
            }
            let results = pipeline.process_batch_then(batch.docs, StoredArticle::from_article);
            let documents = results.len() as u64;
            let (articles, failures) = split(results, &progress.bar, args.quiet)?;
            progress.advance(batch.bytes_read, documents, failures.len() as u64);
            if tx.send((articles, failures)).is_err() {
                break; // the writer failed; its error is reported below
            }
        }
        drop(tx);
        writer.join().map_err(|_| anyhow::anyhow!("the database writer stopped unexpectedly"))?
    });
    progress.bar.finish_and_clear();
    let outcome = outcome
        .with_context(|| format!("ingest into {} stopped; run the same command to resume", args.db.display()))?;
    let seconds = started.elapsed().as_secs_f64();
    let documents = outcome.added + outcome.unchanged + outcome.failed;
    let summary = Summary {
        db: args.db.display().to_string(),
        documents,
        outcome,
        skipped_records,
        seconds,
        documents_per_second: documents as f64 / seconds.max(1e-9),
    };
    print_summary(&summary, args.json)?;
    if args.report {
        crate::query_cmd::print_report(&Store::open_read_only(&args.db)?)?;
    }
    Ok(if outcome.failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Commits each batch the pool sends, then marks the run finished.
fn write_all(
    mut store: Store,
    run: newsmill_store::RunId,
    batches: mpsc::Receiver<(Vec<StoredArticle>, Vec<Failure>)>,
) -> anyhow::Result<BatchOutcome> {
    let mut total = BatchOutcome::default();
    for (articles, failures) in batches {
        total += store.write_batch(run, &articles, &failures)?;
    }
    store.finish_run(run)?;
    Ok(total)
}

type Processed = Vec<Result<serde_json::Result<StoredArticle>, newsmill_extract::Error>>;

/// Articles to store in their JSON form, and failures with their reasons.
fn split(
    results: Processed,
    progress: &ProgressBar,
    quiet: bool,
) -> anyhow::Result<(Vec<StoredArticle>, Vec<Failure>)> {
    let mut articles = Vec::with_capacity(results.len());
    let mut failures = Vec::new();
    for result in results {
        match result {
            Ok(article) => articles.push(article?),
            Err(err) => {
                if !quiet {
                    progress.suspend(|| crate::output::note(format_args!("skipped {err}")));
                }
                failures.push(Failure { source: err.source_name().to_string(), reason: err.kind().to_string() });
            }
        }
    }
    Ok((articles, failures))
}

/// The progress shown while a run goes: documents, their rate and failures; with a bar, a
/// percentage and an ETA by bytes read when the size of the inputs is known (not on stdin).
struct Progress {
    bar: ProgressBar,
    documents: u64,
    failed: u64,
    started: Instant,
}

impl Progress {
    fn new(quiet: bool, total_bytes: Option<u64>) -> Progress {
        let bar = match (quiet, total_bytes) {
            (true, _) => ProgressBar::hidden(),
            (false, total) => {
                let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
                let template = match total {
                    Some(_) => "{wide_bar} {percent:>3}%  ETA {eta}  {msg}",
                    None => "{spinner} {msg}  {elapsed}",
                };
                bar.set_style(ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()));
                bar.enable_steady_tick(Duration::from_millis(200));
                bar
            }
        };
        Progress { bar, documents: 0, failed: 0, started: Instant::now() }
    }

    fn advance(&mut self, bytes_read: u64, documents: u64, failed: u64) {
        self.documents += documents;
        self.failed += failed;
        self.bar.set_position(bytes_read);
        let rate = self.documents as f64 / self.started.elapsed().as_secs_f64().max(1e-3);
        self.bar.set_message(format!("{} documents, {rate:.0}/s, {} failed", self.documents, self.failed));
    }
}

fn print_summary(s: &Summary, json: bool) -> anyhow::Result<()> {
    if json {
        use std::io::Write;
        let written = writeln!(std::io::stdout().lock(), "{}", serde_json::to_string_pretty(s)?);
        // A reader that stopped reading is not an error: the run itself is stored.
        return match written {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e).context("cannot write the summary"),
            _ => Ok(()),
        };
    }
    let o = &s.outcome;
    // The words are the JSON summary's (`unchanged`: already stored as it is).
    eprintln!(
        "newsmill: {} in {:.1}s ({:.0}/s): {} added, {} unchanged, {} linked, {} failed, {} skipped — {}",
        crate::output::counted(s.documents, "document", "documents"),
        s.seconds,
        s.documents_per_second,
        o.added,
        o.unchanged,
        crate::output::counted(o.near_duplicates, "near-duplicate", "near-duplicates"),
        o.failed,
        crate::output::counted(s.skipped_records, "WARC record", "WARC records"),
        s.db
    );
    Ok(())
}
