//! The entity page: who or what it is, titles seen, mentions over time, quotes, company kept.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use maud::{Markup, html};
use newsmill_store::EntityDetail;

use super::{chart, layout, respond};
use crate::App;
use crate::error::ApiError;
use crate::pool::query;

pub(crate) async fn page(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    let Ok(number) = id.parse::<i64>() else {
        return respond(Err(ApiError::not_found(format!("No entity has the id {id}."))));
    };
    let found = query(&app, move |s| s.entity(number)).await;
    respond(
        found.and_then(|e| e.map(render).ok_or_else(|| ApiError::not_found(format!("No entity has the id {number}.")))),
    )
}

fn render(e: EntityDetail) -> Markup {
    layout::page(
        &e.name,
        html! {
            h1 { (e.name) " " span class={ "badge " (e.kind.to_lowercase()) } { (e.kind) } }
            p.muted { (e.mentions) " mentions in " (e.articles.len()) @if e.articles.len() >= 50 { "+" } " articles" }
            @if !e.titles.is_empty() {
                h2 { "Titles and roles" }
                ul.titles { @for (t, n) in &e.titles { li { (t) span.muted { " ×" (n) } } } }
            }
            h2 { "Mentions over time" }
            (chart::bars(&e.timeline, 120, "Mentions per day"))
            div.grid {
                section {
                    h2 { "Quotes" }
                    @if e.quotes.is_empty() { p.muted { "No quotes attributed." } } @else { (layout::quote_legend()) }
                    ul.quotes {
                        @for q in &e.quotes {
                            li { (layout::quote_words(&q.kind, &q.text)) " " a.muted href={ "/articles/" (q.article) } { (layout::date_tag(q.published.as_deref())) } }
                        }
                    }
                    // The list stops at 50; the quotes page pages through all of them.
                    @if e.quotes.len() >= 50 {
                        p { a.more href={ "/quotes?speaker=" (layout::url_encode(&e.name)) } { "All quotes by " (e.name) " →" } }
                    }
                }
                section {
                    h2 { "Named with" }
                    ol {
                        @for c in &e.co_mentioned {
                            li { a class={ "ent " (c.kind.to_lowercase()) } href={ "/entities/" (c.id) } { (c.name) } span.muted { " " (c.articles) " articles" } }
                        }
                    }
                }
                section {
                    h2 { "Articles" }
                    ul {
                        @for a in &e.articles {
                            li { a href={ "/articles/" (a.id) } { (a.title.as_deref().unwrap_or("(untitled)")) } span.muted { " " (layout::date_tag(a.published.as_deref())) } }
                        }
                    }
                    @if e.articles.len() >= 50 {
                        p { a.more href={ "/search?entity=" (layout::url_encode(&e.name)) } { "All articles naming " (e.name) " →" } }
                    }
                }
            }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_store::ArticleRef;

    fn detail(articles: usize) -> EntityDetail {
        let article = |i: usize| ArticleRef { id: format!("a{i}"), title: None, site: None, published: None };
        EntityDetail {
            id: 7,
            name: "Ana Lima".into(),
            kind: "PERSON".into(),
            titles: vec![],
            timeline: vec![],
            mentions: articles as i64,
            articles: (0..articles).map(article).collect(),
            quotes: vec![],
            co_mentioned: vec![],
        }
    }

    #[test]
    fn a_full_list_links_to_the_paged_search() {
        let html = render(detail(50)).into_string();
        assert!(html.contains(r#"href="/search?entity=Ana%20Lima""#), "{html}");
        assert!(!render(detail(3)).into_string().contains("/search?entity="), "a short list is whole");
    }
}
