//! Line statistics the classifier reads: how much a line reads like running text (length,
//! sentence ends, stop words, commas), how it looks (capitalised words, digits, bullets,
//! separators, chrome vocabulary), where it sits, whether it recurs, and its neighbours.

use super::page::{Line, Page};
use crate::stopwords::is_stopword;

/// Names of the local features, in vector order. The model file lists them too, so a model
/// trained on another feature set is refused rather than misread.
pub const NAMES: &[&str] = &[
    "words_ln",
    "long20",
    "short3",
    "ends_sentence",
    "sentences_ln",
    "stop_share",
    "commas_per_word",
    "cap_ratio",
    "digit_ratio",
    "alpha_ratio",
    "bullet",
    "repeated",
    "repeats_ln",
    "position",
    "blank_before",
    "blank_after",
    "chrome_share",
    "url_or_email",
    "legal",
    "separators_ln",
    "short_run_ln",
    "prev_words_ln",
    "next_words_ln",
    "prev_stop_share",
    "next_stop_share",
    "window_words_ln",
    "words_rel_max",
    "title_case",
    "date_like",
    "byline",
    "mean_word_len",
    "ends_colon",
    "first_long_before",
    "last_long_after",
    "label_soup",
    "words_0_2",
    "words_3_5",
    "words_6_9",
    "words_10_14",
    "words_15_24",
    "words_25_49",
    "words_50_up",
    "stop_x_words",
    "ends_x_words",
    "bullet_x_words",
    "chrome_x_short",
    "position_x_words",
    "repeated_x_words",
];

/// Upper bounds of the word-count bins: a linear model needs them to see that both very short
/// and very long label-like lines are chrome.
const WORD_BINS: &[usize] = &[2, 5, 9, 14, 24, 49, usize::MAX];

/// Words of page chrome in the languages the stop-word list covers: sharing, accounts,
/// consent, navigation. A general vocabulary, not any one site's labels.
const CHROME: &[&str] = &[
    "share",
    "shares",
    "tweet",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "pinterest",
    "reddit",
    "email",
    "print",
    "subscribe",
    "subscription",
    "newsletter",
    "sign",
    "login",
    "log",
    "register",
    "account",
    "follow",
    "cookie",
    "cookies",
    "privacy",
    "policy",
    "terms",
    "consent",
    "accept",
    "copyright",
    "reserved",
    "rights",
    "menu",
    "search",
    "home",
    "skip",
    "content",
    "navigation",
    "related",
    "more",
    "read",
    "comments",
    "comment",
    "advertisement",
    "ad",
    "ads",
    "sponsored",
    "contact",
    "about",
    "click",
    "download",
    "app",
    "video",
    "videos",
    "photos",
    "loading",
    "teilen",
    "abonnieren",
    "anmelden",
    "partager",
    "compartir",
    "condividi",
    "iscriviti",
    "suscribirse",
    "newsletters",
    "instagram",
    "youtube",
    "telegram",
    "rss",
    "tags",
    "topics",
    "previous",
    "next",
    "back",
    "top",
    "icon",
    "chevron",
];

/// Word counts that mark a line as long prose / a short label.
const LONG_WORDS: usize = 20;
const SHORT_WORDS: usize = 6;

/// The surface statistics of one line, before context.
#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    words: usize,
    stop_share: f32,
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')).filter(|w| !w.is_empty())
}

fn stats(line: &Line) -> Stats {
    let (mut n, mut stops) = (0usize, 0usize);
    for w in words(line.content) {
        n += 1;
        stops += usize::from(is_stopword(&w.to_lowercase()));
    }
    Stats { words: n, stop_share: if n == 0 { 0.0 } else { stops as f32 / n as f32 } }
}

fn ln1(x: usize) -> f32 {
    (1.0 + x as f32).ln()
}

/// What the feature rows of a page's lines are computed from. A row is built when asked
/// for: held for every line at once, rows would cost about 200 bytes a line, far more than
/// the text of a page of short lines.
pub struct LineFeatures<'p, 'a> {
    page: &'p Page<'a>,
    stats: Vec<Stats>,
    runs: Vec<usize>,
    max_words: usize,
    first_long: Option<usize>,
    last_long: Option<usize>,
}

