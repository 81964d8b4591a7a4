//! Assembling attributions: for each cue in a sentence, decide which side holds the source and
//! which the content, keep only outermost attributions, and attach quote paragraphs with no
//! cue to the attribution before them.

use std::ops::Range;

use super::cues::{self, Cue, CueKind};
use super::marks::{self, Quoted};
use super::scan::{self, Token};
use super::{indirect, speaker};
use speaker::Stop;

/// One attribution as PolNeAR annotates it; byte ranges into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The source phrase as written (a pronoun stays a pronoun); `None` when implicit.
    pub source: Option<Range<usize>>,
    /// `None` for a quotation with no cue and no attribution to continue.
    pub cue: Option<Range<usize>>,
    /// The content, in pieces when split around the attribution or across paragraphs;
    /// direct quotes include their quotation marks.
    pub content: Vec<Range<usize>>,
}

/// A candidate attribution in token indices of one paragraph.
#[derive(Debug, Clone)]
struct Cand {
    cue: Range<usize>,
    source: Option<Range<usize>>,
    content: Range<usize>,
    /// Where its source-and-cue construction starts, for clipping content before it.
    region: usize,
    /// True when the content follows the cue.
    forward: bool,
}

/// One paragraph as the rule finder scanned it, for the learned pass that follows.
pub struct ParaScan {
    pub toks: Vec<Token>,
    /// Whether each token sits inside a quotation.
    pub in_quote: Vec<bool>,
    pub sents: Vec<Range<usize>>,
    pub quoted: Vec<Quoted>,
}

/// More speech cues than this in one sentence and the rules leave it alone.
const MAX_CUES_PER_SENTENCE: usize = 32;

/// For each token, the first quotation in `quoted` that holds it. Unclosed quotations run to
/// the paragraph's end and overlap by the thousand in hostile text, so each token is assigned
/// once and then skipped (`next` points past assigned runs), keeping this linear.
fn quotation_of_tokens(toks: &[Token], quoted: &[Quoted]) -> Vec<Option<usize>> {
    let mut out = vec![None; toks.len()];
    let mut next: Vec<usize> = (0..=toks.len()).collect();
    fn find(next: &mut [usize], mut i: usize) -> usize {
        let mut root = i;
        while next[root] != root {
            root = next[root];
        }
        while next[i] != root {
            let up = next[i];
            next[i] = root;
            i = up;
        }
        root
    }
    for (k, q) in quoted.iter().enumerate() {
        let mut i = find(&mut next, toks.partition_point(|t| t.span.start < q.outer.start));
        while i < toks.len() && toks[i].span.start < q.outer.end {
            out[i] = Some(k);
            next[i] = i + 1;
            i = find(&mut next, i + 1);
        }
    }
    out
}

/// The rule finder's attributions of `text`, and its scan of each paragraph.
#[cfg(any(test, feature = "internals"))]
pub fn analyze(text: &str) -> (Vec<Attribution>, Vec<ParaScan>) {
    analyze_tokenized(text, &crate::tokens::tokenize(text))
}

