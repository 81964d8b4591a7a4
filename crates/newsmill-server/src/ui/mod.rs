//! The web UI: server-rendered pages (maud escapes every interpolated value) and the assets
//! compiled into the binary.

mod article;
mod chart;
mod entity;
mod highlight;
mod home;
mod layout;
mod quotes;
mod search;
mod sources;

use std::sync::Arc;

use axum::Router;
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use maud::Markup;

use crate::App;
use crate::error::ApiError;

pub(crate) fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/", get(home::page))
        .route("/search", get(search::page))
        .route("/articles/{id}", get(article::page))
        .route("/entities/{id}", get(entity::page))
        .route("/quotes", get(quotes::page))
        .route("/sources", get(sources::page))
        .route("/static/app.css", get(css))
        .route("/static/app.js", get(js))
        .fallback(not_found)
}

async fn css() -> impl IntoResponse {
    ([(CONTENT_TYPE, "text/css; charset=utf-8"), (CACHE_CONTROL, "max-age=3600")], include_str!("../../static/app.css"))
}

async fn js() -> impl IntoResponse {
    (
        [(CONTENT_TYPE, "text/javascript; charset=utf-8"), (CACHE_CONTROL, "max-age=3600")],
        include_str!("../../static/app.js"),
    )
}

async fn not_found() -> Response {
    error_page(ApiError::not_found("There is no page at this address."))
}

/// A page, or the error it ran into shown as a page with the right status.
pub(crate) fn respond(result: Result<Markup, ApiError>) -> Response {
    match result {
        Ok(markup) => Html(markup.into_string()).into_response(),
        Err(err) => error_page(err),
    }
}

fn error_page(err: ApiError) -> Response {
    let title = if err.status == StatusCode::NOT_FOUND { "Not found" } else { "Something went wrong" };
    let body = layout::page(
        title,
        maud::html! {
            h1 { (title) }
            p.muted { (err.message) }
            p { a href="/" { "Back to the corpus" } }
        },
    );
    (err.status, Html(body.into_string())).into_response()
}