impl<'p, 'a> LineFeatures<'p, 'a> {
    pub fn new(page: &'p Page<'a>) -> Self {
        let stats: Vec<Stats> = page.lines.iter().map(stats).collect();
        let max_words = stats.iter().map(|s| s.words).max().unwrap_or(0).max(1);
        let runs = short_runs(&stats);
        let first_long = stats.iter().position(|s| s.words >= LONG_WORDS);
        let last_long = stats.iter().rposition(|s| s.words >= LONG_WORDS);
        LineFeatures { page, stats, runs, max_words, first_long, last_long }
    }

    pub fn len(&self) -> usize {
        self.stats.len()
    }

    #[cfg(feature = "internals")]
    pub fn is_empty(&self) -> bool {
        self.stats.is_empty()
    }

    /// The line's word count as the models read it (the first column, `words_ln`, undone).
    pub fn words(&self, i: usize) -> f32 {
        ln1(self.stats[i].words).exp() - 1.0
    }

    /// Writes the feature row of line `i` (columns as [`NAMES`]) into `f`.
    pub fn row_into(&self, i: usize, f: &mut Vec<f32>) {
        let (stats, n) = (&self.stats, self.len());
        let line = &self.page.lines[i];
        let s = stats[i];
        f.clear();
        local(line, s, f);
        let prev = if i > 0 { stats[i - 1] } else { Stats::default() };
        let next = stats.get(i + 1).copied().unwrap_or_default();
        let lo = i.saturating_sub(3);
        let hi = (i + 4).min(n);
        let window = stats[lo..hi].iter().map(|s| ln1(s.words)).sum::<f32>() / (hi - lo) as f32;
        f.splice(11..11, [f32::from(line.repeats > 1), ln1(line.repeats - 1), i as f32 / n.max(1) as f32]);
        f.splice(14..14, [f32::from(line.blank_before), f32::from(line.blank_after)]);
        f.splice(20..20, [ln1(self.runs[i])]);
        f.splice(21..21, [ln1(prev.words), ln1(next.words), prev.stop_share, next.stop_share, window]);
        f.splice(26..26, [s.words as f32 / self.max_words as f32]);
        f.push(f32::from(self.first_long.is_some_and(|p| p < i)));
        f.push(f32::from(self.last_long.is_some_and(|p| p > i)));
        f.push(f32::from(is_label_soup(line.content)));
        let bin = WORD_BINS.iter().position(|&b| s.words <= b).unwrap_or(WORD_BINS.len() - 1);
        f.extend((0..WORD_BINS.len()).map(|b| f32::from(b == bin)));
        let wl = ln1(s.words);
        f.extend([
            s.stop_share * wl,
            f[3] * wl,
            f[10] * wl,
            f[16] * f32::from(s.words < SHORT_WORDS),
            f[13] * wl,
            f[11] * wl,
        ]);
    }
}

/// The feature vectors of all lines of a page, one row per line, columns as [`NAMES`]
/// (training holds them all; extraction builds each when needed, see [`LineFeatures`]).
#[cfg(feature = "internals")]
pub fn extract(page: &Page) -> Vec<Vec<f32>> {
    let lf = LineFeatures::new(page);
    (0..lf.len())
        .map(|i| {
            let mut f = Vec::with_capacity(NAMES.len());
            lf.row_into(i, &mut f);
            f
        })
        .collect()
}

/// Many words and nothing of a sentence: no stop words and no sentence punctuation, as in a
/// line of icon labels or a flattened menu. Prose in any covered language has both.
pub fn is_label_soup(text: &str) -> bool {
    text.split_whitespace().count() >= 8
        && crate::stopwords::stopword_share(text) < 0.05
        && !text.contains(['.', ',', '!', '?', ';'])
}

/// Each line's distinct content words (lowercase, three letters or more, not stop words) as
/// ids unique within the page: what the context stage uses to ask whether a line shares the
/// story's vocabulary.
pub fn content_words(page: &Page) -> Vec<Vec<u32>> {
    let mut ids: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    page.lines
        .iter()
        .map(|line| {
            let mut out: Vec<u32> = words(line.content)
                .map(str::to_lowercase)
                .filter(|w| w.chars().count() >= 3 && !is_stopword(w))
                .map(|w| {
                    let next = ids.len() as u32;
                    *ids.entry(w).or_insert(next)
                })
                .collect();
            out.sort_unstable();
            out.dedup();
            out
        })
        .collect()
}

