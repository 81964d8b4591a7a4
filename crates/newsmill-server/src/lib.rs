//! # newsmill-server
//!
//! The HTTP API and web UI over a corpus database (`newsmill serve`). Read-only: every
//! request runs the `newsmill-store` query functions on a pooled read-only connection, off the
//! async threads. Pages are rendered on the server (maud escapes every piece of article
//! content); the few assets are compiled into the binary, so the UI works offline, and a
//! Content-Security-Policy forbids inline script.

mod api;
mod error;
mod params;
mod pool;
mod security;
mod ui;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use axum::Router;

pub use error::ServeError;
use pool::Pool;

/// Shared by all requests.
pub(crate) struct App {
    pool: Pool,
}

/// The whole site: API under `/api`, pages, and static assets. Fails if `db` is not a
/// readable newsmill database.
pub fn router(db: &Path) -> Result<Router, ServeError> {
    let pool = Pool::open(db)?;
    let app = Arc::new(App { pool });
    Ok(Router::new()
        .merge(api::routes())
        .merge(ui::routes())
        .layer(axum::middleware::from_fn(security::headers))
        .with_state(app))
}

/// Serves until Ctrl-C (or SIGTERM), then finishes the requests in flight. `ready` is
/// called with the bound address once the server accepts connections.
pub async fn serve(db: &Path, addr: SocketAddr, ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    let router = router(db)?;
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|source| ServeError::Bind { addr, source })?;
    let bound = listener.local_addr().map_err(|source| ServeError::Bind { addr, source })?;
    ready(bound);
    axum::serve(listener, router).with_graceful_shutdown(shutdown_signal()).await.map_err(ServeError::Io)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