/// As [`analyze`], with the text's tokens ([`crate::tokens::tokenize`]) at hand.
pub fn analyze_tokenized(text: &str, tokens: &[crate::tokens::Token]) -> (Vec<Attribution>, Vec<ParaScan>) {
    let mut out: Vec<Attribution> = Vec::new();
    let mut scans = Vec::new();
    // Index in `out` and paragraph number of the latest attribution with a cue.
    let mut last: Option<(usize, usize)> = None;
    for (pi, para) in scan::paragraphs(text).into_iter().enumerate() {
        let toks = scan::tokens_in(text, para.clone(), tokens);
        let quoted = marks::find(text, para);
        let qidx = quotation_of_tokens(&toks, &quoted);
        // The last word of each quotation, so that a full stop knows in constant time whether
        // only closing marks follow it inside the quotation (`.”`, `.''`).
        let mut last_word = vec![0; quoted.len()];
        for (i, q) in qidx.iter().enumerate() {
            if let Some(q) = q.filter(|_| toks[i].word) {
                last_word[q] = i;
            }
        }
        let protected = |i: usize| qidx[i].is_some_and(|q| !(i >= last_word[q] && quoted[q].closed));
        let para_start = out.len();
        let mut para_cands: Vec<Cand> = Vec::new();
        let sents = scan::sentences(text, &toks, protected);
        for sent in sents.iter().cloned() {
            let found = cues::find(text, &toks, sent.clone(), &|i| qidx[i].is_some());
            if found.len() > MAX_CUES_PER_SENTENCE {
                // Not prose (a list of cue words, or junk): reading it would cost the square of
                // its length.
                continue;
            }
            para_cands.extend(sentence(text, &toks, &qidx, &quoted, sent, &found));
        }
        for c in para_cands.iter_mut() {
            // PolNeAR keeps the closing comma of a parenthetical apposition in the source.
            if let Some(src) = c.source.as_mut().filter(|s| s.start < s.end && s.end < toks.len()) {
                let inner_comma = toks[src.clone()].iter().any(|t| &text[t.span.clone()] == ",");
                if inner_comma && &text[toks[src.end].span.clone()] == "," && src.end < c.cue.start {
                    src.end += 1;
                }
            }
        }
        for c in &para_cands {
            let span = |r: &Range<usize>| toks[r.start].span.start..toks[r.end - 1].span.end;
            out.push(Attribution {
                source: c.source.as_ref().filter(|r| !r.is_empty()).map(span),
                cue: Some(span(&c.cue)),
                content: vec![span(&c.content)],
            });
            last = Some((out.len() - 1, pi));
        }
        attach_orphans(text, &quoted, pi, para_start, &mut out, &mut last);
        let in_quote = qidx.iter().map(Option::is_some).collect();
        scans.push(ParaScan { toks, in_quote, sents, quoted });
    }
    (out, scans)
}

/// Quotations outside every content: a continuation of the latest attribution when it is in
/// this or the previous paragraph, else a quote with no cue; scare quotes are dropped.
/// `out[from..]` are this paragraph's attributions: earlier ones cannot hold its quotations,
/// except the latest, which may continue into it.
pub(super) fn attach_orphans(
    text: &str,
    quoted: &[Quoted],
    pi: usize,
    from: usize,
    out: &mut Vec<Attribution>,
    last: &mut Option<(usize, usize)>,
) {
    for q in quoted {
        let overlaps = |a: &Attribution| a.content.iter().any(|c| c.start < q.outer.end && q.outer.start < c.end);
        let covered = out[from.min(out.len())..].iter().any(overlaps)
            || last.is_some_and(|(ai, _)| out.get(ai).is_some_and(overlaps));
        if covered || marks::looks_like_label(&text[q.inner.clone()]) {
            continue;
        }
        let target = last.filter(|&(ai, p)| p + 1 >= pi && out[ai].content.iter().all(|c| c.end <= q.outer.start));
        match target {
            Some((ai, _)) => out[ai].content.push(q.outer.clone()),
            None => out.push(Attribution { source: None, cue: None, content: vec![q.outer.clone()] }),
        }
    }
}

