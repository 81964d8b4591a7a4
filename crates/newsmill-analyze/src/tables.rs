//! The text sources of the frozen word tables: gzipped tab-separated rows, read by the
//! tests that check the frozen tables against them.

/// The rows of an embedded gzipped table of tab-separated fields (`#` lines are comments),
/// each made by `row` from its fields; none when the bytes do not decompress.
pub(crate) fn gz_tsv_rows<T>(gz: &[u8], mut row: impl FnMut(&[&str]) -> Option<T>) -> Vec<T> {
    use std::io::Read;
    let mut text = String::new();
    if flate2::read::GzDecoder::new(gz).read_to_string(&mut text).is_err() {
        return Vec::new();
    }
    let mut fields = Vec::new();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            fields.clear();
            fields.extend(l.split('\t'));
            row(&fields)
        })
        .collect()
}
