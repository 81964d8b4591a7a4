//! Amounts: numerals and number words with their scale, currency, percent and counted
//! object — `almost 15,000 troops` → 15000 troops (approximate), `$3bn` → 3e9 USD,
//! `four percent` → 4 percent, `between 10 and 20 people` → 10 to 20 people,
//! `17-year-long` → 17 year. Ordinals, years and dates are left to others.

use super::numbers::{is_ordinal, parse_digits, scale, word_value};
use super::words::{Word, is_month, word_is};
use crate::model::Amount;

/// Every amount in `text`, in order.
#[cfg(any(test, feature = "internals"))]
pub fn find_amounts(text: &str) -> Vec<Amount> {
    amounts_in(&super::words::words(text))
}

/// Every amount in a text's [`words`], in order (the analysis splits a text into words once
/// for amounts and dates).
pub(crate) fn amounts_in(words: &[Word]) -> Vec<Amount> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match amount_at(words, i) {
            Some((amount, next)) => {
                out.push(amount);
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// A number as written, before units.
struct Number {
    value: f64,
    currency: Option<&'static str>,
    percent: bool,
    /// The word is a bare four-digit number that could be a year.
    year_like: bool,
    /// Written as a word (`four`): `one` is usually a pronoun.
    from_word: bool,
}

fn amount_at(w: &[Word], i: usize) -> Option<(Amount, usize)> {
    let (approximate, mut j) = match approx_prefix(w, i) {
        Some(n) => (true, i + n),
        None => (false, i),
    };
    if !may_open_number(w.get(j)?.text) {
        return None;
    }
    if let Some((value, unit, next)) = hyphen_duration(w, j) {
        let span = w[i].span.start..w[next - 1].span.end;
        return Some((Amount { span, value, max: None, unit: Some(unit.into()), approximate }, next));
    }
    if let Some((value, next)) = fraction(w, j) {
        let span = w[i].span.start..w[next - 1].span.end;
        return Some((Amount { span, value, max: None, unit: Some("fraction".into()), approximate }, next));
    }
    let mut currency = w.get(j).and_then(|x| currency_symbol(x.text));
    if currency.is_some() && w.get(j).is_some_and(|x| x.text.len() <= 3 && !x.ends_clause) {
        j += 1; // a bare `$` before the number
    }
    let mut number = number(w.get(j)?, currency.is_some())?;
    currency = currency.or(number.currency);
    if is_date_context(w, j) || is_ordinal(w[j].text) {
        return None;
    }
    let mut end = j + 1;
    while !w[end - 1].ends_clause
        && let Some(s) = w.get(end).and_then(|x| scale(x.text, false))
    {
        number.value *= s;
        number.year_like = false;
        end += 1;
    }
    let mut max = None;
    if let Some((high, next)) = range_end(w, i, end, currency.is_some()) {
        max = Some(high);
        end = next;
    }
    let (unit, end) = unit_after(w, end, &number, currency);
    let unit = unit.or(currency.map(str::to_string));
    let keep = match &unit {
        Some(u) => !(number.from_word && number.value == 1.0 && !is_measure(u)),
        None => approximate && !number.year_like,
    };
    if !keep || (number.year_like && unit.is_none()) {
        return None;
    }
    let span = w[i].span.start..w[end - 1].span.end;
    Some((Amount { span, value: number.value, max, unit, approximate }, end))
}

/// A fraction in words: `two thirds`, `two-thirds`, `three quarters`, `one half`, and
/// `a third of` — its value (2/3) and where it ends. Without this, `about two thirds` was the
/// number 2 counting `thirds`.
fn fraction(w: &[Word], j: usize) -> Option<(f64, usize)> {
    let first = w.get(j)?;
    if let Some((numerator, denominator)) = first.text.split_once('-')
        && let (Some(n), Some(d)) = (word_value(&numerator.to_ascii_lowercase()), denominator_value(denominator))
    {
        return Some((n / d, j + 1));
    }
    let next = w.get(j + 1).filter(|_| !first.ends_clause)?;
    let d = denominator_value(next.text)?;
    let lower = first.text.to_ascii_lowercase();
    let n = match lower.as_str() {
        // `a third of the budget`; `a second` and `a half hour` are not fractions.
        "a" | "an" => (d > 2.0 && !next.ends_clause && w.get(j + 2)?.text.eq_ignore_ascii_case("of")).then_some(1.0)?,
        _ => word_value(&lower).or_else(|| parse_digits(first.text).filter(|v| v.fract() == 0.0 && *v < 100.0))?,
    };
    Some((n / d, j + 2))
}

/// `thirds` → 3: the denominators of fractions in words (not `second`, which is a time).
fn denominator_value(word: &str) -> Option<f64> {
    // The longest denominator is eight letters (`quarters`): others are out before lowercasing,
    // which then needs no allocation (this runs for every word).
    let n = word.len();
    if n > 8 {
        return None;
    }
    let mut bytes = [0u8; 8];
    bytes[..n].copy_from_slice(word.as_bytes());
    bytes[..n].make_ascii_lowercase();
    let lower = std::str::from_utf8(&bytes[..n]).ok()?;
    let singular = match lower {
        "halves" => "half",
        other => other.strip_suffix('s').unwrap_or(other),
    };
    let value = match singular {
        "half" => 2,
        "third" => 3,
        "quarter" | "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        _ => return None,
    };
    Some(f64::from(value))
}

fn approx_prefix(w: &[Word], i: usize) -> Option<usize> {
    const ONE: [&str; 10] =
        ["almost", "nearly", "about", "around", "roughly", "approximately", "some", "over", "under", "circa"];
    const TWO: [(&str, &str); 8] = [
        ("more", "than"),
        ("less", "than"),
        ("fewer", "than"),
        ("up", "to"),
        ("at", "least"),
        ("close", "to"),
        ("an", "estimated"),
        ("as", "many"),
    ];
    let is = |k: usize, s: &str| word_is(w, k, s);
    if w.get(i)?.ends_clause {
        return None;
    }
    if ONE.iter().any(|s| is(i, s)) {
        return Some(1);
    }
    w.get(i + 1)?;
    if TWO.iter().any(|(a, b)| is(i, a) && is(i + 1, b)) && !w[i + 1].ends_clause {
        // `as many as`
        if is(i, "as") {
            return is(i + 2, "as").then_some(3);
        }
        return Some(2);
    }
    None
}

/// Whether `word` can open the number of an amount: a digit, a currency symbol, a number word
/// (alone, before a hyphen or a percent sign) or `a`/`an` (`a third of`). What every reading
/// below needs of its first word, checked first: most words are none (this runs for each).
fn may_open_number(word: &str) -> bool {
    let Some(&first) = word.as_bytes().first() else { return false };
    if first.is_ascii_digit() {
        return true;
    }
    // Currency symbols open with `$`, `U` (`US$`) or a byte past ASCII.
    if (!first.is_ascii_alphabetic() || first == b'U') && currency_symbol(word).is_some() {
        return true;
    }
    let head = word.split('-').next().unwrap_or(word);
    match first.to_ascii_lowercase() {
        b'a' => word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an"),
        // The first letters of the number words (`zero` … `ninety`, `dozen`).
        b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n' | b'd' => {
            word_value(head).is_some() || word_value(word.trim_end_matches('%')).is_some()
        }
        _ => false,
    }
}

fn currency_symbol(word: &str) -> Option<&'static str> {
    let symbols = [("US$", "USD"), ("$", "USD"), ("£", "GBP"), ("€", "EUR"), ("¥", "JPY"), ("₽", "RUB"), ("₹", "INR")];
    symbols.iter().find(|(s, _)| word.starts_with(s)).map(|(_, c)| *c)
}

