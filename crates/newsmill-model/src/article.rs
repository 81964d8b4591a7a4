//! [`Article`]: a [`Document`] plus what the analysis found in its text. Its JSON form is the
//! public contract of `docs/DESIGN.md`: offsets there are Unicode code points into `text`,
//! while inside Rust every span is a byte range.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[cfg(test)]
use crate::BlockKind;
use crate::Document;

/// A byte range into the article text.
pub type Span = Range<usize>;

/// The type of a named entity, as CoNLL-2003 names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum EntityType {
    #[serde(rename = "PERSON")]
    Person,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "LOC")]
    Loc,
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityType {
    /// Every type, in the order the contract lists them.
    pub const ALL: [EntityType; 4] = [EntityType::Person, EntityType::Org, EntityType::Loc, EntityType::Misc];

    /// The name the JSON, the store and the API use: `PERSON`, `ORG`, `LOC`, `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is not an entity type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown entity type {0:?}: use one of PERSON, ORG, LOC, MISC")]
pub struct UnknownEntityType(pub String);

impl FromStr for EntityType {
    type Err = UnknownEntityType;

    /// Reads a type name in any case (`person`, `Person`, `PERSON`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        EntityType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownEntityType(s.into()))
    }
}

/// One place where an entity is named: in the body, or in the headline or standfirst, which
/// are analysed with the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range into the text of `field`.
    pub span: Span,
    pub field: TextField,
}

/// Which text of the article a span points into.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum TextField {
    /// The article body (`text`).
    #[default]
    Body,
    /// The headline (`title`).
    Title,
    /// The standfirst or summary (`description`).
    Description,
}

impl TextField {
    pub fn is_body(&self) -> bool {
        *self == TextField::Body
    }
}

/// One real-world referent named in the article, with all its mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// `E1`, `E2`, … in order of first mention.
    pub id: String,
    pub name: String,
    pub kind: EntityType,
    pub titles: Vec<String>,
    pub mentions: Vec<Mention>,
}

/// Direct speech (in quotation marks) or reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
}

impl QuoteKind {
    /// The name the JSON and the store use: `direct`, `indirect`.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    pub span: Span,
    /// The id of the speaker's entity, when resolved.
    pub entity: Option<String>,
    /// The entity's canonical name; for a group, its members' names (`A, B and C`).
    pub name: Option<String>,
    /// The entity ids of a group that speaks together (`Chiou and Howlett`, `the authors` of
    /// a paper by three named people); empty for one speaker. A group has no `entity`.
    pub members: Vec<String>,
}

impl Speaker {
    /// Whether the speaker is resolved to someone: an entity, or a group of them.
    pub fn is_named(&self) -> bool {
        self.entity.is_some() || !self.members.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub span: Span,
    pub kind: QuoteKind,
    pub cue: Option<Span>,
    /// `None` when no speaker can be found: never a guess dressed as fact.
    pub speaker: Option<Speaker>,
    /// The further parts of a quotation its attribution interrupts (`“We won,” she said,
    /// “and we will win again.”`): one quote, its first part in `span`.
    pub continuation: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    pub span: Span,
    pub value: f64,
    /// The high end of a range (`between 10 and 20 people`: value 10, max 20).
    pub max: Option<f64>,
    pub unit: Option<String>,
    pub approximate: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub span: Span,
    /// ISO 8601 at the granularity the text gives (`2018`, `2018-07`, `2018-11-09`).
    pub value: String,
}

/// A place entity linked to the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Place {
    pub entity: String,
    pub name: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonames_id: Option<u64>,
}

/// A document and its analysis: what `newsmill extract` prints.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// Stable id: a hash of the canonical URL, else of the normalized text.
    pub id: String,
    pub doc: Document,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub amounts: Vec<Amount>,
    pub dates: Vec<DateMention>,
    pub places: Vec<Place>,
    /// The countries the article is about (ISO 3166 alpha-2), most named first.
    pub focus_countries: Vec<String>,
}

impl Article {
    /// An article with no analysis yet.
    pub fn from_document(doc: Document) -> Self {
        let id = article_id(&doc);
        Article { id, doc, ..Article::default() }
    }
}

/// The stable id of a document: xxh3 of its canonical URL, else of its whitespace- and
/// case-normalized text, so the same story fetched twice gets the same id.
pub fn article_id(doc: &Document) -> String {
    let hash = match &doc.url {
        Some(url) => xxhash_rust::xxh3::xxh3_64(url.trim().as_bytes()),
        None => xxhash_rust::xxh3::xxh3_64(normalized_text(&doc.text).as_bytes()),
    };
    format!("{hash:016x}")
}

/// `text`'s words in lower case, each followed by one space. An ASCII word (nearly all of
/// them) is lowered in place, the same bytes `char::to_lowercase` gives it, without going
/// through `char`s.
fn normalized_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    for w in text.split_whitespace() {
        if w.is_ascii() {
            let start = out.len();
            out.push_str(w);
            out[start..].make_ascii_lowercase();
        } else {
            out.extend(w.chars().flat_map(char::to_lowercase));
        }
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_normalized_as_lower_case_words_each_with_a_space() {
        let chars = |t: &str| -> String {
            t.split_whitespace().flat_map(|w| w.chars().flat_map(char::to_lowercase).chain([' '])).collect()
        };
        for t in ["", "  ", "The PM said\tNO.\n\nAgain", "İstanbul ΣΟΦΙΑ Ärzte\u{a0}MIT", "ǅemal ﬁnal ß ẞ", "x"]
        {
            assert_eq!(normalized_text(t), chars(t), "{t:?}");
        }
        assert_eq!(normalized_text(" Hello  World "), "hello world ");
    }

    #[test]
    fn json_blocks_use_code_point_offsets() {
        let mut doc = Document::default();
        doc.push_block("‘Quoted’ title", BlockKind::Heading);
        doc.push_block("Body", BlockKind::Paragraph);
        let json = serde_json::to_value(Article::from_document(doc)).unwrap();
        assert_eq!(json["blocks"][1]["start"], 16);
        assert_eq!(json["blocks"][1]["end"], 20);
        assert_eq!(json["blocks"][0]["kind"], "heading");
    }

    #[test]
    fn entity_types_read_in_any_case() {
        assert_eq!("person".parse(), Ok(EntityType::Person));
        assert_eq!(" Loc ".parse(), Ok(EntityType::Loc));
        assert!("ROBOT".parse::<EntityType>().is_err());
        for t in EntityType::ALL {
            assert_eq!(serde_json::to_value(t).unwrap(), t.as_str());
        }
        for k in [QuoteKind::Direct, QuoteKind::Indirect] {
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
    }

    #[test]
    fn id_is_stable_under_whitespace_and_case() {
        let mut a = Document::default();
        a.push_block("Hello   World", BlockKind::Paragraph);
        let mut b = Document::default();
        b.push_block("hello world", BlockKind::Paragraph);
        assert_eq!(article_id(&a), article_id(&b));
    }
}
