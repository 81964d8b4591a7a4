//! What the taggers see of one paragraph: per token the hashed word and its shape, the cue
//! lexicon's weight, whether it is quoted, its sentence, and the rule finder's roles.

use std::ops::Range;

use super::super::MentionRef;
use super::super::attribute::{Attribution, ParaScan};
use super::super::scan::Token;
use super::{Role, clusters};
use crate::hashing::hash_str;

/// The least cue-lexicon weight that makes a sentence worth the cue tagger's time.
const MIN_CUE_WEIGHT: f32 = 0.25;

/// BIO labels, the same for each role.
pub const O: u8 = 0;
pub const B: u8 = 1;
pub const I: u8 = 2;

/// One paragraph, ready for feature extraction.
pub struct ParaView {
    pub toks: Vec<Token>,
    pub word: Vec<u64>,
    pub suffix: Vec<u64>,
    /// The word without a common inflection (`says`, `saying` → `say`).
    pub stem: Vec<u64>,
    pub shape: Vec<u8>,
    /// Distributional word classes, coarse and fine (`clusters`).
    pub cluster: Vec<clusters::Clusters>,
    /// The cue lexicon's weight in tenths (0..=10).
    pub lex: Vec<u8>,
    pub quoted: Vec<bool>,
    /// The sentence (token range) each token is in.
    pub sent: Vec<Range<usize>>,
    /// Whether the token's sentence holds a quotation.
    pub sent_quoted: Vec<bool>,
    /// The rule finder's BIO label of each token for each role.
    pub rule: Vec<[u8; 3]>,
    /// Whether each token is something a cue is made of: a word the cue lexicon gives at
    /// least 0.25, a quotation mark, a colon or a dash. In a sentence without one (no such
    /// sentence holds a cue in PolNeAR dev) the cue tagger is not run.
    pub cue_evidence: Vec<bool>,
    /// The entity mention a token is in: 0 none, else `1 + 2 * type` for its first token and
    /// `2 + 2 * type` for the others.
    pub entity: Vec<u8>,
    /// Unique to this view (of every view the process made): what the taggers' buffers key
    /// the features the roles share on.
    pub id: u64,
}

/// The next [`ParaView::id`].
static NEXT_VIEW: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Coarse word shape: punctuation, quotation mark, lower, Capitalized, UPPER, digits.
fn shape(w: &str) -> u8 {
    let mut chars = w.chars();
    let Some(first) = chars.next() else { return 0 };
    if !first.is_alphanumeric() {
        return if "“”‘’\"'«»„‹›".contains(first) { 1 } else { 0 };
    }
    if first.is_numeric() {
        return 5;
    }
    if first.is_lowercase() {
        return 2;
    }
    if w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && w.chars().count() > 1 { 4 } else { 3 }
}

/// A crude stem: the word without `-ing`, `-ed`, `-es` or `-s` when enough remains.
fn stem(w: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(rest) = w.strip_suffix(suffix).filter(|r| r.len() >= 3) {
            return rest;
        }
    }
    w
}

impl ParaView {
    pub fn new(text: &str, scan: &ParaScan, rules: &[RuleSpan], mentions: &[MentionRef]) -> ParaView {
        let n = scan.toks.len();
        let mut view = ParaView {
            toks: scan.toks.clone(),
            word: Vec::with_capacity(n),
            suffix: Vec::with_capacity(n),
            stem: Vec::with_capacity(n),
            shape: Vec::with_capacity(n),
            cluster: Vec::with_capacity(n),
            lex: Vec::with_capacity(n),
            quoted: scan.in_quote.clone(),
            sent: vec![0..0; n],
            sent_quoted: vec![false; n],
            rule: vec![[O; 3]; n],
            entity: vec![0; n],
            cue_evidence: Vec::with_capacity(n),
            id: NEXT_VIEW.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        };
        let mut lower = String::new();
        for t in &scan.toks {
            let w = text.get(t.span.clone()).unwrap_or("");
            lower.clear();
            if w.is_ascii() {
                lower.push_str(w);
                lower.make_ascii_lowercase();
            } else {
                lower.extend(w.chars().flat_map(char::to_lowercase));
            }
            let hash = hash_str(&lower);
            view.word.push(hash);
            let cut = lower.char_indices().rev().nth(2).map_or(0, |(b, _)| b);
            // Short words and punctuation are their own suffix and stem: no second hash.
            view.suffix.push(if cut == 0 { hash } else { hash_str(&lower[cut..]) });
            let stemmed = stem(&lower);
            view.stem.push(if stemmed.len() == lower.len() { hash } else { hash_str(stemmed) });
            view.shape.push(shape(w));
            let info = if t.word { clusters::of_hash(hash) } else { clusters::UNSEEN };
            view.cluster.push(info.clusters);
            let weight = info.cue_weight;
            view.lex.push((weight * 10.0).round().clamp(0.0, 10.0) as u8);
            let evidence =
                weight >= MIN_CUE_WEIGHT || matches!(w, ":" | "―" | "—" | "–") || view.shape.last() == Some(&1);
            view.cue_evidence.push(evidence);
        }
        for s in &scan.sents {
            let quoted = view.quoted[s.clone()].iter().any(|&q| q);
            for i in s.clone() {
                view.sent[i] = s.clone();
                view.sent_quoted[i] = quoted;
            }
        }
        let (first, last) = match (scan.toks.first(), scan.toks.last()) {
            (Some(a), Some(b)) => (a.span.start, b.span.end),
            _ => (0, 0),
        };
        // Rule spans lie within one paragraph each: those of this one start inside it.
        let from = rules.partition_point(|r| r.span.start < first);
        for r in rules[from..].iter().take_while(|r| r.span.start < last) {
            view.mark(r.role, &r.span);
        }
        let from = mentions.partition_point(|m| m.span.end <= first);
        for m in mentions[from..].iter().take_while(|m| m.span.start < last) {
            let code = 1 + 2 * m.kind as u8;
            let mut i = view.toks.partition_point(|t| t.span.start < m.span.start);
            let start = i;
            while i < n && view.toks[i].span.start < m.span.end {
                view.entity[i] = if i == start { code } else { code + 1 };
                i += 1;
            }
        }
        view
    }

