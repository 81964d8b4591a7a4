//! Publication and modification dates. The declared publication date comes from JSON-LD,
//! `<meta>` tags, microdata or script data; a date in the URL path, the date shown beside
//! the headline and other datelines check or replace it. A page that only says when it was
//! modified is taken as published then.

use std::ops::ControlFlow;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use ego_tree::{NodeId, NodeRef};
use rustc_hash::FxHashMap;
use scraper::{ElementRef, Html, Node, Selector};

use super::Page;
use super::jsonld::LdFacts;
use crate::html::elements::{Elements, Tag};
use super::meta_tags::MetaTags;
use super::shown_date::{Shown, shown_dates};
use crate::dates::{date_from_url, parse_date};
use crate::model::DateSource;

/// `<meta>` keys of the publication date, most specific first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "published_time",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "datecreated",
    "article_date_original",
    "original-publish-date",
    "citation_publication_date",
    "published-date",
    "publication_date",
    "publication-date",
    "originalpublicationdate",
    "date_published",
    "rnews:datepublished",
    "article.created",
    "citation_date",
    "date",
    "dc.date",
    "dcterms.date",
    "dc:date",
    "published",
];

/// `<meta>` keys of the modification date.
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "article:modified",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
];

/// Words in a class or id that mark an element holding a dateline.
const DATELINE_HINTS: &[&str] = &["date", "time", "publish", "posted", "byline", "dateline", "meta", "info"];
/// Words that mark a date that is not the publication's.
const NOT_PUBLISHED_HINTS: &[&str] = &["update", "modif", "comment", "reply", "event", "expire", "copyright"];
/// Text longer than this is a paragraph, not a dateline.
const MAX_DATELINE_CHARS: usize = 120;
/// Scripts longer than this are libraries, not page data.
const MAX_SCRIPT_BYTES: usize = 3_000_000;
/// Elements scanned for datelines, so a huge page costs little.
const MAX_ELEMENTS: usize = 20_000;

/// What a page says about its dates, gathered once; [`dates`] chooses among it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Candidates {
    /// A date in the URL path (`/2018/11/09/`).
    pub url_day: Option<String>,
    /// The declared publication date: JSON-LD, `<meta>`, microdata, script data.
    pub declared: Option<String>,
    /// The declared modification date.
    pub modified: Option<String>,
    /// Dates shown around the headline.
    pub shown: Vec<Shown>,
    /// `<time pubdate datetime>`: the page marking its own publication date.
    pub pubdate: Option<String>,
}

impl Candidates {
    pub(crate) fn read(
        page: &Page,
        tags: &MetaTags,
        ld: &LdFacts,
        urls: [Option<&str>; 2],
        title: Option<&str>,
    ) -> Self {
        let modified = ld
            .modified
            .as_deref()
            .and_then(parse_date)
            .or_else(|| MODIFIED_KEYS.iter().find_map(|k| parse_date(tags.get(k)?)));
        let declared = ld
            .published
            .as_deref()
            .and_then(parse_date)
            .or_else(|| PUBLISHED_KEYS.iter().find_map(|k| tags.all(k).find_map(parse_date)))
            .or_else(|| microdata(&page.els, "datePublished"))
            .or_else(|| script_date(&page.els))
            .or_else(|| attribute_date(page.dom));
        let url_day = urls.iter().flatten().find_map(|u| date_from_url(u));
        let pubdate = Selector::parse("time[pubdate]")
            .ok()
            .and_then(|sel| page.els.select(Tag::Time, &sel).find_map(|t| t.value().attr("datetime").and_then(parse_date)));
        Candidates { url_day, declared, modified, shown: shown_dates(page, title), pubdate }
    }
}

fn same_day(a: &str, b: &Option<String>) -> bool {
    b.as_deref().is_some_and(|b| a.get(..10) == b.get(..10))
}

