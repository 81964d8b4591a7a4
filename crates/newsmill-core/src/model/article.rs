//! [`Article`]: a [`Document`] plus what the analysis found in its text. Its JSON form is the
//! public contract of `docs/DESIGN.md`: offsets there are Unicode code points into `text`,
//! while inside Rust every span is a byte range.

use std::ops::Range;

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use super::{BlockKind, Document};

/// A byte range into the article text.
pub type Span = Range<usize>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
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

/// One place in the text where an entity is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    pub span: Span,
    /// The id of the speaker's entity, when resolved.
    pub entity: Option<String>,
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub span: Span,
    pub kind: QuoteKind,
    pub cue: Option<Span>,
    /// `None` when no speaker can be found: never a guess dressed as fact.
    pub speaker: Option<Speaker>,
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

#[derive(Debug, Clone, PartialEq, Serialize)]
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
        None => {
            let normalized: String =
                doc.text.split_whitespace().flat_map(|w| w.chars().flat_map(char::to_lowercase).chain([' '])).collect();
            xxhash_rust::xxh3::xxh3_64(normalized.as_bytes())
        }
    };
    format!("{hash:016x}")
}

/// Maps byte offsets of one text to code-point offsets. Offsets must be asked in any order
/// but on char boundaries; the table costs one `u32` per 64 bytes.
struct CharOffsets<'a> {
    text: &'a str,
    /// Code points before each 64-byte checkpoint.
    checkpoints: Vec<usize>,
}

const CHECKPOINT: usize = 64;

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let mut chars = 0;
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if i % CHECKPOINT == 0 {
                checkpoints.push(chars);
            }
            // Count every byte that starts a code point.
            if (b as i8) >= -0x40 {
                chars += 1;
            }
        }
        checkpoints.push(chars);
        CharOffsets { text, checkpoints }
    }

    fn at(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let cp = byte / CHECKPOINT;
        let base = self.checkpoints.get(cp).copied().unwrap_or(0);
        let from = cp * CHECKPOINT;
        base + self.text.as_bytes()[from..byte].iter().filter(|&&b| (b as i8) >= -0x40).count()
    }
}

#[derive(Serialize)]
struct SpanJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

// The analysis lists as the contract writes them (field order is the JSON order).
#[derive(Serialize)]
struct EntityJson<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    kind: EntityType,
    titles: &'a [String],
    mentions: Vec<SpanJson<'a>>,
}

#[derive(Serialize)]
struct QuoteJson<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: QuoteKind,
    cue: Option<SpanJson<'a>>,
    speaker: Option<SpeakerJson<'a>>,
}

#[derive(Serialize)]
struct SpeakerJson<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    entity: &'a Option<String>,
    name: &'a Option<String>,
}

#[derive(Serialize)]
struct AmountJson<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    value: f64,
    unit: &'a Option<String>,
    approximate: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    max: Option<f64>,
}

#[derive(Serialize)]
struct DateJson<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    value: &'a str,
}

#[derive(Serialize)]
struct BlockJson {
    start: usize,
    end: usize,
    kind: BlockKind,
}

impl Serialize for Article {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.write_json(serializer, true)
    }
}

/// An article's JSON without its `text` field, for a store that keeps the text apart.
pub struct WithoutText<'a>(pub &'a Article);

impl Serialize for WithoutText<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.write_json(serializer, false)
    }
}

impl Article {
    fn write_json<S: Serializer>(&self, serializer: S, with_text: bool) -> Result<S::Ok, S::Error> {
        let doc = &self.doc;
        let offsets = CharOffsets::new(&doc.text);
        let span = |r: &Span| SpanJson {
            start: offsets.at(r.start),
            end: offsets.at(r.end),
            text: doc.text.get(r.clone()).unwrap_or(""),
        };
        let blocks: Vec<BlockJson> = doc
            .blocks
            .iter()
            .map(|b| BlockJson { start: offsets.at(b.range.start), end: offsets.at(b.range.end), kind: b.kind })
            .collect();
        let entities: Vec<EntityJson> = self
            .entities
            .iter()
            .map(|e| EntityJson {
                id: &e.id,
                name: &e.name,
                kind: e.kind,
                titles: &e.titles,
                mentions: e.mentions.iter().map(|m| span(&m.span)).collect(),
            })
            .collect();
        let quotes: Vec<QuoteJson> = self
            .quotes
            .iter()
            .map(|q| {
                let s = span(&q.span);
                QuoteJson {
                    text: s.text,
                    start: s.start,
                    end: s.end,
                    kind: q.kind,
                    cue: q.cue.as_ref().map(span),
                    speaker: q.speaker.as_ref().map(|sp| {
                        let s = span(&sp.span);
                        SpeakerJson { text: s.text, start: s.start, end: s.end, entity: &sp.entity, name: &sp.name }
                    }),
                }
            })
            .collect();
        let amounts: Vec<AmountJson> = self
            .amounts
            .iter()
            .map(|a| {
                let s = span(&a.span);
                AmountJson {
                    text: s.text,
                    start: s.start,
                    end: s.end,
                    value: a.value,
                    unit: &a.unit,
                    approximate: a.approximate,
                    max: a.max,
                }
            })
            .collect();
        let dates: Vec<DateJson> = self
            .dates
            .iter()
            .map(|d| {
                let s = span(&d.span);
                DateJson { text: s.text, start: s.start, end: s.end, value: &d.value }
            })
            .collect();

        let mut st = serializer.serialize_struct("Article", 20)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("source", &doc.source)?;
        st.serialize_field("url", &doc.url)?;
        st.serialize_field("site", &doc.site)?;
        st.serialize_field("title", &doc.title)?;
        st.serialize_field("description", &doc.description)?;
        st.serialize_field("published", &doc.published)?;
        st.serialize_field("modified", &doc.modified)?;
        st.serialize_field("authors", &doc.authors)?;
        st.serialize_field("language", &doc.language)?;
        if with_text {
            st.serialize_field("text", &doc.text)?;
        } else {
            st.skip_field("text")?;
        }
        st.serialize_field("blocks", &blocks)?;
        st.serialize_field("entities", &entities)?;
        st.serialize_field("quotes", &quotes)?;
        st.serialize_field("amounts", &amounts)?;
        st.serialize_field("dates", &dates)?;
        st.serialize_field("places", &self.places)?;
        st.serialize_field("focus_countries", &self.focus_countries)?;
        if let Some(reason) = doc.no_article {
            st.serialize_field("no_article", &reason)?;
        }
        if !doc.removed.is_empty() {
            st.serialize_field("removed", &doc.removed)?;
        }
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_code_points_across_checkpoints() {
        let text = format!("{}é€x{}", "a".repeat(70), "ü".repeat(40));
        let offsets = CharOffsets::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(offsets.at(byte), chars);
        }
        assert_eq!(offsets.at(text.len()), text.chars().count());
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
    fn id_is_stable_under_whitespace_and_case() {
        let mut a = Document::default();
        a.push_block("Hello   World", BlockKind::Paragraph);
        let mut b = Document::default();
        b.push_block("hello world", BlockKind::Paragraph);
        assert_eq!(article_id(&a), article_id(&b));
    }
}
