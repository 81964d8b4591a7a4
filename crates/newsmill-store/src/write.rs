//! Writes: ingest runs, and batches of articles committed in one transaction each, so a crash
//! loses at most the batch in flight and a rerun continues where the last commit ended.
//! Writing is idempotent: an article whose id is already stored is left as it is.

use rusqlite::{OptionalExtension, Transaction, params};

use crate::Store;
use crate::error::{Result, StoreError};
use crate::minhash::{SAME_STORY, Signature};
use crate::record::{ArticleRecord, StoredArticle, normalize_name};

/// One ingest run: what was asked and what came of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunId(pub i64);

/// A document that could not be turned into an article.
#[derive(Debug, Clone)]
pub struct Failure {
    pub source: String,
    pub reason: String,
}

/// What one batch (or a whole run) did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct BatchOutcome {
    /// New articles stored.
    pub added: u64,
    /// Articles already stored (same id): nothing written.
    pub unchanged: u64,
    /// New articles stored and linked to an earlier one telling the same story.
    pub near_duplicates: u64,
    /// Documents that failed, recorded with their reason.
    pub failed: u64,
}

impl std::ops::AddAssign for BatchOutcome {
    fn add_assign(&mut self, o: Self) {
        self.added += o.added;
        self.unchanged += o.unchanged;
        self.near_duplicates += o.near_duplicates;
        self.failed += o.failed;
    }
}

/// Texts shorter than this many words are not compared for near-duplicates: short notices
/// look alike without telling the same story.
const MIN_WORDS_FOR_NEAR_DUP: usize = 40;

impl Store {
    /// Starts an ingest run over `inputs` (recorded as given).
    pub fn begin_run<S: AsRef<str>>(&mut self, inputs: &[S]) -> Result<RunId> {
        let inputs: Vec<&str> = inputs.iter().map(AsRef::as_ref).collect();
        self.conn().execute(
            "INSERT INTO runs (started, inputs) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1)",
            [serde_json::to_string(&inputs)?],
        )?;
        Ok(RunId(self.conn().last_insert_rowid()))
    }

    /// Marks a run finished.
    pub fn finish_run(&mut self, run: RunId) -> Result<()> {
        self.conn()
            .execute("UPDATE runs SET finished = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1", [run.0])?;
        Ok(())
    }

    /// Stores a batch of articles and failures in one transaction.
    pub fn write_batch(
        &mut self,
        run: RunId,
        articles: &[StoredArticle],
        failures: &[Failure],
    ) -> Result<BatchOutcome> {
        // Taken out while the batch runs: if the batch fails, its ids roll back with it and
        // the cache is dropped rather than left pointing at rows that do not exist.
        let mut ids = std::mem::take(&mut self.entity_ids);
        if ids.len() > MAX_CACHED_ENTITIES {
            ids.clear();
        }
        // Immediate: the write lock is taken (waiting up to the busy timeout) before the
        // batch reads, so a second writer waits its turn instead of failing at once when
        // its read would have to become a write.
        let tx = self.conn_mut().transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(busy)?;
        let outcome = write_in(&tx, run, articles, failures, &mut ids)?;
        tx.commit().map_err(busy)?;
        self.entity_ids = ids;
        Ok(outcome)
    }

    /// Runs `f` in one immediate transaction with `write` able to store articles in it: the
    /// crawler commits an article and the state of the URL it came from together.
    pub(crate) fn with_write_tx<T>(&mut self, f: impl FnOnce(&mut BatchWriter<'_>) -> Result<T>) -> Result<T> {
        let mut ids = std::mem::take(&mut self.entity_ids);
        if ids.len() > MAX_CACHED_ENTITIES {
            ids.clear();
        }
        let tx = self.conn_mut().transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(busy)?;
        let mut writer = BatchWriter { tx: &tx, ids: &mut ids };
        let value = f(&mut writer)?;
        tx.commit().map_err(busy)?;
        self.entity_ids = ids;
        Ok(value)
    }
}

/// A write transaction in progress (see [`Store::with_write_tx`]).
pub(crate) struct BatchWriter<'a> {
    pub(crate) tx: &'a Transaction<'a>,
    ids: &'a mut EntityIds,
}

impl BatchWriter<'_> {
    pub(crate) fn write(
        &mut self,
        run: RunId,
        articles: &[StoredArticle],
        failures: &[Failure],
    ) -> Result<BatchOutcome> {
        write_in(self.tx, run, articles, failures, self.ids)
    }
}