/// Returns (published, modified) as ISO 8601.
///
/// 1. A date in the URL path is fixed at publication and outranks the rest (the declared
///    date is kept for its time when it falls on the same day).
/// 2. A date shown beside the headline without an "Updated" label is what readers take as
///    the story's date: the declared date when it agrees (for its time and offset), else
///    the shown one. This settles time zones (UTC metadata a day off the local date) and
///    wrong template metadata. A shown date equal to the modification date yields to the
///    declared publication date.
/// 3. Else the declared date, a shown "Updated" date, a dateline elsewhere, the
///    modification date.
pub(crate) fn dates(
    page: &Page,
    tags: &MetaTags,
    ld: &LdFacts,
    urls: [Option<&str>; 2],
    title: Option<&str>,
) -> (Option<(String, DateSource)>, Option<String>) {
    let dom = page.dom;
    let c = Candidates::read(page, tags, ld, urls, title);
    let Candidates { url_day, declared, modified, shown, pubdate } = c;
    // A declared date equal to the modification date is often just the last save; the
    // page's own `<time pubdate>` then says when it went out.
    let declared = match pubdate {
        Some(p) if declared.is_none() || declared == modified => Some(p),
        _ => declared,
    };
    let from = |source: DateSource| move |date: String| (date, source);
    // A date in the URL path is fixed when the address is made: no later update or time
    // zone moves it. Only a declared date that the headline's dateline confirms outranks it
    // (the address was made days before the story went out).
    if let Some(day) = url_day {
        let confirmed =
            declared.as_deref().is_some_and(|d| shown.iter().any(|s| !s.updated && same_day(d, &Some(s.date.clone()))));
        let published = if same_day(&day, &declared) || confirmed {
            declared.map(from(DateSource::Metadata))
        } else {
            Some((day, DateSource::Url))
        };
        return (published, modified);
    }
    // Dates shown without an "Updated" label are publication dates; the declared one
    // wins among them for its time and offset.
    // A page is not published after its last modification: a shown date more than a day
    // later (one day is a time zone) belongs to something else on the page.
    let publishable = |s: &&Shown| !s.updated && !days_after(&s.date, modified.as_deref(), 1);
    // `10/09/2024` read month-first against a declared 2024-09-10: the declared date is
    // unambiguous, unless it is itself impossible (after the modification date).
    let swapped = |s: &Shown| {
        declared.as_deref().is_some_and(|d| day_month_swapped(&s.date, d) && !days_after(d, modified.as_deref(), 0))
    };
    let declared_as = |source| declared.clone().map(from(source));
    let first_shown = shown
        .iter()
        .filter(publishable)
        .find(|s| same_day(&s.date, &declared))
        .or_else(|| shown.iter().find(publishable))
        .map(|s| {
            if same_day(&s.date, &declared) || swapped(s) {
                declared_as(DateSource::Metadata)
            } else if same_day(&s.date, &modified) {
                declared_as(DateSource::Metadata).or_else(|| modified.clone().map(from(DateSource::Modified)))
            } else {
                Some((s.date.clone(), DateSource::Headline))
            }
        });
    let updated_shown = shown.first().map(|s| {
        if same_day(&s.date, &modified) {
            modified.clone().map(from(DateSource::Modified))
        } else {
            Some((s.date.clone(), DateSource::Headline))
        }
    });
    let published = first_shown
        .flatten()
        .or_else(|| declared_as(DateSource::Metadata))
        // The "Updated" date beside the headline is the page's own; a dateline elsewhere
        // may be a sidebar's.
        .or_else(|| updated_shown.flatten())
        .or_else(|| visible_dateline(dom).map(from(DateSource::Dateline)))
        .or_else(|| modified.clone().map(from(DateSource::Modified)))
        .or_else(|| microdata(&page.els, "dateModified").map(from(DateSource::Modified)))
        .or_else(|| first_date_in_text(dom).map(from(DateSource::Text)));
    (published, modified)
}

/// Whether day `a` falls more than `days` days after day `b` (false when either is unknown).
fn days_after(a: &str, b: Option<&str>, days: i64) -> bool {
    let day = |s: &str| NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok();
    match (day(a), b.and_then(day)) {
        (Some(a), Some(b)) => (a - b).num_days() > days,
        _ => false,
    }
}

/// `2024-10-09` and `2024-09-10`: one numeric date read day-first and month-first.
fn day_month_swapped(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() >= 10
        && b.len() >= 10
        && a[..5] == b[..5]
        && a[5..7] == b[8..10]
        && a[8..10] == b[5..7]
        && a[5..7] != a[8..10]
}

/// Every candidate, for studying misses (newsmill-lab's ignored metadata test).
#[cfg(feature = "internals")]
pub fn debug_candidates(dom: &Html, page_url: Option<&str>) -> String {
    let page = Page::new(dom);
    let tags = MetaTags::read(&page.els);
    let ld = super::jsonld::read(&page.els);
    let title = super::headline::title(&page.els, &tags, &ld, None);
    let c = Candidates::read(&page, &tags, &ld, [page_url, None], title.as_deref());
    format!(
        "{c:?} dateline={:?} md_modified={:?} text={:?}",
        visible_dateline(dom),
        microdata(&page.els, "dateModified"),
        first_date_in_text(dom)
    )
}

