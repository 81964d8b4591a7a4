//! The frame every page shares: head, navigation with the search box, footer.

use maud::{DOCTYPE, Markup, html};

pub(crate) fn page(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · newsmill" }
                link rel="stylesheet" href="/static/app.css";
                // No icon request: an empty data URL (allowed by the CSP's img-src data:).
                link rel="icon" href="data:,";
                script src="/static/app.js" defer {}
            }
            body {
                header.top {
                    a.brand href="/" { "newsmill" }
                    nav {
                        a href="/search" { "Search" }
                        a href="/quotes" { "Quotes" }
                    }
                    form.quick action="/search" method="get" role="search" {
                        input #quick-search type="search" name="q" placeholder="Search the corpus  ( / )"
                            aria-label="Search the corpus" maxlength="500";
                    }
                }
                main { (body) }
                footer { "newsmill — news corpus explorer" }
            }
        }
    }
}

/// `2018-11-09T22:21:00+03:00` → `2018-11-09`.
pub(crate) fn day(published: Option<&str>) -> &str {
    published.map_or("", |p| p.get(..10).unwrap_or(p))
}
