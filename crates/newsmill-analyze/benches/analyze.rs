//! Analysis speed on the committed clean article texts (the seed story and the WCXB expected
//! texts): tokenize + sentences + NER (both passes), and the whole `analyze()` (entities,
//! titles, quotes, amounts, dates, places), also over all the texts as one long document.
//! Throughput is in words (whitespace-separated); the benchmark first checks the seed's
//! people are still found.

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsmill_analyze::{Resources, analyze, document_from_text, mentions, sentences, tokens};

fn texts() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../newsmill-extract/tests/fixtures");
    let mut out = vec![std::fs::read_to_string(dir.join("seed/rt-2018-11-09-taliban.txt")).unwrap()];
    let mut cases: Vec<_> = std::fs::read_dir(dir.join("text")).unwrap().map(|e| e.unwrap().path()).collect();
    cases.sort();
    out.extend(cases.iter().filter_map(|c| std::fs::read_to_string(c.join("expected.txt")).ok()));
    out
}

fn ner(text: &str, res: &Resources) -> Vec<mentions::FoundMention> {
    let toks = tokens::tokenize(text);
    let sents = sentences::split_sentences(text, &toks);
    mentions::find_mentions(text, &toks, &sents, res.ner())
}

fn bench(c: &mut Criterion) {
    let res = Resources::embedded().unwrap();
    let texts = texts();
    let seed = ner(&texts[0], &res);
    assert!(seed.iter().any(|m| &texts[0][m.span.clone()] == "Sergey Lavrov"));
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let mut g = c.benchmark_group("analyze");
    g.throughput(Throughput::Elements(words as u64));
    g.bench_function("tokenize+sentences+ner", |b| b.iter(|| texts.iter().map(|t| ner(t, &res).len()).sum::<usize>()));
    let docs: Vec<_> = texts.iter().map(|t| document_from_text("bench", t.clone())).collect();
    g.bench_function("whole analysis", |b| {
        b.iter(|| docs.iter().map(|d| analyze(d.clone(), &res).entities.len()).sum::<usize>())
    });
    // All the texts as one long document, so that work growing faster than the text (such as
    // grouping every mention with every other) shows as lower throughput here than above.
    let long = document_from_text("bench", texts.join("\n\n").repeat(8));
    g.throughput(Throughput::Elements(8 * words as u64));
    g.bench_function("whole analysis, one long document", |b| b.iter(|| analyze(long.clone(), &res).entities.len()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
