//! The date a page shows its readers next to the headline: the text and `<time>` elements
//! just before and after the `<h1>`. Whether each one is labelled as an update is kept, so
//! the caller can prefer the publication date when both are shown.

use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Html, Node, Selector};

use super::Page;
use crate::dates::parse_date;
use crate::html::elements::{Elements, Tag};

/// Text pieces looked at after the headline and before it.
const AFTER: usize = 40;
const BEFORE: usize = 6;
/// A first date after the headline further down than this many pieces is likely a sidebar's.
const FAR_AFTER: usize = 12;
/// A dateline is short; longer text is a paragraph that happens to hold a date.
const MAX_CHARS: usize = 90;
/// How far into a paragraph a lede's dateline may end.
const LEDE_HEAD_CHARS: usize = 40;
/// Words that label a date as an update, in the languages of the evaluation sets.
const UPDATE_WORDS: &[&str] = &[
    "updated",
    "update",
    "modified",
    "aktualisiert",
    "geändert",
    "mis à jour",
    "actualizado",
    "atualizado",
    "aggiornato",
];

/// The most characters of an [`UPDATE_WORDS`] word.
const LONGEST_UPDATE_WORD: usize = 12;

/// A date shown near the headline.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// ISO 8601, as [`parse_date`] gives it.
    pub date: String,
    /// Labelled "Updated" or the like.
    pub updated: bool,
}

/// One piece of the page in document order: text, or a `<time datetime>`.
/// Borrowed from the page: most pieces before the headline are walked past, not kept.
pub(super) enum Piece<'a> {
    Text(&'a str),
    Time(&'a str),
}

/// Dates shown around the headline `<h1>` (the one equal to `title` if any, else the
/// first), nearest after it first, then before it; a date just before the headline (a
/// kicker's dateline) comes first when the nearest one after it is far down the page.
pub fn shown_dates(page: &Page, title: Option<&str>) -> Vec<Shown> {
    let Some(h1) = pick_h1(&page.els, title) else { return Vec::new() };
    let (before, after) = pieces_around(page.dom, h1);
    let after_dates = scan(&after, 0..after.len());
    // Before the headline, nearest first.
    let before_dates = scan(&before, (0..before.len()).rev());
    let first_after = after_dates.first().map_or(usize::MAX, |(i, _)| *i);
    let (first, second) =
        if first_after > FAR_AFTER { (before_dates, after_dates) } else { (after_dates, before_dates) };
    let mut out: Vec<Shown> = Vec::new();
    for (_, found) in first.into_iter().chain(second) {
        // The same day seen twice (a `<time>` and its label): either label counts.
        match out.iter_mut().find(|s| s.date.get(..10) == found.date.get(..10)) {
            Some(seen) => seen.updated |= found.updated,
            None => out.push(found),
        }
    }
    out
}

/// The dates in `pieces`, visited in `order`, each with its piece's index.
fn scan(pieces: &[Piece], order: impl Iterator<Item = usize>) -> Vec<(usize, Shown)> {
    let mut out = Vec::new();
    for i in order {
        let labelled = update_label_before(pieces, i);
        let found = match &pieces[i] {
            Piece::Time(dt) => parse_date(dt).map(|d| (d, labelled)),
            Piece::Text(t) => published_before_update(t)
                .map(|d| (d, false))
                .or_else(|| dateline(t).map(|d| (d, labelled || is_update_label(t))))
                .or_else(|| lede_dateline(t).map(|d| (d, false))),
        };
        if let Some((date, updated)) = found {
            out.push((i, Shown { date, updated }));
        }
    }
    out
}

pub(super) fn pick_h1<'a>(els: &Elements<'a>, title: Option<&str>) -> Option<ElementRef<'a>> {
    let sel = Selector::parse("h1").ok()?;
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let title = title.map(norm);
    let mut h1s = els.select(Tag::H1, &sel).take(8);
    let first = h1s.next()?;
    let matching = std::iter::once(first)
        .chain(h1s)
        .find(|h| title.as_deref().is_some_and(|t| norm(&super::visible_text(*h)) == t));
    Some(matching.unwrap_or(first))
}

