//! The article's JSON form, the public contract of `docs/DESIGN.md`: one set of types that
//! writes it, reads it back and describes it (JSON Schema). Spans there are code-point
//! offsets into `text` with the text they cover; inside Rust they are byte ranges.

use std::borrow::Cow;

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::offsets::{ByteOffsets, CharOffsets};
use crate::{
    Amount, Article, Block, BlockKind, DateMention, DateSource, Document, Entity, EntityType, Image, Mention,
    NoArticle, Place, Quote, QuoteKind, Removal, Span, Speaker, TableCell, TextField,
};

/// An article as JSON: what `newsmill extract` prints, what the store and the server read.
/// Field order is the order of the JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "Article")]
pub struct ArticleJson<'a> {
    /// Stable id: xxh3 of the canonical URL, else of the normalized text.
    pub id: Cow<'a, str>,
    /// Where the input came from: a path, `-` for stdin, or the URL of a JSONL or WARC record.
    pub source: Cow<'a, str>,
    #[serde(default)]
    pub url: Option<Cow<'a, str>>,
    /// The site's host name or name.
    #[serde(default)]
    pub site: Option<Cow<'a, str>>,
    #[serde(default)]
    pub title: Option<Cow<'a, str>>,
    #[serde(default)]
    pub description: Option<Cow<'a, str>>,
    /// ISO 8601, with the offset when known.
    #[serde(default)]
    pub published: Option<Cow<'a, str>>,
    /// Which evidence gave `published`: `url`, `metadata`, `headline`, `dateline`, `modified`
    /// or `text` (weakest).
    #[serde(default)]
    pub date_source: Option<DateSource>,
    #[serde(default)]
    pub modified: Option<Cow<'a, str>>,
    #[serde(default)]
    pub authors: Cow<'a, [String]>,
    /// ISO 639-1 code.
    #[serde(default)]
    pub language: Option<Cow<'a, str>>,
    /// The story: blocks joined by blank lines. Left out where a store keeps it apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Cow<'a, str>>,
    #[serde(default)]
    pub blocks: Vec<BlockJson>,
    /// The story's images: address, alt text, caption.
    #[serde(default)]
    pub images: Cow<'a, [Image]>,
    #[serde(default)]
    pub entities: Vec<EntityJson<'a>>,
    #[serde(default)]
    pub quotes: Vec<QuoteJson<'a>>,
    #[serde(default)]
    pub amounts: Vec<AmountJson<'a>>,
    #[serde(default)]
    pub dates: Vec<DateJson<'a>>,
    #[serde(default)]
    pub places: Cow<'a, [Place]>,
    /// The countries the article is about (ISO 3166 alpha-2), most named first.
    #[serde(default)]
    pub focus_countries: Cow<'a, [String]>,
    /// Set when the page yielded no article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_article: Option<NoArticle>,
    /// The readers' comments below the story, one per block (with `--comments`).
    #[serde(default, skip_serializing_if = "is_empty")]
    pub comments: Cow<'a, [String]>,
    /// What was removed and why (with `--explain`).
    #[serde(default, skip_serializing_if = "is_empty")]
    pub removed: Cow<'a, [Removal]>,
}

#[allow(clippy::ptr_arg)] // serde hands over the field itself
fn is_empty<T: Clone>(list: &Cow<'_, [T]>) -> bool {
    list.is_empty()
}

/// A body block: code-point offsets into `text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "Block")]
pub struct BlockJson {
    pub start: usize,
    pub end: usize,
    pub kind: BlockKind,
    /// Set on a table cell: its table, row and column (absent elsewhere).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<TableCell>,
}

/// A stretch of `text`: code-point offsets and the text they cover.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "Span")]
pub struct SpanJson<'a> {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub text: Cow<'a, str>,
}

/// One real-world referent and every place the text names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "Entity")]
pub struct EntityJson<'a> {
    /// Article-local id: `E1`, `E2`, … in order of first mention.
    pub id: Cow<'a, str>,
    /// The canonical name: the longest mention.
    pub name: Cow<'a, str>,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Titles and roles the text gives the entity (`Foreign Minister`).
    #[serde(default)]
    pub titles: Cow<'a, [String]>,
    #[serde(default)]
    pub mentions: Vec<MentionJson<'a>>,
}

