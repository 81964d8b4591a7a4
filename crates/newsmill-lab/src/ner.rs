//! NER evaluation on CoNLL-format data with conlleval's metric: entity-level exact match
//! (same span, same type), precision, recall and F1 overall and per type. Chunks are read
//! the way conlleval reads them, so IOB1 (`I-` may start an entity) and IOB2 both work.

use std::collections::BTreeMap;

use super::metrics::{Counts, Prf};

/// One sentence of a CoNLL file: its tokens and their gold tags (the last column).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConllSentence {
    pub tokens: Vec<String>,
    pub tags: Vec<String>,
}

/// One `-DOCSTART-` block: its sentences.
pub type ConllDoc = Vec<ConllSentence>;

/// Reads CoNLL text: one `TOKEN … TAG` line per token, blank lines between sentences and
/// `-DOCSTART-` lines between documents. A file without `-DOCSTART-` is one document.
pub fn read_conll(text: &str) -> Vec<ConllDoc> {
    let mut docs: Vec<ConllDoc> = Vec::new();
    let mut doc: ConllDoc = Vec::new();
    let mut sent = ConllSentence::default();
    for line in text.lines() {
        let mut cols = line.split_whitespace();
        let Some(token) = cols.next() else {
            if !sent.tokens.is_empty() {
                doc.push(std::mem::take(&mut sent));
            }
            continue;
        };
        if token == "-DOCSTART-" {
            if !sent.tokens.is_empty() {
                doc.push(std::mem::take(&mut sent));
            }
            if !doc.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        let tag = cols.next_back().unwrap_or("O");
        sent.tokens.push(token.to_string());
        sent.tags.push(tag.to_string());
    }
    if !sent.tokens.is_empty() {
        doc.push(sent);
    }
    if !doc.is_empty() {
        docs.push(doc);
    }
    docs
}

fn split_tag(tag: &str) -> (char, &str) {
    match tag.split_once('-') {
        Some((p, t)) => (p.chars().next().unwrap_or('O'), t),
        None => ('O', ""),
    }
}

/// The entities of a tag sequence as `(start, end, type)`, following conlleval's
/// `endOfChunk`/`startOfChunk` rules (IOB1, IOB2 and IOBES).
pub fn chunks<S: AsRef<str>>(tags: &[S]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    let (mut prev_p, mut prev_t) = ('O', "");
    for (i, tag) in tags.iter().enumerate() {
        let (p, t) = split_tag(tag.as_ref());
        let ends = matches!((prev_p, p), ('B' | 'I', 'B' | 'S' | 'O') | ('E' | 'S', _)) || prev_p != 'O' && prev_t != t;
        let starts = matches!((prev_p, p), (_, 'B' | 'S') | ('O' | 'E' | 'S', 'I' | 'E')) || p != 'O' && prev_t != t;
        if ends && let Some((s, ty)) = open.take() {
            out.push((s, i, ty.to_string()));
        }
        if starts && p != 'O' {
            open = Some((i, t));
        }
        (prev_p, prev_t) = (p, t);
    }
    if let Some((s, ty)) = open {
        out.push((s, tags.len(), ty.to_string()));
    }
    out
}

/// Counts of one type, and overall.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct NerReport {
    pub sentences: usize,
    pub tokens: usize,
    pub overall: Counts,
    pub per_type: BTreeMap<String, Counts>,
}

impl NerReport {
    /// Adds one sentence's gold and predicted tags.
    pub fn add<G: AsRef<str>, P: AsRef<str>>(&mut self, gold: &[G], pred: &[P]) {
        self.sentences += 1;
        self.tokens += gold.len();
        let g = chunks(gold);
        let p = chunks(pred);
        for c in &p {
            let hit = g.contains(c);
            let counts = self.per_type.entry(c.2.clone()).or_default();
            let d = if hit { Counts { tp: 1.0, ..Counts::default() } } else { Counts { fp: 1.0, ..Counts::default() } };
            counts.add(d);
            self.overall.add(d);
        }
        for c in g.iter().filter(|c| !p.contains(c)) {
            let d = Counts { fn_: 1.0, ..Counts::default() };
            self.per_type.entry(c.2.clone()).or_default().add(d);
            self.overall.add(d);
        }
    }

    pub fn overall_prf(&self) -> Prf {
        self.overall.prf()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_read_iob2_and_iob1() {
        let iob2 = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG"];
        assert_eq!(
            chunks(&iob2),
            [(0, 2, "PER".into()), (3, 4, "LOC".into()), (4, 5, "LOC".into()), (5, 6, "ORG".into())]
        );
        let iob1 = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-MISC"];
        assert_eq!(
            chunks(&iob1),
            [(0, 2, "PER".into()), (3, 4, "LOC".into()), (4, 5, "LOC".into()), (5, 6, "MISC".into())]
        );
        assert_eq!(chunks(&["S-ORG", "B-PER", "E-PER"]), [(0, 1, "ORG".into()), (1, 3, "PER".into())]);
    }

    #[test]
    fn exact_match_scores() {
        let mut r = NerReport::default();
        r.add(&["B-PER", "I-PER", "O", "B-LOC"], &["B-PER", "O", "O", "B-LOC"]);
        assert_eq!((r.overall.tp, r.overall.fp, r.overall.fn_), (1.0, 1.0, 1.0));
        assert_eq!(r.per_type["LOC"].tp, 1.0);
        assert!((r.overall_prf().f1 - 0.5).abs() < 1e-9);
    }

    #[test]
    fn reads_documents_and_sentences() {
        let text = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n\n-DOCSTART- -X- O O\n\nX X X O\n";
        let docs = read_conll(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].len(), 2);
        assert_eq!(docs[0][0].tags, ["B-ORG", "O"]);
    }
}
