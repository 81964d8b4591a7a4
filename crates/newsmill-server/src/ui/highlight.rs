//! The reading view of an article: its blocks, with entity mentions linked to their pages and
//! quotes marked with their speaker. Spans come as code-point offsets (the article JSON);
//! every piece of text is rendered through maud, so it is escaped.

use std::collections::HashMap;

use maud::{Markup, html};
use newsmill_model::BlockKind;
use newsmill_store::ArticleRecord;

/// A marked span: a quote or a mention, in code points.
#[derive(Debug, Clone)]
struct Span {
    start: usize,
    end: usize,
    /// The corpus entity it links to.
    entity: Option<i64>,
    /// Mentions: the entity name; quotes: the speaker's name.
    label: Option<String>,
    kind: String,
}

/// Renders the article body; `ids` maps article-local entity ids to corpus ids.
pub(crate) fn body(article: &ArticleRecord, ids: &HashMap<String, i64>) -> Markup {
    let text: Vec<char> = article.text.as_deref().unwrap_or_default().chars().collect();
    let mentions = mention_spans(article, ids);
    let quotes = quote_spans(article, ids);
    let blocks: Vec<(usize, usize, BlockKind)> = if article.blocks.is_empty() {
        vec![(0, text.len(), BlockKind::Paragraph)]
    } else {
        article.blocks.iter().map(|b| (b.start, b.end, b.kind)).collect()
    };
    let segments = Segments::new(text.len(), &blocks, &quotes, &mentions);
    html! {
        @for (start, end, kind) in &blocks {
            @let start = (*start).min(text.len());
            @let end = (*end).clamp(start, text.len());
            @let inner = marked(&text, segments.within(start, end), &quotes, &mentions);
            @match kind {
                BlockKind::Heading => h2 { (inner) },
                BlockKind::ListItem => p.item { "• " (inner) },
                BlockKind::BlockQuote => blockquote { (inner) },
                _ => p { (inner) },
            }
        }
    }
}

fn mention_spans(article: &ArticleRecord, ids: &HashMap<String, i64>) -> Vec<Span> {
    let mut spans = Vec::new();
    for e in &article.entities {
        let entity = ids.get(e.id.as_ref()).copied();
        for m in e.mentions.iter().filter(|m| m.field.is_body()) {
            spans.push(Span {
                start: m.start,
                end: m.end,
                entity,
                label: Some(e.name.to_string()),
                kind: e.kind.as_str().to_lowercase(),
            });
        }
    }
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    spans
}

fn quote_spans(article: &ArticleRecord, ids: &HashMap<String, i64>) -> Vec<Span> {
    // Each part of an interrupted quotation is marked, with the same speaker.
    let mut spans: Vec<Span> = article
        .quotes
        .iter()
        .flat_map(|q| {
            let speaker = q.speaker.as_ref();
            let parts = std::iter::once((q.start, q.end)).chain(q.continuation.iter().map(|c| (c.start, c.end)));
            parts.map(move |(start, end)| Span {
                start,
                end,
                entity: speaker.and_then(|s| ids.get(s.entity.as_deref()?)).copied(),
                label: speaker.map(|s| s.name.as_deref().unwrap_or(&s.text).to_string()),
                kind: q.kind.as_str().to_string(),
            })
        })
        .collect();
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    spans
}

/// A run of text `[start, end)` under one mention (by index), or none.
type Segment = (Option<usize>, usize, usize);
/// Segments under one quote (by index), or none.
type QuoteGroup = (Option<usize>, Vec<Segment>);

/// The text cut wherever a block, quote or mention starts or ends, each piece with the first
/// quote and the first mention (in their sorted order) covering it. Made in one sweep over
/// all spans (n log n), not by asking every span about every piece: an article with
/// thousands of mentions would make that quadratic.
struct Segments {
    /// `(start, end, quote, mention)`, in text order, tiling the text.
    pieces: Vec<(usize, usize, Option<usize>, Option<usize>)>,
}

