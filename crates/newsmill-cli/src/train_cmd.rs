//! `newsmill train`: fit the models newsmill ships, and report their cross-validated scores.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Subcommand};
use newsmill_lab as eval;
use newsmill_lab::Prf;
use newsmill_lab::train::lines::{self as train, TrainOptions};

/// Train the models shipped in models/, with k-fold cross-validation.
///
/// Example: newsmill train lines --data ../shared/eval/wcxb-dev-text --out crates/newsmill-extract/models/text-lines.json
#[derive(Args)]
pub struct TrainArgs {
    #[command(subcommand)]
    task: TrainTask,
}

#[derive(Subcommand)]
enum TrainTask {
    /// The line classifier of the text extractor, on a set laid out like wcxb-dev-text
    /// (text/<id>.txt.gz and ground-truth.json.gz).
    ///
    /// Example: newsmill train lines --data ../shared/eval/wcxb-dev-text --folds 5
    Lines(LinesArgs),
    Blocks(crate::train_blocks_cmd::Args),
    Ner(crate::train_ner_cmd::Args),
    Quotes(crate::train_quotes_cmd::Args),
}

#[derive(Args)]
struct LinesArgs {
    /// The training set [default: wcxb-dev-text under $NEWSMILL_EVAL_DIR or ../shared/eval].
    #[arg(short, long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Where to write the model.
    #[arg(short, long, value_name = "FILE", default_value = "crates/newsmill-extract/models/text-lines.json")]
    out: PathBuf,
    /// Folds of the cross-validation (sites are split, never pages of one site).
    #[arg(short = 'k', long, default_value_t = 5)]
    folds: usize,
    /// Use only the first N pages (quick runs).
    #[arg(short, long, value_name = "N")]
    limit: Option<usize>,
}

pub fn run(args: TrainArgs) -> anyhow::Result<ExitCode> {
    match args.task {
        TrainTask::Lines(args) => lines(args),
        TrainTask::Blocks(args) => crate::train_blocks_cmd::run(args),
        TrainTask::Ner(args) => crate::train_ner_cmd::run(args),
        TrainTask::Quotes(args) => crate::train_quotes_cmd::run(args),
    }
}

fn lines(args: LinesArgs) -> anyhow::Result<ExitCode> {
    let data = args.data.unwrap_or_else(|| eval::default_data_dir().join("wcxb-dev-text"));
    let options = TrainOptions { folds: args.folds, limit: args.limit };
    let (model, report) = train::train(&data, &options)?;
    println!("{} pages, {} lines, {}-fold CV grouped by site", report.pages, report.lines, report.folds);
    println!("held-out article F1 by threshold:");
    for (t, f1) in &report.article_f1_by_threshold {
        println!("  {t:.2}  {f1:.3}");
    }
    println!("chosen threshold {:.2}; held-out (CV) scores:", report.threshold);
    row("all", report.cv.pages, &report.cv.all);
    for (name, prf) in &report.cv.by_type {
        row(name, 0, prf);
    }
    let json = serde_json::to_string_pretty(&model)?;
    std::fs::write(&args.out, json + "\n").with_context(|| format!("cannot write {}", args.out.display()))?;
    println!("wrote {}", args.out.display());
    Ok(ExitCode::SUCCESS)
}

fn row(name: &str, n: usize, s: &Prf) {
    let n = if n > 0 { format!("n={n}") } else { String::new() };
    println!("  {name:<16} {n:<7} P={:.3} R={:.3} F1={:.3}", s.precision, s.recall, s.f1);
}
