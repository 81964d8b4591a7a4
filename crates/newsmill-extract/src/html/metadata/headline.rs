//! The headline: the visible `<h1>` when the page's metadata confirms it, else the social or
//! JSON-LD title, else `<title>`, each without the site name.

use scraper::Selector;

use super::jsonld::LdFacts;
use crate::html::elements::{Elements, Tag};
use super::meta_tags::MetaTags;
use super::{clean_text, visible_text};
use crate::title::clean_title;

/// Longer than this is a paragraph, not a headline.
const MAX_CHARS: usize = 300;
/// `<h1>` elements looked at.
const MAX_H1: usize = 8;

pub fn title(els: &Elements, tags: &MetaTags, ld: &LdFacts, site: Option<&str>) -> Option<String> {
    let doc_title = document_title(els);
    let metas: Vec<String> = [
        tags.get("og:title"),
        ld.headline.as_deref(),
        tags.first(&["twitter:title", "parsely-title", "dc.title", "dc:title", "title"]),
    ]
    .into_iter()
    .flatten()
    .map(clean_text)
    .filter(|t| usable(t))
    .collect();
    let references: Vec<&str> = metas.iter().map(String::as_str).chain(doc_title.as_deref()).collect();
    let site_key = site.map(normalize);
    let title_site = doc_title.as_deref().and_then(|t| site_part(t, site)).map(|s| normalize(&s));
    // The visible headline, unless it is the site's logo.
    let h1s: Vec<String> = headings(els)
        .into_iter()
        .filter(|h| Some(normalize(h)) != site_key && Some(normalize(h)) != title_site)
        .collect();
    let confirmed = |h: &str| {
        let key = normalize(h);
        references.iter().any(|r| normalize(r) == key || normalize(&clean_title(r, site)) == key)
    };
    let similar = |h: &str| references.iter().any(|r| overlap(h, r) >= 0.5);
    let visible = h1s
        .iter()
        .find(|h| confirmed(h))
        .or_else(|| h1s.iter().find(|h| similar(h)))
        .or_else(|| h1s.first().filter(|_| references.is_empty()));
    if let Some(h1) = visible {
        // Some pages print the whole `<title>`, site name and all, in the `<h1>`.
        return Some(clean_title(h1, site));
    }
    metas
        .first()
        .map(|m| clean_title(m, site))
        .or_else(|| doc_title.as_deref().map(|t| clean_title(t, site)))
        .or_else(|| h1s.into_iter().next())
        .filter(|t| usable(t))
}

/// The part of a `<title>` that names the site: the declared site name if it is there,
/// else what [`clean_title`] strips.
fn site_part(doc_title: &str, site: Option<&str>) -> Option<String> {
    let cleaned = clean_title(doc_title, site);
    let rest = doc_title.strip_prefix(cleaned.as_str()).or_else(|| doc_title.strip_suffix(cleaned.as_str()))?;
    let part = rest.trim_matches(|c: char| c.is_whitespace() || "|-–—:·•/«»".contains(c));
    (!part.is_empty()).then(|| part.to_string())
}

/// Shared words over the words of the shorter title.
fn overlap(a: &str, b: &str) -> f64 {
    let words = |s: &str| {
        normalize(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect::<std::collections::HashSet<_>>()
    };
    let (a, b) = (words(a), words(b));
    let shorter = a.len().min(b.len());
    if shorter == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / shorter as f64
}

/// A site name from the `<title>` around the headline: `Headline | Site` gives `Site`.
pub fn site_from_title(els: &Elements, headline: Option<&str>) -> Option<String> {
    let full = document_title(els)?;
    let headline = headline?;
    let rest = full.strip_prefix(headline).or_else(|| full.strip_suffix(headline))?;
    let site = rest.trim_matches(|c: char| c.is_whitespace() || "|-–—:·•/«»".contains(c)).to_string();
    (!site.is_empty() && site.split_whitespace().count() <= 5).then_some(site)
}

fn document_title(els: &Elements) -> Option<String> {
    let sel = Selector::parse("head title, title").ok()?;
    els.select(Tag::Title, &sel).map(|t| clean_text(&t.text().collect::<String>())).find(|t| usable(t))
}

fn headings(els: &Elements) -> Vec<String> {
    let Ok(sel) = Selector::parse("h1") else { return Vec::new() };
    els.select(Tag::H1, &sel)
        .take(MAX_H1)
        // Documentation pages end headings with a permalink sign.
        .map(|h| visible_text(h).trim_end_matches(['¶', '§', '#']).trim_end().to_string())
        .filter(|t| usable(t))
        .collect()
}

fn usable(t: &str) -> bool {
    !t.is_empty() && t.chars().count() <= MAX_CHARS
}

/// Case, spacing, quote styles and trailing punctuation do not tell headlines apart.
pub fn normalize(t: &str) -> String {
    let mapped: String = t
        .chars()
        .map(|c| match c {
            '‘' | '’' | '`' | '´' => '\'',
            '“' | '”' | '„' | '«' | '»' => '"',
            '–' | '—' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    clean_text(&mapped).trim_end_matches(['.', '!', '?', ':', ' ']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn title_of(html: &str) -> Option<String> {
        let dom = Html::parse_document(html);
        let tags = MetaTags::read(&Elements::of(&dom));
        let ld = super::super::jsonld::read(&Elements::of(&dom));
        let site = super::super::canonical::site_name(&tags, &ld);
        title(&Elements::of(&dom), &tags, &ld, site.as_deref())
    }

    #[test]
    fn strips_the_site_suffix() {
        let html = "<title>Storm hits coast | The Herald</title><meta property='og:site_name' content='The Herald'>";
        assert_eq!(title_of(html).as_deref(), Some("Storm hits coast"));
        let html = "<meta property='og:title' content='Storm hits coast - Herald'><meta property='og:site_name' content='Herald'>";
        assert_eq!(title_of(html).as_deref(), Some("Storm hits coast"));
    }

    #[test]
    fn prefers_a_confirmed_h1_over_a_menu_h1() {
        let html = "<title>Storm hits the coast overnight | Herald</title><body><h1>Herald</h1><h1>Storm hits the coast overnight</h1>";
        assert_eq!(title_of(html).as_deref(), Some("Storm hits the coast overnight"));
    }

    #[test]
    fn skips_a_logo_h1_and_prefers_the_visible_headline() {
        let html = "<title>Guide to travel insurance - Budget Travel</title><h1>Budget Travel</h1><h1>A Guide To Travel Insurance</h1>";
        assert_eq!(title_of(html).as_deref(), Some("A Guide To Travel Insurance"));
        let html = "<meta property='og:title' content='Visible headline, in SEO words'><h1>The visible headline</h1>";
        assert_eq!(title_of(html).as_deref(), Some("The visible headline"));
        let html = "<meta property='og:title' content='Storm hits coast'><h1>Weather Centre</h1>";
        assert_eq!(title_of(html).as_deref(), Some("Storm hits coast"));
    }

    #[test]
    fn site_from_title_suffix() {
        let dom = Html::parse_document("<title>Storm hits coast | The Herald</title>");
        assert_eq!(site_from_title(&Elements::of(&dom), Some("Storm hits coast")).as_deref(), Some("The Herald"));
    }
}
