//! What can go wrong with a store, said so a user knows what to do.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("no database at {}; create one with `newsmill ingest INPUT --db {}`", path.display(), path.display())]
    Missing { path: PathBuf },
    #[error("{} is not a newsmill database (not an SQLite file); pass another --db path", path.display())]
    NotADatabase { path: PathBuf },
    #[error(
        "{} is an SQLite database of another program (it has tables but no newsmill schema version); \
         newsmill leaves it untouched: pass another --db path",
        path.display()
    )]
    Foreign { path: PathBuf },
    #[error("{} holds no newsmill corpus yet; add articles with `newsmill ingest INPUT --db {}`", path.display(), path.display())]
    Empty { path: PathBuf },
    #[error("{} has an invalid schema version ({found}); it is damaged or not newsmill's", path.display())]
    BadVersion { path: PathBuf, found: i64 },
    #[error(
        "{} was written by a newer newsmill (schema version {found}, this one knows up to {supported}); \
         upgrade newsmill or use another --db path",
        path.display()
    )]
    TooNew { path: PathBuf, found: i64, supported: i64 },
    #[error(
        "{} was written by an older newsmill (schema {found}, this one uses {current}) and must be \
         upgraded, which needs write access: run `newsmill ingest` or `newsmill stats` on it where it is writable",
        path.display()
    )]
    TooOld { path: PathBuf, found: i64, current: i64 },
    #[error("cannot write to {}: the file or its folder is read-only; pass a writable --db path", path.display())]
    ReadOnly { path: PathBuf },
    #[error("cannot open {}: {source}", path.display())]
    Open { path: PathBuf, source: rusqlite::Error },
    #[error(
        "the database is locked by another writer (another `newsmill ingest` on it?) for over 10 s; \
         let it finish, then run the same command again"
    )]
    Busy,
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("stored article is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("invalid query: {0}")]
    Query(String),
    #[error(
        "the query ran past its time budget of {budget:?} and was stopped; narrow it (fewer or rarer words, a date range)"
    )]
    TimedOut { budget: std::time::Duration },
    #[error("the query was cancelled")]
    Cancelled,
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Another connection holds the lock SQLite needs.
pub(crate) fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}
