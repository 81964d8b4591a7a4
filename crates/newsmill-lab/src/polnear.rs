//! PolNeAR attribution scoring: precision, recall and F1 of Source, Cue and Content spans,
//! exact and overlapping (shared words ≥ 50% of the longer span), micro-averaged over a split.
//! One annotation per article (the first `.ann` file in name order).

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::Path;

use super::{Counts, EvalError, Prf};
use newsmill_analyze::quotes::Attribution;

/// A span as a list of byte ranges (PolNeAR spans may be discontinuous).
pub type Frags = Vec<Range<usize>>;

/// Figures for one component (Source, Cue or Content).
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ComponentScores {
    pub gold: usize,
    pub predicted: usize,
    pub exact: Prf,
    pub overlap: Prf,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct QuotesReport {
    pub split: String,
    pub documents: usize,
    pub words: usize,
    pub seconds_finding: f64,
    pub source: ComponentScores,
    pub cue: ComponentScores,
    pub content: ComponentScores,
}

/// The three components of the gold or predicted attributions of one article.
#[derive(Debug, Default)]
pub struct Parts {
    pub source: Vec<Frags>,
    pub cue: Vec<Frags>,
    pub content: Vec<Frags>,
}

/// Scores an attribution finder on `dir/<split>` (`text/*.txt` and `attributions/*.ann`).
pub fn evaluate_with(
    dir: &Path,
    split: &str,
    find: &dyn Fn(&str) -> Vec<Attribution>,
) -> Result<QuotesReport, EvalError> {
    Ok(evaluate_articles(split, &articles(dir, split)?, find))
}

/// Scores an attribution finder on articles already read (text and gold spans).
pub fn evaluate_articles(
    split: &str,
    articles: &[(String, Parts)],
    find: &dyn Fn(&str) -> Vec<Attribution>,
) -> QuotesReport {
    let mut report = QuotesReport { split: split.to_string(), ..QuotesReport::default() };
    let mut counts = [[Counts::default(); 2]; 3];
    for (text, gold) in articles {
        let started = std::time::Instant::now();
        let predicted = predict(find(text));
        report.seconds_finding += started.elapsed().as_secs_f64();
        report.documents += 1;
        report.words += text.split_whitespace().count();
        let pairs =
            [(&gold.source, &predicted.source), (&gold.cue, &predicted.cue), (&gold.content, &predicted.content)];
        for (k, (g, p)) in pairs.into_iter().enumerate() {
            counts[k][0].add(score(text, g, p, false));
            counts[k][1].add(score(text, g, p, true));
        }
    }
    for (k, slot) in [&mut report.source, &mut report.cue, &mut report.content].into_iter().enumerate() {
        slot.gold = (counts[k][0].tp + counts[k][0].fn_) as usize;
        slot.predicted = (counts[k][0].tp + counts[k][0].fp) as usize;
        slot.exact = counts[k][0].prf();
        slot.overlap = counts[k][1].prf();
    }
    report
}

/// The texts of a split with their gold spans, one annotation per article (the first `.ann`
/// file in name order).
pub fn articles(dir: &Path, split: &str) -> Result<Vec<(String, Parts)>, EvalError> {
    annotated(dir, split, false)
}

/// The texts of a split with their gold spans; with `every_annotator`, an article annotated
/// by several people comes once per annotation.
pub fn annotated(dir: &Path, split: &str, every_annotator: bool) -> Result<Vec<(String, Parts)>, EvalError> {
    let root = dir.join(split);
    let ann_dir = root.join("attributions");
    let mut anns: BTreeMap<String, Vec<std::path::PathBuf>> = BTreeMap::new();
    let entries = std::fs::read_dir(&ann_dir).map_err(|e| EvalError::io(&ann_dir, e))?;
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "ann")) {
        let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let article = stem.rsplit_once('_').map_or(stem, |(a, _)| a).to_string();
        anns.entry(article).or_default().push(p);
    }
    let mut out = Vec::new();
    for (article, files) in &anns {
        let txt = root.join("text").join(format!("{article}.txt"));
        let Ok(text) = std::fs::read_to_string(&txt) else { continue };
        let take = if every_annotator { files.len() } else { 1 };
        for ann in &files[..take] {
            let ann_text = std::fs::read_to_string(ann).map_err(|e| EvalError::io(ann, e))?;
            out.push((text.clone(), parse_ann(&text, &ann_text)));
        }
    }
    Ok(out)
}

