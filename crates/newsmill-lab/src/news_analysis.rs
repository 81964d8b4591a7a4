//! news-analysis-dev: entities and who-said-what on recent articles annotated by careful
//! reading (`GUIDELINES.md` of the set). The figures are those of the set's own `score.py`,
//! computed the same way, micro over all articles:
//!
//! - entities: precision, recall and F1 of article-level entities, typed (a predicted entity
//!   is right when its name or a mention equals a form of a gold entity of the same type), and
//!   one-per-referent (the share of gold entities found by exactly one predicted entity);
//! - quotes: a gold quote is the span of its `content_start` in the text, a predicted quote
//!   matches when it covers at least half of it;
//! - speaker accuracy on matched quotes whose source is named;
//! - who-said-what: a quote counts only when it matches and its speaker is right (for an
//!   unnamed source, no speaker or the same phrase is right).

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::EvalError;
use super::metrics::Prf;
use newsmill_model::Article;

/// One annotated article.
#[derive(Debug, Clone)]
pub struct GoldArticle {
    /// The file name without `.txt`.
    pub name: String,
    pub path: PathBuf,
    pub text: String,
    pub entities: Vec<GoldEntity>,
    pub quotes: Vec<GoldQuote>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldEntity {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub mentions: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    #[serde(default)]
    pub content_start: String,
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default = "named_by_default")]
    pub speaker_named: bool,
    /// The words that attribute the quote (`said`, `according to`); empty when none does.
    #[serde(default)]
    pub cue: String,
}

fn named_by_default() -> bool {
    true
}

#[derive(Deserialize)]
struct GoldFile {
    #[serde(default)]
    entities: Vec<GoldEntity>,
    #[serde(default)]
    quotes: Vec<GoldQuote>,
}

/// Reads every `NAME.json` of `dir` with its `NAME.txt`, in name order.
pub fn load(dir: &Path) -> Result<Vec<GoldArticle>, EvalError> {
    if !dir.is_dir() {
        return Err(EvalError::Missing { set: "news-analysis-dev".into(), path: dir.to_path_buf() });
    }
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| EvalError::io(dir, e))?
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    let mut out = Vec::with_capacity(names.len());
    for json_path in names {
        let txt = json_path.with_extension("txt");
        let text = std::fs::read_to_string(&txt).map_err(|e| EvalError::io(&txt, e))?;
        let raw = std::fs::read_to_string(&json_path).map_err(|e| EvalError::io(&json_path, e))?;
        let gold: GoldFile = serde_json::from_str(&raw).map_err(|e| EvalError::json(&json_path, e))?;
        let name = json_path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        out.push(GoldArticle { name, path: txt, text, entities: gold.entities, quotes: gold.quotes });
    }
    Ok(out)
}

/// Analyses every article of the set with `analyze` (in parallel) and scores the result.
/// Returns the figures and the articles, in the set's order.
pub fn evaluate(
    gold: &[GoldArticle],
    analyze: impl Fn(&GoldArticle) -> Article + Sync,
) -> (AnalysisReport, Vec<Article>) {
    use rayon::prelude::*;
    let started = std::time::Instant::now();
    let articles: Vec<Article> = gold.par_iter().map(&analyze).collect();
    let seconds = started.elapsed().as_secs_f64();
    let predicted: Vec<Predicted> = articles.iter().map(Predicted::from_article).collect();
    let report = AnalysisReport { seconds, ..score(gold, &predicted) };
    (report, articles)
}

/// What the scorer reads of a prediction: typed entity forms, and quote spans (code points)
/// with the speaker's forms.
#[derive(Debug, Clone, Default)]
pub struct Predicted {
    pub entities: Vec<(String, HashSet<String>)>,
    pub quotes: Vec<(Range<usize>, HashSet<String>)>,
}