/// `"publishedDate":"2019-08-16…` and the like in script data; group 1 is the date.
fn keyed_script_date() -> Option<&'static Regex> {
    static KEYED: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(
            r#"(?:datePublished|publishedDate|published_at|publishDate|publish_date|pubDate|firstPublishedAt|date_published|publishedAt|publicationDate|publication_date)\\?"?\s*:\s*\\?"(\d{4}-\d{2}-\d{2}[^"\\]{0,30})"#,
        )
        .ok()
    });
    KEYED.as_ref()
}

/// Whether a script body may hold a publication date this module reads: the pass before
/// parsing keeps such scripts and empties the others, which nothing reads.
pub(crate) fn script_may_hold_date(body: &str) -> bool {
    body.len() <= MAX_SCRIPT_BYTES && keyed_script_date().is_none_or(|re| re.is_match(body))
}

/// A publication date in a page script's data (framework state, analytics variables):
/// `"publishedDate":"2019-08-16T00:00:00Z"`, `published_at:\"2025-06-17\"`.
fn script_date(els: &Elements) -> Option<String> {
    let re = keyed_script_date()?;
    let sel = Selector::parse("script").ok()?;
    els.select(Tag::Script, &sel).take(200).find_map(|script| {
        script
            .text()
            .filter(|t| t.len() <= MAX_SCRIPT_BYTES)
            .find_map(|text| re.captures(text).and_then(|c| parse_date(c.get(1)?.as_str())))
    })
}

/// Page data a script reads from an attribute (`<div data-props="{&quot;datePublished&quot;:…}">`,
/// JSON-LD escaped into a component's props): the same keys as in script data.
fn attribute_date(dom: &Html) -> Option<String> {
    let re = keyed_script_date()?;
    dom.root_element().descendants().filter_map(ElementRef::wrap).take(MAX_ELEMENTS).find_map(|el| {
        el.value()
            .attrs()
            .filter(|(_, v)| v.len() <= MAX_SCRIPT_BYTES && (v.contains("ublic") || v.contains("ublish") || v.contains("pubDate")))
            .find_map(|(_, v)| re.captures(v).and_then(|c| parse_date(c.get(1)?.as_str())))
    })
}

/// `itemprop=datePublished` on elements other than `<meta>`: `<time datetime>`, a
/// `content` attribute or the element's text.
fn microdata(els: &Elements, prop: &str) -> Option<String> {
    let sel = Selector::parse(&format!("[itemprop~={prop}]")).ok()?;
    els.select_itemprop(&sel).find_map(|el| {
        let v = el.value();
        [v.attr("datetime"), v.attr("content")].into_iter().flatten().find_map(parse_date).or_else(|| element_date(el))
    })
}

/// The first dateline shown on the page: a `<time>` element, or a short element whose
/// class or id says it holds a date, skipping update times and comments.
fn visible_dateline(dom: &Html) -> Option<String> {
    // Depth first in document order, skipping whole subtrees marked as updates or comments.
    // The flag: a parent's class or id already said "date", as in a dateline whose date
    // sits in an unmarked `<span>` next to other things.
    let mut stack = vec![(dom.root_element(), false)];
    let mut seen = 0;
    while let Some((el, parent_hinted)) = stack.pop() {
        seen += 1;
        if seen > MAX_ELEMENTS {
            break;
        }
        let v = el.value();
        let hints = super::class_and_id(v);
        if NOT_PUBLISHED_HINTS.iter().any(|h| hints.contains(h))
            || matches!(v.name(), "script" | "style" | "blockquote")
        {
            continue;
        }
        let hinted = DATELINE_HINTS.iter().any(|h| hints.contains(h));
        if v.name() == "time" {
            if let Some(d) = v.attr("datetime").and_then(parse_date).or_else(|| element_date(el)) {
                return Some(d);
            }
        } else if (hinted || parent_hinted)
            && let Some(d) = element_date(el)
        {
            return Some(d);
        }
        let children: Vec<_> = el.children().filter_map(ElementRef::wrap).map(|c| (c, hinted)).collect();
        stack.extend(children.into_iter().rev());
    }
    None
}