/// Stores articles and failures inside `tx` and adds the counts to the run.
fn write_in(
    tx: &Transaction,
    run: RunId,
    articles: &[StoredArticle],
    failures: &[Failure],
    ids: &mut EntityIds,
) -> Result<BatchOutcome> {
    let mut outcome = BatchOutcome::default();
    for article in articles {
        match insert_article(tx, run, article, ids)? {
            Inserted::Unchanged => outcome.unchanged += 1,
            Inserted::New { near_duplicate } => {
                outcome.added += 1;
                outcome.near_duplicates += u64::from(near_duplicate);
            }
        }
    }
    for failure in failures {
        execute(
            tx,
            "INSERT INTO failures (run, source, reason) VALUES (?1, ?2, ?3)",
            params![run.0, failure.source, failure.reason],
        )?;
        outcome.failed += 1;
    }
    execute(
        tx,
        "UPDATE runs SET added = added + ?2, unchanged = unchanged + ?3, near_duplicates = near_duplicates + ?4,
         failed = failed + ?5 WHERE id = ?1",
        params![
            run.0,
            outcome.added as i64,
            outcome.unchanged as i64,
            outcome.near_duplicates as i64,
            outcome.failed as i64
        ],
    )?;
    Ok(outcome)
}

enum Inserted {
    Unchanged,
    New { near_duplicate: bool },
}

fn insert_article(tx: &Transaction, run: RunId, article: &StoredArticle, ids: &mut EntityIds) -> Result<Inserted> {
    let rec = &article.record;
    let exists: Option<i64> =
        tx.prepare_cached("SELECT rowid FROM articles WHERE id = ?1")?.query_row([&rec.id], |r| r.get(0)).optional()?;
    if exists.is_some() {
        return Ok(Inserted::Unchanged);
    }
    let (signature, names) = (&article.signature, &article.names);
    let duplicate_of = if article.text().split_whitespace().count() >= MIN_WORDS_FOR_NEAR_DUP {
        near_duplicate_of(tx, signature)?
    } else {
        None
    };
    execute(tx,
        "INSERT INTO articles (id, source, url, site, title, published, language, body, minhash, duplicate_of, run, json,
                               person, org, loc, misc, speaker)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        params![
            rec.id,
            rec.source,
            rec.url,
            rec.site,
            rec.title,
            rec.published,
            rec.language,
            article.text(),
            signature.to_bytes(),
            duplicate_of,
            run.0,
            article.json_without_text,
            names.person,
            names.org,
            names.loc,
            names.misc,
            names.speaker
        ],
    )?;
    let rowid = tx.last_insert_rowid();
    execute(
        tx,
        "INSERT INTO articles_fts (rowid, title, body, person, org, loc, misc, speaker)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            rowid,
            rec.title.as_deref().unwrap_or(""),
            article.text(),
            names.person,
            names.org,
            names.loc,
            names.misc,
            names.speaker
        ],
    )?;
    for (band, value) in signature.bands() {
        execute(
            tx,
            "INSERT INTO minhash_bands (band, value, article) VALUES (?1, ?2, ?3)",
            params![band, value, rowid],
        )?;
    }
    insert_analysis(tx, rowid, rec, ids)?;
    Ok(Inserted::New { near_duplicate: duplicate_of.is_some() })
}

/// The earliest stored original that tells the same story, if any.
fn near_duplicate_of(tx: &Transaction, signature: &Signature) -> Result<Option<i64>> {
    let mut stmt = tx.prepare_cached(
        "SELECT a.rowid, a.minhash, a.duplicate_of FROM minhash_bands b JOIN articles a ON a.rowid = b.article
         WHERE b.band = ?1 AND b.value = ?2",
    )?;
    let mut best: Option<i64> = None;
    for (band, value) in signature.bands() {
        let rows = stmt.query_map(params![band, value], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?, r.get::<_, Option<i64>>(2)?))
        })?;
        for row in rows {
            let (rowid, other, original) = row?;
            let same = Signature::from_bytes(&other).is_some_and(|o| o.similarity(signature) >= SAME_STORY);
            if same {
                let root = original.unwrap_or(rowid);
                best = Some(best.map_or(root, |b| b.min(root)));
            }
        }
    }
    Ok(best)
}

