//! `newsmill eval analysis`: entities and who-said-what on news-analysis-dev, recent articles
//! annotated by careful reading, with the figures of the set's own scorer.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use newsmill_analyze::{analyze, document_from_text};
use newsmill_lab::news_analysis::{self, AnalysisReport};

#[derive(Args)]
pub struct AnalysisArgs {
    /// The annotated set (NAME.txt with NAME.json) [default: <eval dir>/news-analysis-dev].
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Write the figures as JSON to this file.
    #[arg(short, long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Write the analysed articles as JSONL, the input of the set's `score.py`.
    #[arg(long, value_name = "FILE")]
    predictions: Option<PathBuf>,
    /// Write each entity the entity filter weighs, with its signals, as JSONL (the input of
    /// tools/train_entity_filter.py; the first line names the signals).
    #[arg(long, value_name = "FILE")]
    entity_features: Option<PathBuf>,
    /// Write each quote the quote filter weighs, with its signals, as JSONL (the input of
    /// tools/train_quote_filter.py). The analysis then keeps every quote: the figures and
    /// predictions are those before the filter.
    #[arg(long, value_name = "FILE")]
    quote_features: Option<PathBuf>,
    /// Tag with this NER model file instead of the built-in one (for cross-validation: a
    /// model trained without the articles scored).
    #[arg(long, value_name = "FILE")]
    ner_model: Option<PathBuf>,
    /// Find quotes with these quote taggers instead of the built-in ones (a model file of
    /// `newsmill train quotes`, for cross-validation).
    #[arg(long, value_name = "FILE")]
    quote_model: Option<PathBuf>,
}

pub fn run(args: AnalysisArgs) -> anyhow::Result<ExitCode> {
    let dir = args.data.unwrap_or_else(|| newsmill_lab::default_data_dir().join("news-analysis-dev"));
    let gold = news_analysis::load(&dir).with_context(|| format!("cannot read the set at {}", dir.display()))?;
    let res = crate::pipeline::resources_with(args.ner_model.as_deref())?;
    let res = if args.quote_features.is_some() { res.without_quote_filter() } else { res };
    let res = match &args.quote_model {
        Some(path) => res.with_quote_tagger(crate::pipeline::quote_model(path)?),
        None => res,
    };
    let (report, articles) = news_analysis::evaluate(&gold, |g| {
        analyze(document_from_text(g.path.display().to_string(), g.text.clone()), &res)
    });
    print_report(&report);
    if let Some(path) = args.predictions {
        let mut out = std::io::BufWriter::new(
            std::fs::File::create(&path).with_context(|| format!("cannot create {}", path.display()))?,
        );
        for article in &articles {
            serde_json::to_writer(&mut out, article)?;
            out.write_all(b"\n")?;
        }
        out.flush().with_context(|| format!("cannot write {}", path.display()))?;
    }
    if let Some(path) = args.entity_features {
        write_entity_features(&gold, &res, &path).with_context(|| format!("cannot write {}", path.display()))?;
    }
    if let Some(path) = args.quote_features {
        write_quote_features(&gold, &articles, &path).with_context(|| format!("cannot write {}", path.display()))?;
    }
    if let Some(path) = args.json {
        std::fs::write(&path, serde_json::to_string_pretty(&report)?)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn write_entity_features(
    gold: &[news_analysis::GoldArticle],
    res: &newsmill_analyze::Resources,
    path: &std::path::Path,
) -> anyhow::Result<()> {
    use newsmill_analyze::entities::confidence::FEATURES;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    serde_json::to_writer(&mut out, &serde_json::json!({ "features": FEATURES }))?;
    out.write_all(b"\n")?;
    for g in gold {
        let doc = document_from_text(g.path.display().to_string(), g.text.clone());
        let name = g.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        for (e, features) in newsmill_analyze::entity_features(&doc, res) {
            let forms: Vec<&str> = e.mentions.iter().filter_map(|m| doc.text.get(m.span.clone())).collect();
            let row = serde_json::json!({
                "doc": name, "name": e.name, "type": e.kind.as_str(), "forms": forms, "features": features,
            });
            serde_json::to_writer(&mut out, &row)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(())
}

fn write_quote_features(
    gold: &[news_analysis::GoldArticle],
    articles: &[newsmill_model::Article],
    path: &std::path::Path,
) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for (g, article) in gold.iter().zip(articles) {
        let name = g.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        for (q, signals) in article.quotes.iter().zip(newsmill_analyze::quote_signals(article)) {
            let row = serde_json::json!({ "doc": name, "start": q.span.start, "end": q.span.end, "signals": signals });
            serde_json::to_writer(&mut out, &row)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(())
}

fn print_report(r: &AnalysisReport) {
    println!(
        "news-analysis-dev: {} articles, {:.2} s (gold quotes not located in the text: {})",
        r.documents, r.seconds, r.gold_quotes_not_found_in_text
    );
    let e = &r.entities;
    println!(
        "  entities       P {:.3} R {:.3} F1 {:.3}  one-per-referent {:.3}  ({} predicted / {} gold)",
        e.precision, e.recall, e.f1, r.one_per_referent, r.entities_predicted, r.entities_gold
    );
    let q = &r.quotes;
    println!(
        "  quotes         P {:.3} R {:.3} F1 {:.3}  ({} predicted / {} gold)",
        q.precision, q.recall, q.f1, r.quotes_predicted, r.quotes_gold
    );
    println!("  speaker accuracy on matched named quotes {:.3}", r.speaker_accuracy);
    let w = &r.who_said_what;
    println!("  who-said-what  P {:.3} R {:.3} F1 {:.3}", w.precision, w.recall, w.f1);
}
