//! Bytes to text. The charset is taken, in order, from a byte-order mark, a charset named
//! outside the page (HTTP header), a `<meta charset>` or `http-equiv` declaration, strict UTF-8
//! validity, and last from statistical detection (chardetng), which is reported as a guess.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

use crate::error::ErrorKind;

/// Bytes looked at for a `<meta>` charset declaration; browsers prescan 1024, pages in the
/// wild put long `<head>` scripts first, so look further.
const META_PRESCAN_BYTES: usize = 4096;
/// Bytes looked at to tell binary data from text.
const BINARY_WINDOW: usize = 8192;
/// Share of control bytes above which an input is taken as binary. Text pages have next to
/// none; images, PDFs and archives have many.
const BINARY_CONTROL_SHARE: f64 = 0.05;

/// Text decoded from an input, and how.
#[derive(Debug, Clone)]
pub struct Decoded<'a> {
    /// The text: the input itself when it was valid UTF-8 (a page is not copied to be read).
    pub text: Cow<'a, str>,
    /// The charset it was decoded from.
    pub encoding: &'static Encoding,
    /// True when the charset was detected statistically rather than declared.
    pub guessed: bool,
    /// True when some bytes were not valid in the charset and were replaced.
    pub had_errors: bool,
    /// True when the text held UTF-8 read as Windows-1252 and written again, and was repaired
    /// ([`crate::mojibake`]).
    pub repaired: bool,
}

/// Decodes `bytes` to text, mojibake repaired. `hint` is a charset named outside the bytes,
/// such as an HTTP header. Fails only on binary data.
pub fn decode<'a>(bytes: &'a [u8], hint: Option<&str>) -> Result<Decoded<'a>, ErrorKind> {
    let mut decoded = decode_charset(bytes, hint)?;
    if let Some(text) = crate::mojibake::repair(&decoded.text) {
        (decoded.text, decoded.repaired) = (Cow::Owned(text), true);
    }
    Ok(decoded)
}

fn decode_charset<'a>(bytes: &'a [u8], hint: Option<&str>) -> Result<Decoded<'a>, ErrorKind> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        // A byte-order mark is the one sure sign of UTF-16, so it is decoded as such here
        // (`finish` turns a UTF-16 *declaration* into UTF-8).
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(Decoded { text, encoding, guessed: false, had_errors, repaired: false });
    }
    check_not_binary(bytes)?;
    let declared = hint
        .and_then(|h| Encoding::for_label(h.trim().as_bytes()))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(META_PRESCAN_BYTES)]));
    if let Some(encoding) = declared {
        // A page declared as Latin-1 but valid as UTF-8 with multibyte sequences was almost
        // always re-saved as UTF-8 without fixing the declaration.
        let encoding =
            if encoding != UTF_8 && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() { UTF_8 } else { encoding };
        return Ok(finish(bytes, encoding, false));
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Ok(finish(bytes, UTF_8, false));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    Ok(finish(bytes, encoding, true))
}

fn finish<'a>(bytes: &'a [u8], encoding: &'static Encoding, guessed: bool) -> Decoded<'a> {
    // UTF-16 declared in a meta tag is a lie by definition (the tag was readable as ASCII).
    let encoding = encoding.output_encoding();
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded { text, encoding, guessed, had_errors, repaired: false }
}

fn check_not_binary(bytes: &[u8]) -> Result<(), ErrorKind> {
    let window = &bytes[..bytes.len().min(BINARY_WINDOW)];
    let control = window.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)).count();
    if !window.is_empty() && control as f64 / window.len() as f64 > BINARY_CONTROL_SHARE {
        return Err(ErrorKind::Binary { control, window: window.len() });
    }
    Ok(())
}

/// Finds a charset declared in `<meta charset=…>` or `<meta http-equiv=Content-Type
/// content="…; charset=…">`.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..].iter().position(|&b| b == b'>').map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(cs) = find(tag, b"charset") {
            let rest = &tag[cs + b"charset".len()..];
            let rest = rest.iter().skip_while(|b| b.is_ascii_whitespace() || **b == b'=').copied();
            let label: Vec<u8> = rest
                .skip_while(|b| *b == b'"' || *b == b'\'')
                .take_while(|b| !matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') && !b.is_ascii_whitespace())
                .collect();
            if let Some(enc) = Encoding::for_label(&label) {
                return Some(enc);
            }
        }
        from = end;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins() {
        let d = decode(b"\xEF\xBB\xBFcaf\xC3\xA9", Some("latin1")).unwrap();
        assert_eq!(d.text, "café");
        assert!(!d.guessed);
    }

    #[test]
    fn utf16_with_a_bom_is_decoded_in_both_byte_orders() {
        let page = "<html><body><p>Grüße aus Köln</p></body></html>";
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(page.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(page.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        for bytes in [le, be] {
            let d = decode(&bytes, None).unwrap();
            assert_eq!((&*d.text, d.had_errors), (page, false));
        }
    }

    #[test]
    fn meta_charset_is_read() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xE9</body></html>";
        let d = decode(page, None).unwrap();
        assert!(d.text.contains("café"));
        assert_eq!(d.encoding.name(), "windows-1252");
    }

    #[test]
    fn http_equiv_is_read() {
        let page = b"<meta http-equiv='Content-Type' content='text/html; charset=iso-8859-2'><p>\xB1</p>";
        let d = decode(page, None).unwrap();
        assert!(d.text.contains('ą'));
    }

    #[test]
    fn undeclared_non_utf8_is_guessed() {
        let page = "<p>Größere Straßenbahnen fahren über die Brücke nach Köln</p>".as_bytes();
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(std::str::from_utf8(page).unwrap());
        let d = decode(&latin, None).unwrap();
        assert!(d.guessed);
        assert!(d.text.contains("Straßenbahnen"));
    }

    #[test]
    fn utf8_declared_wrongly_stays_utf8() {
        let page = "<meta charset=iso-8859-1><p>café</p>".as_bytes();
        assert!(decode(page, None).unwrap().text.contains("café"));
    }

    #[test]
    fn utf8_saved_again_as_windows_1252_is_repaired() {
        // What a page holds when its UTF-8 was read as Windows-1252 and saved again as UTF-8.
        let page = "<meta charset=utf-8><p>the Earth’s “systems”</p>".as_bytes();
        let twice: String =
            page.iter().map(|&b| encoding_rs::WINDOWS_1252.decode_without_bom_handling(&[b]).0.into_owned()).collect();
        let decoded = decode(twice.as_bytes(), None).unwrap();
        assert!(decoded.repaired);
        assert!(decoded.text.contains("the Earth’s “systems”"), "{}", decoded.text);
        assert!(!decode(page, None).unwrap().repaired);
    }

    #[test]
    fn binary_is_refused() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";
        assert!(matches!(decode(png, None), Err(ErrorKind::Binary { .. })));
    }
}
