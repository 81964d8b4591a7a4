//! A small pool of read-only store connections. SQLite connections are cheap but their
//! prepared-statement caches are not, so connections are kept and reused; queries run on
//! tokio's blocking threads so a slow one never stalls the async workers.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use newsmill_store::{CancelToken, Limits, Store, StoreError};

use crate::error::ApiError;

pub(crate) struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
}

/// Connections kept idle; more are opened under load and dropped after.
const MAX_IDLE: usize = 16;

impl Pool {
    /// Opens one connection now, so a bad path fails at startup rather than per request.
    pub fn open(path: &Path) -> Result<Pool, StoreError> {
        let first = Store::open_read_only(path)?;
        Ok(Pool { path: path.to_path_buf(), idle: Mutex::new(vec![first]) })
    }

    fn take(&self) -> Result<Store, StoreError> {
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        match idle {
            Some(store) => Ok(store),
            None => Store::open_read_only(&self.path),
        }
    }

    fn give_back(&self, store: Store) {
        if let Ok(mut idle) = self.idle.lock()
            && idle.len() < MAX_IDLE
        {
            idle.push(store);
        }
    }
}

/// Runs a query on a pooled connection, on a blocking thread, within the server's time
/// budget, counted from the call: a request that waited for a free slot until its budget
/// was spent gets a 503 without running. If the request is dropped first (the client went
/// away, or shutdown gave up on it), the query is cancelled instead of running on for nobody.
pub(crate) async fn query<T, F>(app: &Arc<crate::App>, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
{
    let budget = app.query_budget;
    let deadline = tokio::time::Instant::now() + budget;
    let busy = || {
        ApiError::unavailable(format!(
            "the server is too busy to answer within {:.1} s; try again",
            budget.as_secs_f64()
        ))
    };
    let slot = match tokio::time::timeout_at(deadline, Arc::clone(&app.slots).acquire_owned()).await {
        Ok(Ok(slot)) => slot,
        Ok(Err(_)) => return Err(ApiError::internal("the server is shutting down")),
        Err(_) => return Err(busy()),
    };
    let remaining = deadline.saturating_duration_since(tokio::time::Instant::now());
    if remaining.is_zero() {
        return Err(busy());
    }
    let cancel = CancelToken::new();
    let _guard = CancelOnDrop(cancel.clone());
    let limits = Limits { budget: Some(remaining), cancel: Some(cancel) };
    let app = Arc::clone(app);
    tokio::task::spawn_blocking(move || {
        let _slot = slot;
        let store = app.pool.take()?;
        let result = store.limited(&limits, f);
        app.pool.give_back(store);
        result
    })
    .await
    .map_err(|_| ApiError::internal("the query was interrupted"))?
    .map_err(ApiError::from)
}

/// Cancels its token when dropped: with the request future, or once the query is done (a
/// no-op then, since the token belongs to this one query and no other).
struct CancelOnDrop(CancelToken);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_store::{SearchQuery, StoredArticle};

    fn test_app(db: &Path, budget_secs: u64, slots: usize) -> Arc<crate::App> {
        Arc::new(crate::App {
            pool: Pool::open(db).unwrap(),
            query_budget: std::time::Duration::from_secs(budget_secs),
            slots: Arc::new(tokio::sync::Semaphore::new(slots)),
        })
    }

    #[tokio::test(start_paused = true)]
    async fn a_request_that_waits_past_its_budget_for_a_slot_does_not_run() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("c.db");
        drop(Store::open(&db).unwrap());
        let app = test_app(&db, 2, 1);
        let _busy = Arc::clone(&app.slots).acquire_owned().await.unwrap();
        let ran = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = Arc::clone(&ran);
        // Paused time: the wait for the slot ends when the budget does, at once.
        let result = query(&app, move |s| {
            flag.store(true, std::sync::atomic::Ordering::Relaxed);
            s.stats()
        })
        .await;
        let err = result.err().unwrap();
        assert_eq!(err.status, axum::http::StatusCode::SERVICE_UNAVAILABLE, "{}", err.message);
        assert!(!ran.load(std::sync::atomic::Ordering::Relaxed), "the query ran after its budget");
    }

    #[tokio::test]
    async fn dropping_the_request_cancels_its_query() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("c.db");
        let mut store = Store::open(&db).unwrap();
        let run = store.begin_run(&["t"]).unwrap();
        let articles: Vec<StoredArticle> = (0..300)
            .map(|i| {
                let json = serde_json::json!({"id": format!("a{i}"), "source": "s", "published": "2018-11-09",
                    "text": format!("Article number {i} about the harbour bridge.")});
                StoredArticle::from_json(json).unwrap()
            })
            .collect();
        store.write_batch(run, &articles, &[]).unwrap();
        drop(store);
        let app = test_app(&db, 3600, 4);

        let (started_tx, started_rx) = tokio::sync::oneshot::channel();
        let (go_tx, go_rx) = std::sync::mpsc::channel::<()>();
        let (done_tx, done_rx) = std::sync::mpsc::channel();
        let request = tokio::spawn({
            let app = Arc::clone(&app);
            async move {
                query(&app, move |s| {
                    let _ = started_tx.send(());
                    let _ = go_rx.recv();
                    // No words: every article is read and sorted, thousands of SQLite steps.
                    let result = s.search(&SearchQuery { limit: 1000, ..SearchQuery::default() });
                    // SQLite's own error here; `limited` turns it into Cancelled on the way out.
                    let _ = done_tx.send(result.as_ref().is_err_and(|e| e.to_string().contains("interrupted")));
                    result
                })
                .await
            }
        });
        started_rx.await.unwrap();
        request.abort();
        assert!(request.await.is_err(), "the request future was dropped");
        go_tx.send(()).unwrap();
        let done = tokio::task::spawn_blocking(move || done_rx.recv().unwrap()).await.unwrap();
        assert!(done, "the query went on after its request was dropped");
    }
}
