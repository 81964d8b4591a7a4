//! Authors: from JSON-LD, `<meta>` tags, then the bylines the page shows, cleaned of what
//! bylines wrap names in ("By", dates, handles, job titles, emails) and deduplicated.

use scraper::{ElementRef, Html, Selector};

use super::clean_text;
use super::jsonld::LdFacts;
use super::meta_tags::MetaTags;
use super::Page;
use super::shown_date::{Piece, pick_h1, pieces_around};

/// More names than this is a list of contributors or a parse gone wrong.
const MAX_AUTHORS: usize = 10;
/// A name has at most this many words.
const MAX_NAME_WORDS: usize = 5;
/// Bylines longer than this are paragraphs.
const MAX_BYLINE_CHARS: usize = 200;
/// `<meta>` keys naming authors.
const META_KEYS: &[&str] = &[
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "byl",
    "dc.creator",
    "dc:creator",
    "dcterms.creator",
    "dcterms:creator",
    "citation_author",
    "twitter:creator:name",
];
/// Selectors of bylines on the page, most specific first.
const BYLINE_SELECTORS: &[&str] = &[
    "[itemprop~=author] [itemprop~=name]",
    "[itemprop~=author]",
    "a[rel~=author]",
    "[class*=author-name], [class*=authorName], [class*=author_name]",
    "[class*=byline], [id*=byline]",
    "[class~=author], [class*=article-author], [class*=post-author]",
    "[class*=author__name], [class*=author-box__name], [class*=__author], [class*=author-title]",
    "[class*=author], [class*=Author]",
];
static BYLINE_SELECTORS_PARSED: std::sync::LazyLock<Vec<Selector>> =
    std::sync::LazyLock::new(|| BYLINE_SELECTORS.iter().filter_map(|s| Selector::parse(s).ok()).collect());
/// Words that open a byline before the names, in the languages of the evaluation sets.
const BY_WORDS: &[&str] = &[
    "by",
    "von",
    "par",
    "por",
    "door",
    "di",
    "da",
    "av",
    "przez",
    "af",
    "autor",
    "autorin",
    "author",
    "authors",
    "text",
    "written",
    "posted",
    "reported",
    "words",
    "story",
    "redaktion:",
];
/// What opens a byline shown beside a headline.
const BY_OPENERS: &[&str] = &[
    "by",
    "written by",
    "posted by",
    "words by",
    "von",
    "par",
    "por",
    "door",
    "di",
    "autor",
    "autorin",
    "author",
    "text",
];
/// Words of job titles that follow a name after a comma.
const ROLE_WORDS: &[&str] = &[
    "editor",
    "reporter",
    "correspondent",
    "writer",
    "columnist",
    "journalist",
    "contributor",
    "staff",
    "producer",
    "photographer",
    "analyst",
    "redakteur",
    "redakteurin",
    "korrespondent",
    "rédacteur",
    "journaliste",
    "director",
    "senior",
    "chief",
    "head",
    "professor",
    "manager",
    "founder",
    "ceo",
    "press",
    "news",
];

/// The story's authors from the first source that names any, in this order: JSON-LD,
/// `<meta>`, the byline beside the headline, marked byline elements, a "By" line anywhere.
pub fn authors(page: &Page, tags: &MetaTags, ld: &LdFacts, site: Option<&str>, title: Option<&str>) -> Vec<String> {
    let dom = page.dom;
    let from_ld = || clean_all(ld.authors.iter().map(String::as_str), site);
    let from_meta =
        || META_KEYS.iter().map(|k| clean_all(tags.all(k), site)).find(|n| !n.is_empty()).unwrap_or_default();
    let near = || shown_names(&byline_near_headline(page, title), site);
    // The first marked byline outside the comments: later ones belong to other stories.
    let marked = || {
        let candidates = byline_candidates(dom);
        BYLINE_SELECTORS_PARSED
            .iter()
            .find_map(|sel| {
                candidates
                    .iter()
                    .copied()
                    .filter(|el| sel.matches(el) && !in_comments(*el))
                    .take(20)
                    .filter_map(byline_text)
                    .map(|text| shown_names(&[text], site))
                    .find(|n| !n.is_empty())
            })
            .unwrap_or_default()
    };
    let anywhere = || shown_names(&byline_in_page(dom), site);
    let sources: [&dyn Fn() -> Vec<String>; 5] = [&from_ld, &from_meta, &near, &marked, &anywhere];
    let publisher = |names: &[String]| {
        let key = |s: &str| s.to_lowercase();
        let is_publisher = |n: &String| {
            [site, ld.publisher.as_deref()]
                .into_iter()
                .flatten()
                .any(|p| key(p) == key(n) || (n.len() >= 4 && key(p).contains(&key(n))))
        };
        names.iter().all(is_publisher)
    };
    // A corporate byline (the publisher, an Organization) yields to a person named beside
    // the headline.
    let mut corporate = None;
    for (i, source) in sources.iter().enumerate() {
        let names = source();
        if names.is_empty() {
            continue;
        }
        if (i == 0 && ld.authors_are_organizations) || (i < 2 && publisher(&names)) {
            corporate.get_or_insert(names);
            continue;
        }
        // Only the byline beside the headline is trusted over it.
        if corporate.is_some() && (i > 2 || publisher(&names)) {
            continue;
        }
        return names;
    }
    corporate.unwrap_or_default()
}

