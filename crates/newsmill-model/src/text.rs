//! Small text helpers every crate shares: char-boundary cuts, and control characters kept out
//! of stories, terminals and log lines.

use std::borrow::Cow;
use std::ops::Range;

/// The largest char boundary at or below `index`.
pub fn floor_char_boundary(s: &str, index: usize) -> usize {
    let mut i = index.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// At most `max` bytes of `s`, cut on a char boundary, with `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    format!("{}…", &s[..floor_char_boundary(s, max)])
}

/// Characters a reader never sees that programs read as breaks inside a word: the soft hyphen
/// (a hint where a line may be hyphenated), the zero-width space, the word joiner and the
/// zero-width no-break space (a byte-order mark inside a text). Zero-width joiners and
/// non-joiners are not among them: they change how Persian, Indic scripts and emoji are drawn.
pub const INVISIBLE: [char; 4] = ['\u{ad}', '\u{200b}', '\u{2060}', '\u{feff}'];

/// The byte ranges of the [`INVISIBLE`] characters in `s`, in order: one pass over the lead
/// bytes of their UTF-8 forms (tested against [`INVISIBLE`]).
pub fn invisible_spans(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = s.as_bytes();
    memchr::memchr3_iter(0xc2, 0xe2, 0xef, bytes).filter_map(move |at| match bytes[at..] {
        [0xc2, 0xad, ..] => Some(at..at + 2),
        [0xe2, 0x80, 0x8b, ..] | [0xe2, 0x81, 0xa0, ..] | [0xef, 0xbb, 0xbf, ..] => Some(at..at + 3),
        _ => None,
    })
}

/// `s` without [`INVISIBLE`] characters (`Netan\u{ad}yahu` is `Netanyahu`).
pub fn without_invisible(s: &str) -> Cow<'_, str> {
    cut_out(s, invisible_spans(s).collect())
}

/// `s` without the byte ranges `cut` (char boundaries that do not overlap, in any order).
pub fn cut_out(s: &str, mut cut: Vec<Range<usize>>) -> Cow<'_, str> {
    if cut.is_empty() {
        return Cow::Borrowed(s);
    }
    cut.sort_unstable_by_key(|r| r.start);
    let mut out = String::with_capacity(s.len());
    let mut from = 0;
    for r in cut {
        out.push_str(&s[from..r.start]);
        from = r.end;
    }
    out.push_str(&s[from..]);
    Cow::Owned(out)
}

/// True for the control characters that must never reach a terminal or a reader: C0 (but
/// tab and line breaks), DEL and C1. An escape sequence in a page can move the cursor, set
/// the window title or hide text.
fn is_hostile_control(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

/// Whether `s` holds a character [`is_hostile_control`] refuses, read as bytes (a whole page is
/// checked before it is parsed): C0 and DEL are single bytes, C1 is 0xC2 then 0x80–0x9F. Blocks
/// of 64 bytes are first screened branch-free (the compiler vectorises it), and only a block
/// with a suspect byte is read exactly.
fn has_hostile_control(s: &str) -> bool {
    const BLOCK: usize = 64;
    let bytes = s.as_bytes();
    // Bitwise, not short-circuit: every byte takes the same vector lanes.
    let suspect =
        |b: u8| u8::from(((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')) | (b == 0x7f) | (b == 0xc2));
    let exact = |from: usize, block: &[u8]| {
        block.iter().enumerate().any(|(i, &b)| match b {
            0x00..=0x08 | 0x0b | 0x0c | 0x0e..=0x1f | 0x7f => true,
            0xc2 => bytes.get(from + i + 1).is_some_and(|next| (0x80..=0x9f).contains(next)),
            _ => false,
        })
    };
    // Whole blocks of one fixed length, so that the screen compiles to vector compares.
    let blocks = bytes.chunks_exact(BLOCK);
    let tail = blocks.remainder();
    blocks
        .enumerate()
        .any(|(n, block)| block.iter().fold(0u8, |acc, &b| acc | suspect(b)) != 0 && exact(n * BLOCK, block))
        || exact(bytes.len() - tail.len(), tail)
}

/// `s` without hostile control characters; vertical tab and form feed become spaces, so the
/// words they separated stay apart.
pub fn strip_controls(s: &str) -> Cow<'_, str> {
    if !has_hostile_control(s) {
        return Cow::Borrowed(s);
    }
    let cleaned = s
        .chars()
        .filter_map(|c| match c {
            '\u{b}' | '\u{c}' => Some(' '),
            c if is_hostile_control(c) => None,
            c => Some(c),
        })
        .collect();
    Cow::Owned(cleaned)
}

/// `s` on one line with every control character written as an escape (`\n`, `\u{1b}`), for
/// names in log lines: a newline in a file name cannot fake a line of its own.
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_scan_agrees_with_the_char_test() {
        let samples = [
            "plain ascii",
            "tab\tand\nlines\r",
            "bell\u{7}",
            "del\u{7f}",
            "c1 \u{85} nel",
            "c1 end \u{9f}",
            "latin \u{c2} \u{a0} \u{bf}",
            "é ü ß 漢字 😀",
            "\u{1b}[31m",
            "",
        ];
        for s in samples {
            assert_eq!(has_hostile_control(s), s.chars().any(is_hostile_control), "{s:?}");
        }
        // Every position of a text longer than a block, in whole blocks and in the tail, and
        // a C1 character (two bytes) straddling two blocks.
        for at in 0..150 {
            for c in ['\u{1b}', '\u{7f}', '\u{85}', '\u{a0}', '\n'] {
                let mut s = "x".repeat(150);
                s.insert(at, c);
                assert_eq!(has_hostile_control(&s), is_hostile_control(c), "{c:?} at {at}");
            }
        }
    }

    #[test]
    fn invisible_characters_leave_a_word_and_nothing_else_does() {
        assert_eq!(
            without_invisible("Netan\u{ad}yahu Face\u{200b}book\u{feff} Jeru\u{2060}salem"),
            "Netanyahu Facebook Jerusalem"
        );
        assert!(matches!(without_invisible("کتاب\u{200c}ها 👩\u{200d}💻 naïve"), Cow::Borrowed(_)));
    }

    #[test]
    fn controls_are_stripped_from_text_and_escaped_in_names() {
        let hostile = "Title\x1b]0;pwned\x07 and\x1b[2J more\u{9b}31m\x0cwords\tkept\nhere";
        assert_eq!(strip_controls(hostile), "Title]0;pwned and[2J more31m words\tkept\nhere");
        assert!(matches!(strip_controls("plain text\n"), Cow::Borrowed(_)));
        assert_eq!(escape_controls("a\nfake: line\x1b"), "a\\nfake: line\\u{1b}");
    }
}
