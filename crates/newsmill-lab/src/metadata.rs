//! Title, author and date accuracy of the HTML metadata extractor on the sets that annotate
//! them: `wcxb-dev` (title, author, publish_date), `trafilatura-eval-dev` (title, author,
//! date on part of the records) and `mozilla-readability-testpages` (title, byline,
//! publishedTime). `cleanportaleval` and `wcxb-dev-text` annotate none, so they get no figures.
//!
//! Matching rules (a page counts only for the fields its gold annotates; no prediction is wrong):
//! - title: equal after normalisation (case, whitespace, quote and dash styles, trailing
//!   punctuation); a gold title that keeps a site name after or before a separator
//!   (`Story | Site`, as Readability.js' reference output does) also matches the story part.
//! - author: the same set of names after normalisation (a leading "By", case, punctuation),
//!   splitting on commas, semicolons, "&" and "and"; credentials and job titles after the
//!   first name (`, MS, RD`, `, Ph.D.`, `, Shipping Expert`) and honorifics (`Dr`, `Prof`)
//!   are not names; only a gold byline's first line counts (the rest is its date or outlet),
//!   after a line holding nothing but "By".
//! - date: the same calendar day as written in the page's own time (the first ten
//!   characters of our ISO 8601); gold `2022-29-11` with day and month swapped is read as
//!   2022-11-29, `2022-11-1` as 2022-11-01. The comparison follows the gold's own precision
//!   and zone: a month-only gold (`2003-11`, WCXB) is matched on the month, and a gold
//!   instant with an offset (Readability.js copies `article:published_time` as written) is
//!   matched on its day in that offset, so the same instant written in UTC still counts.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Accuracy, EvalError, EvalOptions, read_maybe_gz};
use newsmill_extract::{ContentKind, ExtractConfig, RawDoc, extract};

/// Metadata accuracies of one set; `None` where the set does not annotate the field.
#[derive(Debug, Clone, Default)]
pub struct MetadataReport {
    pub title: Option<Accuracy>,
    pub author: Option<Accuracy>,
    pub date: Option<Accuracy>,
    /// Date accuracy by `date_source` (`none` where no date was found), sources in order.
    pub date_by_source: Vec<(String, Accuracy)>,
}

/// One page with what its gold says; `None` where the gold says nothing.
#[derive(Debug, Clone, Default)]
struct Case {
    id: String,
    html: PathBuf,
    url: Option<String>,
    title: Option<String>,
    author: Option<String>,
    date: Option<String>,
}

/// What was predicted for one page and whether each annotated field matched.
#[derive(Debug, Clone)]
struct Outcome {
    title: Option<bool>,
    author: Option<bool>,
    date: Option<bool>,
    date_source: Option<newsmill_model::DateSource>,
    #[cfg_attr(not(test), allow(dead_code))]
    predicted: (Option<String>, Vec<String>, Option<String>, Option<String>),
}

/// Scores metadata on the set in `dir` (`set` is its folder name, as in
/// [`super::EXTRACTION_SETS`]).
pub fn evaluate_metadata(dir: &Path, set: &str, options: &EvalOptions) -> Result<MetadataReport, EvalError> {
    let mut cases = match set {
        "wcxb-dev" => wcxb_cases(dir)?,
        "trafilatura-eval-dev" => trafilatura_cases(dir)?,
        "mozilla-readability-testpages" => readability_cases(dir)?,
        _ => return Ok(MetadataReport::default()),
    };
    cases.sort_by(|a, b| a.id.cmp(&b.id));
    cases.truncate(options.limit.unwrap_or(usize::MAX));
    let outcomes: Vec<Outcome> = cases.par_iter().map(score).collect();
    Ok(report(&outcomes))
}

fn report(outcomes: &[Outcome]) -> MetadataReport {
    let tally = |field: fn(&Outcome) -> Option<bool>| {
        let mut acc = Accuracy::default();
        outcomes.iter().filter_map(field).for_each(|ok| acc.add(ok));
        (acc.total > 0).then_some(acc)
    };
    let mut by_source: std::collections::BTreeMap<String, Accuracy> = Default::default();
    for o in outcomes {
        if let Some(ok) = o.date {
            let source = o.date_source.and_then(|s| serde_json::to_value(s).ok());
            let name = source.as_ref().and_then(|v| v.as_str()).unwrap_or("none").to_string();
            by_source.entry(name).or_default().add(ok);
        }
    }
    MetadataReport {
        title: tally(|o| o.title),
        author: tally(|o| o.author),
        date: tally(|o| o.date),
        date_by_source: by_source.into_iter().collect(),
    }
}

