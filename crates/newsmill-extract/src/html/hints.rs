//! What an element's tag, role, class, id and visibility say about it: boilerplate hints.
//! Tag and role hints are reliable ("hard"); class and id words are a guess ("soft"), so the
//! selector may overrule them when they cover most of the page's prose.

use scraper::node::Element;

use crate::model::RemovalReason;

/// A boilerplate hint on one element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hint {
    pub reason: RemovalReason,
    /// From a class or id word, not from the tag, role or visibility.
    pub soft: bool,
    /// Reader comments, which can outweigh the story in prose, so holding much of the page's
    /// prose does not overrule the hint.
    pub specific: bool,
}

/// Elements whose text is never content.
pub(super) fn is_not_content(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "canvas"
            | "iframe"
            | "object"
            | "embed"
            | "select"
            | "option"
            | "button"
            | "input"
            | "textarea"
            | "head"
            | "title"
            | "math"
            | "video"
            | "audio"
            | "map"
    )
}

/// The attributes hints read, found in one pass over an element's attributes (scraper's
/// `attr` interns the name and binary-searches at every call, and a page has thousands of
/// elements).
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct HintAttrs<'a> {
    hidden: bool,
    aria_hidden: Option<&'a str>,
    pub class: Option<&'a str>,
    pub id: Option<&'a str>,
    style: Option<&'a str>,
    role: Option<&'a str>,
    pub itemprop: Option<&'a str>,
}

impl<'a> HintAttrs<'a> {
    pub fn of(el: &'a Element) -> Self {
        let mut out = HintAttrs::default();
        for (name, value) in el.attrs() {
            match name {
                "hidden" => out.hidden = true,
                "aria-hidden" => out.aria_hidden = Some(value),
                "class" => out.class = Some(value),
                "id" => out.id = Some(value),
                "style" => out.style = Some(value),
                "role" => out.role = Some(value),
                "itemprop" => out.itemprop = Some(value),
                _ => {}
            }
        }
        out
    }

    /// `itemprop=articleBody`: the page says the story is here.
    pub fn is_article_body(&self) -> bool {
        self.itemprop.is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
    }
}

/// The hint an element carries on its own (not counting its ancestors). `in_story` says it is
/// inside `<article>` or `<main>`, where a `<header>` holds the headline and standfirst, not
/// the site's masthead.
pub(super) fn hint<'a>(tag: &str, attrs: &HintAttrs<'a>, in_story: bool, classes: &mut ClassWords<'a>) -> Option<Hint> {
    if in_story && tag == "header" {
        return None;
    }
    if attrs.hidden && !is_streamed_segment(tag, attrs.id) {
        return Some(Hint { reason: RemovalReason::Hidden, soft: false, specific: false });
    }
    // Captured pages often carry script-set `aria-hidden` or `display:none` on the story
    // itself (behind a modal, before a reveal): a guess the selector may overrule.
    if is_hidden(attrs, classes) {
        return Some(Hint { reason: RemovalReason::Hidden, soft: true, specific: false });
    }
    if let Some(reason) = tag_hint(tag).or_else(|| attrs.role.and_then(role_hint)) {
        return Some(Hint { reason, soft: false, specific: false });
    }
    if matches!(tag, "html" | "body" | "main" | "article" | "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
        return None;
    }
    if attrs.is_article_body() {
        return None;
    }
    let class = attrs.class.unwrap_or("");
    let id = attrs.id.unwrap_or("");
    if class.is_empty() && id.is_empty() {
        return None;
    }
    let class = classes.of(class);
    words_hint(class, AttrWords::of(id)).map(|reason| Hint { reason, soft: true, specific: reason == RemovalReason::Comments })
}

