//! Page metadata from the DOM: title, description, dates, authors, site, canonical URL and
//! declared language.
//!
//! Each field weighs the sources a page may carry it in, most trusted first: JSON-LD
//! (`jsonld`), `<meta>` tags (`meta_tags`), then what the page shows (the `<h1>`, bylines,
//! datelines) and finally the URL. Every reader tolerates broken input and returns nothing
//! rather than a guess when the page says nothing usable.

mod authors;
mod canonical;
pub(crate) use canonical::resolve as resolve_url;
pub mod dates_in_page;
pub mod headline;
mod jsonld;
mod meta_tags;
mod shown_date;

use scraper::Html;

use super::elements::Elements;
use crate::title::collapse_whitespace;

/// A parsed page and its listed [`Elements`], listed once for every reader.
pub(crate) struct Page<'a> {
    pub dom: &'a Html,
    pub els: Elements<'a>,
}

impl<'a> Page<'a> {
    pub fn new(dom: &'a Html) -> Self {
        Page { dom, els: Elements::of(dom) }
    }
}

/// What the page says about itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// The headline, without the site name.
    pub title: Option<String>,
    pub description: Option<String>,
    /// ISO 8601 (see [`crate::dates`]).
    pub published: Option<String>,
    /// Which evidence gave `published`.
    pub date_source: Option<crate::model::DateSource>,
    pub modified: Option<String>,
    pub authors: Vec<String>,
    pub site: Option<String>,
    /// The canonical URL (`<link rel=canonical>`, `og:url`), absolute.
    pub url: Option<String>,
    /// Declared language, ISO 639-1.
    pub language: Option<String>,
}

/// Reads the metadata of a parsed page. `page_url` is where it was fetched from, if known.
pub(crate) fn extract_metadata(page: &Page, page_url: Option<&str>) -> Metadata {
    let els = &page.els;
    let tags = meta_tags::MetaTags::read(els);
    let ld = jsonld::read(els);
    let url = canonical::canonical_url(els, &tags, &ld, page_url);
    let declared_site = canonical::site_name(&tags, &ld);
    let title = headline::title(els, &tags, &ld, declared_site.as_deref());
    let site = declared_site.or_else(|| headline::site_from_title(els, title.as_deref()));
    let (published, modified) = dates_in_page::dates(page, &tags, &ld, [url.as_deref(), page_url], title.as_deref());
    let (published, date_source) = published.map_or((None, None), |(date, source)| (Some(date), Some(source)));
    let authors = authors::authors(page, &tags, &ld, site.as_deref(), title.as_deref());
    Metadata {
        title,
        description: description(&tags, &ld),
        published,
        date_source,
        modified,
        authors,
        site,
        url,
        language: canonical::language(els, &tags, &ld),
    }
}

/// The standfirst: what the page offers to social networks and search engines.
fn description(tags: &meta_tags::MetaTags, ld: &jsonld::LdFacts) -> Option<String> {
    tags.first(&["og:description", "description", "twitter:description", "dc.description"])
        .map(clean_text)
        .or_else(|| ld.description.clone())
        .filter(|d| !d.is_empty())
}

/// An element's text as it reads on screen: a line break or a block inside it separates
/// words (`Cosmetic Packaging<br>Design`), inline tags do not.
pub(crate) fn visible_text(el: scraper::ElementRef) -> String {
    let mut out = String::new();
    for node in el.descendants() {
        match node.value() {
            scraper::Node::Text(t) => out.push_str(t),
            scraper::Node::Element(e) if matches!(e.name(), "br" | "div" | "p" | "li" | "h1" | "h2" | "h3") => {
                out.push(' ')
            }
            _ => {}
        }
    }
    clean_text(&out)
}

/// An element's class and id, lowercase and joined by a space ("" when it has neither), read in
/// one pass over its attributes: the date and byline searches ask every element of the page.
pub(crate) fn class_and_id(el: &scraper::node::Element) -> String {
    let attrs = super::hints::HintAttrs::of(el);
    if attrs.class.is_none() && attrs.id.is_none() {
        return String::new();
    }
    format!("{} {}", attrs.class.unwrap_or(""), attrs.id.unwrap_or("")).to_lowercase()
}