fn number(word: &Word, after_currency: bool) -> Option<Number> {
    let mut text = word.text;
    let currency = currency_symbol(text);
    if let Some(c) = currency {
        let symbol_len = if c == "USD" && text.starts_with("US$") { 3 } else { text.chars().next()?.len_utf8() };
        text = &text[symbol_len..];
    }
    let percent = text.ends_with('%');
    let text = text.trim_end_matches('%');
    if let Some(v) = word_value(text) {
        return Some(Number { value: v, currency, percent, year_like: false, from_word: true });
    }
    // Digits, then an optional attached scale (`3bn`, `1.5m` after a currency).
    let digits_end = text.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(text.len());
    let (digits, suffix) = text.split_at(digits_end);
    let mut value = parse_digits(digits)?;
    if !suffix.is_empty() {
        value *= scale(suffix, after_currency || currency.is_some())?;
    }
    let year_like = suffix.is_empty() && digits.len() == 4 && (1800.0..=2100.0).contains(&value) && currency.is_none();
    Some(Number { value, currency, percent, year_like, from_word: false })
}

/// `9 Nov`, `Nov. 9`, `22:21` are dates and times, not amounts.
fn is_date_context(w: &[Word], j: usize) -> bool {
    let prev_month = j > 0 && is_month(w[j - 1].text).is_some() && !w[j - 1].ends_clause;
    let next_month = !w[j].ends_clause && w.get(j + 1).is_some_and(|x| is_month(x.text).is_some());
    prev_month || next_month || w[j].text.contains(':')
}