/// A segment of a page React streams from the server (`<div hidden id="S:1a">`): hidden only
/// until a script moves it into place, so it is the page's content, often the story itself.
fn is_streamed_segment(tag: &str, id: Option<&str>) -> bool {
    tag == "div"
        && id.and_then(|id| id.strip_prefix("S:")).is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn is_hidden<'a>(attrs: &HintAttrs<'a>, classes: &mut ClassWords<'a>) -> bool {
    if attrs.aria_hidden.is_some_and(|v| v.trim() == "true") {
        return true;
    }
    if attrs.class.is_some_and(|c| classes.of(c).screen_reader) {
        return true;
    }
    attrs.style.is_some_and(|style| {
        // Most styles say neither word: only those are normalised and read.
        let has = |word: &[u8]| style.as_bytes().windows(word.len()).any(|w| w.eq_ignore_ascii_case(word));
        if !has(b"none") && !has(b"hidden") {
            return false;
        }
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

fn tag_hint(tag: &str) -> Option<RemovalReason> {
    Some(match tag {
        "nav" | "menu" => RemovalReason::Navigation,
        "header" | "footer" => RemovalReason::HeaderFooter,
        "aside" => RemovalReason::Sidebar,
        "figcaption" => RemovalReason::Caption,
        "dialog" => RemovalReason::Consent,
        _ => return None,
    })
}

fn role_hint(role: &str) -> Option<RemovalReason> {
    Some(match role.trim().to_ascii_lowercase().as_str() {
        "navigation" | "menu" | "menubar" | "tablist" => RemovalReason::Navigation,
        "banner" | "contentinfo" => RemovalReason::HeaderFooter,
        "complementary" => RemovalReason::Sidebar,
        "dialog" | "alertdialog" => RemovalReason::Consent,
        _ => return None,
    })
}

/// Class and id words that mark the story itself; an element carrying one is not hinted.
const CONTENT_WORDS: &[&str] = &["article", "content", "story", "post", "entry", "body", "text", "main", "prose"];

/// What the words of one class or id attribute say: the reason of the first word that gives
/// one, and whether a content word is among them.
#[derive(Debug, Clone, Copy)]
struct AttrWords {
    reason: Option<RemovalReason>,
    content: bool,
    /// A class that hides text from sight for screen readers ("Advertisement", "Opens in new
    /// window"); not responsive classes like `hidden md:block`, which are visible somewhere.
    screen_reader: bool,
}

impl AttrWords {
    fn of(value: &str) -> AttrWords {
        let screen_reader = value
            .split_whitespace()
            .any(|w| matches!(w, "sr-only" | "visually-hidden" | "screen-reader-text" | "visuallyhidden"));
        let mut out = AttrWords { reason: None, content: false, screen_reader };
        for_each_word(value, |word| {
            out.reason = out.reason.or_else(|| word_reason(word));
            out.content |= CONTENT_WORDS.contains(&word);
        });
        out
    }
}

/// The class attributes of a page already read: the same few classes recur on thousands of
/// elements, and reading one splits and matches every word.
#[derive(Debug, Default)]
pub(super) struct ClassWords<'a> {
    /// Fx-hashed: class strings run long (utility classes), and SipHash cost as much as the
    /// reading it saves.
    seen: rustc_hash::FxHashMap<&'a str, AttrWords>,
}

impl<'a> ClassWords<'a> {
    fn of(&mut self, class: &'a str) -> AttrWords {
        *self.seen.entry(class).or_insert_with(|| AttrWords::of(class))
    }
}

/// The hint from class and id words, split at `-`, `_`, spaces and camelCase humps: the first
/// word that gives a reason, class words before id words.
fn words_hint(class: AttrWords, id: AttrWords) -> Option<RemovalReason> {
    let reason = class.reason.or(id.reason)?;
    // "article-comments" is still comments, but "content-with-sidebar" or "post-header" wrap
    // the story: a content word overrules the weaker, layout-ish hints.
    if !is_specific(reason) && (class.content || id.content) {
        return None;
    }
    Some(reason)
}

fn is_specific(reason: RemovalReason) -> bool {
    matches!(
        reason,
        RemovalReason::Comments
            | RemovalReason::Consent
            | RemovalReason::Advertisement
            | RemovalReason::RelatedLinks
            | RemovalReason::Caption
            | RemovalReason::Metadata
    )
}

/// Calls `f` with each word of `value` in lower case, the words [`split_words`] makes,
/// without building the string: a word is copied into a buffer on the stack, cut at
/// [`WORD_BYTES`] (longer than any word the hints match, and their prefixes).
fn for_each_word(value: &str, mut f: impl FnMut(&str)) {
    let mut buf = [0u8; WORD_BYTES];
    let mut len = 0;
    let mut prev_lower = false;
    let mut emit = |buf: &[u8; WORD_BYTES], len: &mut usize| {
        if *len > 0 {
            // Only ASCII letters and digits go into the buffer.
            f(std::str::from_utf8(&buf[..(*len).min(WORD_BYTES)]).unwrap_or(""));
        }
        *len = 0;
    };
    for &b in value.as_bytes() {
        // A byte of a non-ASCII character is never alphanumeric: it ends the word, as the
        // character does in `split_words`.
        if !b.is_ascii_alphanumeric() {
            emit(&buf, &mut len);
            prev_lower = false;
            continue;
        }
        if b.is_ascii_uppercase() && prev_lower {
            emit(&buf, &mut len);
        }
        prev_lower = b.is_ascii_lowercase() || b.is_ascii_digit();
        if len < WORD_BYTES {
            buf[len] = b.to_ascii_lowercase();
        }
        len += 1;
    }
    emit(&buf, &mut len);
}

/// The longest word [`for_each_word`] passes on whole; longer words are cut (no hint word or
/// prefix is nearly as long).
const WORD_BYTES: usize = 32;

/// The words of a class or id, lowercase, separated by single spaces: split at every
/// non-alphanumeric character and at camelCase humps (`relatedLinks` → `related links`). The
/// reference [`for_each_word`] is tested against.
#[cfg(test)]
fn split_words(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 1);
    let mut prev_lower = false;
    for c in value.chars() {
        if !c.is_ascii_alphanumeric() {
            out.push(' ');
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower {
            out.push(' ');
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.push(c.to_ascii_lowercase());
    }
    out
}

fn word_reason(word: &str) -> Option<RemovalReason> {
    use RemovalReason as R;
    let exact = match word {
        "nav" | "navbar" | "navigation" | "menu" | "breadcrumb" | "breadcrumbs" | "crumbs" | "pagination" | "pager"
        | "skip" | "topbar" | "toolbar" => Some(R::Navigation),
        "header" | "footer" | "masthead" | "colophon" => Some(R::HeaderFooter),
        "sidebar" | "aside" | "rail" | "sidebox" => Some(R::Sidebar),
        "related" | "recommended" | "recommendations" | "recirc" | "trending" | "popular" | "mostread" | "readmore"
        | "teaser" | "teasers" | "taboola" | "outbrain" | "more" | "upnext" => Some(R::RelatedLinks),
        "comment" | "comments" | "disqus" | "respond" | "replies" | "discussion" => Some(R::Comments),
        "cookie" | "cookies" | "consent" | "gdpr" | "cmp" => Some(R::Consent),
        "share" | "sharing" | "social" | "subscribe" | "subscription" | "newsletter" | "signup" | "follow"
        | "sharebar" | "addthis" | "promo" | "paywall" | "donate" | "abo" | "cta" | "upsell" => Some(R::SharePrompt),
        "ad" | "ads" | "advert" | "adverts" | "advertisement" | "advertising" | "sponsor" | "sponsored" | "adslot"
        | "dfp" | "banner" | "commercial" => Some(R::Advertisement),
        "caption" | "credit" | "credits" | "figcaption" => Some(R::Caption),
        "copyright" | "legal" | "disclaimer" => Some(R::Legal),
        "byline" | "dateline" | "author" | "autor" | "autorin" | "bio" | "authorbox" | "meta" | "timestamp"
        | "tags" | "tag" => Some(R::Metadata),
        _ => None,
    };
    exact.or_else(|| {
        let prefixed = [
            ("advert", R::Advertisement),
            ("sponsor", R::Advertisement),
            ("comment", R::Comments),
            ("newsletter", R::SharePrompt),
            ("subscri", R::SharePrompt),
            ("breadcrumb", R::Navigation),
            ("sidebar", R::Sidebar),
            ("cookie", R::Consent),
            ("footer", R::HeaderFooter),
        ];
        prefixed.iter().find(|(p, _)| word.starts_with(p)).map(|&(_, r)| r)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(value: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_word(value, |w| out.push(w.to_string()));
        out
    }

    #[test]
    fn attribute_words_split_at_marks_humps_and_other_scripts() {
        assert_eq!(words_of("article-body mainContent  sr-only"), ["article", "body", "main", "content", "sr", "only"]);
        assert_eq!(words_of("h2Title x9Y café_menu"), ["h2", "title", "x9", "y", "caf", "menu"]);
        let long = "a".repeat(40) + "Comments";
        assert_eq!(words_of(&long), ["a".repeat(WORD_BYTES), "comments".to_string()]);
    }

    proptest::proptest! {
        /// The words passed on are `split_words`'s (cut at `WORD_BYTES`).
        #[test]
        fn each_word_is_a_word_of_the_split_string(value in "[a-zA-Z0-9 _é-]{0,60}") {
            let want: Vec<String> = split_words(&value)
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(|w| w.chars().take(WORD_BYTES).collect())
                .collect();
            proptest::prop_assert_eq!(words_of(&value), want);
        }
    }
}
