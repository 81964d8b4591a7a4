//! `newsmill train quotes`: fit the cue, source and content taggers on PolNeAR train and
//! score them on dev.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use newsmill_analyze::quotes::tagger::{self};
use newsmill_analyze::{Resources, mentions_of};
use newsmill_lab::train::quotes::{self as tagger_train, TrainConfig, TrainDoc};
use newsmill_lab::train::web_cues;
use newsmill_lab::{news_analysis, polnear};

/// The quote taggers, on PolNeAR (train/ to learn, dev/ to report).
///
/// Example: newsmill train quotes --polnear ../shared/eval/polnear --out crates/newsmill-analyze/models/quotes-en-tagger.bin
#[derive(clap::Args)]
pub struct Args {
    /// The PolNeAR folder (holding train/, dev/) [default: <eval dir>/polnear].
    #[arg(long, value_name = "DIR")]
    polnear: Option<PathBuf>,
    /// Where to write the model.
    #[arg(short, long, value_name = "FILE", default_value = "crates/newsmill-analyze/models/quotes-en-tagger.bin")]
    out: PathBuf,
    /// Passes over the training articles.
    #[arg(long, default_value_t = TrainConfig::default().epochs)]
    epochs: usize,
    /// log2 of the hashed feature rows per tagger.
    #[arg(long, default_value_t = TrainConfig::default().bits)]
    bits: u32,
    /// Folds for the cue labels the source and content taggers learn from.
    #[arg(long, default_value_t = TrainConfig::default().folds)]
    folds: usize,
    /// Perceptrons per tagger, trained on different orders and averaged.
    #[arg(long, default_value_t = TrainConfig::default().bags)]
    bags: usize,
    /// The cue tagger's training cost of missing a gold O, B and I label (comma-separated):
    /// higher B and I costs trade precision for recall [default: the shipped model's, 0,100,50].
    #[arg(long, value_name = "O,B,I", value_parser = parse_costs)]
    cue_miss_cost: Option<[f32; 3]>,
    /// The same for the source tagger [default: 0,400,200].
    #[arg(long, value_name = "O,B,I", value_parser = parse_costs)]
    source_miss_cost: Option<[f32; 3]>,
    /// The same for the content tagger [default: 0,0,0].
    #[arg(long, value_name = "O,B,I", value_parser = parse_costs)]
    content_miss_cost: Option<[f32; 3]>,
    /// A folder of web articles annotated under news-analysis-dev's GUIDELINES.md (NAME.txt
    /// with NAME.json, as `data/news-analysis-train/eval_dir.py` writes them), whose quote
    /// cues the cue tagger also learns from; repeatable.
    #[arg(long, value_name = "DIR")]
    web: Vec<PathBuf>,
    /// Passes a web article counts for, against one for a PolNeAR article.
    #[arg(long, default_value_t = 1)]
    web_weight: usize,
    /// Instead of writing a model, score these settings by K-fold cross-validation on train
    /// (each article scored by taggers that did not see it), to choose them without dev.
    #[arg(long, value_name = "K")]
    cross_validate: Option<usize>,
}

