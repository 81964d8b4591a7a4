//! Bounds on a read: a time budget and a cancel flag, checked by SQLite itself every few
//! hundred virtual-machine steps (a progress handler), so no query can run on after its
//! budget or after the one who asked for it has gone.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rusqlite::ErrorCode;

use crate::Store;
use crate::error::{Result, StoreError};

/// SQLite steps between two checks: frequent enough to stop within a fraction of a
/// millisecond, rare enough that reading the clock costs nothing measurable.
const STEPS_PER_CHECK: i32 = 1000;

/// A flag another thread sets to stop a query (e.g. when an HTTP client disconnects).
#[derive(Debug, Clone, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// What bounds a read: at most `budget` of time, and stopped when `cancel` is set.
#[derive(Debug, Clone, Default)]
pub struct Limits {
    pub budget: Option<Duration>,
    pub cancel: Option<CancelToken>,
}

impl Limits {
    pub fn budget(budget: Duration) -> Self {
        Limits { budget: Some(budget), cancel: None }
    }
}

impl Store {
    /// Runs reads `f` on this store within `limits`: past the budget they fail with
    /// [`StoreError::TimedOut`], once cancelled with [`StoreError::Cancelled`].
    pub fn limited<T>(&self, limits: &Limits, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        if limits.cancel.as_ref().is_some_and(CancelToken::is_cancelled) {
            return Err(StoreError::Cancelled);
        }
        if limits.budget.is_none() && limits.cancel.is_none() {
            return f(self);
        }
        let deadline = limits.budget.map(|b| Instant::now() + b);
        let cancel = limits.cancel.clone();
        let timed_out = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&timed_out);
        self.conn().progress_handler(
            STEPS_PER_CHECK,
            Some(move || {
                if cancel.as_ref().is_some_and(CancelToken::is_cancelled) {
                    return true;
                }
                let late = deadline.is_some_and(|d| Instant::now() >= d);
                if late {
                    flag.store(true, Ordering::Relaxed);
                }
                late
            }),
        )?;
        let result = f(self);
        // The handler belongs to this call only: a pooled connection must not keep it.
        self.conn().progress_handler(0, None::<fn() -> bool>)?;
        result.map_err(|e| match e {
            StoreError::Sqlite(e) if e.sqlite_error_code() == Some(ErrorCode::OperationInterrupted) => {
                match (timed_out.load(Ordering::Relaxed), limits.budget) {
                    (true, Some(budget)) => StoreError::TimedOut { budget },
                    _ => StoreError::Cancelled,
                }
            }
            other => other,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A statement that never ends on its own.
    fn forever(s: &Store) -> Result<i64> {
        Ok(s.conn().query_row(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
            [],
            |r| r.get(0),
        )?)
    }

    #[test]
    fn a_query_past_its_budget_is_interrupted() {
        let store = Store::open_in_memory().unwrap();
        let err = store.limited(&Limits::budget(Duration::ZERO), forever).unwrap_err();
        assert!(matches!(err, StoreError::TimedOut { .. }), "{err:?}");
        // The handler is gone afterwards: the connection works without limits.
        assert_eq!(store.conn().query_row("SELECT 1", [], |r| r.get::<_, i64>(0)).unwrap(), 1);
    }

    #[test]
    fn a_cancelled_query_stops() {
        let store = Store::open_in_memory().unwrap();
        let cancel = CancelToken::new();
        let limits = Limits { budget: None, cancel: Some(cancel.clone()) };
        let canceller = std::thread::spawn(move || cancel.cancel());
        let err = store.limited(&limits, forever).unwrap_err();
        canceller.join().unwrap();
        assert!(matches!(err, StoreError::Cancelled), "{err:?}");
        assert!(matches!(store.limited(&limits, forever), Err(StoreError::Cancelled)), "cancelled before it starts");
    }
}
