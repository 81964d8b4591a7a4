//! The line extractor: text a scraper flattened, page chrome included, to [`Document`].
//! (Placeholder until the classifier lands: keeps lines of at least 20 words.)

use crate::extract::ExtractConfig;
use crate::model::{BlockKind, Document};

pub fn extract_text(text: &str, _config: &ExtractConfig) -> Document {
    let mut doc = Document::default();
    for line in text.lines() {
        if line.split_whitespace().count() >= 20 {
            doc.push_block(line, BlockKind::Paragraph);
        }
    }
    doc
}
