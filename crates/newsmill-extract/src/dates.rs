//! Dates of publication from the strings pages carry them in: ISO 8601 and RFC 2822 in
//! metadata, free-form datelines in the page (`9 Nov, 2018 22:21`, `November 9, 2018 at
//! 10:21 p.m. EST`, `09.11.2018`, `9. November 2018`), and date paths in URLs.
//!
//! Results are ISO 8601 at the precision the source gives: `2018-11-09`, `2018-11-09T22:21`,
//! `2018-11-09T22:21:05+01:00`.

use chrono::{DateTime, Datelike, NaiveDate};

/// Years accepted as publication dates; outside it a number is not a year of the web.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// Month names and abbreviations in English, German, French, Spanish, Italian, Portuguese and
/// Dutch, lowercased and without the trailing dot.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("janv", 1),
    ("enero", 1),
    ("ene", 1),
    ("gennaio", 1),
    ("janeiro", 1),
    ("januari", 1),
    ("february", 2),
    ("feb", 2),
    ("febr", 2),
    ("februar", 2),
    ("février", 2),
    ("févr", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("fevereiro", 2),
    ("februari", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("maerz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("maart", 3),
    ("mrz", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("avr", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("maio", 5),
    ("mei", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("junho", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("juil", 7),
    ("julio", 7),
    ("luglio", 7),
    ("julho", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("augustus", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("settembre", 9),
    ("setembro", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("outubro", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("dez", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("diciembre", 12),
    ("dicembre", 12),
    ("dezembro", 12),
];

fn month_number(word: &str) -> Option<u32> {
    let lower = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(name, _)| *name == lower).map(|&(_, n)| n)
}

/// Parses a date or date-time string from metadata or a dateline into ISO 8601.
pub fn parse_date(input: &str) -> Option<String> {
    let s = input.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return in_range(dt.year()).then(|| dt.format("%Y-%m-%dT%H:%M:%S%:z").to_string());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return in_range(dt.year()).then(|| dt.format("%Y-%m-%dT%H:%M:%S%:z").to_string());
    }
    parse_iso_like(s).or_else(|| parse_free_form(s))
}

fn in_range(year: i32) -> bool {
    YEARS.contains(&year)
}

/// ISO-shaped strings chrono's RFC 3339 parser refuses: `2018-11-09`, `2018-11-09 22:21`,
/// `2018-11-09T22:21:00` (no offset), `2018-11-09T22:21:00+0100`, `2018-11-09T22:21:00.000Z`.
fn parse_iso_like(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() < 10 || !(b[4] == b'-' && b[7] == b'-') {
        return None;
    }
    // `get`, not indexing: a multi-byte character may straddle byte 10.
    let date = NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()?;
    if !in_range(date.year()) {
        return None;
    }
    let rest = s.get(10..)?.trim_start_matches(['T', ' ']);
    let Some((time, offset)) = split_time(rest) else {
        return Some(date.format("%Y-%m-%d").to_string());
    };
    Some(format!("{}T{time}{offset}", date.format("%Y-%m-%d")))
}

/// Splits `22:21[:05][.123][Z|+01:00|+0100]` into a normalized time and offset.
fn split_time(rest: &str) -> Option<(String, String)> {
    let digits: Vec<&str> = rest.splitn(4, ':').collect();
    if digits.len() < 2 {
        return None;
    }
    let hour: u32 = digits[0].parse().ok()?;
    let minute: u32 = digits[1].get(..2)?.parse().ok()?;
    if hour > 23 || minute > 59 {
        return None;
    }
    let mut tail = &rest[digits[0].len() + 3..];
    let mut time = format!("{hour:02}:{minute:02}");
    if let Some(sec) = tail.strip_prefix(':').and_then(|t| t.get(..2)).and_then(|t| t.parse::<u32>().ok()) {
        time.push_str(&format!(":{sec:02}"));
        tail = &tail[3..];
    }
    let tail = tail.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit()).trim();
    let offset = match tail {
        "Z" | "z" | "UTC" | "GMT" => "+00:00".to_string(),
        t if (t.starts_with('+') || t.starts_with('-')) && t.len() >= 5 => {
            let d: String = t[1..].chars().filter(char::is_ascii_digit).take(4).collect();
            if d.len() == 4 { format!("{}{}:{}", &t[..1], &d[..2], &d[2..]) } else { String::new() }
        }
        _ => String::new(),
    };
    Some((time, offset))
}

/// Free-form datelines: finds a day, a month (name or number) and a year among the words,
/// and a time if one follows.
fn parse_free_form(s: &str) -> Option<String> {
    let tokens: Vec<&str> =
        s.split(|c: char| c.is_whitespace() || c == ',' || c == '|').filter(|t| !t.is_empty()).collect();
    let mut year = None;
    let mut month = None;
    let mut day = None;
    let mut time = None;
    let mut pm = false;
    let mut am = false;
    for (i, token) in tokens.iter().enumerate() {
        let lower = token.to_lowercase();
        let word = lower.trim_matches(|c: char| matches!(c, '.' | ',' | '(' | ')' | ';'));
        if let Some((d, m, y)) = numeric_date(word) {
            (day, month, year) = (Some(d), Some(m), Some(y));
        } else if word.contains(':') && time.is_none() {
            time = split_time(word).map(|(t, _)| t);
        } else if let Some(m) = month_number(word) {
            if month.is_none() {
                month = Some(m);
            }
        } else if matches!(word, "pm" | "p.m" | "p.m.") {
            pm = true;
        } else if matches!(word, "am" | "a.m" | "a.m.") && i > 0 {
            am = true;
        } else if let Ok(n) = word.trim_end_matches(['.', 's', 't', 'h', 'n', 'd', 'r']).parse::<i32>() {
            let raw_len = word.chars().take_while(char::is_ascii_digit).count();
            if raw_len == 4 && in_range(n) {
                year.get_or_insert(n);
            } else if (1..=31).contains(&n) && raw_len <= 2 {
                day.get_or_insert(n as u32);
            }
        }
    }
    let date = NaiveDate::from_ymd_opt(year?, month?, day?)?;
    let mut out = date.format("%Y-%m-%d").to_string();
    if let Some(t) = time {
        let hour: u32 = t[..2].parse().ok()?;
        let hour = match (pm, am) {
            (true, _) if hour < 12 => hour + 12,
            (_, true) if hour == 12 => 0,
            _ => hour,
        };
        out.push_str(&format!("T{hour:02}{}", &t[2..]));
    }
    Some(out)
}

/// `2018-11-09`, `2018/11/09`, `09.11.2018`, `9.11.2018`.
fn numeric_date(word: &str) -> Option<(u32, u32, i32)> {
    let parts: Vec<&str> = word.split(['-', '/', '.']).filter(|p| !p.is_empty()).collect();
    if parts.len() != 3 || !parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let nums: Vec<i64> = parts.iter().map(|p| p.parse().ok()).collect::<Option<_>>()?;
    let (d, m, y) = if parts[0].len() == 4 {
        (nums[2], nums[1], nums[0])
    } else if parts[2].len() == 4 && word.contains('/') && nums[0] <= 12 && nums[1] > 12 {
        // US order is certain only when the middle number cannot be a month.
        (nums[1], nums[0], nums[2])
    } else if parts[2].len() == 4 {
        (nums[0], nums[1], nums[2])
    } else {
        return None;
    };
    let y = i32::try_from(y).ok()?;
    let (d, m) = (u32::try_from(d).ok()?, u32::try_from(m).ok()?);
    (in_range(y) && NaiveDate::from_ymd_opt(y, m, d).is_some()).then_some((d, m, y))
}

/// A date in a URL path: `/2018/11/09/`, `/2018-11-09-`, `/20181109/`.
pub fn date_from_url(url: &str) -> Option<String> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let segments: Vec<&str> = path.split('/').collect();
    for window in segments.windows(3) {
        if let (Ok(y), Ok(m)) = (window[0].parse::<i32>(), window[1].parse::<u32>()) {
            let day_digits: String = window[2].chars().take_while(char::is_ascii_digit).collect();
            if window[0].len() == 4
                && in_range(y)
                && window[1].len() <= 2
                && let Ok(d) = day_digits.parse::<u32>()
                && day_digits.len() <= 2
                && let Some(date) = NaiveDate::from_ymd_opt(y, m, d)
            {
                return Some(date.format("%Y-%m-%d").to_string());
            }
        }
    }
    for segment in &segments {
        let bytes = segment.as_bytes();
        for start in 0..bytes.len().saturating_sub(9) {
            if let Some((d, m, y)) = segment.get(start..start + 10).and_then(numeric_date)
                && bytes[start + 4] == b'-'
            {
                return NaiveDate::from_ymd_opt(y, m, d).map(|dt| dt.format("%Y-%m-%d").to_string());
            }
        }
        if bytes.len() == 8
            && bytes.iter().all(u8::is_ascii_digit)
            && let Ok(date) = NaiveDate::parse_from_str(segment, "%Y%m%d")
            && in_range(date.year())
        {
            return Some(date.format("%Y-%m-%d").to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_formats() {
        assert_eq!(parse_date("2018-11-09T22:21:00+03:00").as_deref(), Some("2018-11-09T22:21:00+03:00"));
        assert_eq!(parse_date("2018-11-09T22:21:00.000Z").as_deref(), Some("2018-11-09T22:21:00+00:00"));
        assert_eq!(parse_date("2018-11-09T22:21:00+0100").as_deref(), Some("2018-11-09T22:21:00+01:00"));
        assert_eq!(parse_date("2018-11-09 22:21").as_deref(), Some("2018-11-09T22:21"));
        assert_eq!(parse_date("2018-11-09").as_deref(), Some("2018-11-09"));
        assert_eq!(parse_date("Fri, 09 Nov 2018 22:21:00 GMT").as_deref(), Some("2018-11-09T22:21:00+00:00"));
    }

    #[test]
    fn datelines() {
        assert_eq!(parse_date("9 Nov, 2018 22:21").as_deref(), Some("2018-11-09T22:21"));
        assert_eq!(parse_date("November 9, 2018").as_deref(), Some("2018-11-09"));
        assert_eq!(parse_date("Nov. 9, 2018 10:21 p.m.").as_deref(), Some("2018-11-09T22:21"));
        assert_eq!(parse_date("9. November 2018").as_deref(), Some("2018-11-09"));
        assert_eq!(parse_date("Published 09.11.2018").as_deref(), Some("2018-11-09"));
        assert_eq!(parse_date("Updated: 3rd March 2020").as_deref(), Some("2020-03-03"));
    }

    #[test]
    fn nonsense_is_none() {
        assert_eq!(parse_date("31 February 2018"), None);
        assert_eq!(parse_date("Home News Sport"), None);
        assert_eq!(parse_date("9 Nov 99999"), None);
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("2018-11-0é"), None);
        assert_eq!(parse_date("2018-11-09Té:00"), Some("2018-11-09".into()));
    }

    #[test]
    fn url_dates() {
        assert_eq!(date_from_url("https://x.com/news/2018/11/09/story").as_deref(), Some("2018-11-09"));
        assert_eq!(date_from_url("https://x.com/2018-11-09-story.html").as_deref(), Some("2018-11-09"));
        assert_eq!(date_from_url("https://x.com/a/20181109/b").as_deref(), Some("2018-11-09"));
        assert_eq!(date_from_url("https://x.com/a/b/12345"), None);
    }
}