/// Where an entity is named: code-point offsets into the body `text`, or into `title` or
/// `description` when `field` says so (the headline and standfirst are analysed too).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "Mention")]
pub struct MentionJson<'a> {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub text: Cow<'a, str>,
    /// `title` or `description`; absent for the body.
    #[serde(default, skip_serializing_if = "TextField::is_body")]
    pub field: TextField,
}

/// A quote with its cue and speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "Quote")]
pub struct QuoteJson<'a> {
    pub text: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    /// The verb or phrase that attributes it (`said`, `according to`).
    #[serde(default)]
    pub cue: Option<SpanJson<'a>>,
    /// Absent when no speaker can be found: never a guess dressed as fact.
    #[serde(default)]
    pub speaker: Option<SpeakerJson<'a>>,
    /// The further parts of a quotation its attribution interrupts (`“We won,” she said,
    /// “and we will win again.”`); `text`, `start` and `end` are its first part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub continuation: Vec<SpanJson<'a>>,
}

/// Who said it: where the text names the speaker, and the entity when resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "Speaker")]
pub struct SpeakerJson<'a> {
    #[serde(default)]
    pub text: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    /// The id of the speaker's entity (`E1`).
    #[serde(default)]
    pub entity: Option<Cow<'a, str>>,
    /// The entity's canonical name; for a group, its members' names (`A, B and C`).
    #[serde(default)]
    pub name: Option<Cow<'a, str>>,
    /// The entity ids of a group that speaks together (`Chiou and Howlett`; `the authors` of a
    /// paper by three named people). Absent for one speaker; a group has no `entity`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Cow<'a, str>>,
}

/// A number with its unit (`$3.5 million`, `12 per cent`, `about 200 people`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "Amount")]
pub struct AmountJson<'a> {
    pub text: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    pub value: f64,
    #[serde(default)]
    pub unit: Option<Cow<'a, str>>,
    #[serde(default)]
    pub approximate: bool,
    /// The high end of a range (`between 10 and 20 people`: value 10, max 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

/// A date the text names, normalized.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "Date")]
pub struct DateJson<'a> {
    pub text: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    /// ISO 8601 at the granularity the text gives (`2018`, `2018-07`, `2018-11-09`).
    pub value: Cow<'a, str>,
}

/// Why a JSON article cannot be read back: a span that does not fit its text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} span {start}..{end} does not fit a text of {chars} characters")]
pub struct SpanError {
    pub what: &'static str,
    pub start: usize,
    pub end: usize,
    pub chars: usize,
}