/// For each line, the length of the run of consecutive short lines it belongs to (0 for a
/// line that is not short): menus are long runs of short lines.
fn short_runs(stats: &[Stats]) -> Vec<usize> {
    let mut out = vec![0; stats.len()];
    let mut i = 0;
    while i < stats.len() {
        if stats[i].words >= SHORT_WORDS {
            i += 1;
            continue;
        }
        let start = i;
        while i < stats.len() && stats[i].words < SHORT_WORDS {
            i += 1;
        }
        out[start..i].fill(i - start);
    }
    out
}

/// Writes the features of the line alone into `out`, without the context ones (spliced in
/// by [`LineFeatures::row_into`]).
fn local(line: &Line, s: Stats, out: &mut Vec<f32>) {
    let text = line.content;
    let ws: Vec<&str> = words(text).collect();
    let nw = ws.len().max(1) as f32;
    let last = text.chars().last().unwrap_or(' ');
    let ends_sentence = matches!(last, '.' | '!' | '?' | '"' | '”' | '’' | '…' | '»' | ')' | '。');
    let sentences = text.matches(". ").count() + text.matches("? ").count() + text.matches("! ").count();
    let commas = text.matches(',').count() as f32;
    let caps = ws.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count() as f32;
    let chars = text.chars().filter(|c| !c.is_whitespace()).count().max(1) as f32;
    let digits = text.chars().filter(char::is_ascii_digit).count() as f32;
    let alpha = text.chars().filter(|c| c.is_alphabetic()).count() as f32;
    let lower: Vec<String> = ws.iter().map(|w| w.to_lowercase()).collect();
    let chrome = lower.iter().filter(|w| CHROME.contains(&w.as_str())).count() as f32;
    let url = text.contains("http") || text.contains("www.") || text.contains('@');
    let low = text.to_lowercase();
    let legal = text.contains('©') || low.contains("copyright") || low.contains("rights reserved");
    let seps = text.chars().filter(|c| matches!(c, '|' | '·' | '•' | '›' | '»' | '/')).count();
    let title_case = s.words >= 3
        && !ends_sentence
        && ws.iter().filter(|w| w.chars().count() >= 4).all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let date_like = s.words <= 10 && crate::dates::parse_date(text).is_some();
    let byline = s.words <= 8 && (low.starts_with("by ") || low.starts_with("von ") || low.starts_with("par "));
    let mean_len = ws.iter().map(|w| w.chars().count()).sum::<usize>() as f32 / nw;
    out.extend([
        ln1(s.words),
        f32::from(s.words >= LONG_WORDS),
        f32::from(s.words <= 3),
        f32::from(ends_sentence),
        ln1(sentences),
        s.stop_share,
        (commas / nw).min(1.0),
        caps / nw,
        digits / chars,
        alpha / chars,
        f32::from(line.bullet),
        chrome / nw,
        f32::from(url),
        f32::from(legal),
        ln1(seps),
        f32::from(title_case),
        f32::from(date_like),
        f32::from(byline),
        mean_len.min(20.0) / 10.0,
        f32::from(last == ':'),
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_value_per_name_and_prose_differs_from_menu() {
        let page = Page::parse(
            "* Home\n* World\n\nThe talks are at an early stage, he said, and so far have amounted to little more than confidence-building measures.\n",
        );
        let rows = extract(&page);
        assert!(rows.iter().all(|r| r.len() == NAMES.len()));
        let col = |name: &str| NAMES.iter().position(|n| *n == name).unwrap_or(usize::MAX);
        assert!(rows[2][col("stop_share")] > rows[0][col("stop_share")]);
        assert_eq!(rows[0][col("bullet")], 1.0);
        assert_eq!(rows[0][col("short_run_ln")], 3f32.ln());
        assert_eq!(rows[2][col("ends_sentence")], 1.0);
    }
}
