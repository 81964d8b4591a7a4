//! Training the models the runtime crates ship: the DOM extractor's block weights ([`blocks`]),
//! the line classifier of the text extractor ([`lines`]), the NER tagger ([`ner`]) and the quote tagger ([`quotes`]).

pub mod blocks;
pub mod lines;
pub mod ner;
pub mod quotes;
pub mod web_cues;
