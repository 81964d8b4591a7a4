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
use std::time::Duration;

use axum::Router;

pub use error::ServeError;
use pool::Pool;

/// Shared by all requests.
pub(crate) struct App {
    pool: Pool,
    /// Longest a request's database work, waiting included, may take before it is stopped
    /// (503).
    query_budget: Duration,
    /// Queries allowed to run at once; the rest wait their turn (within their budget) rather
    /// than all share the cores and all run late.
    slots: Arc<tokio::sync::Semaphore>,
}

/// How the server bounds its work.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Longest one request's queries may run; past it the request gets a 503.
    pub query_budget: Duration,
    /// After Ctrl-C or SIGTERM, how long requests in flight may take to finish.
    pub grace: Duration,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions { query_budget: Duration::from_secs(2), grace: Duration::from_secs(5) }
    }
}

/// How [`serve`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stopped {
    /// Asked to stop; every request in flight finished.
    Gracefully,
    /// Asked to stop; requests still running after the grace period were abandoned.
    GraceExpired,
    /// Asked to stop twice: stopped at once. A caller should exit without waiting for
    /// background work (a process exits with 130, as after SIGINT).
    Forced,
}

/// The whole site: API under `/api`, pages, and static assets, with the default options.
/// Fails if `db` is not a readable newsmill database.
pub fn router(db: &Path) -> Result<Router, ServeError> {
    router_with(db, &ServeOptions::default())
}

/// [`router`] with the given options.
pub fn router_with(db: &Path, options: &ServeOptions) -> Result<Router, ServeError> {
    let pool = Pool::open(db)?;
    let slots = Arc::new(tokio::sync::Semaphore::new(query_slots()));
    let app = Arc::new(App { pool, query_budget: options.query_budget, slots });
    Ok(Router::new()
        .merge(api::routes())
        .merge(ui::routes())
        .layer(axum::middleware::from_fn(security::headers))
        .with_state(app))
}

/// Eight queries per core: enough that short queries share the cores with a long one
/// instead of queueing behind it, few enough that an overload queues instead of starting
/// hundreds of threads that all run late.
fn query_slots() -> usize {
    std::thread::available_parallelism().map_or(16, |n| 8 * n.get())
}

/// Serves until Ctrl-C (or SIGTERM), then finishes the requests in flight for at most
/// `options.grace`; a second Ctrl-C stops at once. `ready` is called with the bound address
/// once the server accepts connections.
pub async fn serve(
    db: &Path,
    addr: SocketAddr,
    options: &ServeOptions,
    ready: impl FnOnce(SocketAddr),
) -> Result<Stopped, ServeError> {
    let router = router_with(db, options)?;
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|source| ServeError::Bind { addr, source })?;
    let bound = listener.local_addr().map_err(|source| ServeError::Bind { addr, source })?;
    let (signals, received) = tokio::sync::mpsc::channel(2);
    tokio::spawn(forward_signals(signals));
    ready(bound);
    run(listener, router, received, options.grace).await
}

/// Serves until the first stop request on `stops`; then waits for the requests in flight,
/// for at most `grace`, or until a second stop request.
async fn run(
    listener: tokio::net::TcpListener,
    router: Router,
    mut stops: tokio::sync::mpsc::Receiver<()>,
    grace: Duration,
) -> Result<Stopped, ServeError> {
    let (shutdown, shutdown_rx) = tokio::sync::oneshot::channel::<()>();
    let server = axum::serve(listener, router).with_graceful_shutdown(async {
        let _ = shutdown_rx.await;
    });
    let mut server = std::pin::pin!(server.into_future());
    // A closed channel never asks to stop.
    let mut next_stop = async || {
        if stops.recv().await.is_none() {
            std::future::pending::<()>().await;
        }
    };
    tokio::select! {
        result = &mut server => return result.map(|()| Stopped::Gracefully).map_err(ServeError::Io),
        () = next_stop() => {}
    }
    let _ = shutdown.send(());
    tokio::select! {
        biased;
        () = next_stop() => Ok(Stopped::Forced),
        result = &mut server => result.map(|()| Stopped::Gracefully).map_err(ServeError::Io),
        () = tokio::time::sleep(grace) => Ok(Stopped::GraceExpired),
    }
}

