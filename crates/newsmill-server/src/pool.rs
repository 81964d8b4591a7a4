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
/// budget. If the request is dropped first (the client went away, or shutdown gave up on
/// it), the query is cancelled instead of running on for nobody.
pub(crate) async fn query<T, F>(app: &Arc<crate::App>, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
{
    let cancel = CancelToken::new();
    let _guard = CancelOnDrop(cancel.clone());
    let limits = Limits { budget: Some(app.query_budget), cancel: Some(cancel) };
    let app = Arc::clone(app);
    tokio::task::spawn_blocking(move || {
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
        let app =
            Arc::new(crate::App { pool: Pool::open(&db).unwrap(), query_budget: std::time::Duration::from_secs(3600) });

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