impl Segments {
    fn new(len: usize, blocks: &[(usize, usize, BlockKind)], quotes: &[Span], mentions: &[Span]) -> Self {
        let mut cuts = vec![0, len];
        cuts.extend(blocks.iter().flat_map(|b| [b.0, b.1]));
        cuts.extend(quotes.iter().chain(mentions).flat_map(|s| [s.start, s.end]));
        for c in &mut cuts {
            *c = (*c).min(len);
        }
        cuts.sort_unstable();
        cuts.dedup();
        let (mut quote, mut mention) = (Cover::new(quotes), Cover::new(mentions));
        let pieces = cuts.windows(2).map(|w| (w[0], w[1], quote.at(w[0], w[1]), mention.at(w[0], w[1]))).collect();
        Segments { pieces }
    }

    /// The pieces tiling `[start, end)` (block edges are cuts, so they tile it exactly).
    fn within(&self, start: usize, end: usize) -> &[(usize, usize, Option<usize>, Option<usize>)] {
        let from = self.pieces.partition_point(|p| p.0 < start);
        let to = self.pieces.partition_point(|p| p.1 <= end).max(from);
        &self.pieces[from..to]
    }
}

/// The first span (by index in a list sorted by start) covering each of a series of
/// increasing pieces `[a, b)`. A span that ends before some piece's end can cover no later
/// piece, so each span enters and leaves the heap once.
struct Cover<'a> {
    spans: &'a [Span],
    next: usize,
    active: std::collections::BinaryHeap<std::cmp::Reverse<usize>>,
}

impl<'a> Cover<'a> {
    fn new(spans: &'a [Span]) -> Self {
        Cover { spans, next: 0, active: Default::default() }
    }

    fn at(&mut self, a: usize, b: usize) -> Option<usize> {
        while self.next < self.spans.len() && self.spans[self.next].start <= a {
            if self.spans[self.next].start < self.spans[self.next].end {
                self.active.push(std::cmp::Reverse(self.next));
            }
            self.next += 1;
        }
        while let Some(&std::cmp::Reverse(i)) = self.active.peek() {
            if self.spans[i].end >= b {
                return Some(i);
            }
            self.active.pop();
        }
        None
    }
}

/// One block's pieces, quotes outside, mentions inside (a mention crossing a quote edge is
/// split in two).
fn marked(
    text: &[char],
    pieces: &[(usize, usize, Option<usize>, Option<usize>)],
    quotes: &[Span],
    mentions: &[Span],
) -> Markup {
    // Segments grouped by the quote covering them, then by the mention.
    let mut groups: Vec<QuoteGroup> = Vec::new();
    for &(a, b, q, m) in pieces {
        match groups.last_mut() {
            Some((last_q, segs)) if *last_q == q => match segs.last_mut() {
                Some((last_m, _, seg_end)) if *last_m == m => *seg_end = b,
                _ => segs.push((m, a, b)),
            },
            _ => groups.push((q, vec![(m, a, b)])),
        }
    }
    html! {
        @for (q, segs) in &groups {
            @let inner = html! { @for (m, a, b) in segs { (mention(text, *a, *b, m.map(|i| &mentions[i]))) } };
            @match q.map(|i| &quotes[i]) {
                Some(quote) => {
                    // The speaker shows on hovering the quote (and in the sidebar): a name set
                    // inline in the sentence breaks its reading.
                    span class={ "quote " (quote.kind) } title=(speaker_title(quote)) { (inner) }
                    @if segs.last().is_some_and(|&(_, _, b)| b == quote.end) { (speaker(quote)) }
                }
                None => (inner),
            }
        }
    }
}

fn mention(text: &[char], a: usize, b: usize, span: Option<&Span>) -> Markup {
    let s: String = text[a..b].iter().collect();
    html! {
        @match span {
            Some(m) => @match m.entity {
                Some(id) => a class={ "ent " (m.kind) } href={ "/entities/" (id) } title=(m.label.as_deref().unwrap_or("")) { (s) },
                None => span class={ "ent " (m.kind) } { (s) },
            },
            None => (s),
        }
    }
}

