//! Characters a reader never sees but programs read as a break inside a word
//! ([`newsmill_model::text::INVISIBLE`]: the soft hyphen of `Netan&shy;yahu`, zero-width
//! spaces). Kept, they split a name the reader sees whole: `Netan­yahu` is `Netanyahu` neither
//! to a search nor to the analysis. They are removed from a page before it is parsed, whether
//! written as characters or, in markup, as character references.

use std::borrow::Cow;

use newsmill_model::text::{INVISIBLE, cut_out, invisible_spans};

/// Named references to them that HTML defines (`&shy` is also read without its semicolon).
const NAMED: [&str; 4] = ["&shy;", "&ZeroWidthSpace;", "&NoBreak;", "&shy"];

/// `text` without invisible characters, and in `markup` without references to them either.
pub fn strip_invisible(text: &str, markup: bool) -> Cow<'_, str> {
    let mut cut: Vec<_> = invisible_spans(text).collect();
    if markup {
        for at in memchr::memchr_iter(b'&', text.as_bytes()) {
            if let Some(len) = invisible_reference(&text[at..]) {
                cut.push(at..at + len);
            }
        }
    }
    cut_out(text, cut)
}

/// The length of the reference to an invisible character that `s` opens with, if it does.
fn invisible_reference(s: &str) -> Option<usize> {
    if let Some(digits) = s.strip_prefix("&#") {
        let (radix, digits) = match digits.strip_prefix(['x', 'X']) {
            Some(hex) => (16, hex),
            None => (10, digits),
        };
        // A code point takes at most eight digits: never look further for the semicolon.
        let end = digits.bytes().take(9).position(|b| b == b';')?;
        let code = u32::from_str_radix(&digits[..end], radix).ok()?;
        let c = char::from_u32(code)?;
        return INVISIBLE.contains(&c).then_some(s.len() - digits.len() + end + 1);
    }
    // `&shy;` comes before `&shy` in `NAMED`, so the longer form is taken whole.
    let name = NAMED.iter().find(|n| s.starts_with(**n))?;
    // Without its semicolon, `&shy` is a reference only when no letter, digit or `=` follows.
    let after = s[name.len()..].chars().next();
    let ends = name.ends_with(';') || !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '=');
    ends.then_some(name.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_inside_words_are_removed() {
        for c in INVISIBLE {
            assert_eq!(strip_invisible(&format!("a{c}b"), false), "ab", "{c:?}");
        }
        assert_eq!(strip_invisible("Netan\u{ad}yahu met Face\u{200b}book", false), "Netanyahu met Facebook");
        assert_eq!(strip_invisible("\u{feff}Jeru\u{2060}salem", false), "Jerusalem");
        assert!(matches!(strip_invisible("Netanyahu’s “plan” – naïve", true), Cow::Borrowed(_)));
    }

    #[test]
    fn references_to_them_are_removed_from_markup_only() {
        let page = "<p>Netan&shy;yahu, Jeru&#173;salem, Face&#x200B;book, Ber&#xad;lin, Ro&shy me&NoBreak;</p>";
        assert_eq!(strip_invisible(page, true), "<p>Netanyahu, Jerusalem, Facebook, Berlin, Ro me</p>");
        assert_eq!(strip_invisible("Netan&shy;yahu", false), "Netan&shy;yahu");
    }

    #[test]
    fn an_extracted_page_reads_its_words_whole() {
        let p = "Prime Minister Benjamin Netan&shy;yahu won the vote on Tuesday, officials in Jeru\u{ad}salem said, \
                 and Face&#8203;book and other sites carried the news to voters across the country all night.";
        let page = format!(
            "<html><head><title>Netan&shy;yahu wins</title></head><body><article><h1>Netan\u{ad}yahu \
                            wins</h1><p>{p}</p><p>{p}</p></article></body></html>"
        );
        let doc = crate::extract(&newsmill_model::RawDoc::from_bytes("p.html", page.into_bytes()), &Default::default());
        let doc = doc.unwrap();
        assert_eq!(doc.title.as_deref(), Some("Netanyahu wins"));
        assert!(
            doc.text.starts_with(
                "Prime Minister Benjamin Netanyahu won the vote on Tuesday, officials in Jerusalem said, and Facebook"
            ),
            "{}",
            doc.text
        );
        // A plain text's `&shy;` is what it says.
        let plain = [p, p, p].join("\n\n").replace("&#8203;", "\u{200b}");
        let text =
            crate::extract(&newsmill_model::RawDoc::from_bytes("p.txt", plain.into_bytes()), &Default::default());
        let text = text.unwrap().text;
        assert!(text.starts_with("Prime Minister Benjamin Netan&shy;yahu won the vote on Tuesday, officials in Jerusalem said, and Facebook"), "{text}");
    }

    #[test]
    fn other_references_and_lookalikes_stay() {
        let page =
            "<a href=\"?a=1&shyness=2&amp;shy;\">&#8217;&#x200c;&#; &#xZZ; &#99999999; &shyly &shy=</a> \u{200d}";
        assert_eq!(strip_invisible(page, true), page);
    }
}
