//! [`Pipeline`]: raw document in, article out, one document's trouble kept to itself.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use newsmill_analyze::{ResourceError, Resources, TimedOut, analyze_until};
use newsmill_extract::{ContentKind, Error, ErrorKind, ExtractConfig, RawDoc, extract};
use newsmill_model::Article;
use rayon::prelude::*;

/// What a [`Pipeline`] does with each document.
#[derive(Debug, Clone)]
pub struct Options {
    /// Run the analysis (names, quotes, amounts, dates, places) after extraction.
    pub analyze: bool,
    /// Documents larger than this many bytes are refused with [`ErrorKind::TooLarge`].
    pub max_bytes: u64,
    /// Time allowed per document; past it the document ends with [`ErrorKind::TimedOut`].
    /// Checked after extraction and between the stages of the analysis, so a document stops
    /// at the first check past its budget. `None`: no limit.
    pub time_budget: Option<Duration>,
    /// Record what extraction removed and why (`Document::removed`).
    pub explain: bool,
    /// Treat every document as HTML or as flattened text instead of telling by content.
    pub force_kind: Option<ContentKind>,
    /// Keep readers' comments in `Document::comments` (HTML pages).
    pub comments: bool,
}

impl Default for Options {
    /// Analysis on, 64 MiB, two seconds, no removal list.
    fn default() -> Self {
        Options {
            analyze: true,
            max_bytes: 64 << 20,
            time_budget: Some(Duration::from_secs(2)),
            explain: false,
            force_kind: None,
            comments: false,
        }
    }
}

/// Why a pipeline cannot be built: a model shipped in the program does not load.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A model of the analysis (NER, place gazetteer, quote taggers).
    #[error("cannot load the analysis models: {0}")]
    Analysis(#[from] ResourceError),
    /// The line classifier of the text extractor.
    #[error("cannot load the text extractor's model: {0}")]
    Extraction(&'static str),
}

/// Extraction and analysis, with the models loaded once. Share one pipeline between
/// threads: it is read-only after [`Pipeline::new`].
pub struct Pipeline {
    options: Options,
    extract: ExtractConfig,
    resources: Option<Resources>,
}

impl Pipeline {
    /// Loads the models the options need; any that does not load is an error, never
    /// silently replaced.
    pub fn new(options: Options) -> Result<Pipeline, LoadError> {
        newsmill_extract::check_models().map_err(LoadError::Extraction)?;
        let resources = if options.analyze { Some(Resources::embedded()?) } else { None };
        let extract =
            ExtractConfig { explain: options.explain, force_kind: options.force_kind, comments: options.comments };
        Ok(Pipeline { options, extract, resources })
    }

    /// The options this pipeline runs with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// One document to its article. A panic inside newsmill becomes this document's
    /// [`ErrorKind::Internal`] error.
    pub fn process(&self, raw: &RawDoc) -> Result<Article, Error> {
        let size = raw.bytes.len() as u64;
        if size > self.options.max_bytes {
            return Err(Error::new(raw.source.clone(), ErrorKind::TooLarge { size, limit: self.options.max_bytes }));
        }
        let run = || self.run(raw);
        catch_unwind(AssertUnwindSafe(run)).unwrap_or_else(|panic| {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(Error::new(raw.source.clone(), ErrorKind::Internal(message)))
        })
    }

    fn run(&self, raw: &RawDoc) -> Result<Article, Error> {
        let budget = self.options.time_budget;
        let deadline = budget.and_then(|b| Instant::now().checked_add(b));
        let timed_out = |budget: Duration| Error::new(raw.source.clone(), ErrorKind::TimedOut { budget });
        let doc = extract(raw, &self.extract)?;
        if let (Some(budget), Some(deadline)) = (budget, deadline)
            && Instant::now() >= deadline
        {
            return Err(timed_out(budget));
        }
        let Some(resources) = &self.resources else { return Ok(Article::from_document(doc)) };
        analyze_until(doc, resources, deadline).map_err(|TimedOut(_)| timed_out(budget.unwrap_or_default()))
    }

    /// How many documents to hand [`Pipeline::process_batch`] at once: 16 per worker thread,
    /// enough that one slow page rarely idles the other cores, few enough that a batch's
    /// pages stay in cache and memory (four times as many ran 2% slower on one core, 40%
    /// more memory).
    pub fn batch_size() -> usize {
        16 * rayon::current_num_threads()
    }

    /// Documents (or the errors reading them) to articles on all cores, in input order.
    pub fn process_batch(&self, batch: Vec<Result<RawDoc, Error>>) -> Vec<Result<Article, Error>> {
        self.process_batch_then(batch, |article| article)
    }

    /// As [`Pipeline::process_batch`], with `then` applied to each article on the worker
    /// thread that made it, so what the caller does next (serializing, say) runs on all
    /// cores too.
    pub fn process_batch_then<T: Send>(
        &self,
        batch: Vec<Result<RawDoc, Error>>,
        then: impl Fn(Article) -> T + Sync,
    ) -> Vec<Result<T, Error>> {
        batch.into_par_iter().map(|item| item.and_then(|raw| self.process(&raw)).map(&then)).collect()
    }
}
