//! `newsmill eval quotes`: score the quote finder on PolNeAR.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use newsmill_core::eval::polnear::{self, ComponentScores};

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
}

pub fn run(args: QuotesArgs) -> anyhow::Result<ExitCode> {
    let dir = args.polnear.unwrap_or_else(|| newsmill_core::eval::default_data_dir().join("polnear"));
    let report = polnear::evaluate(&dir, &args.split)
        .with_context(|| format!("cannot score PolNeAR {} at {}", args.split, dir.display()))?;
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
    if let Some(path) = args.json {
        std::fs::write(&path, serde_json::to_string_pretty(&report)?)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}
