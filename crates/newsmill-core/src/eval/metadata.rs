//! Title, author and date accuracy of the HTML metadata extractor on the sets that annotate
//! them. (Stub: being written.)

use std::path::Path;

use super::{Accuracy, EvalError, EvalOptions};

/// Metadata accuracies of one set; `None` where the set does not annotate the field.
#[derive(Debug, Clone, Default)]
pub struct MetadataReport {
    pub title: Option<Accuracy>,
    pub author: Option<Accuracy>,
    pub date: Option<Accuracy>,
}

/// Scores metadata on the set in `dir` (`set` is its folder name, as in
/// [`super::EXTRACTION_SETS`]).
pub fn evaluate_metadata(dir: &Path, set: &str, options: &EvalOptions) -> Result<MetadataReport, EvalError> {
    let _ = (dir, set, options);
    Ok(MetadataReport::default())
}
