//! Extraction speed on the committed fixtures: the Readability news pages (HTML) and the
//! flattened WCXB pages (text). Throughput is reported in bytes of input; each benchmark
//! first checks the extractor still produces the story, so a fast wrong result cannot pass.

use std::io::Read;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsmill_extract::{ContentKind, ExtractConfig, RawDoc, extract};

fn load(set: &str, file: &str) -> Vec<RawDoc> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(set);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    cases.sort();
    cases
        .into_iter()
        .filter(|c| c.join(file).exists())
        .map(|c| {
            let path = c.join(file);
            let mut bytes = Vec::new();
            if file.ends_with(".gz") {
                flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap()).read_to_end(&mut bytes).unwrap();
            } else {
                bytes = std::fs::read(&path).unwrap();
            }
            let kind = if file.contains("html") { ContentKind::Html } else { ContentKind::Text };
            RawDoc { kind_hint: Some(kind), ..RawDoc::from_bytes(path.display().to_string(), bytes) }
        })
        .collect()
}

fn bench_set(c: &mut Criterion, name: &str, docs: &[RawDoc]) {
    let config = ExtractConfig::default();
    let with_text = docs.iter().filter(|d| extract(d, &config).is_ok_and(|doc| !doc.text.is_empty())).count();
    assert!(with_text * 10 >= docs.len() * 9, "{name}: only {with_text}/{} pages gave text", docs.len());
    let bytes: usize = docs.iter().map(|d| d.bytes.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(name, |b| {
        b.iter(|| {
            for doc in docs {
                std::hint::black_box(extract(doc, &config).ok());
            }
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    bench_set(c, "html_readability_15_pages", &load("readability", "source.html.gz"));
    bench_set(c, "text_wcxb_10_pages", &load("text", "page.txt"));
}

criterion_group! {
    name = extract_benches;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(extract_benches);
