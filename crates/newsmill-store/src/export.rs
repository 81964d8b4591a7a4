//! Export: stored articles back in the article JSON of `docs/DESIGN.md`, streamed.

use rusqlite::params;

use crate::Store;
use crate::error::Result;
use crate::query::{SearchQuery, check_dates};
use crate::record::normalize_name;
use crate::record::{ArticleRecord, stored_article};

impl Store {
    /// Calls `each` with every article matching the filters of `q` (its text and limit are
    /// ignored), in storage order, text included. Stops at the first error `each` returns.
    pub fn export<E>(
        &self,
        q: &SearchQuery,
        mut each: impl FnMut(ArticleRecord) -> Result<(), E>,
    ) -> Result<Result<u64, E>> {
        check_dates(q.since.as_deref(), q.until.as_deref())?;
        let entity = q.entity.as_deref().map(normalize_name);
        if entity.as_deref() == Some("") {
            // A name with no letters or digits would match every entity: it names none.
            return Ok(Ok(0));
        }
        let mut stmt = self.conn().prepare(
            "SELECT a.json, a.body FROM articles a
             WHERE (?1 IS NULL OR a.site = ?1)
               AND (?2 IS NULL OR substr(a.published, 1, 10) >= ?2)
               AND (?3 IS NULL OR substr(a.published, 1, 10) <= ?3)
               AND (?4 IS NULL OR a.rowid IN (SELECT article FROM article_entities WHERE entity IN
                 (SELECT id FROM entities WHERE (' ' || norm || ' ') LIKE ('% ' || ?4 || ' %')
                  AND (?5 IS NULL OR type = ?5))))
             ORDER BY a.rowid",
        )?;
        let mut rows = stmt.query(params![q.site, q.since, q.until, entity, q.kind])?;
        let mut n = 0;
        while let Some(row) = rows.next()? {
            let json: String = row.get(0)?;
            let body: String = row.get(1)?;
            if let Err(e) = each(stored_article(&json, body)?) {
                return Ok(Err(e));
            }
            n += 1;
        }
        Ok(Ok(n))
    }
}