fn score(case: &Case) -> Outcome {
    let doc = read_maybe_gz(&case.html).ok().and_then(|bytes| {
        let raw = RawDoc {
            url: case.url.clone(),
            kind_hint: Some(ContentKind::Html),
            ..RawDoc::from_bytes(case.html.display().to_string(), bytes)
        };
        extract(&raw, &ExtractConfig::default()).ok()
    });
    let (title, authors, published, modified, date_source) =
        doc.map(|d| (d.title, d.authors, d.published, d.modified, d.date_source)).unwrap_or_default();
    Outcome {
        title: case.title.as_deref().map(|g| title_matches(title.as_deref(), g)),
        author: case.author.as_deref().map(|g| authors_match(&authors, g)),
        date: case.date.as_deref().map(|g| dates_match(published.as_deref(), g)),
        date_source,
        predicted: (title, authors, published, modified),
    }
}

fn non_empty(v: &serde_json::Value) -> Option<String> {
    v.as_str().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

fn read_json(path: &Path) -> Result<serde_json::Value, EvalError> {
    let bytes = read_maybe_gz(path)?;
    serde_json::from_slice(&bytes).map_err(|e| EvalError::json(path, e))
}

fn wcxb_cases(dir: &Path) -> Result<Vec<Case>, EvalError> {
    let gt = dir.join("ground-truth");
    let entries = std::fs::read_dir(&gt).map_err(|e| EvalError::io(&gt, e))?;
    let mut cases = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| EvalError::io(&gt, e))?.path();
        let Some(id) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.split('.').next()) else { continue };
        let json = read_json(&path)?;
        let g = &json["ground_truth"];
        cases.push(Case {
            id: id.to_string(),
            html: dir.join("html").join(format!("{id}.html.gz")),
            url: non_empty(&json["url"]),
            title: non_empty(&g["title"]),
            author: non_empty(&g["author"]),
            date: non_empty(&g["publish_date"]),
        });
    }
    Ok(cases)
}

fn trafilatura_cases(dir: &Path) -> Result<Vec<Case>, EvalError> {
    let json = read_json(&dir.join("evaldata.json"))?;
    let Some(records) = json.as_object() else { return Ok(Vec::new()) };
    Ok(records
        .iter()
        .filter_map(|(url, r)| {
            let file = r["file"].as_str()?;
            Some(Case {
                id: file.to_string(),
                html: dir.join("html").join(file),
                url: Some(url.trim().to_string()),
                title: non_empty(&r["title"]),
                author: non_empty(&r["author"]),
                date: non_empty(&r["date"]),
            })
        })
        .collect())
}

fn readability_cases(dir: &Path) -> Result<Vec<Case>, EvalError> {
    let entries = std::fs::read_dir(dir).map_err(|e| EvalError::io(dir, e))?;
    let mut cases = Vec::new();
    for entry in entries {
        let case_dir = entry.map_err(|e| EvalError::io(dir, e))?.path();
        let meta_path = case_dir.join("expected-metadata.json");
        if !meta_path.is_file() {
            continue;
        }
        let meta = read_json(&meta_path)?;
        cases.push(Case {
            id: case_dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            html: case_dir.join("source.html.gz"),
            url: None,
            title: non_empty(&meta["title"]),
            author: non_empty(&meta["byline"]),
            date: non_empty(&meta["publishedTime"]),
        });
    }
    Ok(cases)
}

use newsmill_extract::html::metadata::headline::normalize as normalize_title;

const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / ", " « ", " » ", " _ "];

fn title_matches(predicted: Option<&str>, gold: &str) -> bool {
    let Some(predicted) = predicted.map(normalize_title) else { return false };
    let gold = normalize_title(gold);
    if predicted == gold {
        return true;
    }
    TITLE_SEPARATORS.iter().map(|s| normalize_title(s.trim())).any(|sep| {
        let sep = format!(" {sep} ");
        // The story is the longer part; the site name the shorter.
        let ends = [gold.rsplit_once(&sep), gold.split_once(&sep).map(|(site, story)| (story, site))];
        ends.into_iter().flatten().any(|(story, site)| story.len() > site.len() && story.trim() == predicted)
    })
}

/// Words of the job titles some gold bylines keep after the name (`, Shipping Expert`).
const JOB_WORDS: &[&str] = &[
    "expert",
    "ceo",
    "cto",
    "founder",
    "director",
    "editor",
    "writer",
    "reporter",
    "representative",
    "contributor",
    "manager",
    "specialist",
    "head",
    "lead",
    "staff",
    "correspondent",
    "years",
];

