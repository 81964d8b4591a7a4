//! Headlines without the site name pages wrap them in (`Story | Site`, `Site - Story`).

/// Separators between a headline and a site name in `<title>`.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / ", " « ", " » "];
/// A part this much shorter than the rest, in words, is taken as the site name.
const MAX_SITE_WORDS: usize = 4;

/// Removes a site-name prefix or suffix from a `<title>`. With `site` known, only a part
/// matching it goes; without, the shortest end part of at most a few words goes when the
/// headline left is clearly longer.
pub fn clean_title(raw: &str, site: Option<&str>) -> String {
    let title = collapse_whitespace(raw);
    for sep in SEPARATORS {
        let Some((head, tail)) = title.rsplit_once(sep) else { continue };
        if let Some(site) = site {
            let site = site.trim().to_lowercase();
            if tail.trim().to_lowercase() == site || site.contains(&tail.trim().to_lowercase()) {
                return head.trim().to_string();
            }
            if let Some((first, rest)) = title.split_once(sep)
                && first.trim().to_lowercase() == site
            {
                return rest.trim().to_string();
            }
        }
        let tail_words = tail.split_whitespace().count();
        let head_words = head.split_whitespace().count();
        if tail_words <= MAX_SITE_WORDS && head_words > tail_words + 1 {
            return head.trim().to_string();
        }
        if let Some((first, rest)) = title.split_once(sep) {
            let (first_words, rest_words) = (first.split_whitespace().count(), rest.split_whitespace().count());
            if first_words <= 2 && rest_words > first_words + 3 {
                return rest.trim().to_string();
            }
        }
    }
    title
}

/// Collapses runs of whitespace to single spaces and trims.
pub fn collapse_whitespace(s: &str) -> String {
    if is_collapsed(s.as_bytes()) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let bytes = s.as_bytes();
    // Words are copied whole, found by bytes: an ASCII space, or one of the few lead bytes of a
    // Unicode space (U+0085 and U+00A0 after 0xC2, U+1680, U+2000–U+3000 after 0xE1–0xE3), which
    // is then decoded. The same words as `split_whitespace`, without decoding every character.
    let (mut at, mut word) = (0, None);
    while at < bytes.len() {
        let b = bytes[at];
        let space_len = match b {
            b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => 1,
            0xc2 | 0xe1..=0xe3 => s[at..].chars().next().filter(|c| c.is_whitespace()).map_or(0, char::len_utf8),
            _ => 0,
        };
        if space_len == 0 {
            word.get_or_insert(at);
            at += 1;
            continue;
        }
        if let Some(start) = word.take() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&s[start..at]);
        }
        at += space_len;
    }
    if let Some(start) = word {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s[start..]);
    }
    out
}

/// Whether `s` is already collapsed: no whitespace but single ASCII spaces between words. Any
/// byte that may start a Unicode space (0xC2, 0xE1–0xE3) sends the text the slow way.
fn is_collapsed(s: &[u8]) -> bool {
    let ends_clean = |b: Option<&u8>| b.is_none_or(|&b| b != b' ');
    ends_clean(s.first())
        && ends_clean(s.last())
        && !s.windows(2).any(|w| w == b"  ")
        && !s.iter().any(|&b| matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | 0xc2 | 0xe1..=0xe3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_the_same_words_as_split_whitespace() {
        let spaces = ['\u{9}', '\u{a}', '\u{b}', '\u{c}', '\u{d}', ' ', '\u{85}', '\u{a0}', '\u{1680}', '\u{2000}', '\u{200a}',
            '\u{2028}', '\u{2029}', '\u{202f}', '\u{205f}', '\u{3000}'];
        let others = ['a', 'é', '€', '\u{2019}', '\u{200b}', '\u{e000}', '漢', '😀', '\u{ff}', '\u{1681}', '\u{2010}'];
        let mut texts = vec![String::new(), " ".into(), "a".into(), "  a  b  ".into()];
        for (i, s) in spaces.iter().enumerate() {
            for (j, o) in others.iter().enumerate() {
                texts.push(format!("{o}{s}{o}{o}{s}{s}x{}", spaces[(i + j) % spaces.len()]));
                texts.push(format!("{s}{o}{s}"));
            }
        }
        for t in texts {
            assert_eq!(collapse_whitespace(&t), t.split_whitespace().collect::<Vec<_>>().join(" "), "{t:?}");
        }
    }

    proptest::proptest! {
        /// Collapsed or not, the fast path and the word copy agree with `split_whitespace`.
        #[test]
        fn any_text_collapses_as_split_whitespace_joins(t in "[a b\t\né\u{a0}\u{2009}x]{0,24}") {
            proptest::prop_assert_eq!(collapse_whitespace(&t), t.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }

    #[test]
    fn strips_site_suffix_and_prefix() {
        assert_eq!(clean_title("Taliban seeks talks with US | RT World News", None), "Taliban seeks talks with US");
        assert_eq!(
            clean_title("BBC News - Storm hits the coast of Wales overnight", None),
            "Storm hits the coast of Wales overnight"
        );
        assert_eq!(clean_title("Story title here — The Paper", Some("The Paper")), "Story title here");
    }

    #[test]
    fn keeps_dashes_inside_headlines() {
        assert_eq!(clean_title("Trump – the early years", None), "Trump – the early years");
        assert_eq!(clean_title("  One   title  ", None), "One title");
    }
}
