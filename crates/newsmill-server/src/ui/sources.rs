//! The sources page: what `newsmill crawl` collected, per site: articles, fetches,
//! failures, last fetch and next poll.

use std::sync::Arc;

use axum::extract::State;
use axum::response::Response;
use maud::{Markup, html};
use newsmill_store::{CrawlStats, SourceRow};

use super::{layout, respond};
use crate::App;
use crate::pool::query;

struct Sources {
    stats: CrawlStats,
    rows: Vec<SourceRow>,
}

pub(crate) async fn page(State(app): State<Arc<App>>) -> Response {
    let sources = query(&app, |s| Ok(Sources { stats: s.crawl_stats()?, rows: s.crawl_sources()? })).await;
    respond(sources.map(render))
}

fn render(s: Sources) -> Markup {
    let st = &s.stats;
    layout::page(
        "Sources",
        html! {
            h1 { "Sources" }
            @if s.rows.is_empty() {
                p.muted { "Nothing crawled yet: collect pages with " code { "newsmill crawl FEED --db DB" } "." }
            } @else {
                ul.counts {
                    li { strong { (st.hosts) } " sites" }
                    li { strong { (st.articles) } " articles crawled" }
                    li { strong { (st.feeds) } " feeds and sitemaps" }
                    li { strong { (st.queued) } " queued" }
                    li { strong { (st.failed) } " failed" }
                    li { strong { (st.disallowed) } " kept out by robots.txt" }
                }
                table.sources {
                    thead { tr {
                        th { "Site" } th { "Articles" } th { "Fetched" } th { "Queued" } th { "Errors" }
                        th { "Last fetch" } th { "Next poll" } th { "Last error" }
                    } }
                    tbody {
                        @for r in &s.rows { (row(r)) }
                    }
                }
            }
        },
    )
}

fn row(r: &SourceRow) -> Markup {
    let when = |t: Option<&str>| t.map(layout::readable_date).unwrap_or_else(|| "—".into());
    html! {
        tr {
            td { (r.host) }
            td.num { (r.articles) }
            td.num { (r.fetched) }
            td.num { (r.queued) }
            td.num title={ (r.disallowed) " disallowed by robots.txt" } { (r.failed) }
            td { (when(r.last_fetch.as_deref())) }
            td { (when(r.next_poll.as_deref())) }
            td.muted { (r.last_error.as_deref().unwrap_or("")) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_row_escapes_what_the_site_sent() {
        let r = SourceRow {
            host: "news.example".into(),
            articles: 3,
            fetched: 5,
            queued: 0,
            failed: 1,
            disallowed: 2,
            last_fetch: Some("2026-12-04T03:00:09Z".into()),
            next_poll: None,
            last_error: Some("<script>x</script>: HTTP status 500".into()),
        };
        let html = row(&r).into_string();
        assert!(html.contains("4 December 2026, 03:00") && html.contains("—"), "{html}");
        assert!(html.contains("&lt;script&gt;") && !html.contains("<script>"), "{html}");
    }
}