impl Predicted {
    pub fn from_article(article: &Article) -> Predicted {
        let text = &article.doc.text;
        let cp = CodePoints::new(text);
        let entities = article
            .entities
            .iter()
            .map(|e| {
                let kind = serde_json::to_value(e.kind).ok().and_then(|v| v.as_str().map(String::from));
                let forms = std::iter::once(e.name.as_str())
                    .chain(e.mentions.iter().filter_map(|m| text.get(m.span.clone())))
                    .map(norm)
                    .filter(|f| !f.is_empty())
                    .collect();
                (kind.unwrap_or_default(), forms)
            })
            .collect();
        let quotes = article
            .quotes
            .iter()
            .map(|q| {
                let speaker = q
                    .speaker
                    .iter()
                    .flat_map(|s| [s.name.as_deref(), text.get(s.span.clone())].into_iter().flatten().map(norm));
                (cp.of(q.span.start)..cp.of(q.span.end), speaker.filter(|f| !f.is_empty()).collect())
            })
            .collect();
        Predicted { entities, quotes }
    }
}

/// Byte offsets to code-point offsets.
struct CodePoints {
    starts: Vec<usize>,
}

impl CodePoints {
    fn new(text: &str) -> Self {
        CodePoints { starts: text.char_indices().map(|(i, _)| i).collect() }
    }

    fn of(&self, byte: usize) -> usize {
        self.starts.partition_point(|&s| s < byte)
    }
}

/// The figures, as `score.py` prints them.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct AnalysisReport {
    pub documents: usize,
    pub gold_quotes_not_found_in_text: usize,
    pub entities: Prf,
    /// Share of gold entities found by exactly one predicted entity.
    pub one_per_referent: f64,
    pub entities_predicted: usize,
    pub entities_gold: usize,
    pub quotes: Prf,
    pub quotes_predicted: usize,
    pub quotes_gold: usize,
    pub speaker_accuracy: f64,
    pub who_said_what: Prf,
    pub seconds: f64,
}

#[derive(Default)]
struct Tally {
    ent_pred: usize,
    ent_pred_ok: usize,
    ent_gold: usize,
    ent_gold_ok: usize,
    ent_one: usize,
    q_pred: usize,
    q_pred_ok: usize,
    q_gold: usize,
    q_gold_ok: usize,
    sp_named: usize,
    sp_ok: usize,
    wsw_pred_ok: usize,
    wsw_gold_ok: usize,
    unfound: usize,
}

/// Scores predictions against the gold articles (`predicted[i]` is for `gold[i]`).
pub fn score(gold: &[GoldArticle], predicted: &[Predicted]) -> AnalysisReport {
    let mut t = Tally::default();
    for (g, p) in gold.iter().zip(predicted) {
        score_entities(g, p, &mut t);
        score_quotes(g, p, &mut t);
    }
    let div = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    AnalysisReport {
        documents: gold.len(),
        gold_quotes_not_found_in_text: t.unfound,
        entities: Prf::from_pr(div(t.ent_pred_ok, t.ent_pred), div(t.ent_gold_ok, t.ent_gold)),
        one_per_referent: div(t.ent_one, t.ent_gold),
        entities_predicted: t.ent_pred,
        entities_gold: t.ent_gold,
        quotes: Prf::from_pr(div(t.q_pred_ok, t.q_pred), div(t.q_gold_ok, t.q_gold)),
        quotes_predicted: t.q_pred,
        quotes_gold: t.q_gold,
        speaker_accuracy: div(t.sp_ok, t.sp_named),
        who_said_what: Prf::from_pr(div(t.wsw_pred_ok, t.q_pred), div(t.wsw_gold_ok, t.q_gold)),
        seconds: 0.0,
    }
}

fn gold_forms(e: &GoldEntity) -> HashSet<String> {
    std::iter::once(&e.name).chain(&e.mentions).map(|f| norm(f)).filter(|f| !f.is_empty()).collect()
}

