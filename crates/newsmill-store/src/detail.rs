//! One article and one entity in full, and the time series the UI charts.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::Store;
use crate::error::Result;
use crate::query::{QuoteQuery, QuoteRow};
use crate::record::{ArticleRecord, stored_article};

/// Everything known about one entity across the corpus.
#[derive(Debug, Clone, Serialize)]
pub struct EntityDetail {
    pub id: i64,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    /// Titles and roles seen with the name, most frequent first, with how often.
    pub titles: Vec<(String, i64)>,
    /// Mentions per publication day (`YYYY-MM-DD`), oldest first; undated articles left out.
    pub timeline: Vec<(String, i64)>,
    pub mentions: i64,
    pub articles: Vec<ArticleRef>,
    pub quotes: Vec<QuoteRow>,
    /// Entities most often named in the same articles, with the number of shared articles.
    pub co_mentioned: Vec<CoMention>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleRef {
    pub id: String,
    pub title: Option<String>,
    pub site: Option<String>,
    pub published: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CoMention {
    pub id: i64,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub articles: i64,
}

impl Store {
    /// One article in the article JSON, or `None` if no article has this id.
    pub fn article(&self, id: &str) -> Result<Option<ArticleRecord>> {
        let row: Option<(String, String)> = self
            .conn()
            .query_row("SELECT json, body FROM articles WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((json, body)) = row else { return Ok(None) };
        Ok(Some(stored_article(&json, body)?))
    }

    /// The corpus-wide entity id of each article-local entity id (`E1` → 42).
    pub fn article_entity_ids(&self, article: &str) -> Result<Vec<(String, i64)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT ae.local_id, ae.entity FROM article_entities ae JOIN articles a ON a.rowid = ae.article WHERE a.id = ?1",
        )?;
        let rows = stmt.query_map([article], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn entity(&self, id: i64) -> Result<Option<EntityDetail>> {
        let c = self.conn();
        let head: Option<(String, String)> = c
            .query_row("SELECT name, type FROM entities WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((name, kind)) = head else { return Ok(None) };
        let mut titles = std::collections::HashMap::<String, i64>::new();
        let mut stmt = c.prepare_cached("SELECT titles FROM article_entities WHERE entity = ?1")?;
        for json in stmt.query_map([id], |r| r.get::<_, String>(0))? {
            for title in serde_json::from_str::<Vec<String>>(&json?).unwrap_or_default() {
                *titles.entry(title).or_default() += 1;
            }
        }
        let mut titles: Vec<(String, i64)> = titles.into_iter().collect();
        titles.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut stmt = c.prepare_cached(
            "SELECT substr(a.published, 1, 10) AS day, SUM(ae.mentions) FROM article_entities ae
             JOIN articles a ON a.rowid = ae.article WHERE ae.entity = ?1 AND a.published IS NOT NULL
             GROUP BY day ORDER BY day",
        )?;
        let timeline = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        let mentions =
            c.query_row("SELECT COALESCE(SUM(mentions), 0) FROM article_entities WHERE entity = ?1", [id], |r| {
                r.get(0)
            })?;
        let mut stmt = c.prepare_cached(
            "SELECT a.id, a.title, a.site, a.published FROM article_entities ae JOIN articles a ON a.rowid = ae.article
             WHERE ae.entity = ?1 ORDER BY a.published IS NULL, a.published DESC LIMIT 50",
        )?;
        let articles = stmt
            .query_map([id], |r| {
                Ok(ArticleRef { id: r.get(0)?, title: r.get(1)?, site: r.get(2)?, published: r.get(3)? })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let quotes = self.quotes(&QuoteQuery { speaker_id: Some(id), limit: 50, ..QuoteQuery::default() })?;
        let mut stmt = c.prepare_cached(
            "SELECT e.id, e.name, e.type, COUNT(*) FROM article_entities mine
             JOIN article_entities other ON other.article = mine.article AND other.entity != mine.entity
             JOIN entities e ON e.id = other.entity
             WHERE mine.entity = ?1 GROUP BY e.id ORDER BY COUNT(*) DESC, e.name LIMIT 15",
        )?;
        let co_mentioned = stmt
            .query_map([id], |r| {
                Ok(CoMention { id: r.get(0)?, name: r.get(1)?, kind: r.get(2)?, articles: r.get(3)? })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Some(EntityDetail { id, name, kind, titles, timeline, mentions, articles, quotes, co_mentioned }))
    }

    /// Articles per publication day, oldest first.
    pub fn articles_per_day(&self) -> Result<Vec<(String, i64)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT substr(published, 1, 10) AS day, COUNT(*) FROM articles WHERE published IS NOT NULL
             GROUP BY day ORDER BY day",
        )?;
        let rows = stmt.query_map(params![], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