/// Last resort: the first short text anywhere on the page that is nothing but a date
/// (`Nov 21, 2018`) or a labelled one (`Posted: Nov 21, 2018`), outside scripts, navigation
/// and comments; an update line (`Last updated: …`) when nothing else is found.
/// Whether `node` lies inside an element whose dates are no publication date (scripts,
/// navigation, comments, update notices). What each ancestor says is remembered in `seen`, so
/// the text nodes of one element do not read its classes again and again.
fn in_skipped_element(node: NodeRef<'_, Node>, seen: &mut FxHashMap<NodeId, bool>) -> bool {
    let mut unknown = Vec::new();
    let mut skipped = false;
    for a in node.ancestors() {
        if let Some(&known) = seen.get(&a.id()) {
            skipped = known;
            break;
        }
        unknown.push(a);
    }
    // Outermost first: an element is skipped when it or any element around it is.
    for a in unknown.into_iter().rev() {
        skipped = skipped
            || ElementRef::wrap(a).is_some_and(|e| {
                let v = e.value();
                let hints = super::class_and_id(v);
                matches!(v.name(), "script" | "style" | "nav" | "footer" | "noscript" | "template" | "blockquote")
                    || NOT_PUBLISHED_HINTS.iter().any(|h| hints.contains(h))
            });
        seen.insert(a.id(), skipped);
    }
    skipped
}

fn first_date_in_text(dom: &Html) -> Option<String> {
    let mut skipped = FxHashMap::default();
    let settled = dom
        .root_element()
        .descendants()
        .filter_map(|n| {
            let text = n.value().as_text()?.trim();
            if !(6..=40).contains(&text.chars().count()) {
                return None;
            }
            (!in_skipped_element(n, &mut skipped)).then_some(text)
        })
        .take(3000)
        .try_fold(None, |updated: Option<String>, text| {
            // `Posted: May 12, 2021` reads as its date; `Last updated: …` only when no line
            // says more (a page that only says when it changed is taken as published then).
            let (label, date) = match text.split_once(':') {
                Some((label, rest)) if is_date_label(label) => (label.to_lowercase(), rest.trim()),
                Some(_) => return ControlFlow::Continue(updated),
                None => (String::new(), text),
            };
            let words = date.split_whitespace().count();
            let found = (words <= 5 && date.chars().any(|c| c.is_ascii_digit())).then(|| parse_date(date)).flatten();
            match found {
                Some(d) if NOT_PUBLISHED_HINTS.iter().any(|h| label.contains(h)) => {
                    ControlFlow::Continue(updated.or(Some(d)))
                }
                Some(d) => ControlFlow::Break(d),
                None => ControlFlow::Continue(updated),
            }
        });
    match settled {
        ControlFlow::Break(date) => Some(date),
        ControlFlow::Continue(updated) => updated,
    }
}

/// The label of a dateline before its colon: a few words, no digits (not the hour of a time).
fn is_date_label(label: &str) -> bool {
    let words = label.split_whitespace().count();
    (1..=3).contains(&words) && !label.chars().any(|c| c.is_ascii_digit())
}

