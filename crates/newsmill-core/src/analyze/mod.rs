//! The analysis stage: what is in an article's text.

pub mod quotes;