/// The set's type names: spaCy-style labels count as CoNLL's.
fn conll_type(kind: &str) -> &str {
    match kind {
        "PER" => "PERSON",
        "GPE" => "LOC",
        other => other,
    }
}

fn score_entities(g: &GoldArticle, p: &Predicted, t: &mut Tally) {
    let gold: Vec<(&str, HashSet<String>)> = g.entities.iter().map(|e| (conll_type(&e.kind), gold_forms(e))).collect();
    t.ent_pred += p.entities.len();
    t.ent_gold += gold.len();
    let mut hits = vec![0usize; gold.len()];
    for (kind, forms) in &p.entities {
        let mut ok = false;
        for (i, (gk, gf)) in gold.iter().enumerate() {
            if conll_type(kind) == *gk && !forms.is_disjoint(gf) {
                hits[i] += 1;
                ok = true;
            }
        }
        t.ent_pred_ok += usize::from(ok);
    }
    t.ent_gold_ok += hits.iter().filter(|&&h| h > 0).count();
    t.ent_one += hits.iter().filter(|&&h| h == 1).count();
}

fn score_quotes(g: &GoldArticle, p: &Predicted, t: &mut Tally) {
    let mut alias: HashMap<String, HashSet<String>> = HashMap::new();
    for e in &g.entities {
        let forms = gold_forms(e);
        for f in &forms {
            alias.entry(f.clone()).or_default().extend(forms.iter().cloned());
        }
    }
    let mut gold = Vec::new();
    for q in &g.quotes {
        let Some(span) = find_span(&g.text, &q.content_start) else {
            t.unfound += 1;
            continue;
        };
        let speaker = norm(q.speaker.as_deref().unwrap_or(""));
        let mut forms = alias.get(&speaker).cloned().unwrap_or_default();
        forms.insert(speaker);
        gold.push((span, q.speaker_named, forms));
    }
    t.q_gold += gold.len();
    t.q_pred += p.quotes.len();
    let mut gold_hit = vec![false; gold.len()];
    let mut gold_wsw = vec![false; gold.len()];
    for (ps, cands) in &p.quotes {
        let (mut matched, mut wsw) = (false, false);
        for (i, (gs, named, forms)) in gold.iter().enumerate() {
            let cover = ps.end.min(gs.end).saturating_sub(ps.start.max(gs.start));
            if cover * 2 >= gs.end - gs.start {
                matched = true;
                gold_hit[i] = true;
                let right =
                    if *named { !cands.is_disjoint(forms) } else { cands.is_empty() || !cands.is_disjoint(forms) };
                if right {
                    wsw = true;
                    gold_wsw[i] = true;
                }
            }
        }
        t.q_pred_ok += usize::from(matched);
        t.wsw_pred_ok += usize::from(wsw);
    }
    t.q_gold_ok += gold_hit.iter().filter(|&&h| h).count();
    t.wsw_gold_ok += gold_wsw.iter().filter(|&&h| h).count();
    for (i, (_, named, _)) in gold.iter().enumerate() {
        if *named && gold_hit[i] {
            t.sp_named += 1;
            t.sp_ok += usize::from(gold_wsw[i]);
        }
    }
}

/// A name as the scorer compares it: quotes and dashes folded, periods dropped, lower case,
/// a leading "the" dropped, spaces collapsed, edge punctuation trimmed. (`score.py` applies
/// NFKC first; of what NFKC changes, only the many kinds of space occur in names, and they
/// are collapsed here too.)
pub fn norm(s: &str) -> String {
    let folded: String = s
        .chars()
        .filter(|&c| c != '.')
        .map(|c| match c {
            '‘' | '’' => '\'',
            '“' | '”' => '"',
            '–' | '—' => '-',
            c => c,
        })
        .collect();
    let lower = folded.trim().to_lowercase();
    let without_the = match lower.strip_prefix("the") {
        Some(rest) if rest.starts_with(char::is_whitespace) => rest.trim_start(),
        _ => lower.as_str(),
    };
    let collapsed = without_the.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.trim_matches([' ', '"', '\'', '.', ',', ';', ':']).to_string()
}

