//! Entities: the mentions of one referent grouped under a canonical name.

use super::gazetteer::Gazetteer;
use super::mentions::FoundMention;
use crate::model::Entity;

pub fn group(_text: &str, _mentions: &[FoundMention], _gaz: &Gazetteer) -> Vec<Entity> {
    Vec::new()
}
