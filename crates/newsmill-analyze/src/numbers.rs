//! Numbers as news writes them: digits with separators and decimals (`15,000`, `1.5`),
//! number words (`four`, `twenty-five`, `two hundred`), and scale words (`million`, `bn`).
//! Shared by the amount finder and the date finder.

/// The value of a number word, or of a hyphenated compound such as `twenty-five`.
pub(crate) fn word_value(word: &str) -> Option<f64> {
    // Asked of every word of a text: lowercase on the stack. Number words are ASCII and the
    // longest (`seventy-seven`) is 13 bytes.
    let mut buf = [0u8; 16];
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (b, c) in buf.iter_mut().zip(word.as_bytes()) {
        *b = c.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..word.len()]).ok()?;
    if let Some((tens, units)) = lower.split_once('-') {
        let (t, u) = (small_word(tens)?, small_word(units)?);
        return (t >= 20.0 && t % 10.0 == 0.0 && u < 10.0).then_some(t + u);
    }
    small_word(lower)
}

fn small_word(w: &str) -> Option<f64> {
    const WORDS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    if let Some(i) = WORDS.iter().position(|x| *x == w) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|x| *x == w) {
        return Some((i as f64 + 2.0) * 10.0);
    }
    match w {
        "dozen" => Some(12.0),
        _ => None,
    }
}

/// The multiplier of a scale word or suffix: `million` and `m` → 1e6. Single letters count
/// only where `short` allows (after a currency: `$3m`).
pub(crate) fn scale(word: &str, short: bool) -> Option<f64> {
    match word.to_ascii_lowercase().as_str() {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" | "mn" | "mln" => Some(1e6),
        "billion" | "bn" | "bln" => Some(1e9),
        "trillion" | "tn" => Some(1e12),
        "k" if short => Some(1e3),
        "m" if short => Some(1e6),
        "b" if short => Some(1e9),
        _ => None,
    }
}

/// Parses digits with thousands separators and a decimal point: `15,000`, `1.5`, `3,200.75`.
/// Rejects shapes that are not one number (`1,2`, `1.2.3`).
pub(crate) fn parse_digits(s: &str) -> Option<f64> {
    // Asked of every word: a number starts with a digit (`,5` and `.5` are no number below
    // either), so the rest is read only for those.
    if !s.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => (i, Some(f)),
        Some(_) => return None,
        None => (s, None),
    };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return None;
    }
    let groups: Vec<&str> = int.split(',').collect();
    let grouped_ok = groups.len() == 1
        || (groups[0].len() <= 3 && !groups[0].is_empty() && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_ok {
        return None;
    }
    let digits: String = groups.concat();
    let text = match frac {
        Some(f) => format!("{digits}.{f}"),
        None => digits,
    };
    // Past 15 significant digits an f64 is no longer the number written: report nothing
    // rather than an invented value.
    let significant = text.trim_start_matches(['0', '.']).bytes().filter(u8::is_ascii_digit).count();
    if significant > 15 {
        return None;
    }
    text.parse().ok().filter(|v: &f64| v.is_finite())
}

/// Ordinals are positions, not quantities: `first`, `2nd`, `twenty-third`.
pub(crate) fn is_ordinal(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    const ORDINALS: [&str; 13] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "hundredth",
    ];
    let last = w.rsplit('-').next().unwrap_or(&w);
    ORDINALS.contains(&last)
        || (last.ends_with("th") && small_word(last.trim_end_matches("th")).is_some())
        || (["st", "nd", "rd", "th"].iter().any(|s| w.ends_with(s))
            && w.get(..w.len() - 2).is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_shapes() {
        assert_eq!(parse_digits("15,000"), Some(15000.0));
        assert_eq!(parse_digits("1.5"), Some(1.5));
        assert_eq!(parse_digits("3,200.75"), Some(3200.75));
        assert_eq!(parse_digits("1,2"), None);
        assert_eq!(parse_digits("1.2.3"), None);
        assert_eq!(parse_digits(&"9".repeat(1000)), None);
        assert_eq!(parse_digits("123456789012345"), Some(123456789012345.0));
        assert_eq!(word_value("four"), Some(4.0));
        assert_eq!(word_value("Twenty-five"), Some(25.0));
        assert_eq!(word_value("five-twenty"), None);
        assert_eq!(scale("bn", false), Some(1e9));
        assert_eq!(scale("m", false), None);
        assert!(is_ordinal("2nd") && is_ordinal("twenty-third") && is_ordinal("seventeenth"));
        assert!(!is_ordinal("15") && !is_ordinal("seven") && !is_ordinal("€2") && !is_ordinal("th"));
    }
}