/// The outermost attributions of one sentence.
fn sentence(
    text: &str,
    toks: &[Token],
    qidx: &[Option<usize>],
    quoted: &[Quoted],
    sent: Range<usize>,
    found: &[Cue],
) -> Vec<Cand> {
    let mut cands: Vec<Cand> = Vec::new();
    for cue in found {
        let prev_source = cands.last().and_then(|c| c.source.clone());
        if let Some(c) = candidate(text, toks, qidx, sent.clone(), cue, prev_source) {
            cands.push(c);
        }
    }
    // Content after a cue stops where the next construction begins (`…, he added`).
    // Constructions after the content clip it, and so does a coordinated clause with its own
    // cue (`…, but Y said …`); any other preposed cue further on is nested.
    let regions: Vec<(usize, usize)> = cands
        .iter()
        .filter(|c| {
            let before = |k: usize| c.region.checked_sub(k).map_or("", |i| word(text, toks, i));
            let coordinated = matches!(before(1), "but" | "and" | "while" | "whereas" | "though" | "although" | ";")
                || matches!(before(1), "," | ";");
            !c.forward || matches!(word(text, toks, c.region), "," | "and" | "but") || coordinated
        })
        .map(|c| (c.cue.start, c.region))
        .collect();
    for c in cands.iter_mut().filter(|c| c.forward) {
        // `According to X, 37.5% of respondents listed …`: the clause after the comma is the
        // content, its verb's construction nested in it, not a clause coordinated with it.
        let according = word(text, toks, c.cue.start).eq_ignore_ascii_case("according");
        let clips = |r: usize| r > c.content.start || (r == c.content.start && !according);
        if let Some(&(_, r)) = regions.iter().find(|&&(cs, r)| cs > c.cue.start && clips(r) && r < c.content.end) {
            c.content = indirect::trim(text, toks, c.content.start..r);
        }
        close_direct(toks, qidx, quoted, c);
    }
    let keep: Vec<bool> = cands
        .iter()
        .map(|c| {
            !c.content.is_empty()
                && !cands.iter().any(|o| o.content.contains(&c.cue.start) && !c.content.contains(&o.cue.start))
        })
        .collect();
    cands.into_iter().zip(keep).filter_map(|(c, k)| k.then_some(c)).collect()
}

/// A forward content that opens with a quotation ends where the quotation closes.
fn close_direct(toks: &[Token], qidx: &[Option<usize>], quoted: &[Quoted], c: &mut Cand) {
    let Some(q) = qidx.get(c.content.start).copied().flatten() else { return };
    if toks[c.content.start].span.start != quoted[q].outer.start {
        return;
    }
    let mut end = c.content.start;
    while end < c.content.end && qidx[end] == Some(q) {
        end += 1;
    }
    c.content.end = end;
}

fn word<'a>(text: &'a str, toks: &[Token], i: usize) -> &'a str {
    toks.get(i).map_or("", |t| &text[t.span.clone()])
}

/// One cue's candidate attribution, or `None` when no sensible reading exists.
fn candidate(
    text: &str,
    toks: &[Token],
    qidx: &[Option<usize>],
    sent: Range<usize>,
    cue: &Cue,
    prev: Option<Range<usize>>,
) -> Option<Cand> {
    let cue_word = word(text, toks, cue.toks.start);
    let forward = |from: usize| indirect::after(text, toks, cue_word, from, sent.end);
    let comma_before = |i: usize| if i > sent.start && word(text, toks, i - 1) == "," { i - 1 } else { i };
    match cue.kind {
        CueKind::According => {
            let source = speaker::after(text, toks, cue.toks.end, sent.end, true);
            let lead = indirect::before(text, toks, sent.start, cue.toks.start);
            if lead.len() >= 3 {
                let region = comma_before(cue.toks.start);
                return Some(Cand {
                    cue: cue.toks.clone(),
                    source: Some(source),
                    content: lead,
                    region,
                    forward: false,
                });
            }
            let content = forward(source.end);
            Some(Cand { cue: cue.toks.clone(), source: Some(source), content, region: cue.toks.start, forward: true })
        }
        CueKind::Passive => {
            let content = forward(cue.toks.end);
            Some(Cand { cue: cue.toks.clone(), source: None, content, region: cue.toks.start, forward: true })
        }
        CueKind::Participle => {
            let content = forward(cue.toks.end);
            let region = comma_before(cue.toks.start);
            let source = prev.or_else(|| leading_name(text, toks, sent.clone()));
            Some(Cand { cue: cue.toks.clone(), source, content, region, forward: true })
        }
        CueKind::Verb => verb(text, toks, sent.clone(), cue, prev).map(|mut c| {
            // PolNeAR cues carry their auxiliaries and adverbs (`has also said`).
            let mut start = c.cue.start;
            let source_end = c.source.as_ref().filter(|s| s.end <= start).map_or(sent.start, |s| s.end);
            while start > source_end && speaker::BETWEEN.contains(&word(text, toks, start - 1).to_lowercase().as_str())
            {
                start -= 1;
            }
            c.cue.start = start;
            c
        }),
        CueKind::Colon => {
            let content = forward(cue.toks.end);
            let source = sent.start..cue.toks.start;
            Some(Cand { cue: cue.toks.clone(), source: Some(source), content, region: sent.start, forward: true })
        }
        CueKind::Dash => {
            let source = speaker::after(text, toks, cue.toks.end, sent.end, true);
            // The quotation that the dash closes.
            let q = qidx.get(cue.toks.start.checked_sub(1)?).copied().flatten()?;
            let start = (sent.start..cue.toks.start).find(|&j| qidx[j] == Some(q))?;
            let content = start..cue.toks.start;
            Some(Cand { cue: cue.toks.clone(), source: Some(source), content, region: cue.toks.start, forward: false })
        }
    }
}

