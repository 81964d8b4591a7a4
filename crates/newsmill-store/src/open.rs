//! Opening a database: refuse what is not one, set it up for one writer and many readers,
//! and migrate the schema.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::Store;
use crate::error::{Result, StoreError, is_busy};
use crate::schema;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// How long a writer waits for another one's lock before giving up (the `Busy` error).
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

impl Store {
    /// Opens (creating if needed) the database at `path` for reading and writing.
    pub fn open(path: &Path) -> Result<Store> {
        check_is_sqlite(path)?;
        // Two processes setting up one new database can meet where SQLite returns "locked"
        // without waiting (switching to WAL, a read that must become a write): the setup is
        // retried until the other one is done, within the busy timeout.
        let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
        loop {
            let result = Self::open_once(path);
            let busy =
                matches!(&result, Err(StoreError::Open { source, .. } | StoreError::Sqlite(source)) if is_busy(source));
            if !busy {
                return result;
            }
            if std::time::Instant::now() >= deadline {
                return Err(StoreError::Busy);
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    fn open_once(path: &Path) -> Result<Store> {
        let mut conn = Connection::open(path).map_err(|e| open_error(path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| open_error(path, e))?;
        // Before anything is written: another program's database is left as it is.
        schema::check_is_ours(&conn, path).map_err(|e| sqlite_context(path, e))?;
        configure(&conn).map_err(|e| open_error(path, e))?;
        schema::migrate(&mut conn, path).map_err(|e| sqlite_context(path, e))?;
        Ok(Store { conn, entity_ids: Default::default() })
    }

    /// Opens an existing database for queries only: never writes, and works on read-only
    /// files and filesystems. A database from an older newsmill is first upgraded in place
    /// when the file can be written.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.is_file() {
            return Err(StoreError::Missing { path: path.to_path_buf() });
        }
        check_is_sqlite(path)?;
        let (store, found) = Self::read_only_connection(path)?;
        if found > schema::SCHEMA_VERSION {
            return Err(StoreError::TooNew { path: path.into(), found, supported: schema::SCHEMA_VERSION });
        }
        if found < 0 {
            return Err(StoreError::BadVersion { path: path.into(), found });
        }
        if found < schema::SCHEMA_VERSION {
            drop(store);
            drop(Store::open(path).map_err(|e| match e {
                StoreError::ReadOnly { .. } => {
                    StoreError::TooOld { path: path.into(), found, current: schema::SCHEMA_VERSION }
                }
                other => other,
            })?);
            return Ok(Self::read_only_connection(path)?.0);
        }
        Ok(store)
    }

    /// A read-only connection and the schema version it finds, refusing what is not a
    /// newsmill database. On a read-only filesystem SQLite cannot make the WAL index
    /// (`-shm`) a reader needs, so the file is then opened as immutable.
    fn read_only_connection(path: &Path) -> Result<(Store, i64)> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let opened = Connection::open_with_flags(path, flags).map(|conn| {
            let found = schema::version(&conn);
            (conn, found)
        });
        let (conn, found) = match opened {
            Ok((conn, Err(StoreError::Sqlite(e)))) if is_read_only_media(&e) => {
                drop(conn);
                Self::immutable_connection(path)?
            }
            Err(e) if is_read_only_media(&e) => Self::immutable_connection(path)?,
            Ok((conn, found)) => (conn, found.map_err(|e| sqlite_context(path, e))?),
            Err(e) => return Err(open_error(path, e)),
        };
        if found == 0 {
            // Empty, or someone else's: a query command creates nothing.
            schema::check_is_ours(&conn, path).map_err(|e| sqlite_context(path, e))?;
            return Err(StoreError::Empty { path: path.to_path_buf() });
        }
        cache_statements(&conn);
        Ok((Store { conn, entity_ids: Default::default() }, found))
    }

    fn immutable_connection(path: &Path) -> Result<(Connection, i64)> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(immutable_uri(path), flags).map_err(|e| open_error(path, e))?;
        let found = schema::version(&conn).map_err(|e| sqlite_context(path, e))?;
        Ok((conn, found))
    }

    /// A database in memory, for tests and one-off runs.
    pub fn open_in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        configure(&conn)?;
        schema::migrate(&mut conn, Path::new(":memory:"))?;
        Ok(Store { conn, entity_ids: Default::default() })
    }

    /// SQLite's own consistency check: `ok`, or what it found wrong.
    pub fn integrity_check(&self) -> Result<String> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let lines: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(lines.join("; "))
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}

pub(crate) fn configure(conn: &Connection) -> rusqlite::Result<()> {
    // WAL: readers (search, the server) never block the ingest writer. NORMAL sync is
    // durable at each checkpoint and never corrupts on a crash, which is what resume needs.
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // A larger page cache keeps the FTS and entity indexes' hot pages in memory while a
    // long ingest writes (SQLite's default is 2 MB).
    conn.pragma_update(None, "cache_size", -32_000)?;
    cache_statements(conn);
    Ok(())
}

/// Room for every statement the writer and the queries prepare, so none is parsed twice.
fn cache_statements(conn: &Connection) {
    conn.set_prepared_statement_cache_capacity(64);
}

/// A non-empty file that does not start with SQLite's header is someone else's file:
/// refuse it before SQLite is tempted to write to it.
fn check_is_sqlite(path: &Path) -> Result<()> {
    let Ok(mut file) = std::fs::File::open(path) else { return Ok(()) };
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => read += n,
        }
    }
    if read == 0 || &header == SQLITE_MAGIC {
        Ok(())
    } else {
        Err(StoreError::NotADatabase { path: path.to_path_buf() })
    }
}

/// SQLite's answer when a reader cannot create or open the WAL index next to the file.
fn is_read_only_media(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied))
}

/// `file:` URI for `path` with `immutable=1`: no locks, no WAL index, nothing written.
fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for b in path.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => uri.push(b as char),
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// Names the file in a bare SQLite error.
fn sqlite_context(path: &Path, e: StoreError) -> StoreError {
    match e {
        StoreError::Sqlite(e) => open_error(path, e),
        other => other,
    }
}

fn open_error(path: &Path, err: rusqlite::Error) -> StoreError {
    if is_read_only_media(&err) {
        return StoreError::ReadOnly { path: path.to_path_buf() };
    }
    match err.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotADatabase { path: path.to_path_buf() },
        _ => StoreError::Open { path: path.to_path_buf(), source: err },
    }
}
