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
                            @let members = sp.map(|s| s.members.as_slice()).unwrap_or_default();
                            @if !members.is_empty() {
                                (group_links(a, members, &global))
                            } @else {
                            @match (sp.map(|s| s.name.as_deref().unwrap_or(&s.text)), sp.and_then(|s| global(s.entity.as_deref()?))) {
                                (Some(n), Some(gid)) => a href={ "/entities/" (gid) } { (n) },
                                (Some(n), None) => span { (n) },
                                _ => span.muted { "speaker unknown" },
                            }
                            }
                        }
                    }
                }
            }
        },
    )
}

/// A group speaker's members, each linked to its entity page: `A, B and C`.
fn group_links(
    a: &ArticleRecord,
    members: &[std::borrow::Cow<'_, str>],
    global: &impl Fn(&str) -> Option<i64>,
) -> Markup {
    let name = |id: &str| a.entities.iter().find(|e| e.id == id).map_or(id.to_string(), |e| e.name.to_string());
    html! {
        @for (i, m) in members.iter().enumerate() {
            @if i > 0 { (if i + 1 == members.len() { " and " } else { ", " }) }
            @match global(m) {
                Some(gid) => a href={ "/entities/" (gid) } { (name(m)) },
                None => span { (name(m)) },
            }
        }
    }
}

/// Only http(s) links leave the page: a `javascript:` URL in a hostile page stays inert.
fn safe_url(url: &str) -> &str {
    let lower = url.trim_start().to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") { url } else { "#" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_group_speaker_links_each_member() {
        let text = "Chiou and Howlett said it works.";
        let article: ArticleRecord = serde_json::from_value(json!({
            "id": "t", "source": "t", "text": text,
            "entities": [{"id": "E1", "name": "Lyndie Chiou", "type": "PERSON", "mentions": [{"start": 0, "end": 5}]},
                         {"id": "E2", "name": "Joe <Howlett>", "type": "PERSON", "mentions": [{"start": 10, "end": 17}]}],
            "quotes": [{"text": "it works", "start": 23, "end": 31, "kind": "indirect",
                        "speaker": {"text": "Chiou and Howlett", "start": 0, "end": 17,
                                    "name": "Lyndie Chiou and Joe <Howlett>", "members": ["E1", "E2"]}}]
        }))
        .unwrap();
        let ids = HashMap::from([("E1".to_string(), 7), ("E2".to_string(), 8)]);
        let page = render(&article, &ids).into_string();
        let links = r#"<a href="/entities/7">Lyndie Chiou</a> and <a href="/entities/8">Joe &lt;Howlett&gt;</a>"#;
        assert!(page.contains(links), "{page}");
    }
}
