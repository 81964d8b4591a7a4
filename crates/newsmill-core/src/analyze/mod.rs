//! Analyze: from a [`crate::Document`]'s text to what is in it.

pub mod amounts;
mod numbers;
pub mod places;
pub mod temporal;
mod words;