fn speaker_title(quote: &Span) -> String {
    let said = if quote.kind == "direct" { "Said by" } else { "Reported of" };
    quote.label.as_deref().map_or_else(|| "Speaker unknown".to_string(), |name| format!("{said} {name}"))
}

fn speaker(quote: &Span) -> Markup {
    html! {
        @match (&quote.label, quote.entity) {
            (Some(name), Some(id)) => a.who href={ "/entities/" (id) } { "— " (name) },
            (Some(name), None) => span.who { "— " (name) },
            _ => span.who.unknown { "— speaker unknown" },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn quotes_mentions_and_hostile_text_render_safely() {
        let text = "<script>x</script> Lima said “we <b>won</b>” today.";
        let cp = |s: &str| text[..text.find(s).unwrap()].chars().count();
        let article = typed(json!({
            "text": text,
            "blocks": [{"start": 0, "end": text.chars().count(), "kind": "paragraph"}],
            "entities": [{"id": "E1", "name": "Ana Lima", "type": "PERSON",
                          "mentions": [{"start": cp("Lima"), "end": cp("Lima") + 4}]}],
            "quotes": [{"text": "we <b>won</b>", "start": cp("we"), "end": cp("” today"), "kind": "direct",
                        "speaker": {"text": "Lima", "start": cp("Lima"), "end": cp("Lima") + 4,
                                    "entity": "E1", "name": "Ana Lima"}}]
        }));
        let ids = HashMap::from([("E1".to_string(), 7)]);
        let html = body(&article, &ids).into_string();
        assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"), "{html}");
        assert!(!html.contains("<script>") && !html.contains("<b>"), "{html}");
        assert!(html.contains(r#"<a class="ent person" href="/entities/7" title="Ana Lima">Lima</a>"#), "{html}");
        assert!(html.contains(r#"<span class="quote direct" title="Said by Ana Lima">we &lt;b&gt;won&lt;/b&gt;</span><a class="who" href="/entities/7">— Ana Lima</a>"#), "{html}");
    }

    /// A test article: the JSON given, with an id and a source.
    fn typed(mut json: serde_json::Value) -> ArticleRecord {
        json["id"] = "t".into();
        json["source"] = "t".into();
        serde_json::from_value(json).unwrap()
    }

    /// The first covering span by asking every span, as the pages did before.
    fn covering(spans: &[Span], a: usize, b: usize) -> Option<usize> {
        spans.iter().position(|s| s.start <= a && b <= s.end && s.start < s.end)
    }

    #[test]
    fn the_sweep_finds_the_same_covering_spans_as_asking_each() {
        let span = |start, end| Span { start, end, entity: None, label: None, kind: String::new() };
        let mut rng = 0x2545_F491_u64;
        let mut next = |n: usize| {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            (rng % n as u64) as usize
        };
        let mut spans: Vec<Span> = (0..300)
            .map(|_| {
                let s = next(1000);
                span(s, s + next(40))
            })
            .collect();
        spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        let blocks = vec![(0, 400, BlockKind::Paragraph), (400, 1000, BlockKind::Paragraph)];
        let segments = Segments::new(1000, &blocks, &spans, &[]);
        assert_eq!(segments.within(0, 400).last().map(|p| p.1), Some(400));
        for &(a, b, q, _) in &segments.pieces {
            assert_eq!(q, covering(&spans, a, b), "[{a}, {b})");
        }
    }

    #[test]
    fn offsets_past_the_text_are_clamped() {
        let article = typed(json!({"text": "short", "blocks": [{"start": 3, "end": 99, "kind": "heading"}],
            "quotes": [{"text": "short", "start": 0, "end": 500, "kind": "direct", "speaker": null}]}));
        let html = body(&article, &HashMap::new()).into_string();
        assert!(html.contains("<h2>"), "{html}");
        assert!(html.contains("rt</span>"), "{html}");
    }
}