/// The people in a byline, normalised: see the module's matching rule.
fn author_names(byline: &str) -> Vec<String> {
    // A byline's later lines are its date or outlet (Readability keeps them raw); a lone
    // "By" line opens it.
    let only_by =
        |l: &str| matches!(l.trim().to_lowercase().trim_end_matches(':'), "" | "by" | "written by" | "par" | "von");
    let byline = byline.lines().find(|l| !only_by(l)).unwrap_or("");
    let mut parts = vec![byline.to_string()];
    for sep in [",", ";", "&", " and ", " And ", " AND ", " und ", " y ", " et "] {
        parts = parts.iter().flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>()).collect();
    }
    let mut names: Vec<String> = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let part = part.trim();
        // `MS`, `RD`, `Ph.D.`: one short token in capitals or with dots.
        let credential = !part.contains(' ')
            && part.chars().count() <= 8
            && (part.contains('.') || part.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase));
        let lower = part.to_lowercase();
        let role = lower.split(|c: char| !c.is_alphanumeric()).any(|w| JOB_WORDS.contains(&w));
        if i > 0 && (credential || role) {
            continue;
        }
        let kept: String =
            part.to_lowercase().chars().map(|c| if c.is_alphanumeric() || c == '-' { c } else { ' ' }).collect();
        let mut words: Vec<&str> = kept.split_whitespace().collect();
        while words.first().is_some_and(|w| {
            matches!(*w, "by" | "written" | "par" | "por" | "von" | "di" | "dr" | "prof" | "mr" | "mrs")
        }) {
            words.remove(0);
        }
        if !words.is_empty() {
            names.push(words.join(" "));
        }
    }
    names.sort();
    names.dedup();
    names
}

fn authors_match(predicted: &[String], gold: &str) -> bool {
    let mut names: Vec<String> = predicted.iter().flat_map(|a| author_names(a)).collect();
    names.sort();
    names.dedup();
    !names.is_empty() && names == author_names(gold)
}

/// `YYYY-MM-DD` of a gold date, tolerating single digits and a swapped day and month.
fn gold_day(date: &str) -> Option<(u32, u32, u32)> {
    let mut parts = date.trim().splitn(3, '-');
    let y = parts.next()?.parse().ok()?;
    let mut m = parts.next()?.parse().ok()?;
    let mut d = parts.next()?.chars().take_while(char::is_ascii_digit).collect::<String>().parse().ok()?;
    if m > 12 && d <= 12 {
        std::mem::swap(&mut m, &mut d);
    }
    Some((y, m, d))
}

fn dates_match(predicted: Option<&str>, gold: &str) -> bool {
    let Some(predicted) = predicted else { return false };
    if let Some((gy, gm)) = gold_month_only(gold) {
        return gold_day(predicted).is_some_and(|(y, m, _)| (y, m) == (gy, gm));
    }
    if let (Some(p), Some(g)) = (instant(predicted), instant(gold)) {
        return p.with_timezone(g.offset()).date_naive() == g.date_naive();
    }
    let (Some(p), Some(g)) = (gold_day(predicted), gold_day(gold)) else { return false };
    p == g
}

/// `2003-11`: a gold that gives only the month.
fn gold_month_only(date: &str) -> Option<(u32, u32)> {
    let (y, m) = date.trim().split_once('-')?;
    (y.len() == 4 && (1..=2).contains(&m.len()))
        .then_some((y.parse().ok()?, m.parse().ok().filter(|m| (1..=12).contains(m))?))
}