/// The pieces just before the `<h1>` and just after it, in document order. Only the nodes
/// near the headline are visited: backwards from it for the pieces before, forwards for
/// those after (a headline deep in a page of navigation costs no walk over all of it).
pub(super) fn pieces_around<'a>(dom: &'a Html, h1: ElementRef<'a>) -> (Vec<Piece<'a>>, Vec<Piece<'a>>) {
    let root = dom.root_element();
    // The headline and its ancestors up to the root element (the nodes the pieces before
    // it are walked back through); none if it hangs outside the root element.
    let chain: Vec<NodeRef<'a, Node>> = std::iter::successors(Some(*h1), |n| n.parent()).collect();
    let Some(top) = chain.iter().position(|n| n.id() == root.id()) else { return (Vec::new(), Vec::new()) };
    let mut before: Vec<Piece> = preceding(*h1, root.id()).filter_map(|n| piece(n, h1)).take(BEFORE).collect();
    before.reverse();
    // After the headline in document order: its own subtree, then what follows each of its
    // ancestors inside the root element.
    let following = h1
        .descendants()
        .skip(1)
        .chain(chain[..top].iter().flat_map(|a| a.next_siblings().flat_map(|s| s.descendants())));
    let after = following.filter_map(|n| piece(n, h1)).take(AFTER).collect();
    (before, after)
}

/// The nodes before `node` in document order, nearest first, up to and with the node `stop`
/// (the root element): a previous sibling's last descendant, else the parent.
fn preceding<'a>(node: NodeRef<'a, Node>, stop: NodeId) -> impl Iterator<Item = NodeRef<'a, Node>> {
    std::iter::successors(Some(node), move |n| {
        if n.id() == stop {
            return None;
        }
        match n.prev_sibling() {
            Some(mut last) => {
                while let Some(child) = last.last_child() {
                    last = child;
                }
                Some(last)
            }
            None => n.parent(),
        }
    })
    .skip(1)
}

/// What `node` gives the date and author readers near the headline `h1`: a text (not of a
/// script, a `<time datetime>`, a quote or the headline itself) or a `<time datetime>`.
fn piece<'a>(node: NodeRef<'a, Node>, h1: ElementRef<'a>) -> Option<Piece<'a>> {
    match node.value() {
        Node::Text(t) => {
            let parent = node.parent().and_then(ElementRef::wrap);
            // A `<time datetime>`'s text says the same less precisely (`10/12/2023`).
            let skip = |p: ElementRef| {
                let v = p.value();
                matches!(v.name(), "script" | "style" | "noscript" | "template")
                    || (v.name() == "time" && v.attr("datetime").and_then(parse_date).is_some())
            };
            // A quote or an embedded post (a tweet under the story) carries its author's date.
            let inside = |a: NodeRef<'_, Node>| {
                a.id() == h1.id() || a.value().as_element().is_some_and(|e| e.name() == "blockquote")
            };
            if parent.is_some_and(skip) || node.ancestors().any(inside) {
                return None;
            }
            let text = t.trim();
            (!text.is_empty()).then_some(Piece::Text(text))
        }
        Node::Element(e) if e.name() == "time" => e.attr("datetime").map(Piece::Time),
        _ => None,
    }
}

/// Whether one of the two short texts before piece `i` ("Last updated", then ":") says update.
fn update_label_before(pieces: &[Piece], i: usize) -> bool {
    pieces[i.saturating_sub(2)..i].iter().any(|p| match p {
        Piece::Text(t) => t.chars().count() <= 40 && is_update_label(t),
        Piece::Time(_) => false,
    })
}

/// A date in a short text that reads as a dateline: it names a month, or is a numeric date.
fn dateline(text: &str) -> Option<String> {
    if text.chars().count() > MAX_CHARS || !text.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    parse_date(text)
}

/// `29.11.2022 – Mehrfach hatte die Branche …`: a story's first paragraph opening with
/// its date and a dash, as wire copy does.
fn lede_dateline(text: &str) -> Option<String> {
    let head: String = text.chars().take(LEDE_HEAD_CHARS).collect();
    let at = [" – ", " — ", " - "].iter().filter_map(|dash| head.find(dash)).min()?;
    dateline(&head[..at])
}

/// `August 16, 2019 - Updated July 9, 2025`: the date before the update label.
fn published_before_update(text: &str) -> Option<String> {
    // Only a label within a dateline's length of the start can follow a dateline: the
    // paragraphs after a headline need not be lowercased whole.
    let head = text.char_indices().nth(MAX_CHARS + LONGEST_UPDATE_WORD).map_or(text, |(at, _)| &text[..at]);
    // A dateline holds a digit: a head without one is passed over without lowercasing it.
    if !head.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let lower = head.to_lowercase();
    let at = UPDATE_WORDS.iter().filter_map(|w| lower.find(w)).min().filter(|&at| at > 0)?;
    dateline(&lower[..at])
}