/// Our attributions in PolNeAR's terms: quotations without a cue are not attributions.
fn predict(attributions: Vec<Attribution>) -> Parts {
    let mut parts = Parts::default();
    for a in attributions {
        let Some(cue) = a.cue else { continue };
        parts.cue.push(vec![cue]);
        if let Some(s) = a.source {
            parts.source.push(vec![s]);
        }
        if !a.content.is_empty() {
            parts.content.push(a.content);
        }
    }
    parts
}

/// The gold spans of one brat file; offsets are code points, turned into byte offsets.
fn parse_ann(text: &str, ann: &str) -> Parts {
    let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
    let at = |c: usize| bytes.get(c).copied().unwrap_or(text.len());
    let mut spans: HashMap<&str, Frags> = HashMap::new();
    let mut parts = Parts::default();
    for line in ann.lines() {
        let mut f = line.split('\t');
        let (Some(id), Some(body)) = (f.next(), f.next()) else { continue };
        if id.starts_with('T') {
            let Some((_, offsets)) = body.split_once(' ') else { continue };
            let frags = offsets
                .split(';')
                .filter_map(|fr| {
                    let mut n = fr.split_whitespace().filter_map(|x| x.parse::<usize>().ok());
                    Some(at(n.next()?)..at(n.next()?))
                })
                .collect();
            spans.insert(id, frags);
        } else if id.starts_with('E') {
            for arg in body.split_whitespace() {
                let Some((role, t)) = arg.split_once(':') else { continue };
                let Some(frags) = spans.get(t) else { continue };
                match role {
                    "Source" => parts.source.push(frags.clone()),
                    "Cue" => parts.cue.push(frags.clone()),
                    "Content" => parts.content.push(frags.clone()),
                    _ => {}
                }
            }
        }
    }
    parts
}

/// The start offsets of the words inside a span; for a span of punctuation alone (a cue
/// `:` or `―`), of its visible characters, so that it can match at all.
fn words(text: &str, frags: &Frags) -> Vec<usize> {
    let mut out = Vec::new();
    for r in frags {
        let s = text.get(r.clone()).unwrap_or("");
        let mut prev_word = false;
        for (i, c) in s.char_indices() {
            let w = c.is_alphanumeric();
            if w && !prev_word {
                out.push(r.start + i);
            }
            prev_word = w;
        }
    }
    if out.is_empty() {
        for r in frags {
            let s = text.get(r.clone()).unwrap_or("");
            out.extend(s.char_indices().filter(|(_, c)| !c.is_whitespace()).map(|(i, _)| r.start + i));
        }
    }
    out
}

/// Trims whitespace so that exact match does not hinge on a stray space.
fn trimmed(text: &str, frags: &Frags) -> Frags {
    let mut v: Frags = frags
        .iter()
        .map(|r| {
            let s = text.get(r.clone()).unwrap_or("");
            let lead = s.len() - s.trim_start().len();
            r.start + lead..r.start + s.trim_end().len().max(lead)
        })
        .filter(|r| !r.is_empty())
        .collect();
    v.sort_by_key(|r| r.start);
    v
}

/// Greedy one-to-one matching of predicted against gold spans: for each predicted span, the
/// gold span it matched.
fn matching(text: &str, gold: &[Frags], predicted: &[Frags], overlap: bool) -> Vec<Option<usize>> {
    let g: Vec<(Frags, Vec<usize>)> = gold.iter().map(|f| (trimmed(text, f), words(text, f))).collect();
    let mut used = vec![false; g.len()];
    let mut out = Vec::with_capacity(predicted.len());
    for p in predicted {
        let (pf, pw) = (trimmed(text, p), words(text, p));
        let hit = g.iter().enumerate().position(|(i, (gf, gw))| {
            if used[i] {
                return false;
            }
            if !overlap {
                return *gf == pf;
            }
            let shared = pw.iter().filter(|w| gw.contains(w)).count();
            shared > 0 && 2 * shared >= pw.len().max(gw.len())
        });
        if let Some(i) = hit {
            used[i] = true;
        }
        out.push(hit);
    }
    out
}

fn score(text: &str, gold: &[Frags], predicted: &[Frags], overlap: bool) -> Counts {
    let tp = matching(text, gold, predicted, overlap).iter().flatten().count() as f64;
    Counts { tp, fp: predicted.len() as f64 - tp, fn_: gold.len() as f64 - tp }
}