/// A speech verb: preposed (`X said that …`), postposed (`…, X said`) or inverted (`…,” said X`).
fn verb(text: &str, toks: &[Token], sent: Range<usize>, cue: &Cue, prev: Option<Range<usize>>) -> Option<Cand> {
    let cue_word = word(text, toks, cue.toks.start);
    let b = speaker::back(text, toks, sent.clone(), cue.toks.start);
    if !speaker::plausible(text, toks, &b.np) {
        return None;
    }
    // Where the content before a postposed cue ends (a closing mark stays in the content).
    let stop_end = |s: usize| if word(text, toks, s) == "," { s } else { s + 1 };
    let content_follows =
        matches!(word(text, toks, cue.toks.end).to_lowercase().as_str(), "that" | ":" | "“" | "\"" | "‘");
    match b.stop {
        Stop::Comma(s)
            if b.np.is_empty()
                && (content_follows
                    || clause_follows(text, toks, cue, &sent)
                    || named_apposition(text, toks, sent.start..s)) =>
        {
            // `Douglas Brinkley, a historian who attended, recalled that …`.
            let source = indirect::before(text, toks, sent.start, s);
            let content = indirect::after(text, toks, cue_word, cue.toks.end, sent.end);
            let region = source.start;
            Some(Cand { cue: cue.toks.clone(), source: Some(source), content, region, forward: true })
        }
        Stop::Quote(s) | Stop::Comma(s) if b.np.is_empty() => {
            let source = speaker::after(text, toks, cue.toks.end, sent.end, false);
            let content = indirect::before(text, toks, sent.start, stop_end(s));
            let region = s;
            Some(Cand { cue: cue.toks.clone(), source: Some(source), content, region, forward: false })
        }
        Stop::Quote(s) => {
            let content = indirect::before(text, toks, sent.start, stop_end(s));
            Some(Cand { cue: cue.toks.clone(), source: Some(b.np.clone()), content, region: s, forward: false })
        }
        Stop::Comma(s) if !content_follows && words(toks, sent.start..s) >= 4 && short_tail(text, toks, cue, &sent) => {
            let content = indirect::before(text, toks, sent.start, s);
            Some(Cand { cue: cue.toks.clone(), source: Some(b.np.clone()), content, region: s, forward: false })
        }
        Stop::Boundary(j) if b.np.is_empty() && matches!(word(text, toks, j), "and" | "but") => {
            // `He claimed vast wealth and said …`: the coordinated verb shares the subject.
            let source = prev.or_else(|| leading_name(text, toks, sent.clone()))?;
            let content = indirect::after(text, toks, cue_word, cue.toks.end, sent.end);
            Some(Cand { cue: cue.toks.clone(), source: Some(source), content, region: j, forward: true })
        }
        _ if b.np.is_empty() => None,
        stop => {
            let mut source = b.np.clone();
            if let Stop::Comma(s) = stop {
                // `Alice Wells, deputy secretary, said`: the apposition is part of the source,
                // a leading connective (`Still, Stanikzai said`) is not.
                let lead = indirect::before(text, toks, sent.start, s);
                if !lead.is_empty() && speaker::apposition(text, toks, &lead) {
                    // `Trump, speaking to veterans, said`: the name without the aside.
                    source = if speaker::not_a_subject(text, toks, &b.np) { lead } else { lead.start..b.np.end };
                }
            }
            let content = indirect::after(text, toks, cue_word, cue.toks.end, sent.end);
            Some(Cand {
                cue: cue.toks.clone(),
                source: Some(source.clone()),
                content,
                region: source.start,
                forward: true,
            })
        }
    }
}

