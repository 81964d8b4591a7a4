//! The quotes explorer: who said what, by speaker, by subject, by date.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::response::Response;
use maud::{Markup, html};
use newsmill_store::QuoteRow;

use super::{layout, respond};
use crate::App;
use crate::params::QuoteParams;
use crate::pool::query;

pub(crate) async fn page(State(app): State<Arc<App>>, Query(p): Query<QuoteParams>) -> Response {
    let rows = match p.to_query() {
        // One row more than the page shows tells whether there is a next page.
        Ok(mut q) => {
            q.limit += 1;
            query(&app, move |s| s.quotes(&q)).await
        }
        Err(e) => Err(e),
    };
    respond(rows.map(|r| render(&p, &r)))
}

fn render(p: &QuoteParams, rows: &[QuoteRow]) -> Markup {
    let limit = p.limit.unwrap_or(30).min(crate::params::MAX_PAGE);
    let (rows, more) = (&rows[..rows.len().min(limit)], rows.len() > limit);
    layout::page(
        "Quotes",
        html! {
            h1 { "Who said what" }
            form.filters action="/quotes" method="get" {
                label { "Speaker" input name="speaker" value=(p.speaker.as_deref().unwrap_or("")) maxlength="500"; }
                label { "About" input name="about" value=(p.about.as_deref().unwrap_or("")) maxlength="500"; }
                label { "From" input type="date" name="since" value=(p.since.as_deref().unwrap_or("")); }
                label { "To" input type="date" name="until" value=(p.until.as_deref().unwrap_or("")); }
                button type="submit" { "Show" }
            }
            @if rows.is_empty() { p.muted { "No quotes match." } } @else { (layout::quote_legend()) }
            ul.quotes.big {
                @for q in rows {
                    li {
                        (layout::quote_words(&q.kind, &q.text))
                        div.meta {
                            @match (&q.speaker, q.speaker_id) {
                                (Some(n), Some(id)) => a href={ "/entities/" (id) } { (n) },
                                (Some(n), None) => span { (n) },
                                _ => span.muted { "speaker unknown" },
                            }
                            " · " (if q.kind == "direct" { "direct" } else { "reported" }) " · "
                            a href={ "/articles/" (q.article) } { (q.title.as_deref().unwrap_or("(untitled)")) }
                            " " span.muted { (layout::date_tag(q.published.as_deref())) }
                        }
                    }
                }
            }
            (layout::pager("/quotes", &[
                ("speaker", p.speaker.as_deref()), ("about", p.about.as_deref()),
                ("since", p.since.as_deref()), ("until", p.until.as_deref()),
            ], p.offset.unwrap_or(0), limit, rows.len(), more))
        },
    )
}
