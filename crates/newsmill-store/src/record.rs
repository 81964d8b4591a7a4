//! The article JSON of `docs/DESIGN.md`, read back: the store takes articles in their public
//! form, so anything that speaks the contract (`newsmill extract --format jsonl`, another
//! engine) can be stored. Offsets are code points into `text`, as in the JSON.

use serde::Deserialize;

use crate::minhash::Signature;
use crate::write::normalize_name;

#[derive(Debug, Clone, Deserialize)]
pub struct ArticleRecord {
    pub id: String,
    pub source: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub site: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub entities: Vec<EntityRecord>,
    #[serde(default)]
    pub quotes: Vec<QuoteRecord>,
    #[serde(default)]
    pub amounts: Vec<AmountRecord>,
    #[serde(default)]
    pub dates: Vec<DateRecord>,
    #[serde(default)]
    pub places: Vec<PlaceRecord>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct EntityRecord {
    /// Article-local id (`E1`).
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub titles: Vec<String>,
    #[serde(default)]
    pub mentions: Vec<SpanRecord>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SpanRecord {
    #[serde(default)]
    pub text: String,
    pub start: u64,
    pub end: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct QuoteRecord {
    pub text: String,
    pub start: u64,
    pub end: u64,
    pub kind: String,
    #[serde(default)]
    pub cue: Option<SpanRecord>,
    #[serde(default)]
    pub speaker: Option<SpeakerRecord>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SpeakerRecord {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub entity: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AmountRecord {
    pub text: String,
    pub start: u64,
    pub end: u64,
    pub value: f64,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub approximate: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DateRecord {
    pub text: String,
    pub start: u64,
    pub end: u64,
    pub value: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct PlaceRecord {
    pub entity: String,
    pub name: String,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub lat: Option<f64>,
    #[serde(default)]
    pub lon: Option<f64>,
    #[serde(default)]
    pub geonames_id: Option<u64>,
}

/// An article ready to store: its parsed record, its JSON as stored, and its MinHash
/// signature. Everything that costs CPU is done here, so callers can prepare articles on
/// every core and leave the single writer only the inserts.
#[derive(Debug, Clone)]
pub struct StoredArticle {
    pub record: ArticleRecord,
    /// The article JSON without `text`: the body lives once, in its own column.
    pub(crate) json_without_text: String,
    pub(crate) signature: Signature,
    pub(crate) names: Names,
}

/// The names an article mentions, normalised and joined per type, and its quotes' speakers:
/// the filter columns of the full-text index.
#[derive(Debug, Clone, Default)]
pub(crate) struct Names {
    pub person: String,
    pub org: String,
    pub loc: String,
    pub misc: String,
    pub speaker: String,
}

impl Names {
    fn of(rec: &ArticleRecord) -> Names {
        let mut names = Names::default();
        for e in &rec.entities {
            let column = match e.kind.as_str() {
                "PERSON" => &mut names.person,
                "ORG" => &mut names.org,
                "LOC" => &mut names.loc,
                "MISC" => &mut names.misc,
                _ => continue,
            };
            join(column, &normalize_name(&e.name));
        }
        let speakers = rec.quotes.iter().filter_map(|q| q.speaker.as_ref()?.entity.as_deref());
        for local in speakers {
            if let Some(e) = rec.entities.iter().find(|e| e.id == local) {
                join(&mut names.speaker, &normalize_name(&e.name));
            }
        }
        names
    }
}

/// Names joined with a separator the tokenizer drops (a phrase may still span two names).
fn join(column: &mut String, name: &str) {
    if !column.is_empty() {
        column.push_str(" ; ");
    }
    column.push_str(name);
}

impl StoredArticle {
    /// An article from its JSON form without `text`, and its text: what ingest makes on its
    /// worker threads, cheaper than going through a JSON value.
    pub fn from_parts(json_without_text: String, text: String) -> Result<Self, serde_json::Error> {
        let mut record: ArticleRecord = serde_json::from_str(&json_without_text)?;
        record.text = text;
        let signature = Signature::of(&record.text);
        let names = Names::of(&record);
        Ok(StoredArticle { json_without_text, signature, names, record })
    }

    /// Reads an article from its JSON form.
    pub fn from_json(mut json: serde_json::Value) -> Result<Self, serde_json::Error> {
        let record = ArticleRecord::deserialize(&json)?;
        if let Some(map) = json.as_object_mut() {
            map.remove("text");
        }
        let signature = Signature::of(&record.text);
        let names = Names::of(&record);
        Ok(StoredArticle { json_without_text: serde_json::to_string(&json)?, signature, names, record })
    }
}