/// The elements any of [`BYLINE_SELECTORS`] can match, in document order, from one pass over
/// the page: those with an `itemprop`, or whose class, id or rel says author or byline (in any
/// case). Each selector then reads this short list instead of the whole page.
fn byline_candidates(dom: &Html) -> Vec<ElementRef<'_>> {
    let says = |v: &str| {
        v.as_bytes().windows(6).any(|w| w.eq_ignore_ascii_case(b"author") || w.eq_ignore_ascii_case(b"byline"))
    };
    dom.root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|el| {
            el.value().attrs().any(|(name, value)| match name {
                "itemprop" => true,
                "class" | "id" | "rel" => says(value),
                _ => false,
            })
        })
        .collect()
}

fn in_comments(el: ElementRef) -> bool {
    std::iter::once(el).chain(el.ancestors().filter_map(ElementRef::wrap)).any(|a| {
        let v = a.value();
        // `comment-author`, `comments`, `commentlist`; not a page-wide `no-comments` flag.
        super::class_and_id(v).split_whitespace().any(|c| c.starts_with("comment"))
    })
}

/// Names from bylines shown on the page, which must read as names in running text.
fn shown_names(bylines: &[String], site: Option<&str>) -> Vec<String> {
    let names = clean_all(bylines.iter().map(String::as_str), site);
    if names.iter().all(|n| capitalised(n)) { names } else { Vec::new() }
}

/// A byline next to the headline: a text opening with "By" (or its translations), or a
/// lone "By" followed by the names.
fn byline_near_headline(page: &Page, title: Option<&str>) -> Vec<String> {
    let Some(h1) = pick_h1(&page.els, title) else { return Vec::new() };
    let (before, after) = pieces_around(page.dom, h1);
    let texts = |pieces: &[Piece]| -> Vec<String> {
        pieces.iter().filter_map(|p| if let Piece::Text(t) = p { Some(t.to_string()) } else { None }).collect()
    };
    opened_byline(&[texts(&after), texts(&before)])
}

/// The first byline anywhere in the page's text that opens with "By" and the like. Whether a
/// text sits in the comments is asked only of texts that open a byline: asking it of every
/// text node walked every node's ancestors.
fn byline_in_page(dom: &Html) -> Vec<String> {
    let mut texts = dom
        .root_element()
        .descendants()
        .filter_map(|n| {
            let text = n.value().as_text()?.trim();
            let parent = ElementRef::wrap(n.parent()?)?;
            let code = matches!(parent.value().name(), "script" | "style" | "noscript" | "template");
            (!text.is_empty() && !code).then_some((text, parent))
        })
        .take(5000);
    while let Some((text, parent)) = texts.next() {
        let Some(opening) = opening(text) else { continue };
        if in_comments(parent) {
            continue;
        }
        return match opening {
            Opening::WithNames => vec![text.to_string()],
            Opening::Lone => match texts.find(|(_, p)| !in_comments(*p)) {
                Some((next, _)) => vec![next.to_string()],
                None => Vec::new(),
            },
        };
    }
    Vec::new()
}

/// How a text opens a byline.
enum Opening {
    /// Only the byline word (`By`): the names follow in the next text.
    Lone,
    /// The byline word and then the names (`By Jane Doe`).
    WithNames,
}

/// Longest text head compared with the byline words, in bytes; lowercasing a whole long
/// paragraph to look at its first word was most of the cost.
const OPENING_HEAD: usize = 64;

