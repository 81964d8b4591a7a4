//! Search latency over a synthesised corpus. Seeds are real articles (article JSON, one per
//! line, e.g. `newsmill extract … --format jsonl`); each synthetic article mixes the
//! paragraphs of two seeds under a new id, site and date, keeping the first seed's
//! entities and quotes, so the vocabulary and the entity distribution are those of news.
//!
//! Usage: search_bench SEEDS.jsonl DB [ARTICLES=100000] [QUERIES=2000]
//! (0 queries: build only; 0 articles: query the database already at DB)
//! Prints build time, database size per 1,000 articles, and query latency percentiles for
//! plain, entity-filtered and date-filtered searches. Query words are drawn by frequency
//! from the seeds, leaving out the 100 most frequent (function words).

use std::time::Instant;

use newsmill_store::{SearchQuery, Store, StoredArticle};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(seeds), Some(db)) = (args.get(1), args.get(2)) else {
        return Err("usage: search_bench SEEDS.jsonl DB [ARTICLES] [QUERIES]".into());
    };
    let total: usize = args.get(3).map_or(Ok(100_000), |a| a.parse())?;
    let queries: usize = args.get(4).map_or(Ok(2000), |a| a.parse())?;
    let seeds: Vec<serde_json::Value> = std::fs::read_to_string(seeds)?
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .filter(|a: &serde_json::Value| a["text"].as_str().is_some_and(|t| t.len() > 500))
        .collect();
    if seeds.is_empty() {
        return Err("no seed article with text".into());
    }
    let db = std::path::Path::new(db);
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    if total > 0 {
        build(db, total, &seeds, &mut rng)?;
    }
    if queries == 0 {
        return Ok(());
    }
    let store = Store::open_read_only(db)?;
    let vocab = vocabulary(&seeds);
    let names = entity_names(&seeds);
    for (label, kind) in [("words", 0), ("words + entity", 1), ("words + date range", 2)] {
        let mut times = Vec::with_capacity(queries);
        for _ in 0..queries {
            let words = 1 + rng.below(3);
            let text: Vec<&str> = (0..words).map(|_| vocab[rng.below(vocab.len())].as_str()).collect();
            let mut q = SearchQuery::text(&text.join(" "));
            if kind == 1 && !names.is_empty() {
                q.text = vocab[rng.below(vocab.len())].clone();
                q.entity = Some(names[rng.below(names.len())].clone());
            }
            if kind == 2 {
                q.since = Some("2025-03-01".into());
                q.until = Some("2025-06-30".into());
            }
            let t = Instant::now();
            let hits = store.search(&q)?;
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            std::hint::black_box(hits);
        }
        times.sort_by(f64::total_cmp);
        let pct = |p: f64| times[((times.len() as f64 - 1.0) * p) as usize];
        println!(
            "{label:<20} n={queries}  median {:.2} ms  p90 {:.2} ms  p99 {:.2} ms  max {:.2} ms",
            pct(0.5),
            pct(0.9),
            pct(0.99),
            pct(1.0)
        );
    }
    Ok(())
}

fn build(
    db: &std::path::Path,
    total: usize,
    seeds: &[serde_json::Value],
    rng: &mut XorShift,
) -> Result<(), Box<dyn std::error::Error>> {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let started = Instant::now();
    let mut store = Store::open(db)?;
    let run = store.begin_run(&["search_bench"])?;
    for chunk in (0..total).collect::<Vec<_>>().chunks(1000) {
        let batch: Vec<StoredArticle> = chunk.iter().map(|&i| synthesise(i, seeds, rng)).collect::<Result<_, _>>()?;
        store.write_batch(run, &batch, &[])?;
    }
    drop(store);
    let secs = started.elapsed().as_secs_f64();
    let size: u64 = ["", "-wal"]
        .iter()
        .filter_map(|s| std::fs::metadata(format!("{}{s}", db.display())).ok())
        .map(|m| m.len())
        .sum();
    println!("built {total} articles in {secs:.0} s ({:.0}/s)", total as f64 / secs);
    println!(
        "database: {:.0} MB, {:.2} MB per 1,000 articles",
        size as f64 / 1e6,
        size as f64 / 1e6 / (total as f64 / 1000.0)
    );
    Ok(())
}

fn synthesise(i: usize, seeds: &[serde_json::Value], rng: &mut XorShift) -> Result<StoredArticle, serde_json::Error> {
    let a = &seeds[i % seeds.len()];
    let b = &seeds[rng.below(seeds.len())];
    let paragraphs = |v: &serde_json::Value| -> Vec<String> {
        v["text"].as_str().unwrap_or("").split("\n\n").map(str::to_string).collect()
    };
    let (pa, pb) = (paragraphs(a), paragraphs(b));
    let mut text: Vec<String> = pa.iter().take(pa.len().div_ceil(2)).cloned().collect();
    text.extend(pb.iter().skip(pb.len() / 2).cloned());
    let mut article = a.clone();
    let day = i % 730;
    article["id"] = format!("bench-{i:08}").into();
    article["url"] = format!("https://site{}.example/{i}", i % 50).into();
    article["site"] = format!("site{}.example", i % 50).into();
    article["published"] = format!("{}-{:02}-{:02}", 2024 + day / 365, 1 + (day % 365) / 31 % 12, 1 + day % 28).into();
    article["text"] = text.join("\n\n").into();
    StoredArticle::from_json(article)
}

fn vocabulary(seeds: &[serde_json::Value]) -> Vec<String> {
    // Words as they occur, so frequent words are drawn more often, minus the 100 most
    // frequent (function words nobody searches for) and very short ones.
    let words: Vec<String> = seeds
        .iter()
        .flat_map(|s| s["text"].as_str().unwrap_or("").split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .take(300_000)
        .collect();
    let mut counts = std::collections::HashMap::new();
    for w in &words {
        *counts.entry(w.as_str()).or_insert(0usize) += 1;
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    let stop: std::collections::HashSet<&str> = ranked.iter().take(100).map(|(w, _)| *w).collect();
    words.iter().filter(|w| !stop.contains(w.as_str())).cloned().collect()
}

fn entity_names(seeds: &[serde_json::Value]) -> Vec<String> {
    seeds
        .iter()
        .flat_map(|s| s["entities"].as_array().cloned().unwrap_or_default())
        .filter_map(|e| e["name"].as_str().map(str::to_string))
        .collect()
}

struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}
