//! The extra heap each stage of the pipeline needs for one input file, to see where a
//! shape's memory goes: `cargo run --release --example heap_by_stage -- FILE` from `fuzz/`
//! (a path containing `text` is read as flattened text, any other as HTML).

use newsmill_analyze::{Resources, analyze, mentions, sentences, tokens};
use newsmill_extract::{ContentKind, ExtractConfig, RawDoc, extract};
use newsmill_fuzz::extra_heap;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: heap_by_stage FILE")?;
    let bytes = std::fs::read(&path)?;
    let size = bytes.len() as f64;
    let report =
        |stage: &str, extra: usize| eprintln!("{stage:>8}: +{extra} B ({:.1}x the input)", extra as f64 / size);
    let res = Resources::embedded()?;
    newsmill_fuzz::warm_up();
    let mut raw = RawDoc::from_bytes(&path, bytes.clone());
    raw.kind_hint = Some(if path.contains("text") { ContentKind::Text } else { ContentKind::Html });
    let (doc, extra) = extra_heap(|| extract(&raw, &ExtractConfig::default()));
    report("extract", extra);
    let doc = doc?;
    let text = doc.text.clone();
    let (toks, extra) = extra_heap(|| tokens::tokenize(&text));
    report("tokens", extra);
    let (sents, extra) = extra_heap(|| sentences::split_sentences(&text, &toks));
    report("sents", extra);
    report("ner", extra_heap(|| mentions::find_mentions(&text, &toks, &sents, res.ner()).len()).1);
    report("analyze", extra_heap(|| analyze(doc, &res).entities.len()).1);
    Ok(())
}
