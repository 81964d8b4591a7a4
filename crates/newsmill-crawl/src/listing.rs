//! Feeds and sitemaps read as what they list: RSS 2.0 `<item>`, RDF (RSS 1.0) `<item
//! rdf:about>`, Atom `<entry>`, sitemap `<url>` (with Google News' `news:publication_date`
//! and `news:title`) and sitemap index `<sitemap>`. One streaming pass over local element
//! names, namespace prefixes ignored, so the many dialects in the wild need no special case.
//! A document that breaks off or turns malformed keeps the entries read before the damage,
//! and says where it broke.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use url::Url;

use crate::normalize::resolve;

/// What a listing is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListingKind {
    /// RSS 2.0, RDF or Atom: entries are article pages.
    Feed,
    /// A sitemap (`<urlset>`): entries are pages.
    Sitemap,
    /// A sitemap index: entries are sitemaps.
    SitemapIndex,
}

/// One entry: its normalised address and what the listing says of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub url: Url,
    pub title: Option<String>,
    /// RFC 3339 when the listing's date could be read (RFC 822 in RSS), else `None`.
    pub published: Option<String>,
}

/// A parsed feed or sitemap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    pub kind: ListingKind,
    pub entries: Vec<Entry>,
    /// Where and how the document was malformed; the entries before it are kept.
    pub error: Option<String>,
}

/// Reads `bytes` as a feed or sitemap, resolving relative links against `base`. `None`
/// when the document is not one (HTML, another XML vocabulary, garbage).
pub fn parse_listing(bytes: &[u8], base: &Url) -> Option<Listing> {
    let text = String::from_utf8_lossy(bytes);
    let mut reader = Reader::from_str(&text);
    reader.config_mut().check_end_names = false;
    let mut state = State::default();
    let error = loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => state.start(&e),
            Ok(Event::Empty(e)) => {
                state.start(&e);
                state.end(e.local_name().as_ref(), base);
            }
            Ok(Event::End(e)) => state.end(e.local_name().as_ref(), base),
            Ok(Event::Text(t)) => state.text.push_str(&t.xml10_content()),
            Ok(Event::CData(t)) => state.text.push_str(&t.xml10_content()),
            Ok(Event::GeneralRef(r)) => {
                let entity = format!("&{};", &*r);
                state.text.push_str(&quick_xml::escape::unescape(&entity).unwrap_or(entity.clone().into()));
            }
            Ok(Event::Eof) => break None,
            Ok(_) => {}
            Err(e) => break Some(format!("malformed at byte {}: {e}", reader.error_position())),
        }
        if state.kind.is_none() && state.depth > 1 {
            return None; // the root was not a feed or sitemap
        }
    };
    let kind = state.kind?;
    Some(Listing { kind, entries: state.entries, error })
}

#[derive(Default)]
struct State {
    kind: Option<ListingKind>,
    depth: usize,
    /// Inside an entry: what has been read of it so far.
    entry: Option<Partial>,
    /// Inside `<news:news>`: its `title` is the story's.
    in_news: bool,
    text: String,
    entries: Vec<Entry>,
}

#[derive(Default)]
struct Partial {
    link: Option<String>,
    /// An RSS `<guid>` that is a permalink, used when there is no `<link>`.
    guid: Option<String>,
    title: Option<String>,
    published: Option<String>,
    updated: Option<String>,
}

/// Element names that open an entry, per kind of listing.
fn opens_entry(kind: ListingKind, name: &str) -> bool {
    match kind {
        ListingKind::Feed => matches!(name, "item" | "entry"),
        ListingKind::Sitemap => name == "url",
        ListingKind::SitemapIndex => name == "sitemap",
    }
}

impl State {
    fn start(&mut self, e: &BytesStart) {
        self.depth += 1;
        let name = e.local_name();
        let name = name.as_ref();
        self.text.clear();
        if self.depth == 1 {
            self.kind = match name {
                "rss" | "RDF" | "feed" => Some(ListingKind::Feed),
                "urlset" => Some(ListingKind::Sitemap),
                "sitemapindex" => Some(ListingKind::SitemapIndex),
                _ => None,
            };
            return;
        }
        let Some(kind) = self.kind else { return };
        if self.entry.is_none() && opens_entry(kind, name) {
            // RDF: <item rdf:about="...">
            self.entry = Some(Partial { link: attribute(e, "about"), ..Partial::default() });
            return;
        }
        if name == "news" {
            self.in_news = true;
        }
        // Atom: <link href="..."/>, the alternate (or unlabelled) one is the page.
        if let (Some(entry), "link") = (self.entry.as_mut(), name)
            && let Some(href) = attribute(e, "href")
        {
            let rel = attribute(e, "rel");
            if matches!(rel.as_deref(), None | Some("alternate")) && entry.link.is_none() {
                entry.link = Some(href);
            }
        }
    }

    fn end(&mut self, name: &str, base: &Url) {
        self.depth = self.depth.saturating_sub(1);
        let Some(kind) = self.kind else { return };
        let text = std::mem::take(&mut self.text);
        let text = text.trim();
        if name == "news" {
            self.in_news = false;
        }
        let Some(entry) = self.entry.as_mut() else { return };
        if opens_entry(kind, name) {
            if let Some(done) = self.entry.take().and_then(|p| p.finish(base)) {
                self.entries.push(done);
            }
            return;
        }
        if text.is_empty() {
            return;
        }
        let set = |slot: &mut Option<String>| {
            if slot.is_none() {
                *slot = Some(text.to_string());
            }
        };
        match name {
            "link" | "loc" => set(&mut entry.link),
            "guid" | "id" => set(&mut entry.guid),
            // A news sitemap's story title is inside <news:news>; an image's title is not.
            "title" if kind == ListingKind::Feed || self.in_news => set(&mut entry.title),
            "pubDate" | "published" | "date" | "publication_date" | "issued" => set(&mut entry.published),
            "updated" | "lastmod" | "modified" => set(&mut entry.updated),
            _ => {}
        }
    }
}

impl Partial {
    fn finish(self, base: &Url) -> Option<Entry> {
        let guid = self.guid.filter(|g| g.starts_with("http://") || g.starts_with("https://"));
        let link = self.link.or(guid)?;
        let url = resolve(Some(base), &link)?;
        let published = self.published.or(self.updated).as_deref().and_then(iso_date);
        Some(Entry { url, title: self.title, published })
    }
}

fn attribute(e: &BytesStart, local: &str) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.local_name().as_ref() == local).and_then(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .ok()
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    })
}

/// A listing's date as RFC 3339: RFC 3339 / W3C datetime as is, RFC 822 (RSS) converted,
/// a bare `YYYY-MM-DD` kept; anything else is unknown rather than guessed.
pub fn iso_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if let Ok(d) = chrono::DateTime::parse_from_rfc3339(raw) {
        return Some(d.to_rfc3339());
    }
    if let Ok(d) = chrono::DateTime::parse_from_rfc2822(raw) {
        return Some(d.to_rfc3339());
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(raw.get(..10)?, "%Y-%m-%d")
        && (raw.len() == 10)
    {
        return Some(d.format("%Y-%m-%d").to_string());
    }
    None
}

#[cfg(test)]
mod tests;
