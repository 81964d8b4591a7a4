//! The reading view of an article: its blocks, with entity mentions linked to their pages and
//! quotes marked with their speaker. Spans come as code-point offsets (the article JSON);
//! every piece of text is rendered through maud, so it is escaped.

use std::collections::HashMap;

use maud::{Markup, html};
use serde_json::Value;

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
pub(crate) fn body(article: &Value, ids: &HashMap<String, i64>) -> Markup {
    let text: Vec<char> = article["text"].as_str().unwrap_or_default().chars().collect();
    let mentions = mention_spans(article, ids);
    let quotes = quote_spans(article, ids);
    let blocks = article["blocks"].as_array().cloned().unwrap_or_default();
    let blocks: Vec<(usize, usize, String)> = if blocks.is_empty() {
        vec![(0, text.len(), "paragraph".into())]
    } else {
        blocks
            .iter()
            .map(|b| (offset(&b["start"]), offset(&b["end"]), b["kind"].as_str().unwrap_or("").into()))
            .collect()
    };
    html! {
        @for (start, end, kind) in &blocks {
            @let start = (*start).min(text.len());
            @let end = (*end).clamp(start, text.len());
            @let inner = marked(&text, start, end, &quotes, &mentions);
            @match kind.as_str() {
                "heading" => h2 { (inner) },
                "list_item" => p.item { "• " (inner) },
                "block_quote" => blockquote { (inner) },
                _ => p { (inner) },
            }
        }
    }
}

fn offset(v: &Value) -> usize {
    v.as_u64().unwrap_or(0) as usize
}

fn mention_spans(article: &Value, ids: &HashMap<String, i64>) -> Vec<Span> {
    let mut spans = Vec::new();
    for e in article["entities"].as_array().into_iter().flatten() {
        let entity = e["id"].as_str().and_then(|id| ids.get(id)).copied();
        for m in e["mentions"].as_array().into_iter().flatten() {
            spans.push(Span {
                start: offset(&m["start"]),
                end: offset(&m["end"]),
                entity,
                label: e["name"].as_str().map(str::to_string),
                kind: e["type"].as_str().unwrap_or("").to_lowercase(),
            });
        }
    }
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    spans
}

fn quote_spans(article: &Value, ids: &HashMap<String, i64>) -> Vec<Span> {
    let mut spans: Vec<Span> = article["quotes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|q| {
            let speaker = &q["speaker"];
            Span {
                start: offset(&q["start"]),
                end: offset(&q["end"]),
                entity: speaker["entity"].as_str().and_then(|id| ids.get(id)).copied(),
                label: speaker["name"].as_str().or(speaker["text"].as_str()).map(str::to_string),
                kind: q["kind"].as_str().unwrap_or("").to_string(),
            }
        })
        .collect();
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    spans
}

/// A run of text `[start, end)` under one mention (by index), or none.
type Segment = (Option<usize>, usize, usize);
/// Segments under one quote (by index), or none.
type QuoteGroup = (Option<usize>, Vec<Segment>);

/// The index of the first span covering `[a, b)`.
fn covering(spans: &[Span], a: usize, b: usize) -> Option<usize> {
    spans.iter().position(|s| s.start <= a && b <= s.end && s.start < s.end)
}

/// One block's text split where a quote or mention starts or ends; quotes outside,
/// mentions inside (a mention crossing a quote edge is split in two).
fn marked(text: &[char], start: usize, end: usize, quotes: &[Span], mentions: &[Span]) -> Markup {
    let mut cuts = vec![start, end];
    for s in quotes.iter().chain(mentions) {
        cuts.extend([s.start, s.end].into_iter().filter(|&c| c > start && c < end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    // Segments grouped by the quote covering them, then by the mention.
    let mut groups: Vec<QuoteGroup> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (q, m) = (covering(quotes, a, b), covering(mentions, a, b));
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
                    span class={ "quote " (quote.kind) } { (inner) }
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
        let article = json!({
            "text": text,
            "blocks": [{"start": 0, "end": text.chars().count(), "kind": "paragraph"}],
            "entities": [{"id": "E1", "name": "Ana Lima", "type": "PERSON",
                          "mentions": [{"start": cp("Lima"), "end": cp("Lima") + 4}]}],
            "quotes": [{"start": cp("we"), "end": cp("” today"), "kind": "direct",
                        "speaker": {"text": "Lima", "entity": "E1", "name": "Ana Lima"}}]
        });
        let ids = HashMap::from([("E1".to_string(), 7)]);
        let html = body(&article, &ids).into_string();
        assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"), "{html}");
        assert!(!html.contains("<script>") && !html.contains("<b>"), "{html}");
        assert!(html.contains(r#"<a class="ent person" href="/entities/7" title="Ana Lima">Lima</a>"#), "{html}");
        assert!(html.contains(r#"<span class="quote direct">we &lt;b&gt;won&lt;/b&gt;</span><a class="who" href="/entities/7">— Ana Lima</a>"#), "{html}");
    }

    #[test]
    fn offsets_past_the_text_are_clamped() {
        let article = json!({"text": "short", "blocks": [{"start": 3, "end": 99, "kind": "heading"}],
            "quotes": [{"start": 0, "end": 500, "kind": "direct", "speaker": null}]});
        let html = body(&article, &HashMap::new()).into_string();
        assert!(html.contains("<h2>"), "{html}");
        assert!(html.contains("rt</span>"), "{html}");
    }
}