fn opening(text: &str) -> Option<Opening> {
    let trimmed = text.trim_end_matches([':', ' ']);
    if trimmed.len() <= OPENING_HEAD && BY_OPENERS.contains(&trimmed.to_lowercase().as_str()) {
        return Some(Opening::Lone);
    }
    let mut cut = text.len().min(OPENING_HEAD);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = text[..cut].to_lowercase();
    let opens = BY_OPENERS.iter().any(|o| head.strip_prefix(o).is_some_and(|r| r.starts_with([' ', ':'])));
    opens.then_some(Opening::WithNames)
}

/// In runs of page text, a text opening with a byline word, or a lone one and the names after.
fn opened_byline(runs: &[Vec<String>]) -> Vec<String> {
    for texts in runs {
        for (i, text) in texts.iter().enumerate() {
            match opening(text) {
                Some(Opening::Lone) => {
                    if let Some(next) = texts.get(i + 1) {
                        return vec![next.clone()];
                    }
                }
                Some(Opening::WithNames) => return vec![text.clone()],
                None => {}
            }
        }
    }
    Vec::new()
}

fn byline_text(el: ElementRef) -> Option<String> {
    if let Some(content) = el.value().attr("content") {
        return Some(content.to_string());
    }
    let mut text = String::new();
    for piece in el.text() {
        text.push_str(piece);
        text.push(' ');
        if text.len() > MAX_BYLINE_CHARS * 4 {
            return None;
        }
    }
    Some(text)
}

/// Cleans several bylines into one deduplicated list of names.
fn clean_all<'a>(bylines: impl Iterator<Item = &'a str>, site: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for byline in bylines {
        for name in clean_byline(byline) {
            let key = name.to_lowercase();
            if !out.iter().any(|n| n.to_lowercase() == key) && out.len() < MAX_AUTHORS {
                out.push(name);
            }
        }
    }
    // After the first name, job titles and labels from separate elements are not people.
    if out.len() > 1 {
        let first = out.remove(0);
        out.retain(|n| !is_role(n) && !is_credential(n) && !n.to_lowercase().starts_with("last "));
        out.insert(0, first);
    }
    // The site is an author only when no person is named.
    if out.len() > 1
        && let Some(site) = site.map(str::to_lowercase)
    {
        out.retain(|n| n.to_lowercase() != site);
    }
    out
}

/// The names in one byline: `By Jane Roe and John Doe, Staff Writer | 9 Nov 2018` gives
/// `Jane Roe`, `John Doe`.
pub fn clean_byline(raw: &str) -> Vec<String> {
    let text = clean_text(raw);
    if text.is_empty() || text.chars().count() > MAX_BYLINE_CHARS || looks_like_url(&text) {
        return Vec::new();
    }
    // A long text that does not open with "By" is a sentence, not a byline.
    if text.split_whitespace().count() > 12 && strip_by(&text) == text {
        return Vec::new();
    }
    let text = cut_at_noise(&text);
    let text = strip_by(&text);
    let mut names = Vec::new();
    for (i, part) in split_names(&text).into_iter().enumerate() {
        let part = strip_by(part.trim());
        let part = part.trim_matches(|c: char| !c.is_alphanumeric() && c != ')' && c != '.').trim();
        let part = drop_trailing_role(part);
        if part.is_empty() || !is_name(&part) {
            continue;
        }
        // After the first name, credentials and job titles are not more people.
        if i > 0 && (is_credential(&part) || is_role(&part)) {
            continue;
        }
        names.push(part.to_string());
    }
    names
}

/// Cuts a byline where what follows is not names: a date, a time, a separator, an email or
/// a handle, "is a", a parenthesis.
fn cut_at_noise(text: &str) -> String {
    let mut end = text.len();
    for marker in
        [" | ", " • ", " · ", " – ", " — ", " - ", "(", "[", " @", "\n", " is a ", " ist ", " on ", " am ", " le "]
    {
        if let Some(at) = text.find(marker) {
            end = end.min(at);
        }
    }
    // A digit starts a date or a time.
    if let Some(at) = text.find(|c: char| c.is_ascii_digit()) {
        end = end.min(at);
    }
    let mut kept = text[..end].to_string();
    for word in kept.clone().split_whitespace() {
        if word.contains('@') || looks_like_url(word) {
            kept = kept.replace(word, " ");
        }
    }
    // Month names before a day number: "By Ann Lee March 5, 2020".
    let words: Vec<&str> = kept.split_whitespace().collect();
    let cut = words
        .iter()
        .position(|w| is_month_or_weekday(w) || TRAILERS.contains(&w.to_lowercase().as_str()))
        .filter(|&i| i >= 2)
        .unwrap_or(words.len());
    words[..cut].join(" ")
}

