//! The home page: what the corpus holds, coverage over time, who is in it.

use std::sync::Arc;

use axum::extract::State;
use axum::response::Response;
use maud::{Markup, html};
use newsmill_store::{EntityQuery, EntityRow, SearchHit, SearchQuery, SpeakerRow, Stats};

use super::{chart, layout, respond};
use crate::App;
use crate::pool::query;

struct Home {
    stats: Stats,
    per_day: Vec<(String, i64)>,
    people: Vec<EntityRow>,
    orgs: Vec<EntityRow>,
    places: Vec<EntityRow>,
    speakers: Vec<SpeakerRow>,
    recent: Vec<SearchHit>,
}

pub(crate) async fn page(State(app): State<Arc<App>>) -> Response {
    let home = query(&app, |s| {
        let top = |kind: &str| s.entities(&EntityQuery { kind: Some(kind.into()), top: 10 });
        Ok(Home {
            stats: s.stats()?,
            per_day: s.articles_per_day()?,
            people: top("PERSON")?,
            orgs: top("ORG")?,
            places: top("LOC")?,
            speakers: s.speakers(10)?,
            // No search words: the newest articles first.
            recent: s.search(&SearchQuery { limit: 10, ..SearchQuery::default() })?,
        })
    })
    .await;
    respond(home.map(render))
}

fn render(h: Home) -> Markup {
    let s = &h.stats;
    layout::page(
        "Corpus",
        html! {
            h1 { "The corpus" }
            ul.counts {
                li { strong { (s.articles) } " articles" }
                li { strong { (s.entities) } " entities" }
                li { strong { (s.quotes) } " quotes" }
                li { strong { (s.near_duplicates) } " near-duplicates" }
                @if let (Some(a), Some(b)) = (&s.first_published, &s.last_published) {
                    li { "published " (layout::date_tag(Some(a))) " to " (layout::date_tag(Some(b))) }
                }
            }
            (chart::bars(&h.per_day, 120, "Articles per day"))
            section.recent {
                h2 { "Recent articles" }
                @if h.recent.is_empty() { p.muted { "None yet: ingest some pages." } }
                ol {
                    @for a in &h.recent {
                        li {
                            a href={ "/articles/" (a.id) } { (a.title.as_deref().unwrap_or("(untitled)")) }
                            span.muted { " " (layout::date_tag(a.published.as_deref())) " " (a.site.as_deref().unwrap_or("")) }
                        }
                    }
                }
            }
            div.grid {
                (entity_list("People", &h.people))
                (entity_list("Organisations", &h.orgs))
                (entity_list("Places", &h.places))
                section {
                    h2 { "Most quoted" }
                    @if h.speakers.is_empty() { p.muted { "No attributed quotes yet." } }
                    ol {
                        @for sp in &h.speakers {
                            li { a href={ "/entities/" (sp.entity) } { (sp.name) } span.muted { " " (sp.quotes) " quotes" } }
                        }
                    }
                }
            }
        },
    )
}

fn entity_list(title: &str, rows: &[EntityRow]) -> Markup {
    html! {
        section {
            h2 { (title) }
            @if rows.is_empty() { p.muted { "None yet." } }
            ol {
                @for e in rows {
                    li { a href={ "/entities/" (e.id) } { (e.name) } span.muted { " " (e.articles) " articles" } }
                }
            }
        }
    }
}