/// Each Ctrl-C or SIGTERM becomes one stop request.
async fn forward_signals(stops: tokio::sync::mpsc::Sender<()>) {
    #[cfg(unix)]
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
    loop {
        let ctrl_c = async {
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        };
        #[cfg(unix)]
        let terminated = async {
            match term.as_mut() {
                Some(s) => {
                    s.recv().await;
                }
                None => std::future::pending::<()>().await,
            }
        };
        #[cfg(not(unix))]
        let terminated = std::future::pending::<()>();
        tokio::select! {
            () = ctrl_c => {},
            () = terminated => {},
        }
        if stops.send(()).await.is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::routing::get;
    use tokio::io::AsyncWriteExt;

    /// A server with one endpoint that never answers, and one request to it in flight.
    async fn stuck_server()
    -> (tokio::net::TcpListener, Router, tokio::net::TcpStream, tokio::sync::oneshot::Receiver<()>) {
        let (entered_tx, entered) = tokio::sync::oneshot::channel::<()>();
        let entered_tx = Arc::new(std::sync::Mutex::new(Some(entered_tx)));
        let router = Router::new().route(
            "/stuck",
            get(move || {
                if let Some(tx) = entered_tx.lock().ok().and_then(|mut t| t.take()) {
                    let _ = tx.send(());
                }
                std::future::pending::<&'static str>()
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let mut client = tokio::net::TcpStream::connect(addr).await.unwrap();
        client.write_all(b"GET /stuck HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
        (listener, router, client, entered)
    }

    #[tokio::test(start_paused = true)]
    async fn a_stuck_request_is_abandoned_after_the_grace_period() {
        let (listener, router, _client, entered) = stuck_server().await;
        let (stop, stops) = tokio::sync::mpsc::channel(2);
        let server = tokio::spawn(run(listener, router, stops, Duration::from_secs(5)));
        entered.await.unwrap();
        stop.send(()).await.unwrap();
        // Paused time jumps ahead when nothing else can run: only the grace period ends it.
        assert_eq!(server.await.unwrap().unwrap(), Stopped::GraceExpired);
    }

    #[tokio::test(start_paused = true)]
    async fn a_second_stop_request_stops_at_once() {
        let (listener, router, _client, entered) = stuck_server().await;
        let (stop, stops) = tokio::sync::mpsc::channel(2);
        let server = tokio::spawn(run(listener, router, stops, Duration::from_secs(3600)));
        entered.await.unwrap();
        stop.send(()).await.unwrap();
        stop.send(()).await.unwrap();
        assert_eq!(server.await.unwrap().unwrap(), Stopped::Forced);
    }

    #[tokio::test]
    async fn a_client_that_disconnects_drops_its_request() {
        struct Dropped(Option<tokio::sync::oneshot::Sender<()>>);
        impl Drop for Dropped {
            fn drop(&mut self) {
                if let Some(tx) = self.0.take() {
                    let _ = tx.send(());
                }
            }
        }
        let (entered_tx, entered) = tokio::sync::oneshot::channel::<()>();
        let (dropped_tx, dropped) = tokio::sync::oneshot::channel::<()>();
        let slots = Arc::new(std::sync::Mutex::new(Some((entered_tx, dropped_tx))));
        let router = Router::new().route(
            "/stuck",
            get(move || {
                let taken = slots.lock().ok().and_then(|mut t| t.take());
                async move {
                    let Some((entered_tx, dropped_tx)) = taken else { return "again" };
                    let _guard = Dropped(Some(dropped_tx));
                    let _ = entered_tx.send(());
                    std::future::pending::<&'static str>().await
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (_stop, stops) = tokio::sync::mpsc::channel(2);
        tokio::spawn(run(listener, router, stops, Duration::from_secs(5)));
        let mut client = tokio::net::TcpStream::connect(addr).await.unwrap();
        client.write_all(b"GET /stuck HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
        entered.await.unwrap();
        drop(client);
        // Ends only if the server drops the handler's future when its client goes away (the
        // minute is a bound against hanging, not a speed requirement).
        let dropped = tokio::time::timeout(Duration::from_secs(60), dropped).await;
        assert!(matches!(dropped, Ok(Ok(()))), "the request outlived its client");
    }

    #[tokio::test]
    async fn with_nothing_in_flight_a_stop_is_graceful() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let (stop, stops) = tokio::sync::mpsc::channel(2);
        let server = tokio::spawn(run(listener, Router::new(), stops, Duration::from_secs(3600)));
        stop.send(()).await.unwrap();
        assert_eq!(server.await.unwrap().unwrap(), Stopped::Gracefully);
    }
}
