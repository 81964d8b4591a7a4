//! `newsmill train ner`: train the named-entity recognizer on CoNLL-format data.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use newsmill_analyze::gazetteer::Gazetteer;
use newsmill_lab::ner::read_conll;
use newsmill_lab::train::ner::{TrainConfig, evaluate, train};

/// Train the NER model (averaged perceptron) on CoNLL-2003-format files; keeps the epoch
/// with the best dev F1 and writes the model file.
///
/// Example: newsmill train ner --train ../shared/eval/conll2003/train.txt --dev ../shared/eval/conll2003/valid.txt --out crates/newsmill-analyze/models/ner-en.bin
#[derive(clap::Args)]
pub struct Args {
    /// Training data in CoNLL format (token … tag per line); repeat for several files.
    #[arg(short, long, value_name = "FILE", required = true)]
    train: Vec<PathBuf>,
    /// How many times an epoch visits each --train file's documents, in the order of the
    /// files (e.g. `--weight 2,1`); 1 for all when absent. Weighs one source against another
    /// without copying it, so the jackknife keeps a document's visits in one fold.
    #[arg(short, long, value_name = "N,N…", value_delimiter = ',')]
    weight: Vec<usize>,
    /// Development data in CoNLL format, scored after every epoch.
    #[arg(short, long, value_name = "FILE")]
    dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(short, long, value_name = "FILE", default_value = "crates/newsmill-analyze/models/ner-en.bin")]
    out: PathBuf,
    /// Passes over the training data.
    #[arg(short, long, default_value_t = TrainConfig::default().epochs)]
    epochs: usize,
    /// Epochs of the first pass (run once per jackknife fold and once on all data).
    #[arg(long, default_value_t = TrainConfig::default().first_epochs)]
    first_epochs: usize,
    /// Jackknife folds for the first-pass tags the second pass trains on.
    #[arg(long, default_value_t = TrainConfig::default().folds)]
    folds: usize,
    /// Perceptrons per pass, trained on different shuffles, whose weights are averaged.
    #[arg(long, default_value_t = TrainConfig::default().ensemble)]
    ensemble: usize,
    /// Seed of the shuffles.
    #[arg(long, default_value_t = TrainConfig::default().seed)]
    seed: u64,
    /// log2 of the weight-table rows (model size = 18 << bits bytes: two tables of one byte per weight).
    #[arg(short, long, default_value_t = TrainConfig::default().bits)]
    bits: u32,
}

fn read(path: &PathBuf) -> anyhow::Result<Vec<newsmill_lab::ner::ConllDoc>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(read_conll(&text))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.weight.is_empty() && args.weight.len() != args.train.len() {
        anyhow::bail!(
            "--weight gives {} numbers for {} --train files: give one per file, in their order",
            args.weight.len(),
            args.train.len()
        );
    }
    let (mut train_docs, mut weights) = (Vec::new(), Vec::new());
    for (i, path) in args.train.iter().enumerate() {
        let docs = read(path)?;
        weights.extend(std::iter::repeat_n(args.weight.get(i).copied().unwrap_or(1), docs.len()));
        train_docs.extend(docs);
    }
    let dev_docs = match &args.dev {
        Some(p) => read(p)?,
        None => Vec::new(),
    };
    let config = TrainConfig {
        epochs: args.epochs,
        bits: args.bits,
        seed: args.seed,
        first_epochs: args.first_epochs,
        folds: args.folds,
        ensemble: args.ensemble,
    };
    let gaz = Gazetteer::embedded()?;
    let t0 = Instant::now();
    let (model, _) = train(&train_docs, &weights, &dev_docs, &gaz, &config, |r| {
        eprintln!("epoch {:2}: {} train errors, dev F1 {:.4} ({:.1}s)", r.epoch, r.train_errors, r.dev_f1, r.seconds);
    });
    let secs = t0.elapsed().as_secs_f64();
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).with_context(|| format!("cannot write {}", args.out.display()))?;
    println!("trained in {secs:.1}s; wrote {} ({} bytes)", args.out.display(), bytes.len());
    if !dev_docs.is_empty() {
        let (r, _) = evaluate(&model, &dev_docs);
        let types: Vec<String> = r.per_type.iter().map(|(t, c)| format!("{t} {:.4}", c.prf().f1)).collect();
        println!("dev F1 {:.4} ({})", r.overall_prf().f1, types.join(", "));
    }
    Ok(ExitCode::SUCCESS)
}