/// Whether little follows a cue in its sentence (`…, he said on Friday.`), as after a
/// postposed cue, rather than a clause (`…, Phil Lovas, said he had not seen it`).
fn short_tail(text: &str, toks: &[Token], cue: &Cue, sent: &Range<usize>) -> bool {
    let next = cue.toks.end;
    if next >= sent.end || !toks[next].word {
        return true;
    }
    let w = word(text, toks, next).to_lowercase();
    const TAIL: &[&str] = &[
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "to",
        "of",
        "via",
        "about",
        "last",
        "this",
        "earlier",
        "later",
        "recently",
        "yesterday",
        "today",
        "as",
        "when",
        "while",
        "from",
        "with",
        "for",
        "by",
        "late",
        "early",
        "again",
    ];
    TAIL.contains(&w.as_str()) || crate::lang::en::WEEKDAYS.contains(&w.as_str())
}

/// Whether a clause rather than a noun phrase follows the cue (`, said he has not seen it`
/// versus `, said the minister`): a lowercase word that is not a determiner.
fn clause_follows(text: &str, toks: &[Token], cue: &Cue, sent: &Range<usize>) -> bool {
    let next = cue.toks.end;
    if next >= sent.end || !toks[next].word || short_tail(text, toks, cue, sent) {
        return false;
    }
    let w = word(text, toks, next);
    let lowercase = w.chars().next().is_some_and(char::is_lowercase);
    lowercase && !matches!(w, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "one" | "two" | "former")
}

/// Whether the words before a cue's comma are `Name, title`: a short capitalized name, a
/// comma, then the title (`Richard Revesz, director of the institute, said the …`).
fn named_apposition(text: &str, toks: &[Token], lead: Range<usize>) -> bool {
    let Some(first) = lead.clone().find(|&i| word(text, toks, i) == ",") else { return false };
    let name = lead.start..first;
    let capital = |i: usize| word(text, toks, i).chars().next().is_some_and(char::is_uppercase);
    (1..=4).contains(&name.len()) && name.clone().all(|i| toks[i].word && capital(i)) && first + 1 < lead.end
}

/// The name or pronoun a sentence opens with (`Mr. Grassley`, `He`), when a verb follows it.
fn leading_name(text: &str, toks: &[Token], sent: Range<usize>) -> Option<Range<usize>> {
    let capital = |i: usize| word(text, toks, i).chars().next().is_some_and(char::is_uppercase);
    let end = (sent.start..sent.end).find(|&i| !(toks[i].word && capital(i)))?;
    let verb_next = toks[end].word && word(text, toks, end).chars().next().is_some_and(char::is_lowercase);
    (end > sent.start && end - sent.start <= 4 && verb_next).then_some(sent.start..end)
}

fn words(toks: &[Token], r: Range<usize>) -> usize {
    toks[r].iter().filter(|t| t.word).count()
}