impl<'a> ArticleJson<'a> {
    /// The JSON form of `article`, borrowing its strings; without `text` unless `with_text`.
    pub fn new(article: &'a Article, with_text: bool) -> Self {
        let doc = &article.doc;
        let offsets = CharOffsets::new(&doc.text);
        let span = |r: &Span| SpanJson {
            start: offsets.at(r.start),
            end: offsets.at(r.end),
            text: Cow::Borrowed(doc.text.get(r.clone()).unwrap_or("")),
        };
        let borrowed = |s: &'a Option<String>| s.as_deref().map(Cow::Borrowed);
        let (title_offsets, description_offsets) = (field_offsets(&doc.title), field_offsets(&doc.description));
        let mention = |m: &Mention| {
            let (text, offsets) = match m.field {
                TextField::Body => (doc.text.as_str(), &offsets),
                TextField::Title => (doc.title.as_deref().unwrap_or(""), &title_offsets),
                TextField::Description => (doc.description.as_deref().unwrap_or(""), &description_offsets),
            };
            MentionJson {
                start: offsets.at(m.span.start),
                end: offsets.at(m.span.end),
                text: Cow::Borrowed(text.get(m.span.clone()).unwrap_or("")),
                field: m.field,
            }
        };
        ArticleJson {
            id: Cow::Borrowed(&article.id),
            source: Cow::Borrowed(&doc.source),
            url: borrowed(&doc.url),
            site: borrowed(&doc.site),
            title: borrowed(&doc.title),
            description: borrowed(&doc.description),
            published: borrowed(&doc.published),
            date_source: doc.date_source,
            modified: borrowed(&doc.modified),
            authors: Cow::Borrowed(&doc.authors),
            language: borrowed(&doc.language),
            text: with_text.then_some(Cow::Borrowed(doc.text.as_str())),
            blocks: doc
                .blocks
                .iter()
                .map(|b| BlockJson {
                    start: offsets.at(b.range.start),
                    end: offsets.at(b.range.end),
                    kind: b.kind,
                    cell: b.cell,
                })
                .collect(),
            images: Cow::Borrowed(&doc.images),
            entities: article
                .entities
                .iter()
                .map(|e| EntityJson {
                    id: Cow::Borrowed(&e.id),
                    name: Cow::Borrowed(&e.name),
                    kind: e.kind,
                    titles: Cow::Borrowed(&e.titles),
                    mentions: e.mentions.iter().map(&mention).collect(),
                })
                .collect(),
            quotes: article
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
                            SpeakerJson {
                                text: s.text,
                                start: s.start,
                                end: s.end,
                                entity: borrowed(&sp.entity),
                                name: borrowed(&sp.name),
                                members: sp.members.iter().map(|m| Cow::Borrowed(m.as_str())).collect(),
                            }
                        }),
                        continuation: q.continuation.iter().map(span).collect(),
                    }
                })
                .collect(),
            amounts: article
                .amounts
                .iter()
                .map(|a| {
                    let s = span(&a.span);
                    AmountJson {
                        text: s.text,
                        start: s.start,
                        end: s.end,
                        value: a.value,
                        unit: borrowed(&a.unit),
                        approximate: a.approximate,
                        max: a.max,
                    }
                })
                .collect(),
            dates: article
                .dates
                .iter()
                .map(|d| {
                    let s = span(&d.span);
                    DateJson { text: s.text, start: s.start, end: s.end, value: Cow::Borrowed(&d.value) }
                })
                .collect(),
            places: Cow::Borrowed(&article.places),
            focus_countries: Cow::Borrowed(&article.focus_countries),
            no_article: doc.no_article,
            comments: Cow::Borrowed(&doc.comments),
            removed: Cow::Borrowed(&doc.removed),
        }
    }
}

/// Maps the JSON's code-point spans back to byte ranges of one text.
struct Spans<'t> {
    bytes: ByteOffsets,
    text: &'t str,
}

impl Spans<'_> {
    fn get(&self, what: &'static str, start: usize, end: usize) -> Result<Span, SpanError> {
        match (self.bytes.at(start), self.bytes.at(end)) {
            (Some(s), Some(e)) if s <= e => Ok(s..e),
            _ => Err(SpanError { what, start, end, chars: self.text.chars().count() }),
        }
    }
}

/// Code-point offsets into a headline or standfirst (empty when there is none).
fn field_offsets(s: &Option<String>) -> CharOffsets<'_> {
    CharOffsets::new(s.as_deref().unwrap_or(""))
}

fn owned(s: Option<Cow<'_, str>>) -> Option<String> {
    s.map(Cow::into_owned)
}

