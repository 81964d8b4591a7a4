//! The schema as an ordered list of migrations. `schema_version` holds how many have run; a
//! database from a newer newsmill (more migrations than we know) is refused, an older one is
//! brought up to date in one transaction.

use rusqlite::{Connection, OptionalExtension};

use crate::error::{Result, StoreError};

/// Migration `i` takes the schema from version `i` to `i + 1`. Append only: never edit one
/// that has shipped.
const MIGRATIONS: &[&str] = &[
    // 1: articles, their analysis, full-text index, ingest runs and failures.
    r#"
    CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        url TEXT,
        site TEXT,
        title TEXT,
        published TEXT,
        language TEXT,
        body TEXT NOT NULL,
        minhash BLOB NOT NULL,
        duplicate_of INTEGER REFERENCES articles(rowid),
        run INTEGER REFERENCES runs(id),
        json TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_site ON articles(site);
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, content='articles', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
    );
    -- A match in the title counts four times one in the body.
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');
    CREATE TABLE minhash_bands (
        band INTEGER NOT NULL,
        value INTEGER NOT NULL,
        article INTEGER NOT NULL REFERENCES articles(rowid)
    );
    CREATE INDEX minhash_bands_lookup ON minhash_bands(band, value);
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        norm TEXT NOT NULL,
        type TEXT NOT NULL,
        UNIQUE (norm, type)
    );
    CREATE TABLE article_entities (
        article INTEGER NOT NULL REFERENCES articles(rowid),
        entity INTEGER NOT NULL REFERENCES entities(id),
        local_id TEXT NOT NULL,
        titles TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (article, entity)
    ) WITHOUT ROWID;
    CREATE INDEX article_entities_entity ON article_entities(entity);
    CREATE TABLE mentions (
        article INTEGER NOT NULL REFERENCES articles(rowid),
        entity INTEGER NOT NULL REFERENCES entities(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX mentions_entity ON mentions(entity);
    CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        article INTEGER NOT NULL REFERENCES articles(rowid),
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        cue TEXT,
        speaker_text TEXT,
        speaker_entity INTEGER REFERENCES entities(id),
        speaker_name TEXT
    );
    CREATE INDEX quotes_article ON quotes(article);
    CREATE INDEX quotes_speaker ON quotes(speaker_entity);
    CREATE TABLE amounts (
        article INTEGER NOT NULL REFERENCES articles(rowid),
        text TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
        value REAL NOT NULL, unit TEXT, approximate INTEGER NOT NULL
    );
    CREATE TABLE dates (
        article INTEGER NOT NULL REFERENCES articles(rowid),
        text TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, value TEXT NOT NULL
    );
    CREATE TABLE places (
        article INTEGER NOT NULL REFERENCES articles(rowid),
        entity INTEGER REFERENCES entities(id),
        name TEXT NOT NULL, country TEXT, lat REAL, lon REAL, geonames_id INTEGER
    );
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started TEXT NOT NULL,
        finished TEXT,
        inputs TEXT NOT NULL,
        added INTEGER NOT NULL DEFAULT 0,
        unchanged INTEGER NOT NULL DEFAULT 0,
        near_duplicates INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE failures (
        id INTEGER PRIMARY KEY,
        run INTEGER NOT NULL REFERENCES runs(id),
        source TEXT NOT NULL,
        reason TEXT NOT NULL
    );
    "#,
    // 2: the names each article mentions, by type, and its quotes' speakers, as columns of
    // the full-text index, so an entity or speaker filter intersects posting lists inside
    // FTS5 and only articles that pass every filter are ranked.
    r#"
    ALTER TABLE articles ADD COLUMN person TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN org TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN loc TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN misc TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN speaker TEXT NOT NULL DEFAULT '';
    UPDATE articles SET
        person = coalesce((SELECT group_concat(e.norm, ' ; ') FROM article_entities ae JOIN entities e ON e.id = ae.entity
                           WHERE ae.article = articles.rowid AND e.type = 'PERSON'), ''),
        org = coalesce((SELECT group_concat(e.norm, ' ; ') FROM article_entities ae JOIN entities e ON e.id = ae.entity
                        WHERE ae.article = articles.rowid AND e.type = 'ORG'), ''),
        loc = coalesce((SELECT group_concat(e.norm, ' ; ') FROM article_entities ae JOIN entities e ON e.id = ae.entity
                        WHERE ae.article = articles.rowid AND e.type = 'LOC'), ''),
        misc = coalesce((SELECT group_concat(e.norm, ' ; ') FROM article_entities ae JOIN entities e ON e.id = ae.entity
                         WHERE ae.article = articles.rowid AND e.type = 'MISC'), ''),
        speaker = coalesce((SELECT group_concat(DISTINCT e.norm) FROM quotes q JOIN entities e ON e.id = q.speaker_entity
                            WHERE q.article = articles.rowid), '');
    DROP TABLE articles_fts;
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, person, org, loc, misc, speaker, content='articles', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
    );
    -- Names filter, they do not rank: a title match counts four times one in the body.
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0)');
    INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    "#,
    // 3: quotes about an entity go from its mentions to the quotes around them: with the
    // spans in the indexes both steps read only the index, not a table row per mention
    // (5x faster on 10,000 articles). The old single-column indexes are their prefixes.
    // Articles newest first (ties in storage order) give quotes in the order they are
    // listed, so a page of quotes is read off the index instead of sorting every quote.
    r#"
    CREATE INDEX mentions_entity_span ON mentions(entity, article, start, end);
    DROP INDEX mentions_entity;
    CREATE INDEX quotes_article_span ON quotes(article, start, end);
    DROP INDEX quotes_article;
    CREATE INDEX articles_newest ON articles(published DESC, rowid);
    "#,
    // 4: the high end of a range (`between 10 and 20 people`), which the article JSON has;
    // rows stored before it get it from their article's JSON.
    r#"
    ALTER TABLE amounts ADD COLUMN max REAL;
    UPDATE amounts SET max = (
        SELECT json_extract(j.value, '$.max') FROM articles a, json_each(a.json, '$.amounts') j
        WHERE a.rowid = amounts.article
          AND json_extract(j.value, '$.start') = amounts.start AND json_extract(j.value, '$.end') = amounts.end
        LIMIT 1);
    "#,
    // 5: `newsmill crawl`: the frontier (every URL seen, normalised, with what listed it and
    // the title and date the listing gave), and each feed's or sitemap's polling state. A
    // URL's state and the article it gave are committed together, so a killed crawl resumes
    // without fetching a stored page again.
    r#"
    CREATE TABLE crawl_urls (
        url TEXT PRIMARY KEY,
        host TEXT NOT NULL,
        kind TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'queued',
        found_in TEXT,
        listed_title TEXT,
        listed_published TEXT,
        discovered TEXT NOT NULL,
        fetched TEXT,
        status INTEGER,
        final_url TEXT,
        error TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        transient INTEGER NOT NULL DEFAULT 0,
        article TEXT
    );
    CREATE INDEX crawl_urls_state ON crawl_urls(state, kind);
    CREATE INDEX crawl_urls_host ON crawl_urls(host);
    CREATE TABLE crawl_feeds (
        url TEXT PRIMARY KEY,
        host TEXT NOT NULL,
        kind TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        last_fetch TEXT,
        next_poll TEXT,
        entries INTEGER NOT NULL DEFAULT 0,
        errors INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
    );
    "#,
    // 6: a page's answer, kept in its own transaction as soon as it arrived, until its
    // article and URL state are committed (which deletes it). A crawl killed between the
    // two finds the answer here and stores it without asking the site again.
    r#"
    CREATE TABLE crawl_fetched (
        url TEXT PRIMARY KEY,
        final_url TEXT NOT NULL,
        status INTEGER NOT NULL,
        content_type TEXT,
        body BLOB NOT NULL,
        fetched TEXT NOT NULL
    );
    "#,
    // 7: the members of a group that speaks as one (`Chiou and Howlett said`): each member's
    // quotes and speaker counts include the group's.
    r#"
    CREATE TABLE quote_members (
        quote INTEGER NOT NULL REFERENCES quotes(id),
        entity INTEGER NOT NULL REFERENCES entities(id),
        PRIMARY KEY (entity, quote)
    ) WITHOUT ROWID;
    "#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Reads the schema version: 0 for a new, empty database.