fn insert_analysis(tx: &Transaction, article: i64, rec: &ArticleRecord, ids: &mut EntityIds) -> Result<()> {
    let mut local_to_global = std::collections::HashMap::new();
    for entity in &rec.entities {
        let id = upsert_entity(tx, &entity.name, entity.kind.as_str(), ids)?;
        local_to_global.insert(entity.id.as_ref(), id);
        execute(
            tx,
            "INSERT INTO article_entities (article, entity, local_id, titles, mentions) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (article, entity) DO UPDATE SET mentions = mentions + excluded.mentions",
            params![article, id, entity.id, serde_json::to_string(&entity.titles)?, entity.mentions.len() as i64],
        )?;
        // The mentions table locates names in the body (quotes about a name are found by
        // offsets): mentions in the headline are counted above but not placed here.
        for m in entity.mentions.iter().filter(|m| m.field.is_body()) {
            execute(
                tx,
                "INSERT INTO mentions (article, entity, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![article, id, m.start as i64, m.end as i64, m.text],
            )?;
        }
    }
    for q in &rec.quotes {
        let speaker = q.speaker.as_ref();
        // An interrupted quotation is one quote: its parts joined, its offsets the first
        // part's (mentions inside those are what the quote is about; the attribution between
        // the parts names the speaker, not a subject).
        let text = std::iter::once(q.text.as_ref())
            .chain(q.continuation.iter().map(|c| c.text.as_ref()))
            .collect::<Vec<_>>()
            .join(" … ");
        let speaker_entity = speaker.and_then(|s| s.entity.as_deref()).and_then(|e| local_to_global.get(e));
        execute(
            tx,
            "INSERT INTO quotes (article, kind, text, start, end, cue, speaker_text, speaker_entity, speaker_name)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                article,
                q.kind.as_str(),
                text,
                q.start as i64,
                q.end as i64,
                q.cue.as_ref().map(|c| &c.text),
                speaker.map(|s| &s.text),
                speaker_entity,
                speaker.and_then(|s| s.name.as_ref())
            ],
        )?;
        let members = speaker.map(|s| s.members.as_slice()).unwrap_or_default();
        if !members.is_empty() {
            let quote = tx.last_insert_rowid();
            for id in members.iter().filter_map(|m| local_to_global.get(m.as_ref())) {
                execute(tx, "INSERT OR IGNORE INTO quote_members (quote, entity) VALUES (?1, ?2)", params![quote, id])?;
            }
        }
    }
    for a in &rec.amounts {
        execute(
            tx,
            "INSERT INTO amounts (article, text, start, end, value, max, unit, approximate)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![article, a.text, a.start as i64, a.end as i64, a.value, a.max, a.unit, a.approximate],
        )?;
    }
    for d in &rec.dates {
        execute(
            tx,
            "INSERT INTO dates (article, text, start, end, value) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![article, d.text, d.start as i64, d.end as i64, d.value],
        )?;
    }
    for p in rec.places.iter() {
        execute(
            tx,
            "INSERT INTO places (article, entity, name, country, lat, lon, geonames_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                article,
                local_to_global.get(p.entity.as_str()),
                p.name,
                p.country,
                p.lat,
                p.lon,
                p.geonames_id.map(|g| g as i64)
            ],
        )?;
    }
    Ok(())
}

/// Runs one statement through the connection's statement cache: a batch runs the same few
/// statements for every article and mention, and parsing them each time cost more than the
/// inserts.
fn execute(tx: &Transaction, sql: &str, params: impl rusqlite::Params) -> Result<usize> {
    Ok(tx.prepare_cached(sql)?.execute(params)?)
}

/// Entity ids by (normalised name, type), as the writer has seen them.
pub(crate) type EntityIds = std::collections::HashMap<(String, String), i64>;

/// Beyond this many cached entity ids the cache starts over, bounding the writer's memory.
const MAX_CACHED_ENTITIES: usize = 500_000;

/// One row per real-world entity across the corpus, keyed by normalised name and type. The
/// upsert writes a row even when the entity exists, so known entities come from the cache.
fn upsert_entity(tx: &Transaction, name: &str, kind: &str, ids: &mut EntityIds) -> Result<i64> {
    let key = (normalize_name(name), kind.to_string());
    if let Some(&id) = ids.get(&key) {
        return Ok(id);
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO entities (name, norm, type) VALUES (?1, ?2, ?3)
         ON CONFLICT (norm, type) DO UPDATE SET norm = excluded.norm RETURNING id",
    )?;
    let id = stmt.query_row(params![name, key.0, kind], |r| r.get(0))?;
    ids.insert(key, id);
    Ok(id)
}

/// A lock held by another writer past the busy timeout, said as such.
pub(crate) fn busy(e: rusqlite::Error) -> StoreError {
    if crate::error::is_busy(&e) { StoreError::Busy } else { StoreError::Sqlite(e) }
}
