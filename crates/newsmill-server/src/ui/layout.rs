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
                        a href="/sources" { "Sources" }
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

/// A publication date for lists, as people write it (`9 November 2018`), with the full ISO
/// value in `datetime` and in a tooltip; nothing when the date is unknown.
pub(crate) fn date_tag(published: Option<&str>) -> Markup {
    html! { @if let Some(p) = published { time datetime=(p) title=(p) { (readable_date(day(Some(p)))) } } }
}

/// Links to the previous and next page of a list: `path` with `filters` (name, value; empty
/// values left out), the page size and the offset of that page; `more` when rows follow this
/// page's `shown` ones.
pub(crate) fn pager(
    path: &str,
    filters: &[(&str, Option<&str>)],
    offset: usize,
    limit: usize,
    shown: usize,
    more: bool,
) -> Markup {
    let link = |at: usize| {
        let mut query: Vec<String> = filters
            .iter()
            .filter_map(|(k, v)| v.filter(|v| !v.is_empty()).map(|v| format!("{k}={}", url_encode(v))))
            .collect();
        query.push(format!("limit={limit}&offset={at}"));
        format!("{path}?{}", query.join("&"))
    };
    let next = (more && offset + limit <= crate::params::MAX_OFFSET).then(|| link(offset + limit));
    html! {
        @if offset > 0 || next.is_some() {
            nav.pager {
                @if offset > 0 { a rel="prev" href=(link(offset.saturating_sub(limit))) { "← Previous" } }
                span.muted { " " (offset + 1) "–" (offset + shown) " " }
                @if let Some(next) = next { a rel="next" href=(next) { "Next →" } }
            }
        }
    }
}

/// `value` for a URL's query: every byte but letters, digits and `-._~` percent-encoded.
pub(crate) fn url_encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A quote's words as a reader may take them: direct speech in quotation marks; reported
/// speech (the writer's account of what was said) never in quotation marks, set apart so
/// that nobody quotes as said words that were not.
pub(crate) fn quote_words(kind: &str, text: &str) -> Markup {
    // `q` adds the quotation marks: marks kept at the text's ends would double them.
    let text = text.trim_matches(|c: char| c.is_whitespace() || "\"“”‘’'«»„".contains(c));
    html! {
        @if kind == "direct" {
            q.direct { (text) }
        } @else {
            span.reported title="Reported speech: the writer's account, not a quotation" { (text) }
        }
    }
}

/// What the two kinds of quote look like, for every page that lists or marks them.
pub(crate) fn quote_legend() -> Markup {
    html! {
        p.legend {
            span.quote.direct { "Direct speech" } " is quoted as said; "
            span.quote.indirect { "reported speech" } " (in italics in lists) is the writer's account, "
            "not the speaker's words."
        }
    }
}

/// `2018-11-09T22:21:00+03:00` → `9 November 2018, 22:21`; what is not an ISO date is shown
/// as it is.
pub(crate) fn readable_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let part = |range: std::ops::Range<usize>| iso.get(range).and_then(|p| p.parse::<usize>().ok());
    let (Some(year), Some(month), Some(day)) = (part(0..4), part(5..7), part(8..10)) else { return iso.to_string() };
    let Some(name) = month.checked_sub(1).and_then(|m| MONTHS.get(m)) else { return iso.to_string() };
    let date = format!("{day} {name} {year}");
    match (iso.get(10..11), iso.get(11..16)) {
        (Some("T" | " "), Some(time)) if part(11..13).is_some() && part(14..16).is_some() => format!("{date}, {time}"),
        _ => date,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(readable_date("2018-11-09T22:21:00+03:00"), "9 November 2018, 22:21");
        assert_eq!(readable_date("2018-11-09"), "9 November 2018");
        assert_eq!(readable_date("2018-13-09"), "2018-13-09");
        assert_eq!(readable_date("yesterday"), "yesterday");
        let tag = date_tag(Some("2018-11-09T22:21:00+03:00")).into_string();
        assert_eq!(
            tag,
            r#"<time datetime="2018-11-09T22:21:00+03:00" title="2018-11-09T22:21:00+03:00">9 November 2018</time>"#
        );
        assert_eq!(date_tag(None).into_string(), "");
        let nav = pager("/search", &[("q", Some("a b&c")), ("site", None)], 20, 20, 20, true).into_string();
        assert!(nav.contains(r#"href="/search?q=a%20b%26c&amp;limit=20&amp;offset=0""#), "{nav}");
        assert!(nav.contains(r#"href="/search?q=a%20b%26c&amp;limit=20&amp;offset=40""#), "{nav}");
        assert_eq!(pager("/search", &[], 0, 20, 20, false).into_string(), "", "one full last page needs no pager");
    }

    #[test]
    fn reported_speech_is_never_in_quotation_marks() {
        let direct = quote_words("direct", "We will stay").into_string();
        assert_eq!(quote_words("direct", "“We will stay”").into_string(), direct, "no doubled marks");
        let reported = quote_words("indirect", "they would stay").into_string();
        assert!(direct.starts_with("<q class=\"direct\">"), "{direct}");
        assert!(!reported.contains("<q") && reported.contains("class=\"reported\""), "{reported}");
    }
}
