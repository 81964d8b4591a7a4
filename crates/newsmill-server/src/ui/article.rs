//! The article page: the clean reading view with its metadata, entities and quotes marked.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use maud::{Markup, html};
use newsmill_store::ArticleRecord;

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

fn render(a: &ArticleRecord, ids: &HashMap<String, i64>) -> Markup {
    let title = a.title.as_deref().unwrap_or("(untitled)");
    let language = a.language.as_deref().unwrap_or_default();
    let global = |local: &str| ids.get(local).copied();
    layout::page(
        title,
        html! {
            article.reader {
                h1 { (title) }
                p.meta {
                    @if let Some(site) = &a.site { span { (site) } }
                    @if let Some(published) = &a.published { span { time datetime=(published) title=(published) { (layout::readable_date(published)) } } }
                    @if !a.authors.is_empty() { span { "by " (a.authors.join(", ")) } }
                    @if let Some(url) = &a.url { span { a href=(safe_url(url)) rel="noopener noreferrer nofollow" { "original" } } }
                }
                @if let Some(description) = &a.description { p.standfirst { (description) } }
                @if !a.quotes.is_empty() { (layout::quote_legend()) }
                (highlight::body(a, ids))
            }
            aside.side {
                @if !language.is_empty() && !language.starts_with("en") {
                    p.legend { "The analysis (names, quotes) is for English; this article is in "
                        (language) ", so none is shown." }
                }
                h2 { "Named" }
                ul {
                    @for e in &a.entities {
                        li {
                            @match global(&e.id) {
                                Some(gid) => a class={ "ent " (e.kind.as_str().to_lowercase()) } href={ "/entities/" (gid) } { (e.name) },
                                None => span { (e.name) },
                            }
                            span.muted { " " (e.kind) }
                        }
                    }
                }
                h2 { "Quotes" }
                @if a.quotes.is_empty() { p.muted { "None found." } }
                ul.quotes {
                    @for q in &a.quotes {
                        li {
                            @let parts = std::iter::once(q.text.as_ref()).chain(q.continuation.iter().map(|c| c.text.as_ref()));
                            (layout::quote_words(q.kind.as_str(), &parts.collect::<Vec<_>>().join(" … ")))
                            " — "
                            @let sp = q.speaker.as_ref();
                            @match (sp.map(|s| s.name.as_deref().unwrap_or(&s.text)), sp.and_then(|s| global(s.entity.as_deref()?))) {
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
