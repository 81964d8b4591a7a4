//! How likely a found quote is a real attribution, from what it looks like in its article: a
//! logistic model over a few dozen binary signals (its kind, what kind of speaker it has, its
//! cue words, how its content opens, the line it sits on, how many quotes and people the
//! article has). Quotes below the model's threshold are dropped. The weights are learned from
//! the annotated recent articles (`models/quote-filter-en.md`, `tools/train_quote_filter.py`):
//! the taggers learned speech from political news, and on service and product pages they
//! take promises, findings and advice (`FreeTaxUSA promises no upcharges`) for reports.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::{Entity, EntityType, Quote};

const WEIGHTS: &str = include_str!("../../models/quote-filter-en.tsv");

/// Pronouns a speaker can be (`he said`), told apart from longer descriptions.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you", "him", "her", "them"];

/// Words that make a content a clause rather than a noun phrase (`… promises no upcharges`).
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "will", "would", "can", "could", "has", "have", "had", "should", "must", "may",
    "might", "be", "been", "do", "does", "did",
];

/// The logistic model: a weight per signal (absent signals weigh nothing) and the probability
/// below which a quote is dropped.
#[derive(Debug)]
pub struct QuoteFilter {
    weights: HashMap<String, f32>,
    threshold: f32,
}

/// Why the embedded model did not load (only a corrupt build fails).
#[derive(Debug, Clone, thiserror::Error)]
#[error(
    "the built-in quote filter (models/quote-filter-en.tsv) is corrupt: {0}; retrain it with tools/train_quote_filter.py"
)]
pub struct QuoteFilterError(String);

impl QuoteFilter {
    /// The model compiled into the program, parsed once per process.
    pub fn embedded() -> Result<&'static QuoteFilter, QuoteFilterError> {
        static MODEL: OnceLock<Result<QuoteFilter, QuoteFilterError>> = OnceLock::new();
        MODEL.get_or_init(|| Self::parse(WEIGHTS)).as_ref().map_err(Clone::clone)
    }

    fn parse(text: &str) -> Result<QuoteFilter, QuoteFilterError> {
        let mut weights = HashMap::new();
        let mut threshold = None;
        for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let (name, value) = line.rsplit_once('\t').ok_or_else(|| QuoteFilterError(format!("line {line:?}")))?;
            let value: f32 = value.trim().parse().map_err(|_| QuoteFilterError(format!("value of {name:?}")))?;
            match name {
                "threshold" => threshold = Some(value),
                _ => {
                    weights.insert(name.to_string(), value);
                }
            }
        }
        let threshold = threshold.ok_or_else(|| QuoteFilterError("no threshold".into()))?;
        if !weights.contains_key("bias") {
            return Err(QuoteFilterError("no bias".into()));
        }
        Ok(QuoteFilter { weights, threshold })
    }

    /// The probability that a quote with these signals is a real attribution.
    pub fn probability(&self, signals: &[String]) -> f32 {
        let z: f32 = signals.iter().filter_map(|s| self.weights.get(s)).sum();
        1.0 / (1.0 + (-z).exp())
    }

    /// Keeps the quotes the model believes in.
    pub fn keep_likely(&self, text: &str, quotes: &mut Vec<Quote>, entities: &[Entity]) {
        let doc = DocCounts::new(quotes, entities);
        quotes.retain(|q| {
            q.cue.as_ref().is_some_and(|cue| super::transcript::is_turn(text, &q.span, cue))
                || self.probability(&signals(q, text, entities, &doc)) >= self.threshold
        });
    }
}

/// What the signals read of the whole article.
pub struct DocCounts {
    quotes: usize,
    people: usize,
}

impl DocCounts {
    pub fn new(quotes: &[Quote], entities: &[Entity]) -> DocCounts {
        let people = entities.iter().filter(|e| e.kind == EntityType::Person).count();
        DocCounts { quotes: quotes.len(), people }
    }
}

/// `n` in doubling buckets (0, 1, 2–3, 4–7, …), capped at `cap`.
fn bucket(n: usize, cap: u32) -> u32 {
    (usize::BITS - n.leading_zeros()).min(cap)
}

/// The signals of one quote of the article whose body is `text`.
pub fn signals(q: &Quote, text: &str, entities: &[Entity], doc: &DocCounts) -> Vec<String> {
    let kind = q.kind.as_str();
    let mut out = vec!["bias".to_string(), format!("kind={kind}")];
    let speaker = q.speaker.as_ref();
    let said_by = speaker.map(|s| text.get(s.span.clone()).unwrap_or("").to_lowercase());
    let speaker_kind = match (speaker, &said_by) {
        (Some(s), _) if s.entity.is_some() => {
            let kind = entities.iter().find(|e| Some(&e.id) == s.entity.as_ref()).map_or("?", |e| e.kind.as_str());
            format!("ent:{kind}")
        }
        (Some(s), _) if s.name.is_some() => "group".into(),
        (Some(_), Some(t)) if PRONOUNS.contains(&t.as_str()) => "pron".into(),
        (Some(_), _) => "phrase".into(),
        (None, _) => "none".into(),
    };
    out.push(format!("sp={speaker_kind}"));
    out.push(format!("sp={speaker_kind}|{kind}"));
    if let Some(words) = said_by.as_ref().map(|t| t.split_whitespace().collect::<Vec<_>>()).filter(|w| !w.is_empty()) {
        out.push(format!("sph={}", words[words.len() - 1]));
        out.push(format!("spn={}", words.len().min(5)));
    }
    cue_signals(q, text, &mut out);
    content_signals(q, text, &mut out);
    out.push(format!("docq={}", bucket(doc.quotes, 6)));
    out.push(format!("docp={}", bucket(doc.people, 6)));
    out
}