/// A date-time with an explicit offset (`Z`, `+01:00`, `+0100`), normalised by our parser.
fn instant(date: &str) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    let iso = newsmill_extract::dates::parse_date(date)?;
    chrono::DateTime::parse_from_rfc3339(&iso).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_rules() {
        assert!(title_matches(Some("How to Build a Terrarium"), "How to Build a Terrarium | eHow"));
        assert!(title_matches(Some("It’s here."), "it's  here"));
        assert!(!title_matches(Some("eHow"), "How to Build a Terrarium | eHow"));
        assert!(!title_matches(None, "x"));
        assert!(authors_match(&["Dylan Bailey".into()], "Dylan Bailey, MS, RD, FAND"));
        assert!(authors_match(&["Genevieve Carlton".into()], "Genevieve Carlton, Ph.D."));
        assert!(authors_match(&["Erin Cunningham".into()], "By Erin Cunningham"));
        assert!(authors_match(&["B".into(), "A Z".into()], "a z and b"));
        assert!(!authors_match(&["A Z".into()], "A Z, Bob Roe"));
        assert!(authors_match(&["Andrew Huberman".into()], "Dr. Andrew Huberman"));
        assert!(authors_match(&["Mike Marshall".into()], "Mike Marshall, Shipping Expert"));
        assert!(authors_match(&["Nathan Willis".into()], "By Nathan Willis\n     March 25, 2015"));
        assert!(authors_match(&["Scott Cunningham".into()], "By\n\t\tScott Cunningham"));
        assert!(dates_match(Some("2022-11-29T10:00:00+01:00"), "2022-29-11"));
        assert!(dates_match(Some("2022-11-01"), "2022-11-1"));
        assert!(dates_match(Some("2021-11-01T10:52:50+01:00"), "2021-11-01T10:52:50+0100"));
        assert!(!dates_match(Some("2021-11-02"), "2021-11-01"));
        assert!(!dates_match(None, "2021-11-01"));
        // The gold's precision: a month-only gold matches any day of that month.
        assert!(dates_match(Some("2003-11-20"), "2003-11"));
        assert!(!dates_match(Some("2003-12-01"), "2003-11"));
        // The gold's offset: the same instant written in UTC is the same day.
        assert!(dates_match(Some("2018-06-13T00:00:00+01:00"), "2018-06-12T23:00:00.000Z"));
        assert!(dates_match(Some("2017-02-24T01:18:13+00:00"), "2017-02-23T17:18:13-08:00"));
        assert!(!dates_match(Some("2017-02-24T09:18:13+00:00"), "2017-02-23T17:18:13-08:00"));
        // A date without a time is compared as written.
        assert!(!dates_match(Some("2018-06-13"), "2018-06-12T23:00:00.000Z"));
    }

    /// Prints the accuracies and the misses on the sets under `../shared/eval`:
    /// `cargo test --release -p newsmill-lab --lib metadata -- --ignored --nocapture`.
    /// `MISSES=tad` lists title, author and date misses; `MISSES=D` prints every date
    /// candidate of each date-annotated page (tab-separated, for studying the choice).
    #[test]
    #[ignore]
    fn print_metadata_accuracy() {
        let root = super::super::default_data_dir();
        for set in ["wcxb-dev", "trafilatura-eval-dev", "mozilla-readability-testpages"] {
            let dir = root.join(set);
            let load = match set {
                "wcxb-dev" => wcxb_cases(&dir),
                "trafilatura-eval-dev" => trafilatura_cases(&dir),
                _ => readability_cases(&dir),
            };
            let Ok(mut cases) = load else { continue };
            cases.sort_by(|a, b| a.id.cmp(&b.id));
            let outcomes: Vec<Outcome> = cases.par_iter().map(score).collect();
            let show = std::env::var("MISSES").unwrap_or_default();
            for (case, o) in cases.iter().zip(&outcomes) {
                let (t, a, d, m) = &o.predicted;
                if show.contains('t') && o.title == Some(false) {
                    eprintln!("TITLE {set}/{}: gold {:?} got {t:?}", case.id, case.title.as_deref().unwrap_or(""));
                }
                if show.contains('a') && o.author == Some(false) {
                    eprintln!("AUTHOR {set}/{}: gold {:?} got {a:?}", case.id, case.author.as_deref().unwrap_or(""));
                }
                if show.contains('D') && o.date.is_some() {
                    let bytes = read_maybe_gz(&case.html).unwrap_or_default();
                    let dom = scraper::Html::parse_document(&String::from_utf8_lossy(&bytes));
                    let cands =
                        newsmill_extract::html::metadata::dates_in_page::debug_candidates(&dom, case.url.as_deref());
                    eprintln!(
                        "CAND\t{set}/{}\t{:?}\t{:?}\t{:?}\t{cands}",
                        case.id,
                        o.date,
                        case.date.as_deref().unwrap_or(""),
                        d
                    );
                }
                if show.contains('d') && o.date == Some(false) {
                    eprintln!(
                        "DATE {set}/{} {}: gold {:?} got {d:?} modified {m:?}",
                        case.id,
                        case.url.as_deref().unwrap_or(""),
                        case.date.as_deref().unwrap_or("")
                    );
                }
            }
            let r = report(&outcomes);
            let fmt = |a: Option<Accuracy>| {
                a.map_or("-".to_string(), |a| format!("{:.3} ({}/{})", a.value(), a.correct, a.total))
            };
            println!("{set}: title {} author {} date {}", fmt(r.title), fmt(r.author), fmt(r.date));
        }
    }
}
