//! Temporal expressions, normalised against the article's publication date: explicit
//! (`Nov. 9`, `9 November 2018`, `July 2018`, `in 2017`, `the 1990s`) and relative
//! (`Friday`, `last week`, `next month`, `yesterday`, `three years ago`, `in July`), each with
//! the granularity it has: `2018-11-09`, `2018-W45`, `2018-07`, `2017`, `199` (a decade).
//! Relative expressions need the publication date; without it only explicit ones are found.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::numbers::{parse_digits, word_value};
use super::words::{Word, is_month, word_is};
use crate::model::DateMention;

/// Every temporal expression in `text`; `published` is the article's date (ISO 8601).
#[cfg(any(test, feature = "internals"))]
pub fn find_dates(text: &str, published: Option<&str>) -> Vec<DateMention> {
    dates_in(&super::words::words(text), published)
}

/// Every temporal expression in a text's [`words`].
pub(crate) fn dates_in(w: &[Word], published: Option<&str>) -> Vec<DateMention> {
    let anchor = published.and_then(|p| NaiveDate::parse_from_str(p.get(..10)?, "%Y-%m-%d").ok());
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let found = explicit(w, i, anchor).or_else(|| anchor.and_then(|a| relative(w, i, a)));
        match found {
            Some((value, first, next)) => {
                // An impossible date (`31 February`) is consumed whole and reported as nothing.
                if !value.is_empty() {
                    out.push(DateMention { span: w[first].span.start..w[next - 1].span.end, value });
                }
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// (value, first word, word after the expression).
type Found = (String, usize, usize);

fn lower(w: &[Word], i: usize) -> String {
    w.get(i).map(|x| x.text.to_ascii_lowercase()).unwrap_or_default()
}

/// Words that introduce a bare month or year as a time (`in July`, `since 2017`).
fn temporal_preposition(word: &str) -> bool {
    [
        "in", "since", "until", "till", "by", "from", "to", "during", "before", "after", "of", "early", "late", "mid",
        "last", "next", "this", "through",
    ]
    .contains(&word)
}

fn day_number(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    // Most words are no number: out before the suffix is read (this runs for every word).
    let d: u32 = digits.parse().ok()?;
    let suffix = &word[digits.len()..];
    let ok_suffix = suffix.is_empty() || ["st", "nd", "rd", "th"].iter().any(|s| suffix.eq_ignore_ascii_case(s));
    (ok_suffix && (1..=31).contains(&d) && digits.len() <= 2).then_some(d)
}

fn year_number(word: &str) -> Option<i32> {
    let y: i32 = (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())).then(|| word.parse().ok())??;
    (1800..=2100).contains(&y).then_some(y)
}

/// A capitalised month name: `May` only where it cannot be the verb.
fn month_at(w: &[Word], i: usize) -> Option<u32> {
    let word = w.get(i)?;
    if !word.text.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let m = is_month(word.text)?;
    if m == 5
        && word.text.len() == 3
        && i > 0
        && !temporal_preposition(&lower(w, i - 1))
        && day_number(&lower(w, i + 1)).is_none()
    {
        return None;
    }
    Some(m)
}

fn explicit(w: &[Word], i: usize, anchor: Option<NaiveDate>) -> Option<Found> {
    let word = w[i].text;
    if let Some(iso) = iso_date(word) {
        return Some((iso, i, i + 1));
    }
    // Month D[, YYYY] | Month YYYY | Month
    if let Some(m) = month_at(w, i) {
        let open = !w[i].ends_clause;
        if open && let Some(d) = w.get(i + 1).and_then(|x| day_number(x.text)) {
            let year_word = (!w[i + 1].ends_clause || w[i + 1].text.len() <= 4).then(|| w.get(i + 2)).flatten();
            if let Some(y) = year_word.and_then(|x| year_number(x.text)) {
                return Some((date(y, m, d).unwrap_or_default(), i, i + 3));
            }
            let y = anchor.map(|a| closest_year(a, m))?;
            return Some((date(y, m, d).unwrap_or_default(), i, i + 2));
        }
        if open && let Some(y) = w.get(i + 1).and_then(|x| year_number(x.text)) {
            return Some((format!("{y}-{m:02}"), i, i + 2));
        }
        let introduced = i > 0 && temporal_preposition(&lower(w, i - 1));
        let a = anchor?;
        if !introduced {
            return None;
        }
        let prev = lower(w, i - 1);
        let y = match prev.as_str() {
            "last" => a.year() - i32::from(m >= a.month()),
            "next" => a.year() + i32::from(m <= a.month()),
            _ => closest_year(a, m),
        };
        return Some((format!("{y}-{m:02}"), i, i + 1));
    }
    // D Month [YYYY]
    if let Some(d) = day_number(word)
        && !w[i].ends_clause
        && let Some(m) = month_at(w, i + 1)
    {
        if !w[i + 1].ends_clause
            && let Some(y) = w.get(i + 2).and_then(|x| year_number(x.text))
        {
            return Some((date(y, m, d).unwrap_or_default(), i, i + 3));
        }
        let y = anchor.map(|a| closest_year(a, m))?;
        return Some((date(y, m, d).unwrap_or_default(), i, i + 2));
    }
    // YYYY where it reads as a time: after a preposition, or not counting anything.
    if let Some(y) = year_number(word) {
        let after_prep = i > 0 && temporal_preposition(&lower(w, i - 1));
        let counts = !w[i].ends_clause
            && w.get(i + 1).is_some_and(|x| x.text.ends_with('s') && x.text.chars().all(char::is_lowercase));
        return (after_prep || !counts).then(|| (y.to_string(), i, i + 1));
    }
    // The 1990s
    if word.len() == 5
        && word.ends_with('s')
        && let Some(y) = year_number(&word[..4])
        && y % 10 == 0
    {
        return Some(((y / 10).to_string(), i, i + 1));
    }
    None
}

fn iso_date(word: &str) -> Option<String> {
    let d = NaiveDate::parse_from_str(word.get(..10)?, "%Y-%m-%d").ok()?;
    (word.len() == 10 || word.as_bytes().get(10) == Some(&b'T')).then(|| d.format("%Y-%m-%d").to_string())
}

fn date(y: i32, m: u32, d: u32) -> Option<String> {
    NaiveDate::from_ymd_opt(y, m, d).map(|d| d.format("%Y-%m-%d").to_string())
}

/// The year that puts month `m` closest to the anchor: `July` in a November article is
/// this July, `December` in a January article last December.
fn closest_year(a: NaiveDate, m: u32) -> i32 {
    let diff = m as i32 - a.month() as i32;
    if diff > 6 {
        a.year() - 1
    } else if diff < -6 {
        a.year() + 1
    } else {
        a.year()
    }
}

fn relative(w: &[Word], i: usize, a: NaiveDate) -> Option<Found> {
    let is = |word: &str| word_is(w, i, word);
    if is("today") || is("tonight") {
        return Some((day(a), i, i + 1));
    }
    if is("yesterday") {
        return Some((day(a - Duration::days(1)), i, i + 1));
    }
    if is("tomorrow") {
        return Some((day(a + Duration::days(1)), i, i + 1));
    }
    if let Some(wd) = weekday(w, i) {
        return Some((day(last_weekday(a, wd, false)), i, i + 1));
    }
    let open = !w[i].ends_clause;
    let step = [("last", -1), ("past", -1), ("next", 1), ("coming", 1), ("this", 0)].into_iter().find(|(s, _)| is(s));
    if open && let Some((_, step)) = step {
        if let Some(wd) = weekday(w, i + 1) {
            let d = match step {
                -1 => last_weekday(a - Duration::days(1), wd, false),
                1 => last_weekday(a + Duration::days(7), wd, true),
                _ => last_weekday(a + Duration::days(6), wd, false),
            };
            return Some((day(d), i, i + 2));
        }
        let value = shifted(a, &lower(w, i + 1), step)?;
        return Some((value, i, i + 2));
    }
    // `earlier this month`, `later this year`
    if open && (is("earlier") || is("later")) && word_is(w, i + 1, "this") && !w[i + 1].ends_clause {
        return shifted(a, &lower(w, i + 2), 0).map(|v| (v, i, i + 3));
    }
    // `three years ago`
    if open && word_is(w, i + 2, "ago") && !w[i + 1].ends_clause {
        let n = parse_digits(w[i].text).or_else(|| word_value(w[i].text)).or(is("a").then_some(1.0))?;
        let unit = super::amounts::time_unit(&lower(w, i + 1))?;
        return ago(a, n as i64, unit).map(|v| (v, i, i + 3));
    }
    None
}

fn weekday(w: &[Word], i: usize) -> Option<Weekday> {
    let word = w.get(i)?.text;
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let name = lower.strip_suffix("'s").or(lower.strip_suffix("’s")).unwrap_or(&lower);
    let day = crate::lang::en::WEEKDAYS.iter().position(|d| *d == name)?;
    Weekday::try_from(day as u8).ok()
}

/// The latest `wd` on or before `from` (strictly before when `strict`... after, for next).
fn last_weekday(from: NaiveDate, wd: Weekday, forward_first: bool) -> NaiveDate {
    if forward_first {
        // The first `wd` after `from - 7 days`: next week's day.
        let mut d = from - Duration::days(6);
        while d.weekday() != wd {
            d += Duration::days(1);
        }
        return d;
    }
    let back = (from.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
    from - Duration::days(i64::from(back))
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn shifted(a: NaiveDate, unit: &str, step: i32) -> Option<String> {
    match unit {
        "week" => {
            let d = a + Duration::weeks(i64::from(step));
            let iso = d.iso_week();
            Some(format!("{}-W{:02}", iso.year(), iso.week()))
        }
        "month" => {
            let months = a.year() * 12 + a.month0() as i32 + step;
            Some(format!("{}-{:02}", months.div_euclid(12), months.rem_euclid(12) + 1))
        }
        "year" => Some((a.year() + step).to_string()),
        _ => None,
    }
}

fn ago(a: NaiveDate, n: i64, unit: &str) -> Option<String> {
    match unit {
        "day" => Some(day(a - Duration::days(n))),
        "week" => {
            let iso = (a - Duration::weeks(n)).iso_week();
            Some(format!("{}-W{:02}", iso.year(), iso.week()))
        }
        "month" => shifted(a, "month", -(n as i32)),
        "year" => Some((a.year() - n as i32).to_string()),
        "decade" => Some(((a.year() - 10 * n as i32) / 10).to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, published: Option<&str>) -> Vec<(String, String)> {
        find_dates(text, published).into_iter().map(|d| (text[d.span].to_string(), d.value)).collect()
    }

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn seed_dates() {
        let text =
            "Taliban met in Moscow on Friday. In July, talks took place in Doha; the first round was held in 2017.";
        assert_eq!(
            found(text, Some("2018-11-09T22:21:00")),
            pairs(&[("Friday", "2018-11-09"), ("July", "2018-07"), ("2017", "2017")])
        );
    }

    #[test]
    fn explicit_dates() {
        let text = "On Nov. 9 and on 9 November 2018, in March 2016, since 1999, in the 1990s, on 2018-11-09.";
        assert_eq!(
            found(text, Some("2018-11-20")),
            pairs(&[
                ("Nov. 9", "2018-11-09"),
                ("9 November 2018", "2018-11-09"),
                ("March 2016", "2016-03"),
                ("1999", "1999"),
                ("1990s", "199"),
                ("2018-11-09", "2018-11-09")
            ])
        );
    }

    #[test]
    fn relative_dates() {
        // Published on Friday 2018-11-09.
        let text = "Yesterday he said that last week, last month and next year matter; next Monday, last Friday, \
                    three years ago, earlier this month, we may go.";
        assert_eq!(
            found(text, Some("2018-11-09")),
            pairs(&[
                ("Yesterday", "2018-11-08"),
                ("last week", "2018-W44"),
                ("last month", "2018-10"),
                ("next year", "2019"),
                ("next Monday", "2018-11-12"),
                ("last Friday", "2018-11-02"),
                ("three years ago", "2015"),
                ("earlier this month", "2018-11"),
            ])
        );
    }

    #[test]
    fn impossible_dates_are_not_invented() {
        assert!(found("On 31 February 2018, in year 99999, on February 30.", Some("2018-11-09")).is_empty());
        assert!(found("On Friday.", Some("not a date")).is_empty());
        let long = "on Friday and ".repeat(20_000);
        assert_eq!(find_dates(&long, Some("2018-11-09")).len(), 20_000);
    }

    #[test]
    fn without_a_publication_date_only_explicit_ones() {
        assert_eq!(found("On Friday, in July, on 9 November 2018.", None), pairs(&[("9 November 2018", "2018-11-09")]));
        assert!(found("The mayor may say 2000 troops went.", Some("2018-11-09")).is_empty());
    }
}
