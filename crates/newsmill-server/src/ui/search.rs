//! The search page: a form with every filter, and hits with highlighted snippets.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::response::Response;
use maud::{Markup, html};
use newsmill_model::EntityType;
use newsmill_store::{HIGHLIGHT_END, HIGHLIGHT_START, SearchHit};

use super::{layout, respond};
use crate::App;
use crate::params::SearchParams;
use crate::pool::query;

pub(crate) async fn page(State(app): State<Arc<App>>, Query(p): Query<SearchParams>) -> Response {
    if p.is_empty() {
        return respond(Ok(render(&p, None)));
    }
    let hits = match p.to_query() {
        // One hit more than the page shows tells whether there is a next page.
        Ok(mut q) => {
            q.limit += 1;
            query(&app, move |s| s.search(&q)).await
        }
        Err(e) => Err(e),
    };
    respond(hits.map(|h| render(&p, Some(&h))))
}

fn render(p: &SearchParams, hits: Option<&[SearchHit]>) -> Markup {
    let limit = p.limit.unwrap_or(20).min(crate::params::MAX_PAGE);
    let more = hits.is_some_and(|h| h.len() > limit);
    let hits = hits.map(|h| &h[..h.len().min(limit)]);
    let kind = p.kind.as_deref().unwrap_or("");
    layout::page(
        "Search",
        html! {
            h1 { "Search" }
            form.filters action="/search" method="get" {
                label.wide { "Words" input type="search" name="q" value=(p.q) maxlength="500" autofocus; }
                label { "Entity" input name="entity" value=(p.entity.as_deref().unwrap_or("")) maxlength="500"; }
                label { "Type" select name="type" {
                    option value="" selected[kind.is_empty()] { "any" }
                    @for t in EntityType::ALL.map(EntityType::as_str) { option value=(t) selected[kind == t] { (t) } }
                } }
                label { "Speaker" input name="speaker" value=(p.speaker.as_deref().unwrap_or("")) maxlength="500"; }
                label { "Site" input name="site" value=(p.site.as_deref().unwrap_or("")) maxlength="500"; }
                label { "From" input type="date" name="since" value=(p.since.as_deref().unwrap_or("")); }
                label { "To" input type="date" name="until" value=(p.until.as_deref().unwrap_or("")); }
                button type="submit" { "Search" }
            }
            @if let Some(hits) = hits {
                p.muted { (hits.len()) " results" @if hits.len() >= 20 { " (best 20)" } }
                ol.hits {
                    @for h in hits {
                        li {
                            a.title href={ "/articles/" (h.id) } { (h.title.as_deref().unwrap_or("(untitled)")) }
                            div.meta { (layout::date_tag(h.published.as_deref())) " " (h.site.as_deref().unwrap_or("")) }
                            p.snippet { (snippet(&h.snippet)) }
                        }
                    }
                }
            }
            @if let Some(hits) = hits {
                (layout::pager("/search", &[
                    ("q", Some(p.q.as_str())), ("entity", p.entity.as_deref()), ("type", p.kind.as_deref()),
                    ("speaker", p.speaker.as_deref()), ("site", p.site.as_deref()), ("since", p.since.as_deref()),
                    ("until", p.until.as_deref()),
                ], p.offset.unwrap_or(0), limit, hits.len(), more))
            }
        },
    )
}

/// The snippet with its matches in `<mark>`: split on the store's private-use markers, so
/// every piece of article text still goes through escaping.
pub(crate) fn snippet(text: &str) -> Markup {
    html! {
        @for (i, part) in text.split([HIGHLIGHT_START, HIGHLIGHT_END]).enumerate() {
            @if i % 2 == 1 { mark { (part) } } @else { (part) }
        }
    }
}