/// Words that follow an author's name in author boxes and comment headers, not part of it:
/// "Alle Artikel", "View all posts", "Karoline Herr sagt".
const TRAILERS: &[&str] = &["alle", "all", "view", "more", "sagt", "says", "dit", "dice", "mehr"];

fn is_month_or_weekday(word: &str) -> bool {
    let w = word.trim_end_matches([',', '.']).to_lowercase();
    matches!(
        w.as_str(),
        "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "updated"
            | "published"
            | "posted"
    )
}

fn strip_by(text: &str) -> String {
    let mut rest = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    while let Some((first, tail)) = rest.split_once(char::is_whitespace) {
        let word = first.trim_end_matches(':').to_lowercase();
        if !BY_WORDS.contains(&word.as_str()) {
            break;
        }
        rest = tail.trim_start_matches(|c: char| c.is_whitespace() || c == ':');
    }
    // "By:Jane" and "By Jane" alike.
    for prefix in ["By:", "by:", "BY:", "Von:", "Par:", "Por:"] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest).trim_start();
    }
    rest.to_string()
}

fn split_names(text: &str) -> Vec<String> {
    let mut parts = vec![text.to_string()];
    for sep in
        [",", ";", " & ", " and ", " And ", " AND ", " und ", " et ", " y ", " e ", " en ", " i ", " / ", " with "]
    {
        parts = parts.iter().flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>()).collect();
    }
    parts
}

fn looks_like_url(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.starts_with("http") || lower.starts_with("www.") || lower.contains("://") || lower.starts_with('/')
}

/// A name: a few words, mostly letters, not a sentence.
/// `Rachel MacDonald Writer` gives `Rachel MacDonald`: a job title or an "Updated" after
/// at least two words of name.
fn drop_trailing_role(part: &str) -> String {
    let words: Vec<&str> = part.split_whitespace().collect();
    let end = (2..words.len())
        .find(|&i| {
            let w = words[i].to_lowercase();
            ROLE_WORDS.contains(&w.as_str()) || is_month_or_weekday(&w)
        })
        .unwrap_or(words.len());
    words[..end].join(" ")
}

fn is_name(part: &str) -> bool {
    let first = part.split_whitespace().next().unwrap_or("").to_lowercase();
    let label = part.to_lowercase().starts_with("last updated");
    if label
        || is_month_or_weekday(&first)
        || matches!(first.as_str(), "by" | "link" | "contact" | "page.head.extra.author")
    {
        return false;
    }
    let words = part.split_whitespace().count();
    let letters = part.chars().filter(|c| c.is_alphabetic()).count();
    (1..=MAX_NAME_WORDS).contains(&words)
        && letters * 10 >= part.chars().count() * 7
        && !part.ends_with(':')
        && !matches!(part.to_lowercase().as_str(), "admin" | "more" | "view all posts" | "share" | "follow" | "opinion")
}

/// A name as pages print it in running text: its first word capitalised. Page text that
/// is not a byline ("por lo mismo") fails this; metadata may keep lowercase handles.
fn capitalised(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

/// `MS`, `RD`, `Ph.D.`, `MBA`: a single short token of capitals or with dots.
fn is_credential(part: &str) -> bool {
    !part.contains(' ')
        && part.chars().count() <= 8
        && (part.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) || part.contains('.'))
}