pub fn version(conn: &Connection) -> Result<i64> {
    let has_table: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version')",
        [],
        |r| r.get(0),
    )?;
    if !has_table {
        return Ok(0);
    }
    Ok(conn.query_row("SELECT version FROM schema_version", [], |r| r.get(0)).optional()?.unwrap_or(0))
}

/// Refuses a database that holds tables but no newsmill schema version: another program's.
pub fn check_is_ours(conn: &Connection, path: &std::path::Path) -> Result<()> {
    let tables: i64 =
        conn.query_row("SELECT COUNT(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'", [], |r| r.get(0))?;
    if tables > 0 && version(conn)? == 0 {
        return Err(StoreError::Foreign { path: path.to_path_buf() });
    }
    Ok(())
}

/// Brings the schema to [`SCHEMA_VERSION`], or refuses a newer one.
pub fn migrate(conn: &mut Connection, path: &std::path::Path) -> Result<()> {
    let found = version(conn)?;
    if found < 0 {
        return Err(StoreError::BadVersion { path: path.to_path_buf(), found });
    }
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew { path: path.to_path_buf(), found, supported: SCHEMA_VERSION });
    }
    if found == SCHEMA_VERSION {
        return Ok(());
    }
    // Immediate: the write lock is taken before the version is read again, so two processes
    // opening one old database never both run a migration.
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let found = version(&tx)?;
    if found >= SCHEMA_VERSION {
        return Ok(());
    }
    let pending = MIGRATIONS.get(usize::try_from(found).unwrap_or(usize::MAX)..).unwrap_or_default();
    tx.execute_batch("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")?;
    for migration in pending {
        tx.execute_batch(migration)?;
    }
    tx.execute("DELETE FROM schema_version", [])?;
    tx.execute("INSERT INTO schema_version (version) VALUES (?1)", [SCHEMA_VERSION])?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{SearchQuery, Store};

    /// A version 1 database holding one article with one person who is quoted.
    fn version_1(conn: &Connection) {
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.execute_batch(
            "CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1);
             INSERT INTO articles (rowid, id, source, title, body, minhash, json)
                 VALUES (1, 'a', 'a.html', 'Bridge', 'The bridge reopened, Ana Lima said.', x'', '{}');
             INSERT INTO articles_fts (rowid, title, body) VALUES (1, 'Bridge', 'The bridge reopened, Ana Lima said.');
             INSERT INTO entities (id, name, norm, type) VALUES (7, 'Ana Lima', 'ana lima', 'PERSON');
             INSERT INTO article_entities (article, entity, local_id, titles, mentions) VALUES (1, 7, 'E1', '[]', 1);
             INSERT INTO quotes (article, kind, text, start, end, speaker_entity)
                 VALUES (1, 'indirect', 'The bridge reopened', 0, 19, 7);",
        )
        .unwrap();
    }

    #[test]
    fn a_version_1_database_gets_its_names_indexed() {
        let mut conn = Connection::open_in_memory().unwrap();
        version_1(&conn);
        migrate(&mut conn, std::path::Path::new(":memory:")).unwrap();
        assert_eq!(version(&conn).unwrap(), SCHEMA_VERSION);
        let store = Store { conn, entity_ids: Default::default() };
        let mut q = SearchQuery::text("bridge");
        q.entity = Some("lima".into());
        q.kind = Some("PERSON".into());
        assert_eq!(store.search(&q).unwrap().len(), 1);
        let mut q = SearchQuery::text("reopened");
        q.speaker = Some("Ana Lima".into());
        assert_eq!(store.search(&q).unwrap().len(), 1);
        q.speaker = Some("Bob".into());
        assert!(store.search(&q).unwrap().is_empty());
    }

    #[test]
    fn amounts_stored_before_version_4_get_their_range_end_from_the_article_json() {
        let mut conn = Connection::open_in_memory().unwrap();
        version_1(&conn);
        conn.execute_batch(
            r#"UPDATE articles SET json = '{"amounts": [{"text": "10 to 20 people", "start": 4, "end": 19,
                   "value": 10.0, "max": 20.0}, {"text": "3", "start": 30, "end": 31, "value": 3.0}]}';
               INSERT INTO amounts (article, text, start, end, value, unit, approximate)
                   VALUES (1, '10 to 20 people', 4, 19, 10.0, 'people', 0), (1, '3', 30, 31, 3.0, NULL, 0);"#,
        )
        .unwrap();
        migrate(&mut conn, std::path::Path::new(":memory:")).unwrap();
        let max: Vec<Option<f64>> = conn
            .prepare("SELECT max FROM amounts ORDER BY start")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(max, [Some(20.0), None]);
    }

    #[test]
    fn opening_an_older_database_for_queries_upgrades_it_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        version_1(&Connection::open(&path).unwrap());
        let store = Store::open_read_only(&path).unwrap();
        assert_eq!(version(&store.conn).unwrap(), SCHEMA_VERSION);
        let mut q = SearchQuery::text("bridge");
        q.entity = Some("Ana Lima".into());
        assert_eq!(store.search(&q).unwrap().len(), 1);
    }
}
