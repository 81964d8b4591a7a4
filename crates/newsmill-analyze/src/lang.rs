//! Language data: the word lists and word tables the analysis reads. The analysis is English
//! only; another language gets a module beside `en`.

pub(crate) mod en;