    /// Marks the tokens inside the byte range `f` with the rule finder's label for `role`.
    fn mark(&mut self, role: Role, f: &Range<usize>) {
        let first = self.toks.partition_point(|t| t.span.start < f.start);
        let mut i = first;
        while i < self.toks.len() && self.toks[i].span.start < f.end {
            let r = &mut self.rule[i][role as usize];
            if *r == O {
                *r = if i == first { B } else { I };
            }
            i += 1;
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    #[cfg(feature = "internals")]
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The sentences of the paragraph in order, as token ranges covering every token.
    pub fn sentences(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        let mut i = 0;
        std::iter::from_fn(move || {
            (i < self.len()).then(|| {
                let s = self.sent[i].start.min(i)..self.sent[i].end.max(i + 1);
                i = s.end;
                s
            })
        })
    }
}

/// One span of the rule finder's attributions, with its role.
#[derive(Debug, Clone)]
pub struct RuleSpan {
    pub span: Range<usize>,
    pub role: Role,
}

/// The spans of the rule finder's attributions, sorted by start.
pub fn rule_spans(rules: &[Attribution]) -> Vec<RuleSpan> {
    let mut out: Vec<RuleSpan> = Vec::new();
    for a in rules {
        out.extend(a.cue.iter().map(|s| RuleSpan { span: s.clone(), role: Role::Cue }));
        out.extend(a.source.iter().map(|s| RuleSpan { span: s.clone(), role: Role::Source }));
        out.extend(a.content.iter().map(|s| RuleSpan { span: s.clone(), role: Role::Content }));
    }
    out.sort_by_key(|r| r.span.start);
    out
}

/// Token spans (`B` then `I`s) of a label sequence.
pub fn spans(labels: &[u8]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, &l) in labels.iter().enumerate() {
        match l {
            B => out.push(i..i + 1),
            I => match out.last_mut() {
                Some(last) if last.end == i => last.end = i + 1,
                _ => out.push(i..i + 1),
            },
            _ => {}
        }
    }
    out
}

/// Gold BIO labels of one role from byte-range spans (each a list of fragments); where spans
/// of a role nest, the longest one owns the tokens.
#[cfg(feature = "internals")]
pub fn gold_labels(view: &ParaView, spans: &[Vec<Range<usize>>]) -> Vec<u8> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    let len = |s: &Vec<Range<usize>>| s.iter().map(|r| r.len()).sum::<usize>();
    order.sort_by_key(|&k| std::cmp::Reverse(len(&spans[k])));
    let mut owner: Vec<Option<usize>> = vec![None; view.len()];
    for k in order {
        for f in &spans[k] {
            let mut i = view.toks.partition_point(|t| t.span.start < f.start);
            while i < view.len() && view.toks[i].span.start < f.end {
                owner[i].get_or_insert(k);
                i += 1;
            }
        }
    }
    let mut out = vec![O; view.len()];
    for i in 0..view.len() {
        if let Some(k) = owner[i] {
            out[i] = if i > 0 && owner[i - 1] == Some(k) { I } else { B };
        }
    }
    out
}
