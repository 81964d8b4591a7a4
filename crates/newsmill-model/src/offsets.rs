//! Byte offsets (how Rust indexes a `str`) against code-point offsets (how the JSON contract
//! counts, as Python and JavaScript users index text).

/// Maps byte offsets of one text to code-point offsets. Offsets may be asked in any order
/// but on char boundaries; the table costs one `usize` per 64 bytes.
pub(crate) struct CharOffsets<'a> {
    text: &'a str,
    /// Code points before each 64-byte checkpoint.
    checkpoints: Vec<usize>,
}

const CHECKPOINT: usize = 64;

/// Whether `b` starts a code point in UTF-8 (is not a continuation byte).
fn starts_char(b: u8) -> bool {
    (b as i8) >= -0x40
}

impl<'a> CharOffsets<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let mut chars = 0;
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if i % CHECKPOINT == 0 {
                checkpoints.push(chars);
            }
            chars += usize::from(starts_char(b));
        }
        checkpoints.push(chars);
        CharOffsets { text, checkpoints }
    }

    pub(crate) fn at(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let cp = byte / CHECKPOINT;
        let base = self.checkpoints.get(cp).copied().unwrap_or(0);
        let from = cp * CHECKPOINT;
        base + self.text.as_bytes()[from..byte].iter().filter(|&&b| starts_char(b)).count()
    }
}

/// Maps code-point offsets of one text back to byte offsets.
pub(crate) struct ByteOffsets {
    /// The byte offset of every code point, and the text's length at the end.
    starts: Vec<usize>,
}

impl ByteOffsets {
    pub(crate) fn new(text: &str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        ByteOffsets { starts }
    }

    /// The byte offset of code point `chars`, or `None` past the end of the text.
    pub(crate) fn at(&self, chars: usize) -> Option<usize> {
        self.starts.get(chars).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_code_points_across_checkpoints() {
        let text = format!("{}é€x{}", "a".repeat(70), "ü".repeat(40));
        let offsets = CharOffsets::new(&text);
        let bytes = ByteOffsets::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(offsets.at(byte), chars);
            assert_eq!(bytes.at(chars), Some(byte));
        }
        let n = text.chars().count();
        assert_eq!(offsets.at(text.len()), n);
        assert_eq!(bytes.at(n), Some(text.len()));
        assert_eq!(bytes.at(n + 1), None);
    }
}
