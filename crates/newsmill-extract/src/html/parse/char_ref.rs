//! Character references (`&amp;`, `&#233;`, `&#x1F600;`), decoded exactly as html5ever's
//! tokenizer decodes them, including its legacy rules: names without a semicolon, the longest
//! match, and the attribute exception (`?a=1&copy=2` keeps `&copy`).

use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};

/// The characters a reference stands for and the input length it consumed (after the `&`).
pub(super) struct Decoded {
    pub chars: [char; 2],
    pub count: u8,
    pub consumed: usize,
}

impl Decoded {
    /// A literal `&`, consuming nothing after it.
    pub const AMPERSAND: Decoded = Decoded { chars: ['&', '\0'], count: 1, consumed: 0 };

    pub fn chars(&self) -> &[char] {
        &self.chars[..self.count as usize]
    }
}

/// Decodes the reference whose `&` is just before `rest`; `None` when the `&` is literal
/// (the caller emits it and goes on right after it, as html5ever does).
pub(super) fn decode(rest: &str, in_attribute: bool) -> Option<Decoded> {
    match rest.as_bytes().first()? {
        b'#' => numeric(&rest[1..]).map(|(c, n)| one(c, n + 1)),
        b if b.is_ascii_alphanumeric() => named(rest, in_attribute),
        _ => None,
    }
}

fn one(c: char, consumed: usize) -> Decoded {
    Decoded { chars: [c, '\0'], count: 1, consumed }
}

/// `rest` follows `&#`: the character and the length consumed, or `None` without digits.
fn numeric(rest: &str) -> Option<(char, usize)> {
    let bytes = rest.as_bytes();
    let (base, mut i) = match bytes.first() {
        Some(b'x' | b'X') => (16, 1),
        _ => (10, 0),
    };
    let start = i;
    let (mut num, mut too_big) = (0u32, false);
    while let Some(d) = bytes.get(i).and_then(|&b| (b as char).to_digit(base)) {
        num = num.wrapping_mul(base);
        if num > 0x10FFFF {
            too_big = true;
        }
        num = num.wrapping_add(d);
        i += 1;
    }
    if i == start {
        return None;
    }
    if bytes.get(i) == Some(&b';') {
        i += 1;
    }
    Some((numeric_char(num, too_big), i))
}

fn numeric_char(num: u32, too_big: bool) -> char {
    match num {
        _ if too_big || num > 0x10FFFF => '\u{fffd}',
        0 | 0xD800..=0xDFFF => '\u{fffd}',
        0x80..=0x9F => C1_REPLACEMENTS[(num - 0x80) as usize]
            .unwrap_or_else(|| char::from_u32(num).unwrap_or('\u{fffd}')),
        n => char::from_u32(n).unwrap_or('\u{fffd}'),
    }
}

/// `rest` starts with an ASCII alphanumeric: the longest entity name it starts with.
fn named(rest: &str, in_attribute: bool) -> Option<Decoded> {
    // The few names most pages use, ended by `;`, which no longer name continues.
    for (name, c) in [("amp;", '&'), ("nbsp;", '\u{a0}'), ("quot;", '"'), ("lt;", '<'), ("gt;", '>')] {
        if rest.starts_with(name) {
            return Some(one(c, name.len()));
        }
    }
    // html5ever extends the name one character at a time while the table knows it as a
    // name or a prefix of one, remembering the last full match.
    let mut best: Option<(usize, (u32, u32))> = None;
    for (i, c) in rest.char_indices() {
        let end = i + c.len_utf8();
        match NAMED_ENTITIES.get(&rest[..end]) {
            Some(&m) if m.0 != 0 => best = Some((end, m)),
            Some(_) => {}
            None => break,
        }
    }
    let (len, (c1, c2)) = best?;
    let next = rest[len..].chars().next();
    if in_attribute && !rest[..len].ends_with(';') && next.is_some_and(|c| c == '=' || c.is_ascii_alphanumeric()) {
        return None;
    }
    let first = char::from_u32(c1)?;
    let second = char::from_u32(c2).unwrap_or('\0');
    Some(Decoded { chars: [first, second], count: if c2 == 0 { 1 } else { 2 }, consumed: len })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str, attr: bool) -> Option<(String, usize)> {
        decode(s, attr).map(|d| (d.chars().iter().collect(), d.consumed))
    }

    #[test]
    fn names_numbers_and_legacy_forms() {
        assert_eq!(text("amp;x", false), Some(("&".into(), 4)));
        assert_eq!(text("ampx", false), Some(("&".into(), 3)));
        assert_eq!(text("notit;", false), Some(("¬".into(), 3)));
        assert_eq!(text("notin;", false), Some(("∉".into(), 6)));
        assert_eq!(text("#233;", false), Some(("é".into(), 5)));
        assert_eq!(text("#x41", false), Some(("A".into(), 4)));
        assert_eq!(text("#150;", false), Some(("–".into(), 5)));
        assert_eq!(text("#0;", false), Some(("\u{fffd}".into(), 3)));
        assert_eq!(text("#99999999999;", false), Some(("\u{fffd}".into(), 13)));
        assert_eq!(text("#;", false), None);
        assert_eq!(text("#x;", false), None);
        assert_eq!(text("zzz;", false), None);
        assert_eq!(text(" ", false), None);
    }

    #[test]
    fn common_names_agree_with_the_table() {
        for name in ["amp;", "nbsp;", "quot;", "lt;", "gt;"] {
            let (c, _) = NAMED_ENTITIES.get(name).copied().unwrap_or_default();
            assert_eq!(text(name, true), Some((char::from_u32(c).unwrap_or('?').to_string(), name.len())));
        }
    }

    #[test]
    fn attributes_keep_legacy_names_before_equals_or_letters() {
        assert_eq!(text("copy=2", true), None);
        assert_eq!(text("copyx", true), None);
        assert_eq!(text("copy;x", true), Some(("©".into(), 5)));
        assert_eq!(text("copy x", true), Some(("©".into(), 4)));
        assert_eq!(text("copy=2", false), Some(("©".into(), 4)));
    }
}