/// `between 10 and 20`, `10 to 20`, `10-20`: the high end and where the range ends.
fn range_end(w: &[Word], start: usize, end: usize, currency: bool) -> Option<(f64, usize)> {
    let joiner = w.get(end)?.text.to_ascii_lowercase();
    let between =
        start > 0 && w[start - 1].text.eq_ignore_ascii_case("between") || w[start].text.eq_ignore_ascii_case("between");
    let ok = (joiner == "to" && !between) || (joiner == "and" && between);
    if !ok || w[end - 1].ends_clause || w[end].ends_clause {
        return None;
    }
    let high = number(w.get(end + 1)?, currency)?;
    Some((high.value, end + 2))
}

/// The unit after a number: percent, a currency word, a time unit, or the counted noun
/// (`15,000 troops`, `15,000 US troops`). Returns the unit and where the amount ends.
fn unit_after(w: &[Word], end: usize, n: &Number, currency: Option<&str>) -> (Option<String>, usize) {
    if n.percent {
        return (Some("percent".into()), end);
    }
    if w[end - 1].ends_clause {
        return (None, end);
    }
    let Some(next) = w.get(end) else { return (None, end) };
    let lower = next.text.to_ascii_lowercase();
    if lower == "percent" || lower == "pct" {
        return (Some("percent".into()), end + 1);
    }
    if lower == "per" && w.get(end + 1).is_some_and(|x| x.text.eq_ignore_ascii_case("cent")) {
        return (Some("percent".into()), end + 2);
    }
    if let Some(code) = currency_word(&lower) {
        return (Some(code.into()), end + 1);
    }
    if let Some(unit) = time_unit(&lower) {
        return (Some(unit.into()), end + 1);
    }
    if currency.is_some() {
        return (None, end);
    }
    if is_counted_noun(next.text) {
        return (Some(lower), end + 1);
    }
    // One modifier (`US troops`, `new homes`) before the noun.
    let modifier = next.text.chars().next().is_some_and(char::is_uppercase) || is_adjective(&lower);
    match w.get(end + 1) {
        Some(noun) if modifier && !next.ends_clause && is_counted_noun(noun.text) => {
            (Some(noun.text.to_ascii_lowercase()), end + 2)
        }
        _ => (None, end),
    }
}

fn currency_word(w: &str) -> Option<&'static str> {
    let words = [
        ("dollars", "USD"),
        ("dollar", "USD"),
        ("euros", "EUR"),
        ("euro", "EUR"),
        ("pounds", "GBP"),
        ("rubles", "RUB"),
        ("roubles", "RUB"),
        ("yuan", "CNY"),
        ("yen", "JPY"),
        ("rupees", "INR"),
    ];
    words.iter().find(|(k, _)| *k == w).map(|(_, c)| *c)
}

/// Time units, singular: `years` and `year` are both `year`.
pub(crate) fn time_unit(w: &str) -> Option<&'static str> {
    let units = ["year", "month", "week", "day", "hour", "minute", "second", "decade", "century"];
    let singular = w.strip_suffix('s').unwrap_or(w);
    let singular = if w == "centuries" { "century" } else { singular };
    units.iter().find(|u| **u == singular).copied()
}

fn is_measure(unit: &str) -> bool {
    unit == "percent" || unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase()) || time_unit(unit).is_some()
}

/// A lowercase word that can be the thing counted: not a function word or a common verb.
fn is_counted_noun(word: &str) -> bool {
    const NOT_NOUNS: [&str; 40] = [
        "of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "for", "by", "with", "from", "that", "which",
        "who", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could", "should",
        "can", "may", "might", "more", "than", "times", "as", "per", "wants", "said",
    ];
    let lower = word.to_ascii_lowercase();
    word.chars().next().is_some_and(char::is_lowercase)
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && word.len() >= 3
        && !NOT_NOUNS.contains(&lower.as_str())
        && !lower.ends_with("ly")
}

fn is_adjective(w: &str) -> bool {
    const ADJ: [&str; 14] = [
        "new",
        "more",
        "other",
        "additional",
        "extra",
        "young",
        "old",
        "armed",
        "foreign",
        "local",
        "civilian",
        "small",
        "large",
        "major",
    ];
    ADJ.contains(&w) || ["ed", "al", "an", "ese", "ish", "ian"].iter().any(|s| w.len() > 4 && w.ends_with(s))
}