impl TryFrom<ArticleJson<'_>> for Article {
    type Error = SpanError;

    /// The article a JSON form describes. Its spans must fit its `text` (empty if absent).
    fn try_from(j: ArticleJson<'_>) -> Result<Article, SpanError> {
        let text = j.text.map(Cow::into_owned).unwrap_or_default();
        let spans = Spans { bytes: ByteOffsets::new(&text), text: &text };
        let title = j.title.as_deref().unwrap_or("");
        let description = j.description.as_deref().unwrap_or("");
        let title_spans = Spans { bytes: ByteOffsets::new(title), text: title };
        let description_spans = Spans { bytes: ByteOffsets::new(description), text: description };
        let field_spans = |f: TextField| match f {
            TextField::Body => &spans,
            TextField::Title => &title_spans,
            TextField::Description => &description_spans,
        };
        let blocks = j
            .blocks
            .iter()
            .map(|b| Ok(Block { range: spans.get("block", b.start, b.end)?, kind: b.kind, cell: b.cell }))
            .collect::<Result<_, SpanError>>()?;
        let entities = j
            .entities
            .into_iter()
            .map(|e| {
                let mentions = e
                    .mentions
                    .iter()
                    .map(|m| Ok(Mention { span: field_spans(m.field).get("mention", m.start, m.end)?, field: m.field }))
                    .collect::<Result<_, SpanError>>()?;
                Ok(Entity {
                    id: e.id.into_owned(),
                    name: e.name.into_owned(),
                    kind: e.kind,
                    titles: e.titles.into_owned(),
                    mentions,
                })
            })
            .collect::<Result<_, SpanError>>()?;
        let quotes = j
            .quotes
            .into_iter()
            .map(|q| {
                let cue = q.cue.map(|c| spans.get("cue", c.start, c.end)).transpose()?;
                let speaker = q
                    .speaker
                    .map(|s| {
                        let span = spans.get("speaker", s.start, s.end)?;
                        Ok(Speaker {
                            span,
                            entity: owned(s.entity),
                            name: owned(s.name),
                            members: s.members.into_iter().map(Cow::into_owned).collect(),
                        })
                    })
                    .transpose()?;
                let continuation =
                    q.continuation.iter().map(|c| spans.get("quote", c.start, c.end)).collect::<Result<_, _>>()?;
                Ok(Quote { span: spans.get("quote", q.start, q.end)?, kind: q.kind, cue, speaker, continuation })
            })
            .collect::<Result<_, SpanError>>()?;
        let amounts = j
            .amounts
            .into_iter()
            .map(|a| {
                let span = spans.get("amount", a.start, a.end)?;
                Ok(Amount { span, value: a.value, max: a.max, unit: owned(a.unit), approximate: a.approximate })
            })
            .collect::<Result<_, SpanError>>()?;
        let dates = j
            .dates
            .into_iter()
            .map(|d| Ok(DateMention { span: spans.get("date", d.start, d.end)?, value: d.value.into_owned() }))
            .collect::<Result<_, SpanError>>()?;
        let doc = Document {
            source: j.source.into_owned(),
            url: owned(j.url),
            site: owned(j.site),
            title: owned(j.title),
            description: owned(j.description),
            published: owned(j.published),
            date_source: j.date_source,
            modified: owned(j.modified),
            authors: j.authors.into_owned(),
            language: owned(j.language),
            text,
            blocks,
            images: j.images.into_owned(),
            comments: j.comments.into_owned(),
            removed: j.removed.into_owned(),
            no_article: j.no_article,
            warnings: Vec::new(),
        };
        Ok(Article {
            id: j.id.into_owned(),
            doc,
            entities,
            quotes,
            amounts,
            dates,
            places: j.places.into_owned(),
            focus_countries: j.focus_countries.into_owned(),
        })
    }
}

impl Serialize for Article {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ArticleJson::new(self, true).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Article {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let json = ArticleJson::deserialize(deserializer)?;
        Article::try_from(json).map_err(serde::de::Error::custom)
    }
}

/// An article's JSON without its `text` field, for a store that keeps the text apart.
pub struct WithoutText<'a>(pub &'a Article);

impl Serialize for WithoutText<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ArticleJson::new(self.0, false).serialize(serializer)
    }
}

/// The JSON Schema (draft 2020-12) of the article JSON as newsmill writes it: every field it
/// always writes is required. Shipped as `docs/article.schema.json`, printed by
/// `newsmill schema`. (Reading is more lenient: most fields may be left out.)
pub fn article_schema() -> serde_json::Value {
    let generator = SchemaSettings::draft2020_12().for_serialize().into_generator();
    serde_json::to_value(generator.into_root_schema_for::<ArticleJson<'static>>()).unwrap_or_default()
}

/// The article's schema and every schema it refers to, named (`Article`, `Entity`, …) for
/// the `components/schemas` of an OpenAPI 3.0 document, where their references point.
pub fn openapi_schemas() -> serde_json::Map<String, serde_json::Value> {
    let mut generator = SchemaSettings::openapi3().for_serialize().into_generator();
    generator.subschema_for::<ArticleJson<'static>>();
    generator.take_definitions(true)
}