/// The code-point span of `snippet`'s first ten words in `text`, whatever separates them.
fn find_span(text: &str, snippet: &str) -> Option<Range<usize>> {
    let found = find_bytes(text, snippet)?;
    let cp = |b: usize| text[..b].chars().count();
    Some(cp(found.start)..cp(found.end))
}

/// As [`find_span`], in bytes.
pub fn find_bytes(text: &str, snippet: &str) -> Option<Range<usize>> {
    let words: Vec<&str> = word_regex().find_iter(snippet).map(|m| m.as_str()).take(10).collect();
    if words.is_empty() {
        return None;
    }
    let pattern = words.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join(r"\W+");
    let found = regex::Regex::new(&pattern).ok()?.find(text)?;
    Some(found.range())
}

fn word_regex() -> &'static regex::Regex {
    static WORD: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    WORD.get_or_init(|| regex::Regex::new(r"\w+").unwrap_or_else(|_| unreachable!("a valid pattern")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str, entities: &[(&str, &str, &[&str])], quotes: &[(&str, &str, bool)]) -> GoldArticle {
        GoldArticle {
            name: "t".into(),
            path: PathBuf::from("t.txt"),
            text: text.into(),
            entities: entities
                .iter()
                .map(|(n, k, m)| GoldEntity {
                    name: n.to_string(),
                    kind: k.to_string(),
                    mentions: m.iter().map(|s| s.to_string()).collect(),
                })
                .collect(),
            quotes: quotes
                .iter()
                .map(|(c, s, named)| GoldQuote {
                    content_start: c.to_string(),
                    speaker: Some(s.to_string()),
                    speaker_named: *named,
                    cue: String::new(),
                })
                .collect(),
        }
    }

    fn set(forms: &[&str]) -> HashSet<String> {
        forms.iter().map(|f| norm(f)).collect()
    }

    #[test]
    fn names_are_compared_as_score_py_does() {
        assert_eq!(norm("  The  U.S.  State Department, "), "us state department");
        assert_eq!(norm("“Lavrov’s”"), "lavrov's");
        assert_eq!(norm("Theresa May"), "theresa may");
    }

    #[test]
    fn entities_quotes_and_speakers_are_counted_like_the_reference_scorer() {
        let text = "Ana Lima said the bridge would open on Monday. “It is ours again,” she told RT in Lisbon.";
        let gold = article(
            text,
            &[("Ana Lima", "PERSON", &["Ana Lima"]), ("RT", "ORG", &["RT"]), ("Lisbon", "LOC", &["Lisbon"])],
            &[("the bridge would open on Monday", "Ana Lima", true), ("It is ours again", "Ana Lima", true)],
        );
        let cp = |s: &str| text[..text.find(s).unwrap()].chars().count();
        let predicted = Predicted {
            entities: vec![
                ("PERSON".into(), set(&["Ana Lima", "Lima"])),
                ("LOC".into(), set(&["RT"])), // wrong type
                ("LOC".into(), set(&["Lisbon"])),
                ("PERSON".into(), set(&["Monday"])), // junk
            ],
            quotes: vec![
                (cp("the bridge")..cp(" on Monday"), set(&["Ana Lima"])), // covers over half
                (cp("It is")..cp("It is") + 16, set(&["she"])),           // wrong speaker
            ],
        };
        let r = score(&[gold], &[predicted]);
        assert_eq!((r.entities.precision, r.entities.recall), (0.5, 2.0 / 3.0));
        assert_eq!((r.quotes.precision, r.quotes.recall), (1.0, 1.0));
        assert_eq!(r.speaker_accuracy, 0.5);
        assert_eq!((r.who_said_what.precision, r.who_said_what.recall), (0.5, 0.5));
        assert_eq!(r.one_per_referent, 2.0 / 3.0);
    }
}