/// One span that the other side does not have (overlap matching): a gold span missed or a
/// predicted span that matches no gold one, with the sentence-sized text around it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Miss {
    pub article: usize,
    pub component: &'static str,
    /// `missed` (gold only) or `extra` (predicted only).
    pub kind: &'static str,
    pub span: String,
    pub context: String,
}

/// The spans gold and prediction disagree on, article by article, for finding classes of
/// errors (`newsmill eval quotes --misses FILE`).
pub fn misses(articles: &[(String, Parts)], find: &dyn Fn(&str) -> Vec<Attribution>) -> Vec<Miss> {
    let mut out = Vec::new();
    for (article, (text, gold)) in articles.iter().enumerate() {
        let predicted = predict(find(text));
        let pairs = [
            ("source", &gold.source, &predicted.source),
            ("cue", &gold.cue, &predicted.cue),
            ("content", &gold.content, &predicted.content),
        ];
        for (component, g, p) in pairs {
            let hits = matching(text, g, p, true);
            let matched: Vec<usize> = hits.iter().flatten().copied().collect();
            let missed = g.iter().enumerate().filter(|(i, _)| !matched.contains(i)).map(|(_, f)| ("missed", f));
            let extra = p.iter().zip(&hits).filter(|(_, h)| h.is_none()).map(|(f, _)| ("extra", f));
            for (kind, frags) in missed.chain(extra) {
                let span = frags.iter().filter_map(|r| text.get(r.clone())).collect::<Vec<_>>().join(" … ");
                let context = around(text, frags.first().map_or(0..0, Clone::clone));
                out.push(Miss { article, component, kind, span, context });
            }
        }
    }
    out
}

/// About 100 bytes of text either side of `r`, on char boundaries.
fn around(text: &str, r: Range<usize>) -> String {
    let mut start = r.start.saturating_sub(100);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (r.end + 100).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    text[start..end].replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brat_spans_are_read_as_byte_ranges() {
        let text = "é The Post reports that it rained.";
        let ann = "T1\tSource 2 10\tThe Post\nT2\tCue 11 18\treports\nT3\tContent 19 33\tthat it rained\n\
                   E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n";
        let parts = parse_ann(text, ann);
        assert_eq!(&text[parts.source[0][0].clone()], "The Post");
        assert_eq!(&text[parts.content[0][0].clone()], "that it rained");
    }

    #[test]
    fn misses_list_what_gold_and_prediction_disagree_on() {
        let text = "The Post reports that it rained. Ann Lee said it snowed.";
        let ann = "T1\tSource 0 8\tThe Post\nT2\tCue 9 16\treports\nT3\tContent 17 31\tthat it rained\n\
                   E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n";
        let articles = vec![(text.to_string(), parse_ann(text, ann))];
        let at = |s: &str| text.find(s).map_or(0..0, |i| i..i + s.len());
        let find = |_: &str| {
            vec![
                Attribution {
                    source: Some(at("The Post")),
                    cue: Some(at("reports")),
                    content: vec![at("that it rained")],
                },
                Attribution { source: Some(at("Ann Lee")), cue: Some(at("said")), content: vec![at("it snowed")] },
            ]
        };
        let got: Vec<(&str, &str, String)> =
            misses(&articles, &find).into_iter().map(|m| (m.component, m.kind, m.span)).collect();
        let want = [("source", "extra", "Ann Lee"), ("cue", "extra", "said"), ("content", "extra", "it snowed")];
        assert_eq!(got, want.map(|(c, k, s)| (c, k, s.to_string())));
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)]
    fn overlap_needs_half_of_the_longer_span() {
        let text = "the head of the delegation said";
        let gold = vec![vec![0..26]];
        assert_eq!(score(text, &gold, &[vec![4..8]], true).tp, 0.0);
        assert_eq!(score(text, &gold, &[vec![0..15]], true).tp, 1.0);
        assert_eq!(score(text, &gold, &[vec![0..26]], false).tp, 1.0);
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)]
    fn a_punctuation_cue_matches_by_its_characters() {
        let text = "“We are ashamed.” ― Carla Sanchez";
        let dash = text.find('―').unwrap_or(0);
        let gold = vec![vec![dash..dash + '―'.len_utf8()]];
        assert_eq!(score(text, &gold, &gold, true).tp, 1.0);
        assert_eq!(score(text, &gold, &[vec![0..4]], true).tp, 0.0);
    }
}
