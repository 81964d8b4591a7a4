//! Single-core extraction throughput on a folder of pages held in memory, for the side-by-side
//! script in `bench/`. Prints one JSON line: pages, bytes, seconds, pages/s, MB/s.
//!
//! Usage: cargo run --release --example throughput -- DIR [html|text] [MIN_SECONDS]

use std::io::Read;
use std::time::Instant;

use newsmill_extract::{ContentKind, ExtractConfig, RawDoc, extract};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: throughput DIR [html|text] [MIN_SECONDS]")?;
    let kind = match args.next().as_deref() {
        Some("text") => ContentKind::Text,
        _ => ContentKind::Html,
    };
    let min_seconds: f64 = args.next().map(|s| s.parse()).transpose()?.unwrap_or(5.0);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let mut docs = Vec::new();
    for path in paths {
        let mut bytes = Vec::new();
        if path.extension().is_some_and(|e| e == "gz") {
            flate2::read::MultiGzDecoder::new(std::fs::File::open(&path)?).read_to_end(&mut bytes)?;
        } else {
            bytes = std::fs::read(&path)?;
        }
        docs.push(RawDoc { kind_hint: Some(kind), ..RawDoc::from_bytes(path.display().to_string(), bytes) });
    }
    let config = ExtractConfig::default();
    let bytes: usize = docs.iter().map(|d| d.bytes.len()).sum();
    let started = Instant::now();
    let (mut pages, mut rounds, mut chars) = (0usize, 0usize, 0usize);
    while rounds == 0 || started.elapsed().as_secs_f64() < min_seconds {
        for doc in &docs {
            chars += extract(doc, &config).map_or(0, |d| d.text.len());
            pages += 1;
        }
        rounds += 1;
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{{\"tool\":\"newsmill\",\"pages\":{},\"rounds\":{rounds},\"seconds\":{seconds:.3},\"pages_per_s\":{:.1},\"mb_per_s\":{:.2},\"text_bytes_per_round\":{}}}",
        docs.len(),
        pages as f64 / seconds,
        (bytes * rounds) as f64 / seconds / 1e6,
        chars / rounds.max(1)
    );
    Ok(())
}
