//! Analysis throughput on one core for `bench/ner_vs_spacy.sh` (tokenize + sentences + NER)
//! and, with `--full`, for `bench/analysis_vs_textacy.sh` (the whole `analyze()`: entities,
//! titles, quotes, amounts, dates, places), over the given text files, repeated for at
//! least MIN_SECONDS; prints JSON with words/s.
//!
//! Usage: cargo run --release --example ner_throughput -- FILE... [--min-seconds N] [--full]

use std::time::Instant;

use newsmill_analyze::{Resources, analyze, document_from_text, mentions, sentences, tokens};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut min_seconds = 5.0;
    if let Some(k) = args.iter().position(|a| a == "--min-seconds") {
        min_seconds = args.get(k + 1).and_then(|s| s.parse().ok()).unwrap_or(min_seconds);
        args.drain(k..(k + 2).min(args.len()));
    }
    let full = match args.iter().position(|a| a == "--full") {
        Some(k) => {
            args.remove(k);
            true
        }
        None => false,
    };
    let texts: Vec<String> = args.iter().map(std::fs::read_to_string).collect::<Result<_, _>>()?;
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let t_load = Instant::now();
    let res = Resources::embedded()?;
    let load_ms = t_load.elapsed().as_secs_f64() * 1000.0;
    let (mut rounds, mut entities) = (0usize, 0usize);
    let t0 = Instant::now();
    while rounds == 0 || t0.elapsed().as_secs_f64() < min_seconds {
        for text in &texts {
            if full {
                let article = analyze(document_from_text("bench", text.clone()), &res);
                entities += article.entities.len() + article.quotes.len() + article.amounts.len() + article.dates.len();
                continue;
            }
            let toks = tokens::tokenize(text);
            let sents = sentences::split_sentences(text, &toks);
            entities += mentions::find_mentions(text, &toks, &sents, res.ner()).len();
        }
        rounds += 1;
    }
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "{{\"tool\": \"newsmill\", \"full\": {full}, \"words\": {words}, \"rounds\": {rounds}, \"seconds\": {secs:.3}, \"words_per_s\": {:.0}, \"mentions_per_round\": {}, \"model_load_ms\": {load_ms:.1}}}",
        (words * rounds) as f64 / secs,
        entities / rounds
    );
    Ok(())
}
