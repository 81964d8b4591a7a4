//! Reads: full-text search, quotes, entities and corpus statistics. The CLI and the server
//! call these; results are plain structs that serialize to JSON.

use newsmill_model::EntityType;
use rusqlite::params;
use serde::Serialize;

use crate::Store;
use crate::error::{Result, StoreError};
use crate::record::normalize_name;

/// Marks around the matched words in a snippet. Private-use characters, so a caller can
/// escape the snippet for HTML first and then turn these into `<mark>` safely.
pub const HIGHLIGHT_START: char = '\u{E000}';
pub const HIGHLIGHT_END: char = '\u{E001}';

/// Largest page a query returns, whatever is asked.
const MAX_LIMIT: usize = 1000;
/// Longest search text accepted, in bytes.
const MAX_QUERY_BYTES: usize = 1000;
/// Most distinct words a search may have. FTS5's ranking grows faster than the number of
/// terms times their occurrences, so an unbounded list is a way to burn CPU.
pub const MAX_TERMS: usize = 16;

/// A search: words to find (all of them, BM25-ranked) and filters.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    pub text: String,
    /// Articles naming this entity (a full name or one of its words, e.g. a surname).
    pub entity: Option<String>,
    /// With `entity`: only entities of this type (PERSON, ORG, LOC, MISC).
    pub kind: Option<String>,
    /// Articles with a quote by this speaker.
    pub speaker: Option<String>,
    pub site: Option<String>,
    /// Published on or after this date (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Published on or before this date (`YYYY-MM-DD`).
    pub until: Option<String>,
    pub limit: usize,
    pub offset: usize,
}