fn is_role(part: &str) -> bool {
    let lower = part.to_lowercase();
    lower.split_whitespace().any(|w| ROLE_WORDS.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_bylines() {
        assert_eq!(clean_byline("By Jane Roe and John Doe"), ["Jane Roe", "John Doe"]);
        assert_eq!(clean_byline("By ERIN CUNNINGHAM | March 5, 2015"), ["ERIN CUNNINGHAM"]);
        assert_eq!(clean_byline("Dylan Bailey, MS, RD, FAND"), ["Dylan Bailey"]);
        assert_eq!(clean_byline("Genevieve Carlton, Ph.D."), ["Genevieve Carlton"]);
        assert_eq!(clean_byline("Ann Lee, Senior Editor"), ["Ann Lee"]);
        assert_eq!(clean_byline("Par Sébastien Farcis"), ["Sébastien Farcis"]);
        assert_eq!(clean_byline("Written by Ann Lee (@annlee) ann@x.com"), ["Ann Lee"]);
        assert_eq!(clean_byline("Von Max Muster und Erika Muster, 12.03.2020"), ["Max Muster", "Erika Muster"]);
        assert_eq!(clean_byline("Ann Lee March 5, 2020 at 3:00 pm"), ["Ann Lee"]);
        assert_eq!(clean_byline("Rachel MacDonald Writer"), ["Rachel MacDonald"]);
        assert!(clean_byline("Updated March").is_empty());
        assert!(clean_byline("Last Updated: January 7, 2025").is_empty());
        assert_eq!(clean_byline("Johanna Kropfitsch Alle Artikel"), ["Johanna Kropfitsch"]);
        assert!(clean_byline("https://www.facebook.com/someone").is_empty());
        assert!(clean_byline("This is a whole sentence about something that is not a byline at all.").is_empty());
    }

    #[test]
    fn byline_beside_the_headline() {
        let dom =
            Html::parse_document("<h1>Story</h1><div><span>By</span> <a>Rhonda Krause</a> <span>Updated</span></div>");
        assert_eq!(authors(&Page::new(&dom), &MetaTags::default(), &LdFacts::default(), None, None), ["Rhonda Krause"]);
        let dom = Html::parse_document("<h1>Story</h1><p>Written by Ann Lee - Mar 27, 2024</p>");
        assert_eq!(authors(&Page::new(&dom), &MetaTags::default(), &LdFacts::default(), None, None), ["Ann Lee"]);
    }

    #[test]
    fn byline_anywhere_and_author_classes() {
        let dom = Html::parse_document("<p>Intro text.</p><p>Written by <a>Moses Kim and Kate Shokurova</a></p>");
        assert_eq!(
            authors(&Page::new(&dom), &MetaTags::default(), &LdFacts::default(), None, None),
            ["Moses Kim", "Kate Shokurova"]
        );
        let dom = Html::parse_document("<div class='elementor-author-box__name'> Liz Kenny </div>");
        assert_eq!(authors(&Page::new(&dom), &MetaTags::default(), &LdFacts::default(), None, None), ["Liz Kenny"]);
    }

    #[test]
    fn a_person_on_the_page_beats_a_corporate_byline() {
        let ld = LdFacts { authors: vec!["Daily Bugle".into()], authors_are_organizations: true, ..LdFacts::default() };
        let dom = Html::parse_document("<h1>Story</h1><p>By Ann Lee</p>");
        assert_eq!(authors(&Page::new(&dom), &MetaTags::default(), &ld, None, None), ["Ann Lee"]);
        let dom = Html::parse_document("<h1>Story</h1><p>Nothing here</p>");
        assert_eq!(authors(&Page::new(&dom), &MetaTags::default(), &ld, None, None), ["Daily Bugle"]);
    }

    #[test]
    fn comment_authors_are_not_story_authors() {
        let dom =
            Html::parse_document("<ol class='comment-list'><li><span class='comment-author'>Aylin</span></li></ol>");
        assert!(authors(&Page::new(&dom), &MetaTags::default(), &LdFacts::default(), None, None).is_empty());
    }

    #[test]
    fn sources_in_order_and_dedup() {
        let dom = Html::parse_document(
            r#"<meta name="author" content="Ann Lee"><meta property="article:author" content="https://fb.com/ann">
            <p class="byline">By Bob Roe</p>"#,
        );
        assert_eq!(authors(&Page::new(&dom), &MetaTags::read(&crate::html::elements::Elements::of(&dom)), &LdFacts::default(), None, None), ["Ann Lee"]);
        let dom = Html::parse_document(
            r#"<p class="byline">By Bob Roe</p><a rel="author">Bob Roe</a><span class="author">bob roe</span>"#,
        );
        assert_eq!(authors(&Page::new(&dom), &MetaTags::read(&crate::html::elements::Elements::of(&dom)), &LdFacts::default(), None, None), ["Bob Roe"]);
        let ld = LdFacts { authors: vec!["Ann Lee".into(), "ann lee".into()], ..LdFacts::default() };
        assert_eq!(authors(&Page::new(&dom), &MetaTags::default(), &ld, None, None), ["Ann Lee"]);
    }
}
