//! The article JSON of `docs/DESIGN.md`, read back with the model's types: the store takes
//! articles in their public form, so anything that speaks the contract (`newsmill extract
//! --format jsonl`, another engine) can be stored. Offsets are code points into `text`, as in
//! the JSON.

use newsmill_model::{ArticleJson, EntityType};
use serde::Deserialize;

use crate::minhash::Signature;

/// An article as the store reads it: the model's JSON form, owning its strings.
pub type ArticleRecord = ArticleJson<'static>;

/// An article as stored: its JSON without `text`, and its text.
pub(crate) fn stored_article(json_without_text: &str, text: String) -> serde_json::Result<ArticleRecord> {
    let mut article: ArticleRecord = serde_json::from_str(json_without_text)?;
    article.text = Some(text.into());
    Ok(article)
}

/// An article ready to store: its parsed record, its JSON as stored, and its MinHash
/// signature. Everything that costs CPU is done here, so callers can prepare articles on
/// every core and leave the single writer only the inserts.
#[derive(Debug, Clone)]
pub struct StoredArticle {
    /// The article, its `text` included.
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
            let column = match e.kind {
                EntityType::Person => &mut names.person,
                EntityType::Org => &mut names.org,
                EntityType::Loc => &mut names.loc,
                EntityType::Misc => &mut names.misc,
            };
            join(column, &normalize_name(&e.name));
        }
        // A group's members are each a speaker of its quotes.
        let speakers =
            rec.quotes.iter().filter_map(|q| q.speaker.as_ref()).flat_map(|s| s.entity.iter().chain(&s.members));
        for local in speakers {
            if let Some(e) = rec.entities.iter().find(|e| e.id == *local) {
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
        let record = stored_article(&json_without_text, text)?;
        Ok(StoredArticle::new(json_without_text, record))
    }

    /// An article as the pipeline made it: what `ingest` and `crawl` store, made on their
    /// worker threads.
    pub fn from_article(article: newsmill_model::Article) -> Result<Self, serde_json::Error> {
        let json = serde_json::to_string(&newsmill_model::WithoutText(&article))?;
        StoredArticle::from_parts(json, article.doc.text)
    }

    /// Reads an article from its JSON form. What is stored is the article as the model writes
    /// it, so a field another program left out is served with its default.
    pub fn from_json(json: serde_json::Value) -> Result<Self, serde_json::Error> {
        let mut record = ArticleRecord::deserialize(json)?;
        let text = record.text.take();
        let json_without_text = serde_json::to_string(&record)?;
        record.text = Some(text.unwrap_or_default());
        Ok(StoredArticle::new(json_without_text, record))
    }

    fn new(json_without_text: String, record: ArticleRecord) -> Self {
        let signature = Signature::of(record.text.as_deref().unwrap_or_default());
        let names = Names::of(&record);
        StoredArticle { json_without_text, signature, names, record }
    }

    /// The article's text.
    pub fn text(&self) -> &str {
        self.record.text.as_deref().unwrap_or_default()
    }
}

/// Lowercased words joined by one space, punctuation dropped: `U.S.` and `US` meet.
pub(crate) fn normalize_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()) {
        let word: String = word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}
