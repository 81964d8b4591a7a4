//! `newsmill eval ner`: score the NER model on a CoNLL-format file with conlleval's metric.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use newsmill_analyze::ner::LABELS;
use newsmill_lab::ner::read_conll;
use newsmill_lab::train::ner::evaluate;

/// Tag the tokens of a CoNLL-format file as given and score the entities: exact-match
/// precision, recall and F1, overall and per type (conlleval; IOB1 and IOB2 gold).
///
/// Example: newsmill eval ner --conll ../shared/eval/conll2003/valid.txt --predictions dev.jsonl
#[derive(clap::Args)]
pub struct Args {
    /// Gold data in CoNLL format (token … tag per line, -DOCSTART- between documents).
    #[arg(short, long, value_name = "FILE")]
    conll: PathBuf,
    /// Write the predicted tags, one JSON line per sentence: {"doc", "sent", "tags"}.
    #[arg(short, long, value_name = "OUT.jsonl")]
    predictions: Option<PathBuf>,
    /// Use this model file instead of the one built into the program.
    #[arg(short, long, value_name = "FILE")]
    model: Option<PathBuf>,
    /// Write the figures as JSON to this file.
    #[arg(short, long, value_name = "FILE")]
    json: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match score(args) {
        // A reader that stopped reading (`… | head`) is not an error.
        Err(e) if e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) => {
            Ok(ExitCode::SUCCESS)
        }
        other => other,
    }
}

fn score(args: Args) -> anyhow::Result<ExitCode> {
    let res = crate::pipeline::resources_with(args.model.as_deref())?;
    let text = std::fs::read_to_string(&args.conll).with_context(|| format!("cannot read {}", args.conll.display()))?;
    let docs = read_conll(&text);
    let t0 = Instant::now();
    let (report, tags) = evaluate(res.ner(), &docs);
    let secs = t0.elapsed().as_secs_f64();
    let stdout = std::io::stdout();
    let mut so = stdout.lock();
    writeln!(
        so,
        "{}: {} documents, {} sentences, {} tokens, {:.2}s ({:.0} tokens/s) — conlleval entity-level exact match",
        args.conll.display(),
        docs.len(),
        report.sentences,
        report.tokens,
        secs,
        report.tokens as f64 / secs.max(1e-9)
    )?;
    let mut row = |name: &str, c: &newsmill_lab::Counts| {
        let p = c.prf();
        let n = c.tp + c.fn_;
        writeln!(so, "  {name:<8} gold={n:<6} P={:.4} R={:.4} F1={:.4}", p.precision, p.recall, p.f1)
    };
    row("overall", &report.overall)?;
    for (ty, c) in &report.per_type {
        row(ty, c)?;
    }
    if let Some(path) = &args.predictions {
        let file = std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
        let mut out = std::io::BufWriter::new(file);
        for (d, doc) in tags.iter().enumerate() {
            for (s, sent) in doc.iter().enumerate() {
                let labels: Vec<&str> = sent.iter().map(|&l| LABELS[l]).collect();
                serde_json::to_writer(&mut out, &serde_json::json!({"doc": d, "sent": s, "tags": labels}))?;
                out.write_all(b"\n")?;
            }
        }
        out.flush()?;
    }
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_string_pretty(&report)?)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}
