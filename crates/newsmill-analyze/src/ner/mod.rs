//! Named-entity recognition: PERSON, ORG, LOC, MISC, as a structured averaged perceptron
//! over hashed features ([`features`]), decoded greedily ([`decode`]), trained by
//! newsmill-lab (`train::ner`) and stored as described in [`model`].

pub mod decode;
pub mod features;
pub mod model;
#[cfg(feature = "internals")]
pub mod perceptron;
pub mod stack;

#[cfg(feature = "internals")]
pub use features::LABELS;
pub use model::{ModelError, NerModel};

/// The model shipped with the program (`models/ner-en.bin`, see `models/ner-en.md`).
pub const EMBEDDED_MODEL: &[u8] = include_bytes!("../../models/ner-en.bin");
