//! The article page: the clean reading view with its metadata, entities and quotes marked.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use maud::{Markup, html};
use serde_json::Value;

use super::{highlight, layout, respond};
use crate::App;
use crate::error::ApiError;
use crate::pool::query;

pub(crate) async fn page(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    let lookup = id.clone();
    let found = query(&app, move |s| match s.article(&lookup)? {
        Some(a) => Ok(Some((a, s.article_entity_ids(&lookup)?))),
        None => Ok(None),
    })
    .await;
    respond(found.and_then(|f| match f {
        Some((article, ids)) => Ok(render(&article, &ids.into_iter().collect())),
        None => Err(ApiError::not_found(format!("No article has the id {id}."))),
    }))
}

fn render(a: &Value, ids: &HashMap<String, i64>) -> Markup {
    let s = |k: &str| a[k].as_str().unwrap_or("");
    let title = a["title"].as_str().unwrap_or("(untitled)");
    let authors: Vec<&str> = a["authors"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    layout::page(
        title,
        html! {
            article.reader {
                h1 { (title) }
                p.meta {
                    @if !s("site").is_empty() { span { (s("site")) } }
                    @if !s("published").is_empty() { span { time datetime=(s("published")) { (layout::readable_date(s("published"))) } } }
                    @if !authors.is_empty() { span { "by " (authors.join(", ")) } }
                    @if !s("url").is_empty() { span { a href=(safe_url(s("url"))) rel="noopener noreferrer nofollow" { "original" } } }
                }
                @if !s("description").is_empty() { p.standfirst { (s("description")) } }
                @if a["quotes"].as_array().is_some_and(|q| !q.is_empty()) { (layout::quote_legend()) }
                (highlight::body(a, ids))
            }
            aside.side {
                @if !s("language").is_empty() && !s("language").starts_with("en") {
                    p.legend { "The analysis (names, quotes) is for English; this article is in "
                        (s("language")) ", so none is shown." }
                }
                h2 { "Named" }
                ul {
                    @for e in a["entities"].as_array().into_iter().flatten() {
                        @let name = e["name"].as_str().unwrap_or("");
                        @let kind = e["type"].as_str().unwrap_or("");
                        li {
                            @match e["id"].as_str().and_then(|id| ids.get(id)) {
                                Some(gid) => a class={ "ent " (kind.to_lowercase()) } href={ "/entities/" (gid) } { (name) },
                                None => span { (name) },
                            }
                            span.muted { " " (kind) }
                        }
                    }
                }
                h2 { "Quotes" }
                @let quotes = a["quotes"].as_array().cloned().unwrap_or_default();
                @if quotes.is_empty() { p.muted { "None found." } }
                ul.quotes {
                    @for q in &quotes {
                        li {
                            (layout::quote_words(q["kind"].as_str().unwrap_or(""), q["text"].as_str().unwrap_or("")))
                            " — "
                            @let sp = &q["speaker"];
                            @match (sp["name"].as_str().or(sp["text"].as_str()), sp["entity"].as_str().and_then(|id| ids.get(id))) {
                                (Some(n), Some(gid)) => a href={ "/entities/" (gid) } { (n) },
                                (Some(n), None) => span { (n) },
                                _ => span.muted { "speaker unknown" },
                            }
                        }
                    }
                }
            }
        },
    )
}

/// Only http(s) links leave the page: a `javascript:` URL in a hostile page stays inert.
fn safe_url(url: &str) -> &str {
    let lower = url.trim_start().to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") { url } else { "#" }
}