fn is_update_label(label: &str) -> bool {
    let lower = label.to_lowercase();
    UPDATE_WORDS.iter().any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(html: &str) -> Vec<Shown> {
        shown_dates(&Page::new(&Html::parse_document(html)), None)
    }

    #[test]
    fn a_date_before_an_update_label_is_read_in_a_long_paragraph_too() {
        for w in UPDATE_WORDS {
            assert!(w.chars().count() <= LONGEST_UPDATE_WORD, "{w}");
        }
        let long = " and then a long paragraph goes on and on".repeat(20);
        let near = format!("August 16, 2019 - Updated July 9, 2025{long}");
        assert_eq!(published_before_update(&near).as_deref(), Some("2019-08-16"));
        // The label as far as a dateline can reach, and one character further.
        let pad = |n: usize| format!("August 16, 2019{}", " ".repeat(n));
        let reach = MAX_CHARS - "August 16, 2019".len();
        assert!(published_before_update(&format!("{}aktualisiert{long}", pad(reach))).is_some());
        assert!(published_before_update(&format!("{}aktualisiert{long}", pad(reach + 1))).is_none());
    }

    #[test]
    fn finds_the_dateline_after_the_headline() {
        let got = shown("<p>Jan 1, 2001</p><h1>Big news</h1><div><b>By Ann</b> - Mar 27, 2024</div><p>Text.</p>");
        assert_eq!(got[0], Shown { date: "2024-03-27".into(), updated: false });
        assert_eq!(got[1].date, "2001-01-01");
    }

    #[test]
    fn a_kicker_date_beats_a_date_far_down_the_page() {
        let filler: String = (0..20).map(|i| format!("<p>Paragraph {i} of the story.</p>")).collect();
        let page = format!("<p>12.12.2022 12:22</p><h1>Story</h1>{filler}<aside><p>10.08.2022 11:05</p></aside>");
        assert_eq!(shown(&page)[0].date, "2022-12-12T12:22");
        // Near the headline, the date after it still comes first.
        let page = "<p>12.12.2022 12:22</p><h1>Story</h1><p>By Ann</p><p>10.08.2022 11:05</p>";
        assert_eq!(shown(page)[0].date, "2022-08-10T11:05");
    }

    #[test]
    fn labels_updates() {
        let got = shown("<h1>T</h1><span>Last updated:</span><time datetime='2025-09-04T19:24:33Z'>Sep 4</time>");
        assert_eq!(got, [Shown { date: "2025-09-04T19:24:33+00:00".into(), updated: true }]);
        let got = shown(
            "<p>Last Updated:</p><p>February 28, 2026</p><h1>T</h1><span>Updated</span><span>: </span><b>Dec 4, 2025</b>",
        );
        assert_eq!(got.iter().map(|s| s.updated).collect::<Vec<_>>(), [true, true]);
        let got = shown("<h1>T</h1><time datetime='2025-06-18'>x</time><p>Updated on June 18, 2025</p>");
        assert_eq!(got, [Shown { date: "2025-06-18".into(), updated: true }]);
        let got = shown("<h1>T</h1><p>August 16, 2019 - Updated July 9, 2025</p>");
        assert_eq!(got[0], Shown { date: "2019-08-16".into(), updated: false });
    }

    #[test]
    fn reads_a_lede_that_opens_with_its_date() {
        let lede = "29.11.2022 – Mehrfach und vehement hatte die Branche die Nachteile des Entwurfs dargelegt, leider ohne Erfolg.";
        let got = shown(&format!("<h1>T</h1><p>{lede}</p>"));
        assert_eq!(got, [Shown { date: "2022-11-29".into(), updated: false }]);
        // A date later in a long paragraph is not a dateline.
        let got = shown(
            "<h1>T</h1><p>Die Preise haben sich seit Juli 2021 verzehnfacht – sagt der Verband, der am 29.11.2022 protestierte.</p>",
        );
        assert!(got.is_empty());
    }

    #[test]
    fn skips_quoted_and_embedded_posts() {
        let got = shown(
            "<h1>T</h1><p>Text.</p><blockquote class='twitter-tweet'><p>Goal!</p>— Club <a>October 31, 2021</a></blockquote>",
        );
        assert!(got.is_empty());
    }

    #[test]
    fn no_headline_no_dates() {
        assert!(shown("<p>March 3, 2020</p>").is_empty());
    }
}