fn parse_costs(s: &str) -> Result<[f32; 3], String> {
    let v: Vec<f32> =
        s.split(',').map(|x| x.trim().parse::<f32>().map_err(|e| format!("{x:?}: {e}"))).collect::<Result<_, _>>()?;
    <[f32; 3]>::try_from(v).map_err(|_| "give three numbers: O,B,I".to_string())
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let dir = args.polnear.unwrap_or_else(|| newsmill_lab::default_data_dir().join("polnear"));
    anyhow::ensure!((8..=24).contains(&args.bits), "--bits must be between 8 and 24");
    anyhow::ensure!(args.web_weight >= 1, "--web-weight must be 1 or more");
    anyhow::ensure!(
        args.web.is_empty() || args.cross_validate.is_none(),
        "--cross-validate folds PolNeAR train alone: leave out --web (for web folds, train one model per fold)"
    );
    let articles = polnear::annotated(&dir, "train", true)
        .with_context(|| format!("cannot read PolNeAR train at {}", dir.display()))?;
    let res = Resources::embedded().context("cannot load the analysis models")?;
    let mut docs: Vec<TrainDoc> =
        articles.iter().map(|(text, parts)| TrainDoc::new(text, parts, &mentions_of(text, &res))).collect();
    docs.extend(web_docs(&args.web, args.web_weight, &res)?);
    let tokens: usize = docs.iter().flat_map(|d| &d.views).map(|v| v.len()).sum();
    let marked: Vec<usize> = (0..3)
        .map(|r| docs.iter().flat_map(|d| &d.gold).map(|g| g[r].iter().filter(|&&l| l != 0).count()).sum())
        .collect();
    eprintln!("training on {} articles, {tokens} tokens; gold cue/source/content tokens {marked:?}", docs.len());
    let cfg = TrainConfig {
        epochs: args.epochs,
        bits: args.bits,
        folds: args.folds,
        bags: args.bags,
        miss_cost: {
            let [cue, source, content] = TrainConfig::default().miss_cost;
            [
                args.cue_miss_cost.unwrap_or(cue),
                args.source_miss_cost.unwrap_or(source),
                args.content_miss_cost.unwrap_or(content),
            ]
        },
    };
    if let Some(k) = args.cross_validate {
        return cross_validate(&dir, &articles, &res, &cfg, k);
    }
    let model = tagger_train::train(&docs, &cfg);
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).with_context(|| format!("cannot write {}", args.out.display()))?;
    println!("wrote {} ({} bytes)", args.out.display(), bytes.len());
    for split in ["train", "dev"] {
        let find = |text: &str| tagger::analyze(text, Some(&model), &mentions_of(text, &res)).0;
        let report = polnear::evaluate_with(&dir, split, &find)?;
        crate::eval_quotes_cmd::print_report(&report);
    }
    Ok(ExitCode::SUCCESS)
}

/// The web articles of `dirs` whose every cue could be placed, for the cue tagger.
fn web_docs(dirs: &[PathBuf], weight: usize, res: &Resources) -> anyhow::Result<Vec<TrainDoc>> {
    let mut out = Vec::new();
    for dir in dirs {
        let articles = news_analysis::load(dir).with_context(|| format!("cannot read {}", dir.display()))?;
        let mut unplaced = 0;
        for a in &articles {
            match web_cues::cue_spans(a) {
                Some(cues) => {
                    let cues = cues.into_iter().map(|r| vec![r]).collect();
                    out.push(TrainDoc::cues_only(&a.text, cues, &mentions_of(&a.text, res), weight));
                }
                None => unplaced += 1,
            }
        }
        eprintln!("{}: {} web articles, {unplaced} left out (a cue not found)", dir.display(), articles.len());
    }
    Ok(out)
}

/// Scores `cfg` on PolNeAR train by `k`-fold cross-validation: articles (with all their
/// annotations) go to folds by a hash of their text; each is scored, on its first annotation
/// as `eval quotes` does, by taggers trained on the other folds.
fn cross_validate(
    dir: &std::path::Path,
    annotated: &[(String, polnear::Parts)],
    res: &Resources,
    cfg: &TrainConfig,
    k: usize,
) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(k >= 2, "--cross-validate needs at least 2 folds");
    let fold = |text: &str| (newsmill_analyze::hashing::hash_str(text) % k as u64) as usize;
    let models: Vec<tagger::TaggerModel> = (0..k)
        .map(|held| {
            let docs: Vec<TrainDoc> = annotated
                .iter()
                .filter(|(text, _)| fold(text) != held)
                .map(|(text, parts)| TrainDoc::new(text, parts, &mentions_of(text, res)))
                .collect();
            tagger_train::train(&docs, cfg)
        })
        .collect();
    let first = polnear::articles(dir, "train")?;
    let find = |text: &str| tagger::analyze(text, Some(&models[fold(text)]), &mentions_of(text, res)).0;
    let report = polnear::evaluate_articles(&format!("train, {k}-fold cross-validated"), &first, &find);
    crate::eval_quotes_cmd::print_report(&report);
    Ok(ExitCode::SUCCESS)
}