/// A date in an element's own short text, unless the text says it is an update time.
fn element_date(el: ElementRef) -> Option<String> {
    let mut text = String::new();
    for piece in el.text() {
        text.push_str(piece);
        text.push(' ');
        if text.len() > MAX_DATELINE_CHARS * 4 {
            return None;
        }
    }
    let text = crate::title::collapse_whitespace(&text);
    if text.is_empty() || text.chars().count() > MAX_DATELINE_CHARS {
        return None;
    }
    let lower = text.to_lowercase();
    if ["updated", "aktualisiert", "mis à jour", "actualizado", "modified"].iter().any(|w| lower.starts_with(w)) {
        return None;
    }
    parse_date(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dated(html: &str, url: Option<&str>) -> (Option<(String, DateSource)>, Option<String>) {
        let dom = Html::parse_document(html);
        let page = Page::new(&dom);
        let tags = MetaTags::read(&page.els);
        let ld = super::super::jsonld::read(&page.els);
        dates(&page, &tags, &ld, [url, url], None)
    }

    fn dates_of(html: &str, url: Option<&str>) -> (Option<String>, Option<String>) {
        let (published, modified) = dated(html, url);
        (published.map(|(date, _)| date), modified)
    }

    #[test]
    fn each_date_names_the_evidence_that_gave_it() {
        let source = |html: &str, url: Option<&str>| dated(html, url).0.map(|(_, s)| s);
        let meta = r#"<meta property="article:published_time" content="2018-11-09T22:21:00+03:00">"#;
        assert_eq!(source(meta, None), Some(DateSource::Metadata));
        // The address's day outranks metadata a day off; metadata on the same day keeps its time.
        assert_eq!(source(meta, Some("https://x.example/2018/11/12/story")), Some(DateSource::Url));
        assert_eq!(source(meta, Some("https://x.example/2018/11/09/story")), Some(DateSource::Metadata));
        let modified_only = r#"<meta property="article:modified_time" content="2019-02-03">"#;
        assert_eq!(source(modified_only, None), Some(DateSource::Modified));
        assert_eq!(source("<p>Nothing dated here.</p>", None), None);
    }

    #[test]
    fn jsonld_graph_before_meta() {
        let html = r#"<meta property="article:published_time" content="2019-01-01T00:00:00Z">
            <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2020-02-03T04:05:06-05:00","dateModified":"2020-02-04"}]}</script>"#;
        let (p, m) = dates_of(html, None);
        assert_eq!(p.as_deref(), Some("2020-02-03T04:05:06-05:00"));
        assert_eq!(m.as_deref(), Some("2020-02-04"));
    }

    #[test]
    fn opengraph_and_meta_names() {
        let html = r#"<meta property="article:published_time" content="2018-11-09T22:21:00+03:00">"#;
        assert_eq!(dates_of(html, None).0.as_deref(), Some("2018-11-09T22:21:00+03:00"));
        let html =
            r#"<meta name="DC.date.issued" content="2017-05-06"><meta name="sailthru.date" content="2017-05-07">"#;
        assert_eq!(dates_of(html, None).0.as_deref(), Some("2017-05-07"));
    }

    #[test]
    fn time_elements_and_microdata() {
        let html = r#"<div><span itemprop="datePublished" content="2016-03-04T10:00:00Z">4 March</span></div>"#;
        assert_eq!(dates_of(html, None).0.as_deref(), Some("2016-03-04T10:00:00+00:00"));
        let html = r#"<aside class="updated"><time datetime="2020-01-01">x</time></aside><p><time datetime="2016-03-04">4 March</time></p>"#;
        assert_eq!(dates_of(html, None).0.as_deref(), Some("2016-03-04"));
    }

    #[test]
    fn url_date_before_visible_dateline() {
        let html = r#"<div class="post-date">March 5, 2015</div>"#;
        assert_eq!(dates_of(html, Some("https://x.example/2018/11/09/story")).0.as_deref(), Some("2018-11-09"));
        assert_eq!(dates_of(html, None).0.as_deref(), Some("2015-03-05"));
    }

    #[test]
    fn url_date_yields_to_a_declared_date_the_dateline_confirms() {
        let url = Some("https://x.example/news/2022/05/02/story");
        let html = r#"<meta property="article:published_time" content="2022-05-08T06:00:00-05:00">
            <h1>Story</h1><p>08 May 2022</p>"#;
        assert_eq!(dates_of(html, url).0.as_deref(), Some("2022-05-08T06:00:00-05:00"));
        // Declared alone, or shown alone, does not move the URL's day.
        let html = r#"<meta property="article:published_time" content="2022-05-08T06:00:00-05:00"><h1>Story</h1>"#;
        assert_eq!(dates_of(html, url).0.as_deref(), Some("2022-05-02"));
        assert_eq!(dates_of("<h1>Story</h1><p>08 May 2022</p>", url).0.as_deref(), Some("2022-05-02"));
    }

    #[test]
    fn shown_update_date_before_a_dateline_elsewhere() {
        let html = r#"<aside><span class="post-date">Dec 2, 2025</span></aside>
            <ul><li>a</li><li>b</li><li>c</li><li>d</li><li>e</li><li>f</li></ul>
            <div>Last updated:</div><div>Dec 12, 2025</div><h1>Story</h1><p>Text.</p>"#;
        assert_eq!(dates_of(html, None).0.as_deref(), Some("2025-12-12"));
    }

    #[test]
    fn time_pubdate_outranks_a_declared_date_that_is_the_last_save() {
        let html = r#"<script type="application/ld+json">{"@type":"Article","datePublished":"2025-11-29T12:28:31-05:00","dateModified":"2025-11-29T12:28:31-05:00"}</script>
            <p>Published <time pubdate datetime="2025-08-13">Aug 13</time></p>"#;
        assert_eq!(dates_of(html, None).0.as_deref(), Some("2025-08-13"));
        // A declared date distinct from the modification date stands.
        let html = html.replace(r#""dateModified":"2025-11-29T12:28:31-05:00""#, r#""dateModified":"2025-12-01""#);
        assert_eq!(dates_of(&html, None).0.as_deref(), Some("2025-11-29T12:28:31-05:00"));
    }

    #[test]
    fn a_shown_date_after_the_last_modification_is_not_the_story_s() {
        let meta = r#"<script type="application/ld+json">{"@type":"Article","datePublished":"2025-12-01","dateModified":"2025-12-01"}</script>"#;
        let html = format!("{meta}<h1>Story</h1><p>Dec 17, 2025</p>");
        assert_eq!(dates_of(&html, None).0.as_deref(), Some("2025-12-01"));
        // One day later is a time zone, not another item.
        let html = format!("{meta}<h1>Story</h1><p>Dec 2, 2025</p>");
        assert_eq!(dates_of(&html, None).0.as_deref(), Some("2025-12-02"));
    }

    #[test]
    fn a_day_month_swap_of_the_declared_date_is_the_declared_date() {
        let html = r#"<meta property="article:published_time" content="2024-09-10T16:07:00+00:00">
            <meta property="article:modified_time" content="2025-11-25"><h1>Story</h1><p>10/09/2024</p>"#;
        assert_eq!(dates_of(html, None).0.as_deref(), Some("2024-09-10T16:07:00+00:00"));
        // A declared date after the modification date is the impossible one.
        let html = r#"<meta property="article:published_time" content="2026-09-03">
            <meta property="article:modified_time" content="2026-07-03"><h1>Story</h1><p>March 9, 2026</p>"#;
        assert_eq!(dates_of(html, None).0.as_deref(), Some("2026-03-09"));
    }

    #[test]
    fn visible_dateline_skips_update_lines() {
        let html = r#"<p class="meta">Updated 6 May 2021</p><p class="byline">By Ann Lee, 5 May 2021 14:30</p>"#;
        assert_eq!(dates_of(html, None).0.as_deref(), Some("2021-05-05T14:30"));
    }

    #[test]
    fn dates_in_script_data() {
        let html = r#"<script>window.__DATA__={label:"x",publishedDate:"2019-08-16T00:00:00.000Z"}</script>"#;
        assert_eq!(dates_of(html, None).0.as_deref(), Some("2019-08-16T00:00:00+00:00"));
        let html = r#"<script>self.push("{\"published_at\":\"2025-06-17\"}")</script>"#;
        assert_eq!(dates_of(html, None).0.as_deref(), Some("2025-06-17"));
    }

    #[test]
    fn a_bare_date_anywhere_is_the_last_resort() {
        let html = "<nav><span>Jan 1, 2001</span></nav><p>Some text.</p><span class='x'>Nov 21, 2018</span>";
        assert_eq!(dates_of(html, None).0.as_deref(), Some("2018-11-21"));
    }

    #[test]
    fn a_labelled_date_anywhere_and_an_update_line_only_when_nothing_else_says() {
        let story = "<p>Some text of the story, long enough to be a paragraph of its own.</p>".repeat(30);
        let last_updated = format!("{story}<div><p>Last updated: November 13, 2025</p></div>");
        assert_eq!(dated(&last_updated, None).0, Some(("2025-11-13".into(), DateSource::Text)));
        let both = format!("{story}<p>Last updated: November 13, 2025</p><p>Posted: 2 March 2024</p>");
        assert_eq!(dated(&both, None).0, Some(("2024-03-02".into(), DateSource::Text)));
        let time_of_day = "<p>Some text.</p><p>10:30 2 March 2024</p>";
        assert_eq!(dates_of(time_of_day, None).0, None);
    }

    #[test]
    fn dates_in_page_data_held_by_an_attribute() {
        let html = r#"<div data-props="{&quot;headline&quot;:&quot;Full EV&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}"></div>"#;
        assert_eq!(dates_of(html, None).0.as_deref(), Some("2025-11-17T09:00:00-05:00"));
        let html = r#"<div data-page="{&quot;publicationDate&quot;:&quot;2024-02-03&quot;}"></div>"#;
        assert_eq!(dates_of(html, None).0.as_deref(), Some("2024-02-03"));
    }

    #[test]
    fn meta_names_htmldate_also_reads() {
        let html = r#"<meta name="published-date" content="2021-02-16"><meta name="modified-date" content="2024-07-30">"#;
        assert_eq!(dates_of(html, None).0.as_deref(), Some("2021-02-16"));
    }

    #[test]
    fn modified_only_is_taken_as_published() {
        let html = r#"<meta property="article:modified_time" content="2022-07-08">"#;
        assert_eq!(dates_of(html, None), (Some("2022-07-08".into()), Some("2022-07-08".into())));
    }
}