/// `17-year-long`, `five-year`, `15-year-old`: a number joined to a time unit.
fn hyphen_duration(w: &[Word], j: usize) -> Option<(f64, &'static str, usize)> {
    let word = w.get(j)?.text;
    let mut parts = word.split('-');
    let first = parts.next()?;
    let value = parse_digits(first).or_else(|| word_value(first))?;
    let unit = time_unit(&parts.next()?.to_ascii_lowercase())?;
    let rest: Vec<&str> = parts.collect();
    (rest.is_empty() || rest == ["long"] || rest == ["old"]).then_some((value, unit, j + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_that_can_open_a_number() {
        for w in ["5", "$5", "US$5", "€5", "£", "five", "Five%", "twenty-five", "two-thirds", "a", "An", "Dozen", "10-year"] {
            assert!(may_open_number(w), "{w}");
        }
        for w in ["", "the", "Then", "U", "-5", "%", "fives", "about"] {
            assert!(!may_open_number(w), "{w}");
        }
    }

    fn found(text: &str) -> Vec<(String, f64, Option<String>, bool)> {
        find_amounts(text)
            .into_iter()
            .map(|a| (text[a.span.clone()].to_string(), a.value, a.unit, a.approximate))
            .collect()
    }

    #[test]
    fn fractions_in_words_are_fractions() {
        let close = |got: &[(String, f64, Option<String>, bool)], text: &str, value: f64, approximate: bool| {
            let a = got.iter().find(|a| a.0 == text).unwrap_or_else(|| panic!("{text} not in {got:?}"));
            assert!((a.1 - value).abs() < 1e-9 && a.2.as_deref() == Some("fraction") && a.3 == approximate, "{a:?}");
        };
        let got =
            found("About two thirds of voters agreed, and three-quarters of them said so; a third of the budget.");
        close(&got, "About two thirds", 2.0 / 3.0, true);
        close(&got, "three-quarters", 0.75, false);
        close(&got, "a third", 1.0 / 3.0, false);
        assert!(found("She came third, a second later, and half an hour after that.").is_empty());
    }

    #[test]
    fn seed_amounts() {
        let text = "The US has almost 15,000 troops in Afghanistan, up four percent, operating in 70 percent of \
                    it, after the 17-year-long “invasion”, talks held in 2017 with six countries; no one wants it.";
        let got = found(text);
        assert_eq!(
            got,
            [
                ("almost 15,000 troops".into(), 15000.0, Some("troops".into()), true),
                ("four percent".into(), 4.0, Some("percent".into()), false),
                ("70 percent".into(), 70.0, Some("percent".into()), false),
                ("17-year-long".into(), 17.0, Some("year".into()), false),
                ("six countries".into(), 6.0, Some("countries".into()), false),
            ]
        );
    }

    #[test]
    fn money_scales_percent_signs_and_ranges() {
        let got = found("It costs $3bn, or €1.5 million, a 12% rise; between 10 and 20 people and 5,000 US soldiers.");
        assert_eq!(got[0], ("$3bn".into(), 3e9, Some("USD".into()), false));
        assert_eq!(got[1], ("€1.5 million".into(), 1.5e6, Some("EUR".into()), false));
        assert_eq!(got[2], ("12%".into(), 12.0, Some("percent".into()), false));
        assert_eq!(got[3], ("10 and 20 people".into(), 10.0, Some("people".into()), false));
        assert_eq!(find_amounts("between 10 and 20 people")[0].max, Some(20.0));
        assert_eq!(got[4], ("5,000 US soldiers".into(), 5000.0, Some("soldiers".into()), false));
    }

    #[test]
    fn hostile_numbers_give_nothing_invented_and_stay_linear() {
        let huge = format!("{} troops", "9".repeat(1000));
        assert!(found(&huge).is_empty());
        let many = "1 billion billion ".repeat(2000);
        let got = find_amounts(&many);
        assert!(got.iter().all(|a| a.value.is_finite()));
        let long = "about 5 people, ".repeat(20_000);
        assert_eq!(find_amounts(&long).len(), 20_000);
    }

    #[test]
    fn dates_years_ordinals_and_pronouns_are_not_amounts() {
        assert!(found("On 9 Nov 2018 at 22:21, in 2017, the second round, one of them, no one said.").is_empty());
        assert_eq!(found("two years later")[0], ("two years".into(), 2.0, Some("year".into()), false));
    }
}
