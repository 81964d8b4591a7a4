//! `newsmill eval`: score newsmill on the evaluation sets.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Subcommand};
use newsmill_lab as eval;
use newsmill_lab::{EvalOptions, SetReport};

/// Score newsmill on evaluation data sets with each set's upstream metric.
///
/// Example: newsmill eval extraction --set wcxb-dev --json scores.json
#[derive(Args)]
pub struct EvalArgs {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Score the extractors: precision, recall and F1 of the body text, and title, author and
    /// date accuracy where a set has them.
    ///
    /// Example: newsmill eval extraction --set wcxb-dev-text --limit 100
    Extraction(ExtractionArgs),
    /// Score the named-entity recognizer on a CoNLL-format file: entity-level precision,
    /// recall and F1, overall and per type.
    ///
    /// Example: newsmill eval ner --conll ../shared/eval/conll2003/valid.txt
    Ner(crate::eval_ner_cmd::Args),
    /// Score the quote finder on PolNeAR: Source, Cue and Content span P/R/F1, exact and
    /// overlapping.
    ///
    /// Example: newsmill eval quotes --polnear ../shared/eval/polnear --split dev
    Quotes(crate::eval_quotes_cmd::QuotesArgs),
    /// Score the whole analysis on recent articles annotated by careful reading
    /// (news-analysis-dev): entity P/R/F1 and one-per-referent, quote P/R/F1, speaker
    /// accuracy and who-said-what P/R/F1, as the set's score.py computes them.
    ///
    /// Example: newsmill eval analysis --predictions pred.jsonl
    Analysis(crate::eval_analysis_cmd::AnalysisArgs),
}

#[derive(Args)]
struct ExtractionArgs {
    /// The folder holding the evaluation sets [default: $NEWSMILL_EVAL_DIR or ../shared/eval].
    #[arg(short, long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Sets to score (repeatable) [default: all that are present].
    #[arg(short, long = "set", value_name = "NAME")]
    sets: Vec<String>,
    /// Score only the first N documents of each set.
    #[arg(short, long, value_name = "N")]
    limit: Option<usize>,
    /// Write the figures as JSON to this file.
    #[arg(short, long, value_name = "FILE")]
    json: Option<PathBuf>,
}

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    match args.task {
        Task::Extraction(args) => extraction(args),
        Task::Ner(args) => crate::eval_ner_cmd::run(args),
        Task::Quotes(args) => crate::eval_quotes_cmd::run(args),
        Task::Analysis(args) => crate::eval_analysis_cmd::run(args),
    }
}

fn extraction(args: ExtractionArgs) -> anyhow::Result<ExitCode> {
    let data = args.data.unwrap_or_else(eval::default_data_dir);
    let explicit = !args.sets.is_empty();
    let sets: Vec<String> =
        if explicit { args.sets } else { eval::EXTRACTION_SETS.iter().map(|s| s.to_string()).collect() };
    let options = EvalOptions { limit: args.limit };
    let mut reports = Vec::new();
    let mut failed = false;
    for set in &sets {
        match eval::evaluate_extraction(&data, set, &options) {
            Ok(report) => {
                print_report(&report);
                reports.push(report);
            }
            Err(eval::EvalError::Missing { .. }) if !explicit => eprintln!("newsmill: {set}: not present, skipped"),
            Err(err) => {
                eprintln!("newsmill: {set}: {err}");
                failed = true;
            }
        }
    }
    if let Some(path) = args.json {
        let json = serde_json::to_string_pretty(&reports)?;
        std::fs::write(&path, json).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn print_report(r: &SetReport) {
    println!("{} ({} documents, {:.1}s) — {}", r.set, r.documents, r.seconds, r.metric);
    let row = |name: &str, n: usize, s: &eval::Prf| {
        println!("  {name:<24} n={n:<5} P={:.3} R={:.3} F1={:.3}", s.precision, s.recall, s.f1)
    };
    row("all", r.documents, &r.scores);
    for sub in &r.subsets {
        row(&sub.name, sub.documents, &sub.scores);
    }
    for (name, acc) in [("title", &r.title_accuracy), ("author", &r.author_accuracy), ("date", &r.date_accuracy)] {
        if let Some(a) = acc {
            println!("  {name} accuracy: {:.3} ({}/{})", a.value(), a.correct, a.total);
        }
    }
    if !r.date_by_source.is_empty() {
        let parts: Vec<String> =
            r.date_by_source.iter().map(|(s, a)| format!("{s} {:.3} ({}/{})", a.value(), a.correct, a.total)).collect();
        println!("  date accuracy by source: {}", parts.join(", "));
    }
    if r.failures > 0 {
        println!("  failures: {}", r.failures);
    }
}
