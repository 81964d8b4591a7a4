//! `newsmill eval quotes`: score the quote finder on PolNeAR.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use newsmill_analyze::quotes::tagger;
use newsmill_analyze::{Resources, mentions_of};
use newsmill_lab::polnear::{self, ComponentScores, QuotesReport};

#[derive(Args)]
pub struct QuotesArgs {
    /// The PolNeAR folder (holding train/, dev/) [default: <eval dir>/polnear].
    #[arg(long, value_name = "DIR")]
    polnear: Option<PathBuf>,
    /// The split to score.
    #[arg(long, default_value = "dev")]
    split: String,
    /// Write the figures as JSON to this file.
    #[arg(short, long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Score this tagger model (from `newsmill train quotes`) instead of the shipped one.
    #[arg(long, value_name = "FILE", conflicts_with = "rules_only")]
    model: Option<PathBuf>,
    /// Score the rule finder alone, without the learned taggers.
    #[arg(long)]
    rules_only: bool,
    /// Write every span gold and prediction disagree on (overlap matching) as JSONL: the
    /// article's number, the component, `missed` or `extra`, the span and its context.
    #[arg(long, value_name = "FILE")]
    misses: Option<PathBuf>,
}

pub fn run(args: QuotesArgs) -> anyhow::Result<ExitCode> {
    let dir = args.polnear.unwrap_or_else(|| newsmill_lab::default_data_dir().join("polnear"));
    let model = match &args.model {
        Some(path) => Some(crate::pipeline::quote_model(path)?),
        None if args.rules_only => None,
        None => tagger::embedded().cloned(),
    };
    let res = Resources::embedded().context("cannot load the analysis models")?;
    let find = |text: &str| tagger::analyze(text, model.as_ref(), &mentions_of(text, &res)).0;
    let articles = polnear::articles(&dir, &args.split)
        .with_context(|| format!("cannot score PolNeAR {} at {}", args.split, dir.display()))?;
    let report = polnear::evaluate_articles(&args.split, &articles, &find);
    print_report(&report);
    if let Some(path) = &args.misses {
        let mut lines = String::new();
        for miss in polnear::misses(&articles, &find) {
            lines.push_str(&serde_json::to_string(&miss)?);
            lines.push('\n');
        }
        std::fs::write(path, lines).with_context(|| format!("cannot write {}", path.display()))?;
    }
    if let Some(path) = args.json {
        std::fs::write(&path, serde_json::to_string_pretty(&report)?)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints the span scores of one split.
pub fn print_report(report: &QuotesReport) {
    let speed = report.words as f64 / report.seconds_finding.max(1e-9);
    println!(
        "PolNeAR {} ({} articles, {} words, {:.0} words/s) — span P/R/F1, exact and overlap (shared words ≥ 50% of the longer span)",
        report.split, report.documents, report.words, speed
    );
    let row = |name: &str, s: &ComponentScores| {
        println!(
            "  {name:<8} gold={:<5} pred={:<5} exact P={:.3} R={:.3} F1={:.3}   overlap P={:.3} R={:.3} F1={:.3}",
            s.gold,
            s.predicted,
            s.exact.precision,
            s.exact.recall,
            s.exact.f1,
            s.overlap.precision,
            s.overlap.recall,
            s.overlap.f1
        )
    };
    row("source", &report.source);
    row("cue", &report.cue);
    row("content", &report.content);
}
