//! # newsmill-store
//!
//! The corpus store: one SQLite file (bundled SQLite, WAL mode, FTS5) holding articles in
//! their public JSON form and what the analysis found in them, with idempotent batched
//! writes, near-duplicate links, full-text search and the aggregates the CLI and the server
//! show.
//!
//! ```
//! use newsmill_store::{SearchQuery, Store, StoredArticle};
//!
//! let mut store = Store::open_in_memory().unwrap();
//! let json = serde_json::json!({"id": "a1", "source": "a.html", "title": "Bridge reopens",
//!     "text": "The harbour bridge reopened on Monday after two years of repairs."});
//! let run = store.begin_run(&["a.html"]).unwrap();
//! store.write_batch(run, &[StoredArticle::from_json(json).unwrap()], &[]).unwrap();
//! let hits = store.search(&SearchQuery::text("bridge repairs")).unwrap();
//! assert_eq!(hits[0].id, "a1");
//! ```

mod crawl;
mod detail;
mod error;
mod export;
mod limits;
mod minhash;
mod open;
mod query;
mod record;
mod schema;
mod write;

pub use crawl::{
    CrawlStats, FeedUpdate, FetchJournal, FetchRecord, FoundUrl, MAX_PAGE_ATTEMPTS, NewFetch, PendingFetch, QueuedUrl,
    SourceRow, UrlKind, UrlState, Validators,
};
pub use detail::{ArticleRef, CoMention, EntityDetail};
pub use error::{Result, StoreError};
pub use limits::{CancelToken, Limits};
pub use query::{
    EntityQuery, EntityRow, HIGHLIGHT_END, HIGHLIGHT_START, QuoteQuery, QuoteRow, SearchHit, SearchQuery, SpeakerRow,
    Stats, is_day,
};
pub use record::{ArticleRecord, StoredArticle};
pub use schema::SCHEMA_VERSION;
pub use write::{BatchOutcome, Failure, RunId};

/// An open corpus database. One writer at a time; readers may run alongside (WAL).
pub struct Store {
    conn: rusqlite::Connection,
    /// Corpus ids of the entities this writer has stored, by normalised name and type.
    entity_ids: write::EntityIds,
}
