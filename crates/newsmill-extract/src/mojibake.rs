//! Text that was UTF-8, was read as Windows-1252 (or Latin-1) somewhere upstream and written
//! out as UTF-8 again: `Earth’s` arrives as `Earthâ€™s` or `Earthâ\u{80}\u{99}s`. The page is
//! valid UTF-8 and declares it, so no charset choice can undo it; the characters can. Each
//! character of such a run stands for one byte of the original sequence, and those bytes
//! decode as UTF-8 to the character meant.
//!
//! A run is repaired when it is certainly mojibake: it holds a C1 control (never text in a
//! page), or it decodes to punctuation (`’ “ ” – — …`), `€` or `™`. Two-character runs that
//! decode to a Latin letter (`Ã©` for `é`) could in principle be meant, so they are repaired
//! only in a text that holds a certain run or several of them; runs that decode to anything
//! else are left as they are (German `ß` before `“` reads as an N'Ko letter).

/// The characters Windows-1252 gives the bytes 0x80–0x9F; the five bytes it leaves undefined
/// are read as the C1 control of the same number, as browsers and encoders do.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘', '’',
    '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// Letter-like runs a text needs before they are taken as mojibake without a certain one.
const LIKELY_RUNS_ALONE: usize = 3;

/// One run of characters that decodes to `to`.
struct Run {
    bytes: std::ops::Range<usize>,
    to: char,
    certain: bool,
}

/// The text with its mojibake repaired, or `None` when there is none to repair.
pub fn repair(text: &str) -> Option<String> {
    // Every lead byte of a multi-byte sequence (0xC2–0xF4) is read as a character from
    // U+00C2 to U+00F4, whose UTF-8 encoding starts with 0xC3.
    memchr::memchr(0xC3, text.as_bytes())?;
    let runs = runs(text);
    let certain = runs.iter().any(|r| r.certain);
    if !certain && runs.len() < LIKELY_RUNS_ALONE {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for r in &runs {
        out.push_str(&text[at..r.bytes.start]);
        out.push(r.to);
        at = r.bytes.end;
    }
    out.push_str(&text[at..]);
    Some(out)
}

/// The runs of `text` that decode as UTF-8 once their characters are read back as bytes.
fn runs(text: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let Some(lead) = byte_of(c) else { continue };
        let len = match lead {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => continue,
        };
        let mut bytes = vec![lead];
        let mut end = start + c.len_utf8();
        let mut control = false;
        while bytes.len() < len {
            let Some(&(i, next)) = chars.peek() else { break };
            match byte_of(next) {
                Some(b @ 0x80..=0xBF) => {
                    control |= ('\u{80}'..='\u{9F}').contains(&next);
                    bytes.push(b);
                    end = i + next.len_utf8();
                    chars.next();
                }
                _ => break,
            }
        }
        let Some(to) = std::str::from_utf8(&bytes).ok().and_then(|s| s.chars().next()) else { continue };
        let certain = control || matches!(to, '\u{2000}'..='\u{206F}' | '€' | '™');
        // `Maß­nahmen` (ß and a soft hyphen) reads as an N'Ko letter: only Latin letters
        // are what a run of two meant.
        let latin = len == 2 && matches!(to, '\u{A0}'..='\u{17F}');
        if bytes.len() == len && (certain || latin) {
            runs.push(Run { bytes: start..end, to, certain });
        }
    }
    runs
}

/// The Windows-1252 byte that reads as `c`, for the characters of bytes 0x80–0xFF.
fn byte_of(c: char) -> Option<u8> {
    match u32::from(c) {
        code @ 0x80..=0xFF => u8::try_from(code).ok(),
        // Windows-1252's own characters lie from `Œ` (U+0152) to `™` (U+2122); the text
        // around a run (ASCII, mostly) is answered without searching them.
        0x152..=0x2122 => CP1252_HIGH.iter().position(|&h| h == c).and_then(|i| u8::try_from(0x80 + i).ok()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_read_as_windows_1252_or_latin_1_is_repaired() {
        assert_eq!(repair("the Earthâ€™s natural systems").as_deref(), Some("the Earth’s natural systems"));
        assert_eq!(repair("the Earthâ\u{80}\u{99}s natural systems").as_deref(), Some("the Earth’s natural systems"));
        assert_eq!(repair("â€œHello,â€\u{9d} she said â€” twice").as_deref(), Some("“Hello,” she said — twice"));
    }

    #[test]
    fn letters_are_repaired_beside_certain_runs_or_when_there_are_several() {
        assert_eq!(
            repair("Ã\u{81}ngel Franco in SÃ£o Paulo â€” cafÃ©").as_deref(),
            Some("Ángel Franco in São Paulo — café")
        );
        assert_eq!(repair("cafÃ© crÃ¨me, rÃ©sumÃ©").as_deref(), Some("café crème, résumé"));
    }

    #[test]
    fn every_windows_1252_character_reads_back_as_its_byte() {
        for (i, &c) in CP1252_HIGH.iter().enumerate() {
            assert_eq!(byte_of(c), u8::try_from(0x80 + i).ok(), "{c:?}");
        }
        assert_eq!(byte_of('é'), Some(0xE9));
        assert_eq!(byte_of('a'), None);
        assert_eq!(byte_of('中'), None);
    }

    #[test]
    fn text_that_means_its_characters_is_left_alone() {
        assert_eq!(repair("plain ASCII text"), None);
        assert_eq!(repair("Château de Versailles, Lâcher Prise, SÃO PAULO"), None);
        assert_eq!(repair("one odd pair: Ã©"), None);
        assert_eq!(repair("“I love the café—” she said"), None);
        assert_eq!(repair("Maß\u{AD}nahmen, ließ“, ließ\u{A0}Reil"), None);
        assert_eq!(repair("Earthâ€™s Maß\u{AD}nahmen").as_deref(), Some("Earth’s Maß\u{AD}nahmen"));
    }
}