/// Collapses whitespace and decodes the HTML entities that metadata strings often carry
/// escaped twice (`&amp;`, `&#8217;`).
pub(crate) fn clean_text(s: &str) -> String {
    if !s.contains('&') {
        return collapse_whitespace(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded =
            rest.find(';').filter(|&end| end <= 10).and_then(|end| Some((decode_entity(&rest[1..end])?, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    collapse_whitespace(&out)
}

fn decode_entity(name: &str) -> Option<char> {
    let named = match name {
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "lt" => '<',
        "gt" => '>',
        "nbsp" => ' ',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        _ if name.len() >= 4 && !name.starts_with('#') => return latin_letter(name),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            return char::from_u32(code).filter(|c| !c.is_control());
        }
    };
    Some(named)
}

/// `&eacute;`, `&uuml;`, `&ntilde;`, `&szlig;`: the accented letters of Western names.
fn latin_letter(name: &str) -> Option<char> {
    if name == "szlig" {
        return Some('ß');
    }
    // The base letter is ASCII, so the accent name starts one byte in (splitting at byte 1
    // before checking it panicked on `&žquo;`, found by fuzzing).
    let base = name.chars().next().filter(char::is_ascii_alphabetic)?;
    let accent = &name[1..];
    let combining = match accent {
        "acute" => '\u{301}',
        "grave" => '\u{300}',
        "circ" => '\u{302}',
        "tilde" => '\u{303}',
        "uml" => '\u{308}',
        "cedil" => '\u{327}',
        "ring" => '\u{30a}',
        _ => return None,
    };
    // Compose base + accent through the few precomposed letters we need.
    let composed: String = [base, combining].iter().collect();
    COMPOSED.iter().find(|(decomposed, _)| *decomposed == composed).map(|&(_, c)| c)
}

const COMPOSED: &[(&str, char)] = &[
    ("a\u{301}", 'á'),
    ("e\u{301}", 'é'),
    ("i\u{301}", 'í'),
    ("o\u{301}", 'ó'),
    ("u\u{301}", 'ú'),
    ("y\u{301}", 'ý'),
    ("A\u{301}", 'Á'),
    ("E\u{301}", 'É'),
    ("I\u{301}", 'Í'),
    ("O\u{301}", 'Ó'),
    ("U\u{301}", 'Ú'),
    ("a\u{300}", 'à'),
    ("e\u{300}", 'è'),
    ("i\u{300}", 'ì'),
    ("o\u{300}", 'ò'),
    ("u\u{300}", 'ù'),
    ("A\u{300}", 'À'),
    ("E\u{300}", 'È'),
    ("a\u{302}", 'â'),
    ("e\u{302}", 'ê'),
    ("i\u{302}", 'î'),
    ("o\u{302}", 'ô'),
    ("u\u{302}", 'û'),
    ("a\u{303}", 'ã'),
    ("o\u{303}", 'õ'),
    ("n\u{303}", 'ñ'),
    ("N\u{303}", 'Ñ'),
    ("A\u{303}", 'Ã'),
    ("a\u{308}", 'ä'),
    ("e\u{308}", 'ë'),
    ("i\u{308}", 'ï'),
    ("o\u{308}", 'ö'),
    ("u\u{308}", 'ü'),
    ("A\u{308}", 'Ä'),
    ("O\u{308}", 'Ö'),
    ("U\u{308}", 'Ü'),
    ("c\u{327}", 'ç'),
    ("C\u{327}", 'Ç'),
    ("a\u{30a}", 'å'),
    ("A\u{30a}", 'Å'),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_entities_and_keeps_stray_ampersands() {
        assert_eq!(
            clean_text("Tom &amp; Jerry&#8217;s  &#x27;day&#39; & more &bogus;"),
            "Tom & Jerry’s 'day' & more &bogus;"
        );
        assert_eq!(clean_text("&#0; &#99999999;"), "&#0; &#99999999;");
        assert_eq!(
            clean_text("Redacci&oacute;n M&uuml;ller &Ntilde;u&ntilde;ez Stra&szlig;e"),
            "Redacción Müller Ñuñez Straße"
        );
    }

    #[test]
    fn a_multibyte_letter_after_an_ampersand_stays_text() {
        // Found by fuzzing (fuzz/regressions/extract_html/): a would-be entity name of 4 bytes
        // or more starting with a multibyte letter was split at byte 1, inside the letter.
        assert_eq!(clean_text("&žquo; &ééacute; &aacute;"), "&žquo; &ééacute; á");
        let raw = crate::RawDoc::from_bytes("f.html", "<h1>&žquo;</h1>".as_bytes().to_vec());
        assert!(crate::extract(&raw, &crate::ExtractConfig::default()).is_ok());
    }

    fn metadata_of(dom: &Html, page_url: Option<&str>) -> Metadata {
        extract_metadata(&Page::new(dom), page_url)
    }

    #[test]
    fn line_breaks_separate_words() {
        let dom = Html::parse_document("<h1>Cosmetic Packaging<br/><span>Design</span> Crusher<sup>®</sup></h1>");
        let sel = scraper::Selector::parse("h1").unwrap();
        let h1 = dom.select(&sel).next().unwrap();
        assert_eq!(visible_text(h1), "Cosmetic Packaging Design Crusher®");
    }

    #[test]
    fn a_full_page() {
        let html = r#"<html lang="en-GB"><head><title>Rain at last | Daily Bugle</title>
            <meta property="og:site_name" content="Daily Bugle">
            <meta name="description" content="The first rain of the season.">
            <meta property="article:published_time" content="2018-11-09T22:21:00+01:00">
            <link rel="canonical" href="/news/rain"></head>
            <body><h1>Rain at last</h1><div class="byline">By Jane Roe and John Doe</div></body></html>"#;
        let meta = metadata_of(&Html::parse_document(html), Some("https://bugle.example/news/rain?x=1"));
        assert_eq!(meta.title.as_deref(), Some("Rain at last"));
        assert_eq!(meta.site.as_deref(), Some("Daily Bugle"));
        assert_eq!(meta.description.as_deref(), Some("The first rain of the season."));
        assert_eq!(meta.published.as_deref(), Some("2018-11-09T22:21:00+01:00"));
        assert_eq!(meta.authors, ["Jane Roe", "John Doe"]);
        assert_eq!(meta.url.as_deref(), Some("https://bugle.example/news/rain"));
        assert_eq!(meta.language.as_deref(), Some("en"));
    }

    #[test]
    fn empty_and_hostile_pages_give_nothing() {
        assert_eq!(metadata_of(&Html::parse_document(""), None), Metadata::default());
        let hostile = "<meta name=author content='http://x'><script type='application/ld+json'>[[[[[[[[[</script>";
        let _ = metadata_of(&Html::parse_document(hostile), Some("::"));
    }
}