impl SearchQuery {
    pub fn text(text: &str) -> Self {
        SearchQuery { text: text.to_string(), limit: 20, ..SearchQuery::default() }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub id: String,
    pub title: Option<String>,
    pub site: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// Text around the matches, matches between [`HIGHLIGHT_START`] and [`HIGHLIGHT_END`].
    pub snippet: String,
    /// Relevance: the BM25 score, higher for a better match (SQLite's own `bm25()` is its
    /// negative); 0 when there was no search text.
    pub score: f64,
}

impl Store {
    /// Full-text search with filters, best match first (newest first without search text).
    pub fn search(&self, q: &SearchQuery) -> Result<Vec<SearchHit>> {
        if q.text.len() > MAX_QUERY_BYTES {
            return Err(StoreError::Query(format!("search text longer than {MAX_QUERY_BYTES} bytes")));
        }
        check_dates(q.since.as_deref(), q.until.as_deref())?;
        let words = fts_words(&q.text)?;
        let Some(names) = names_filter(q) else { return Ok(Vec::new()) };
        let fts = [words.clone(), names].into_iter().flatten().collect::<Vec<_>>().join(" AND ");
        let fts = (!fts.is_empty()).then_some(fts);
        // Rank and filter first; snippets only for the page of hits returned, since making
        // one costs far more than scoring.
        let sql = search_sql(words.is_some(), fts.is_some());
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows =
            stmt.query_map(params![fts, q.site, q.since, q.until, limit(q.limit) as i64, q.offset as i64], hit_row)?;
        let mut hits = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        if words.is_some() {
            // Snippets are made here in one pass over each body: FTS5's own snippet() compares
            // every match with every other, which a page of long articles full of common
            // words turns into seconds.
            let terms = snippet_terms(&q.text);
            let mut body = self.conn().prepare_cached("SELECT body FROM articles WHERE rowid = ?1")?;
            for (rowid, hit) in &mut hits {
                let text: String = body.query_row([*rowid], |r| r.get(0))?;
                hit.snippet = snippet(&text, &terms, SNIPPET_TOKENS);
            }
        }
        Ok(hits.into_iter().map(|(_, hit)| hit).collect())
    }
}

/// Words in a snippet, as FTS5's `snippet(…, 16)` gave.
const SNIPPET_TOKENS: usize = 16;

/// The search words as the index compares them: runs of letters and digits, lowercased.
fn snippet_terms(text: &str) -> Vec<String> {
    let mut terms: Vec<String> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// The window of `width` words of `body` holding the most different search terms (then the
/// most matches), matches between [`HIGHLIGHT_START`] and [`HIGHLIGHT_END`], with `…` where
/// the body goes on. Linear in the body: one pass to find the words, one sliding window.
fn snippet(body: &str, terms: &[String], width: usize) -> String {
    // Each word: its byte span and which term it is, if any.
    let mut words: Vec<(usize, usize, Option<usize>)> = Vec::new();
    let mut start = None;
    for (i, c) in body.char_indices().chain(std::iter::once((body.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let word = &body[s..i];
                let term = terms.binary_search_by(|t| t.as_str().cmp(&word.to_lowercase())).ok();
                words.push((s, i, term));
                start = None;
            }
            _ => {}
        }
    }
    if words.is_empty() {
        return String::new();
    }
    let width = width.clamp(1, words.len());
    let mut counts = vec![0usize; terms.len()];
    let (mut distinct, mut matches) = (0, 0);
    let (mut best, mut best_score) = (0, (0, 0));
    for (i, &(_, _, term)) in words.iter().enumerate() {
        if let Some(t) = term {
            counts[t] += 1;
            matches += 1;
            if counts[t] == 1 {
                distinct += 1;
            }
        }
        if i >= width
            && let Some(t) = words[i - width].2
        {
            counts[t] -= 1;
            matches -= 1;
            if counts[t] == 0 {
                distinct -= 1;
            }
        }
        if i + 1 >= width && (distinct, matches) > best_score {
            (best, best_score) = (i + 1 - width, (distinct, matches));
        }
    }
    let window = &words[best..best + width];
    let mut out = String::new();
    if best > 0 {
        out.push('…');
    }
    let mut at = window[0].0;
    for &(s, e, term) in window {
        out.push_str(&body[at..s]);
        if term.is_some() {
            out.push(HIGHLIGHT_START);
            out.push_str(&body[s..e]);
            out.push(HIGHLIGHT_END);
        } else {
            out.push_str(&body[s..e]);
        }
        at = e;
    }
    if best + width < words.len() {
        out.push('…');
    }
    out
}

/// The search statement: ranked by BM25 when there are words, newest first otherwise, through
/// the full-text index whenever it has something to match.
fn search_sql(ranked: bool, fts: bool) -> String {
    let filters = "(?2 IS NULL OR a.site = ?2)
        AND (?3 IS NULL OR substr(a.published, 1, 10) >= ?3)
        AND (?4 IS NULL OR substr(a.published, 1, 10) <= ?4)";
    match (ranked, fts) {
        (true, _) => format!(
            "SELECT a.rowid, a.id, a.title, a.site, a.url, a.published, '', articles_fts.rank
             FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
             WHERE articles_fts MATCH ?1 AND {filters}
             ORDER BY articles_fts.rank LIMIT ?5 OFFSET ?6"
        ),
        (false, true) => format!(
            "SELECT a.rowid, a.id, a.title, a.site, a.url, a.published, substr(a.body, 1, 200), 0.0
             FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
             WHERE articles_fts MATCH ?1 AND {filters}
             ORDER BY a.published IS NULL, a.published DESC LIMIT ?5 OFFSET ?6"
        ),
        (false, false) => format!(
            "SELECT a.rowid, a.id, a.title, a.site, a.url, a.published, substr(a.body, 1, 200), 0.0
             FROM articles a WHERE ?1 IS NULL AND {filters}
             ORDER BY a.published IS NULL, a.published DESC LIMIT ?5 OFFSET ?6"
        ),
    }
}

fn hit_row(r: &rusqlite::Row) -> rusqlite::Result<(i64, SearchHit)> {
    Ok((
        r.get(0)?,
        SearchHit {
            id: r.get(1)?,
            title: r.get(2)?,
            site: r.get(3)?,
            url: r.get(4)?,
            published: r.get(5)?,
            snippet: r.get(6)?,
            // SQLite's bm25() is lower for better matches; users read a score as higher-better.
            score: 0.0 - r.get::<_, f64>(7)?,
        },
    ))
}

/// The user's words as an FTS5 expression over the title and body: each word quoted (so no
/// word is read as an operator), all required, each once (a repeated word adds nothing to
/// the match but multiplies FTS5's work). `None` when there are no words; an error past
/// [`MAX_TERMS`] distinct words.
fn fts_words(text: &str) -> Result<Option<String>> {
    let mut seen = std::collections::HashSet::new();
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .filter(|w| seen.insert(w.to_lowercase()))
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    if words.len() > MAX_TERMS {
        return Err(StoreError::Query(format!(
            "search has {} different words; at most {MAX_TERMS} are allowed",
            words.len()
        )));
    }
    Ok((!words.is_empty()).then(|| format!("{{title body}} : ({})", words.join(" "))))
}

/// True for a real calendar day written `YYYY-MM-DD` (what `--since` and `--until` take).
pub fn is_day(s: &str) -> bool {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return false;
    }
    let number = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// A date filter that is not a day would compare as text and quietly match nothing (or
/// everything): refuse it.
pub(crate) fn check_dates(since: Option<&str>, until: Option<&str>) -> Result<()> {
    for (name, value) in [("since", since), ("until", until)] {
        if let Some(v) = value
            && !is_day(v)
        {
            return Err(StoreError::Query(format!("{name} must be a real date written YYYY-MM-DD, not {v:?}")));
        }
    }
    Ok(())
}

/// The entity and speaker filters as FTS5 phrases on the index's name columns: a full name
/// or any run of its words (a surname). `Some(None)` when there is no such filter, `None`
/// when nothing can match (a name with no letters or digits, an unknown type).
fn names_filter(q: &SearchQuery) -> Option<Option<String>> {
    let mut parts = Vec::new();
    if let Some(entity) = &q.entity {
        let columns = match q.kind.as_deref().map(str::parse::<EntityType>) {
            None => "person org loc misc",
            Some(Ok(EntityType::Person)) => "person",
            Some(Ok(EntityType::Org)) => "org",
            Some(Ok(EntityType::Loc)) => "loc",
            Some(Ok(EntityType::Misc)) => "misc",
            Some(Err(_)) => return None,
        };
        parts.push(format!("{{{columns}}} : {}", name_phrase(entity)?));
    }
    if let Some(speaker) = &q.speaker {
        parts.push(format!("{{speaker}} : {}", name_phrase(speaker)?));
    }
    Some((!parts.is_empty()).then(|| parts.join(" AND ")))
}

/// A name as one quoted FTS5 phrase of its normalised words (letters and digits only, so
/// nothing in it is an operator).
fn name_phrase(name: &str) -> Option<String> {
    let norm = normalize_name(name);
    (!norm.is_empty()).then(|| format!("\"{norm}\""))
}

fn limit(asked: usize) -> usize {
    if asked == 0 { 20 } else { asked.min(MAX_LIMIT) }
}

/// Quotes by speaker and subject.
#[derive(Debug, Clone, Default)]
pub struct QuoteQuery {
    /// Quotes whose speaker's entity has this name (or one of its words).
    pub speaker: Option<String>,
    /// Quotes whose speaker is this entity (by its corpus id).
    pub speaker_id: Option<i64>,
    /// Quotes that name this entity, or mention the words, inside the quote.
    pub about: Option<String>,
    /// Quotes in articles published on or after this date (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Quotes in articles published on or before this date (`YYYY-MM-DD`).
    pub until: Option<String>,
    pub limit: usize,
    pub offset: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteRow {
    pub text: String,
    /// The speaker's corpus entity id, when resolved.
    pub speaker_id: Option<i64>,
    pub kind: String,
    pub cue: Option<String>,
    pub speaker: Option<String>,
    pub article: String,
    pub title: Option<String>,
    pub published: Option<String>,
}

/// Entities ranked by how often they are named.
#[derive(Debug, Clone, Default)]
pub struct EntityQuery {
    pub kind: Option<String>,
    pub top: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct EntityRow {
    pub id: i64,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub mentions: i64,
    pub articles: i64,
}

/// Quotes by speaker, subject and date, newest first; ?2 is the normalised subject.
///
/// Newest first is read off an index (articles by date, then quotes by article and start), so
/// a page stops once it has its rows instead of sorting every quote. The subject's mentions
/// are resolved first, through indexes only: the entities with the name (one pass over the
/// entity table), their mentions by entity, the quotes around them by article. Words inside
/// the quote text are checked row by row on the same walk. (Asking per quote whether some
/// mention lay inside it scanned every mention for every quote: minutes on 2,000 articles.)
/// `published DESC` puts undated articles last, as `published IS NULL` did. CROSS JOIN
/// keeps articles the outer loop, which is what lets the index give the order.
const QUOTES_SQL: &str = "WITH about_quotes AS (
        SELECT q.id FROM mentions m
            JOIN quotes q ON q.article = m.article AND m.start >= q.start AND m.end <= q.end
            WHERE m.entity IN (SELECT id FROM entities WHERE (' ' || norm || ' ') LIKE ('% ' || ?2 || ' %')))
    SELECT q.text, q.kind, q.cue, COALESCE(se.name, q.speaker_name, q.speaker_text), a.id, a.title, a.published,
           q.speaker_entity
    FROM articles a CROSS JOIN quotes q ON q.article = a.rowid
    LEFT JOIN entities se ON se.id = q.speaker_entity
    WHERE (?1 IS NULL OR (' ' || se.norm || ' ') LIKE ('% ' || ?1 || ' %')
             OR EXISTS (SELECT 1 FROM quote_members qm JOIN entities me ON me.id = qm.entity
                        WHERE qm.quote = q.id AND (' ' || me.norm || ' ') LIKE ('% ' || ?1 || ' %')))
      AND (?2 IS NULL OR q.text LIKE ('%' || ?2 || '%') OR q.id IN (SELECT id FROM about_quotes))
      AND (?5 IS NULL OR q.speaker_entity = ?5
           OR EXISTS (SELECT 1 FROM quote_members qm WHERE qm.quote = q.id AND qm.entity = ?5))
      AND (?6 IS NULL OR substr(a.published, 1, 10) >= ?6)
      AND (?7 IS NULL OR substr(a.published, 1, 10) <= ?7)
    ORDER BY a.published DESC, a.rowid, q.start
    LIMIT ?3 OFFSET ?4";

impl Store {
    /// Who said what, newest first; a group's quotes are each member's (`quote_members`).
    pub fn quotes(&self, q: &QuoteQuery) -> Result<Vec<QuoteRow>> {
        check_dates(q.since.as_deref(), q.until.as_deref())?;
        let about = q.about.as_deref().map(normalize_name);
        if about.as_deref() == Some("") {
            // A subject with no letters or digits would match every quote.
            return Ok(Vec::new());
        }
        let mut stmt = self.conn().prepare_cached(QUOTES_SQL)?;
        let rows = stmt.query_map(
            params![
                q.speaker.as_deref().map(normalize_name),
                about,
                limit(q.limit) as i64,
                q.offset as i64,
                q.speaker_id,
                q.since,
                q.until
            ],
            |r| {
                Ok(QuoteRow {
                    text: r.get(0)?,
                    kind: r.get(1)?,
                    cue: r.get(2)?,
                    speaker: r.get(3)?,
                    article: r.get(4)?,
                    title: r.get(5)?,
                    published: r.get(6)?,
                    speaker_id: r.get(7)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The most mentioned entities, with the number of articles naming each.
    pub fn entities(&self, q: &EntityQuery) -> Result<Vec<EntityRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT e.id, e.name, e.type, SUM(ae.mentions), COUNT(*)
             FROM entities e JOIN article_entities ae ON ae.entity = e.id
             WHERE ?1 IS NULL OR e.type = ?1
             GROUP BY e.id ORDER BY SUM(ae.mentions) DESC, COUNT(*) DESC, e.name LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![q.kind, limit(q.top) as i64], |r| {
            Ok(EntityRow { id: r.get(0)?, name: r.get(1)?, kind: r.get(2)?, mentions: r.get(3)?, articles: r.get(4)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A speaker ranked by the quotes attributed to them.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerRow {
    pub entity: i64,
    pub name: String,
    pub quotes: i64,
    pub articles: i64,
}

impl Store {
    /// The speakers with the most quotes, a group's quotes counted for each member.
    pub fn speakers(&self, top: usize) -> Result<Vec<SpeakerRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT e.id, e.name, COUNT(*), COUNT(DISTINCT s.article)
             FROM (SELECT speaker_entity AS entity, article FROM quotes WHERE speaker_entity IS NOT NULL
                   UNION ALL
                   SELECT qm.entity, q.article FROM quote_members qm JOIN quotes q ON q.id = qm.quote) s
             JOIN entities e ON e.id = s.entity
             GROUP BY e.id ORDER BY COUNT(*) DESC, e.name LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit(top) as i64], |r| {
            Ok(SpeakerRow { entity: r.get(0)?, name: r.get(1)?, quotes: r.get(2)?, articles: r.get(3)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// What is in the corpus.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    pub articles: i64,
    pub near_duplicates: i64,
    pub entities: i64,
    pub mentions: i64,
    pub quotes: i64,
    pub failures: i64,
    pub runs: i64,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    /// Sites with the most articles (at most ten, most first), with their counts.
    pub sites: Vec<(String, i64)>,
    /// How many sites there are in all.
    pub site_count: i64,
    /// Where each failure came from and why (the latest 20).
    pub recent_failures: Vec<(String, String)>,
}

impl Store {
    pub fn stats(&self) -> Result<Stats> {
        let c = self.conn();
        let count = |sql: &str| -> Result<i64> { Ok(c.query_row(sql, [], |r| r.get(0))?) };
        let (first, last) = c.query_row(
            "SELECT min(substr(published, 1, 10)), max(substr(published, 1, 10)) FROM articles",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let mut sites = c.prepare_cached(
            "SELECT site, COUNT(*) FROM articles WHERE site IS NOT NULL GROUP BY site ORDER BY COUNT(*) DESC, site LIMIT 10",
        )?;
        let sites = sites.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        let mut failures = c.prepare_cached("SELECT source, reason FROM failures ORDER BY id DESC LIMIT 20")?;
        let recent_failures =
            failures.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        Ok(Stats {
            articles: count("SELECT COUNT(*) FROM articles")?,
            near_duplicates: count("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL")?,
            entities: count("SELECT COUNT(*) FROM entities")?,
            mentions: count("SELECT COALESCE(SUM(mentions), 0) FROM article_entities")?,
            quotes: count("SELECT COUNT(*) FROM quotes")?,
            failures: count("SELECT COUNT(*) FROM failures")?,
            runs: count("SELECT COUNT(*) FROM runs")?,
            first_published: first,
            last_published: last,
            sites,
            site_count: count("SELECT COUNT(DISTINCT site) FROM articles WHERE site IS NOT NULL")?,
            recent_failures,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_words_are_quoted_so_operators_are_plain_words() {
        assert_eq!(
            fts_words("taliban AND NOT moscow").unwrap().as_deref(),
            Some("{title body} : (\"taliban\" \"AND\" \"NOT\" \"moscow\")")
        );
        assert_eq!(fts_words("\"quoted\" (x)*").unwrap().as_deref(), Some("{title body} : (\"quoted\" \"x\")"));
        assert_eq!(fts_words(" -- ").unwrap(), None);
    }

    #[test]
    fn repeated_words_become_one_term_and_the_terms_are_capped() {
        // 100 × "the" took 46 s: each copy multiplied FTS5's ranking and snippet work.
        let fts = fts_words(&"the ".repeat(100)).unwrap().unwrap_or_default();
        assert_eq!(fts.matches("\"the\"").count(), 1, "{fts}");
        let fts = fts_words("The the THE bridge").unwrap().unwrap_or_default();
        assert_eq!(fts, "{title body} : (\"The\" \"bridge\")");
        let many: Vec<String> = (0..=MAX_TERMS).map(|i| format!("w{i}")).collect();
        assert!(fts_words(&many[..MAX_TERMS].join(" ")).is_ok());
        assert!(matches!(fts_words(&many.join(" ")), Err(StoreError::Query(_))));
    }

    #[test]
    fn snippets_show_the_window_with_the_most_terms() {
        let terms = snippet_terms("Bridge CABLES");
        let body = "The city said. A new bridge: its cables, all new. Nothing else here at all today.";
        let mark = |w: &str| format!("{HIGHLIGHT_START}{w}{HIGHLIGHT_END}");
        let s = snippet(body, &terms, 4);
        assert_eq!(s, format!("…new {}: its {}…", mark("bridge"), mark("cables")));
        assert_eq!(snippet(body, &terms, 100).chars().filter(|&c| c == HIGHLIGHT_START).count(), 2);
        assert_eq!(snippet("no match here", &terms, 2), "no match…");
        assert_eq!(snippet("", &terms, 16), "");
        assert_eq!(snippet("Ünïcode ÉTÉ bridge", &snippet_terms("été"), 16), format!("Ünïcode {} bridge", mark("ÉTÉ")));
    }

    #[test]
    fn quotes_read_indexes_not_every_mention_nor_a_sort_of_every_quote() {
        let store = Store::open_in_memory().unwrap();
        let mut plan = store.conn().prepare(&format!("EXPLAIN QUERY PLAN {QUOTES_SQL}")).unwrap();
        let params = params![None::<String>, "lima", 20, 0, None::<i64>, None::<String>, None::<String>];
        let steps: Vec<String> = plan.query_map(params, |r| r.get(3)).unwrap().map(|r| r.unwrap()).collect();
        let steps = steps.join("\n");
        assert!(steps.contains("SEARCH m USING COVERING INDEX mentions_entity_span"), "{steps}");
        assert!(steps.contains("USING COVERING INDEX quotes_article_span"), "{steps}");
        assert!(!steps.contains("SCAN m"), "{steps}");
        assert!(steps.contains("SCAN a USING INDEX articles_newest"), "{steps}");
        assert!(!steps.contains("FOR ORDER BY"), "newest first without sorting every quote: {steps}");
    }

    #[test]
    fn days_must_be_real() {
        for good in ["2018-11-09", "2024-02-29", "2000-02-29", "1999-12-31"] {
            assert!(is_day(good), "{good}");
        }
        for bad in [
            "garbage",
            "",
            "2018-11-9",
            "2018-13-01",
            "2018-00-10",
            "2018-02-30",
            "1900-02-29",
            "2018-11-00",
            "２０１８-11-09",
        ] {
            assert!(!is_day(bad), "{bad}");
        }
        assert!(check_dates(Some("2018-11-09"), None).is_ok());
        assert!(matches!(check_dates(None, Some("garbage")), Err(StoreError::Query(_))));
    }

    #[test]
    fn limits_are_bounded() {
        assert_eq!(limit(0), 20);
        assert_eq!(limit(5), 5);
        assert_eq!(limit(1_000_000), MAX_LIMIT);
    }
}
