//! The per-document pipeline the commands share: raw input to analysed article, in parallel
//! batches that keep input order and bound memory whatever the corpus size.

use std::sync::mpsc::{self, Receiver};
use std::thread::Scope;

use anyhow::Context;
use newsmill::{Article, ContentKind, Error, Inputs, Options, Pipeline, RawDoc, ReadConfig};
use newsmill_analyze::Resources;

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

    /// Pipeline options with this limit: analysis on, no time budget (the command line
    /// waits for every document), the rest as given.
    pub fn options(&self, explain: bool, force_kind: Option<ContentKind>) -> Options {
        Options { analyze: true, max_bytes: self.bytes(), time_budget: None, explain, force_kind, comments: false }
    }
}

pub fn resources() -> anyhow::Result<Resources> {
    Resources::embedded().context("cannot load the built-in models (NER, places)")
}

/// A quote tagger model file of `newsmill train quotes` (plain or gzipped), for scoring taggers
/// that are not built in.
pub fn quote_model(path: &std::path::Path) -> anyhow::Result<newsmill_analyze::quotes::tagger::TaggerModel> {
    let load = || -> anyhow::Result<_> {
        Ok(newsmill_analyze::quotes::tagger::TaggerModel::from_bytes(&std::fs::read(path)?)?)
    };
    load().with_context(|| format!("cannot load the quote model {}", path.display()))
}

/// The built-in resources, or the same with the NER model read from `ner_model` (for scoring
/// a model that is not built in).
pub fn resources_with(ner_model: Option<&std::path::Path>) -> anyhow::Result<Resources> {
    match ner_model {
        Some(path) => {
            Resources::from_model_file(path).with_context(|| format!("cannot load the NER model {}", path.display()))
        }
        None => resources(),
    }
}

/// The pipeline with the built-in models, run with `options`.
pub fn build(options: Options) -> anyhow::Result<Pipeline> {
    Pipeline::new(options).context("cannot load the built-in models")
}

/// The next batch of results from `inputs`, in input order; empty at the end.
pub fn next_batch(inputs: &mut Inputs, pipeline: &Pipeline) -> Vec<Result<Article, Error>> {
    pipeline.process_batch(inputs.by_ref().take(Pipeline::batch_size()).collect())
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
    let batch_size = Pipeline::batch_size();
    scope.spawn(move || {
        loop {
            let docs: Vec<_> = inputs.by_ref().take(batch_size).collect();
            let end = docs.is_empty();
            let batch = RawBatch { docs, bytes_read: inputs.progress().0, skipped: inputs.skipped() };
            if tx.send(batch).is_err() || end {
                break;
            }
        }
    });
    rx
}

/// Refuses inputs that are web addresses: newsmill reads files and does not fetch pages, and
/// a user who passed one should hear so, not "no such file".
pub fn refuse_urls(inputs: &[String]) -> anyhow::Result<()> {
    let url = inputs.iter().find(|i| {
        let lower = i.to_ascii_lowercase();
        (lower.starts_with("http://") || lower.starts_with("https://")) && !std::path::Path::new(i.as_str()).exists()
    });
    match url {
        Some(url) => anyhow::bail!(
            "{url} is a web address: newsmill reads files and does not fetch pages; \
             download it first (curl -L -o page.html '{url}') and pass the file"
        ),
        None => Ok(()),
    }
}
