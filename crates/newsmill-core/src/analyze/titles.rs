//! Titles and roles of people.

use std::ops::Range;

use super::mentions::FoundMention;
use super::tokens::Token;
use crate::model::Entity;

pub fn attach(
    _text: &str,
    _tokens: &[Token],
    _sents: &[Range<usize>],
    _mentions: &[FoundMention],
    _ents: &mut [Entity],
) {
}
