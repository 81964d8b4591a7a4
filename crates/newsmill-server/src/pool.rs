//! A small pool of read-only store connections. SQLite connections are cheap but their
//! prepared-statement caches are not, so connections are kept and reused; queries run on
//! tokio's blocking threads so a slow one never stalls the async workers.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use newsmill_store::{Store, StoreError};

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

/// Runs a query on a pooled connection, on a blocking thread.
pub(crate) async fn query<T, F>(app: &Arc<crate::App>, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
{
    let app = Arc::clone(app);
    tokio::task::spawn_blocking(move || {
        let store = app.pool.take()?;
        let result = f(&store);
        app.pool.give_back(store);
        result
    })
    .await
    .map_err(|_| ApiError::internal("the query was interrupted"))?
    .map_err(ApiError::from)
}
