//! The per-document pipeline the commands share: raw input to analysed article, in parallel
//! batches that keep input order and bound memory whatever the corpus size.

use std::sync::mpsc::{self, Receiver};
use std::thread::Scope;

use anyhow::Context;
use newsmill_core::analyze::{Resources, analyze};
use newsmill_core::ingest::{Inputs, ReadConfig};
use newsmill_core::{Article, Error, ErrorKind, ExtractConfig, RawDoc, extract};
use rayon::prelude::*;

/// Documents read ahead and processed in parallel: enough to keep every core busy, few
/// enough that a batch of large pages stays small in memory.
pub const BATCH: usize = 64;

/// The models, loaded once and shared read-only by the worker threads.
/// The per-document size cap of the commands that read documents.
#[derive(clap::Args)]
pub struct SizeLimit {
    /// Largest document accepted, in megabytes (after decompression); a larger one is
    /// reported and skipped, and the rest go on.
    #[arg(long, default_value_t = 64, value_name = "MB", value_parser = clap::value_parser!(u64).range(1..=4096))]
    pub max_mb: u64,
}

impl SizeLimit {
    pub fn bytes(&self) -> u64 {
        self.max_mb * 1024 * 1024
    }

    pub fn read_config(&self) -> ReadConfig {
        ReadConfig { max_bytes: self.bytes() }
    }
}

pub fn resources() -> anyhow::Result<Resources> {
    Resources::embedded().context("cannot load the built-in models (NER, places)")
}

/// One raw document to its analysed article. A bug that panics on one document becomes
/// that document's error: the batch, and what is already stored, go on.
pub fn process(raw: &RawDoc, config: &ExtractConfig, res: &Resources) -> Result<Article, Error> {
    let run = || extract(raw, config).map(|doc| analyze(doc, res));
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        Err(Error::new(raw.source.clone(), ErrorKind::Internal(message)))
    })
}

/// The next batch of results from `inputs`, in input order; empty at the end.
pub fn next_batch(inputs: &mut Inputs, config: &ExtractConfig, res: &Resources) -> Vec<Result<Article, Error>> {
    next_batch_then(inputs, config, res, |article| article)
}

/// As [`next_batch`], with `then` applied to each article on the worker that made it, so
/// what a caller does next with every article (serializing it, say) runs on all cores too.
pub fn next_batch_then<T: Send>(
    inputs: &mut Inputs,
    config: &ExtractConfig,
    res: &Resources,
    then: impl Fn(Article) -> T + Sync,
) -> Vec<Result<T, Error>> {
    process_batch(inputs.by_ref().take(BATCH).collect(), config, res, then)
}

/// Processes read documents on all cores, in input order, with `then` applied to each
/// article on the worker that made it.
pub fn process_batch<T: Send>(
    batch: Vec<Result<RawDoc, Error>>,
    config: &ExtractConfig,
    res: &Resources,
    then: impl Fn(Article) -> T + Sync,
) -> Vec<Result<T, Error>> {
    batch.into_par_iter().map(|item| item.and_then(|raw| process(&raw, config, res)).map(&then)).collect()
}

/// Documents as read, with how far through the inputs the reader was after them.
pub struct RawBatch {
    /// Empty at the end of the inputs.
    pub docs: Vec<Result<RawDoc, Error>>,
    pub bytes_read: u64,
    /// WARC records skipped so far.
    pub skipped: u64,
}

/// Reads `inputs` in batches on a thread of its own, one batch ahead of the workers, so
/// reading (decompressing, WARC framing) overlaps extraction instead of idling the cores.
pub fn read_ahead<'scope>(scope: &'scope Scope<'scope, '_>, mut inputs: Inputs) -> Receiver<RawBatch> {
    let (tx, rx) = mpsc::sync_channel(1);
    scope.spawn(move || {
        loop {
            let docs: Vec<_> = inputs.by_ref().take(BATCH).collect();
            let end = docs.is_empty();
            let batch = RawBatch { docs, bytes_read: inputs.progress().0, skipped: inputs.skipped() };
            if tx.send(batch).is_err() || end {
                break;
            }
        }
    });
    rx
}