/// The cue's words, and where it stands against the content.
fn cue_signals(q: &Quote, text: &str, out: &mut Vec<String>) {
    let cue = q.cue.as_ref().and_then(|c| text.get(c.clone())).unwrap_or("").to_lowercase();
    let words: Vec<&str> = cue.split_whitespace().collect();
    out.push(format!("cue={cue}"));
    if let (Some(first), Some(last)) = (words.first(), words.last()) {
        out.push(format!("cue0={first}"));
        out.push(format!("cuel={last}"));
    }
    out.push(format!("cuen={}", words.len().min(4)));
    let Some(c) = q.cue.as_ref() else { return };
    out.push(format!("cuepos={}", if c.start < q.span.start { "before" } else { "after" }));
    if c.end <= q.span.start {
        let between = text.get(c.end..q.span.start).unwrap_or("").trim().to_lowercase();
        out.push(match between.chars().count() < 12 {
            true => format!("btw={between}"),
            false => "btw=long".into(),
        });
    }
}

/// How long the content is, how it opens and ends, and the line it sits on.
fn content_signals(q: &Quote, text: &str, out: &mut Vec<String>) {
    let content = text.get(q.span.clone()).unwrap_or("");
    let words: Vec<&str> = content.split_whitespace().collect();
    out.push(format!("len={}", bucket(words.len(), 7)));
    if let Some(first) = words.first() {
        out.push(format!("c0={}", first.to_lowercase().trim_matches(['“', '"', '‘', '\''])));
    }
    if content.trim_end_matches(['”', '"', '’', ' ']).ends_with('?') {
        out.push("q?".into());
    }
    if words.iter().any(|w| AUXILIARIES.contains(&w.to_lowercase().as_str())) {
        out.push("aux".into());
    }
    let line_start = text.get(..q.span.start).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
    let line_end = text.get(q.span.end..).and_then(|t| t.find('\n')).map_or(text.len(), |i| q.span.end + i);
    let line = text.get(line_start..line_end).unwrap_or("");
    out.push(format!("linew={}", bucket(line.split_whitespace().count(), 7)));
    if is_list_item(line) {
        out.push("list".into());
    }
    let opening = text.get(..q.span.start).and_then(|t| t.chars().next_back());
    if opening.is_some_and(|c| matches!(c, '“' | '"' | '‘')) || content.starts_with(['“', '"', '‘']) {
        out.push("quotemark".into());
    }
}

/// A line that is a list item (`- `, `* `, `• `, `1. `, `2) `).
fn is_list_item(line: &str) -> bool {
    let line = line.trim_start();
    let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
    let numbered = rest.len() < line.len() && (rest.starts_with(". ") || rest.starts_with(") "));
    numbered || ["- ", "* ", "• "].iter().any(|m| line.starts_with(m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::QuoteKind;

    #[test]
    fn the_embedded_model_loads() {
        assert!(QuoteFilter::embedded().is_ok());
    }

    #[test]
    fn a_model_file_without_threshold_or_bias_is_an_error() {
        assert!(QuoteFilter::parse("bias\t0\n").is_err());
        assert!(QuoteFilter::parse("threshold\t0.3\n").is_err());
        assert!(QuoteFilter::parse("bias\tx\nthreshold\t0.3\n").is_err());
        assert!(QuoteFilter::parse("bias\t0\nthreshold\t0.3\n").is_ok());
    }

    fn quote(text: &str, content: &str, cue: &str, speaker: &str, kind: QuoteKind, entity: Option<&str>) -> Quote {
        let at = |s: &str| text.find(s).map(|i| i..i + s.len()).unwrap_or(0..0);
        let speaker = crate::model::Speaker {
            span: at(speaker),
            entity: entity.map(String::from),
            name: entity.map(|_| speaker.to_string()),
            members: Vec::new(),
        };
        Quote { span: at(content), kind, cue: Some(at(cue)), speaker: Some(speaker), continuation: Vec::new() }
    }

    #[test]
    fn a_spokesman_is_believed_and_a_product_claim_is_not() {
        let model = QuoteFilter::embedded().unwrap();
        let text = "“We will stay until the job is done,” Maria Lopez said on Friday.\n\n\
                    - FreeTaxUSA promises no upcharges for complex returns";
        let lopez = Entity {
            id: "E1".into(),
            name: "Maria Lopez".into(),
            kind: EntityType::Person,
            titles: Vec::new(),
            mentions: Vec::new(),
        };
        let firm = Entity { id: "E2".into(), name: "FreeTaxUSA".into(), kind: EntityType::Org, ..lopez.clone() };
        let entities = [lopez, firm];
        let said = quote(text, "We will stay until the job is done,", "said", "Maria Lopez", QuoteKind::Direct, Some("E1"));
        let promised = quote(text, "no upcharges for complex returns", "promises", "FreeTaxUSA", QuoteKind::Indirect, Some("E2"));
        let mut quotes = vec![said.clone(), promised];
        model.keep_likely(text, &mut quotes, &entities);
        assert_eq!(quotes, [said]);
    }

    #[test]
    fn buckets_double() {
        assert_eq!([0, 1, 2, 3, 4, 7, 8, 1000].map(|n| bucket(n, 6)), [0, 1, 2, 2, 3, 3, 4, 6]);
    }

    #[test]
    fn list_items() {
        assert!(is_list_item("- Tips"));
        assert!(is_list_item("  12. Tips"));
        assert!(!is_list_item("12 tips"));
        assert!(!is_list_item("He said"));
    }
}
