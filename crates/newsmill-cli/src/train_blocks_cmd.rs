//! `newsmill train blocks`: choose the DOM extractor's block weights by cross-validation grouped
//! by site over the HTML evaluation sets, and report the held-out figures beside the hand-set
//! weights' and, when given, another extractor's on the same pages.

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use newsmill_lab::train::blocks::{self, BlocksOptions, BlocksReport, Case, System};

/// The block weights of the DOM extractor, by site-grouped cross-validation over wcxb-dev,
/// trafilatura-eval-dev, cleanportaleval and the Readability test pages.
///
/// Example: newsmill train blocks --folds 5 --baseline trafilatura.jsonl --out crates/newsmill-extract/models/html-blocks.json
#[derive(clap::Args)]
pub struct Args {
    /// The folder holding the evaluation sets [default: $NEWSMILL_EVAL_DIR or ../shared/eval].
    #[arg(short, long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Folds of the cross-validation; a site's pages are always in one fold.
    #[arg(short = 'k', long, default_value_t = BlocksOptions::default().folds)]
    folds: usize,
    /// Most passes of the search over the weights.
    #[arg(long, default_value_t = BlocksOptions::default().rounds)]
    rounds: usize,
    /// Use only the first N pages of each set (quick runs).
    #[arg(short, long, value_name = "N")]
    limit: Option<usize>,
    /// Write the weights learned on all pages here (the shipped file is
    /// crates/newsmill-extract/models/html-blocks.json); without it nothing is written.
    #[arg(short, long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Another extractor's output on the same pages, JSON lines of {"set", "id", "text"}
    /// (`bench/trafilatura_pages.py` writes trafilatura's), scored beside ours.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// With --baseline: list the N pages where the other extractor leads newsmill's
    /// cross-validated output most (F1 lead of at least 0.2), across all sets, to sort
    /// newsmill's losses into classes.
    #[arg(long, value_name = "N", requires = "baseline")]
    losses: Option<usize>,
    /// Instead of training, write the pages as JSON lines of {"set", "id", "path", "url",
    /// "site"}, for a script that runs another extractor on them.
    #[arg(long, value_name = "FILE")]
    list_pages: Option<PathBuf>,
    /// Write the report (figures and weights) as JSON to this file.
    #[arg(short, long, value_name = "FILE")]
    json: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let data = args.data.unwrap_or_else(newsmill_lab::default_data_dir);
    let started = std::time::Instant::now();
    let cases = blocks::load_cases(&data, args.limit)?;
    anyhow::ensure!(!cases.is_empty(), "no HTML evaluation set found under {}; pass --data DIR", data.display());
    eprintln!("{} pages parsed in {:.1}s", cases.len(), started.elapsed().as_secs_f64());
    if let Some(path) = &args.list_pages {
        write_pages(path, &cases)?;
        eprintln!("wrote {}", path.display());
        return Ok(ExitCode::SUCCESS);
    }
    // Read before the search, so a bad file fails in a second, not after minutes.
    let baseline = args.baseline.as_ref().map(|path| read_baseline(path).map(|texts| (path, texts))).transpose()?;
    let options = BlocksOptions { folds: args.folds, rounds: args.rounds };
    let mut report = blocks::train(&cases, &options);
    if let Some((path, texts)) = &baseline {
        let name = path.file_stem().map_or("baseline".into(), |s| s.to_string_lossy().into_owned());
        report.systems.push(blocks::baseline(&name, &cases, texts));
    }
    print_report(&report);
    let cv = report.systems.iter().find(|s| s.name == blocks::CROSS_VALIDATED);
    if let (Some(n), Some(cv), Some(base)) = (args.losses, cv, report.systems.last().filter(|_| baseline.is_some())) {
        print_losses(&cases, cv, base, n);
    }
    eprintln!("done in {:.1}s", started.elapsed().as_secs_f64());
    if let Some(path) = &args.out {
        let json = serde_json::to_string_pretty(&report.learned)?;
        std::fs::write(path, json + "\n").with_context(|| format!("cannot write {}", path.display()))?;
        println!("wrote {}", path.display());
    }
    if let Some(path) = &args.json {
        let json = serde_json::to_string_pretty(&report)?;
        std::fs::write(path, json + "\n").with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The pages where `base` leads `ours` by at least 0.2 F1, largest lead first, and how many
/// pages lead the other way as much.
fn print_losses(cases: &[Case], ours: &System, base: &System, n: usize) {
    const MARGIN: f64 = 0.2;
    let mut leads: Vec<(f64, usize)> =
        ours.page_f1.iter().zip(&base.page_f1).enumerate().map(|(i, (o, b))| (b - o, i)).collect();
    leads.sort_by(|a, b| b.0.total_cmp(&a.0));
    let behind = leads.iter().filter(|(d, _)| *d >= MARGIN).count();
    let ahead = leads.iter().filter(|(d, _)| *d <= -MARGIN).count();
    println!("pages where {} leads by >= {MARGIN}: {behind}; where newsmill leads by as much: {ahead}", base.name);
    for &(lead, i) in leads.iter().take_while(|(d, _)| *d >= MARGIN).take(n) {
        let c = &cases[i];
        let subset = c.page.subset.as_deref().unwrap_or("-");
        println!(
            "  {lead:.2}  {:<30} {:<28} {subset:<13} {} {:.2} newsmill {:.2}",
            format!("{}/{}", short(c.set), c.page.id),
            c.site,
            base.name,
            base.page_f1[i],
            ours.page_f1[i]
        );
    }
}

fn write_pages(path: &PathBuf, cases: &[Case]) -> anyhow::Result<()> {
    let file = std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
    let mut out = std::io::BufWriter::new(file);
    for c in cases {
        let row = serde_json::json!({
            "set": c.set, "id": c.page.id, "path": c.page.path, "url": c.page.url, "site": c.site,
        });
        writeln!(out, "{row}")?;
    }
    out.flush().with_context(|| format!("cannot write {}", path.display()))
}

fn read_baseline(path: &PathBuf) -> anyhow::Result<HashMap<(String, String), String>> {
    #[derive(serde::Deserialize)]
    struct Row {
        set: String,
        id: String,
        #[serde(default)]
        text: Option<String>,
    }
    let file = std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut texts = HashMap::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let row: Row = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not a {{\"set\", \"id\", \"text\"}} line", path.display(), n + 1))?;
        texts.insert((row.set, row.id), row.text.unwrap_or_default());
    }
    Ok(texts)
}

fn print_report(report: &BlocksReport) {
    println!(
        "{} pages from {} sites, {}-fold cross-validation grouped by site",
        report.pages, report.sites, report.folds
    );
    let Some(first) = report.systems.first() else { return };
    print!("{:<34}{:>10}", "", "all pages");
    for set in &first.sets {
        print!("{:>16}", short(&set.set));
        if set.subsets.iter().any(|s| s.name == "article") {
            print!("{:>16}", "wcxb article");
        }
    }
    println!();
    for system in &report.systems {
        print_row(system);
    }
    println!("(mean per-page F1 over all pages; each set's F1 by its own metric)");
    println!("weights        hand-set  learned  folds");
    let hand = blocks::BlockWeights::HAND_SET.named();
    let folds: Vec<_> = report.fold_weights.iter().map(|w| w.named()).collect();
    for (p, (name, value)) in report.learned.named().into_iter().enumerate() {
        let per_fold: Vec<String> = folds.iter().map(|f| number(f[p].1)).collect();
        println!("  {name:<26} {:>8} {:>8}  {}", number(hand[p].1), number(value), per_fold.join(" "));
    }
}

/// A weight with at most three decimals and no trailing zeros.
fn number(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn print_row(system: &System) {
    print!("{:<34}{:>10.3}", system.name, system.mean_f1);
    for set in &system.sets {
        print!("{:>16.3}", set.scores.f1);
        if let Some(article) = set.subsets.iter().find(|s| s.name == "article") {
            print!("{:>16.3}", article.scores.f1);
        }
    }
    println!();
}

fn short(set: &str) -> &str {
    match set {
        "trafilatura-eval-dev" => "traf-eval-dev",
        "mozilla-readability-testpages" => "readability",
        other => other,
    }
}
