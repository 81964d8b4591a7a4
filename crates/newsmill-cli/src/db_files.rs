//! The files that make up a corpus database: the file and SQLite's companions beside it. No
//! output may be written over them, and no input reads them as documents.

use std::path::{Path, PathBuf};

/// The database file and its `-wal`, `-shm` and `-journal` companions.
pub fn db_files(db: &Path) -> Vec<PathBuf> {
    let mut files = vec![db.to_path_buf()];
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        files.push(PathBuf::from(name));
    }
    files
}

/// True when `path` names one of the database's files, through any spelling, symlink or
/// hard link.
pub fn is_db_file(path: &Path, db: &Path) -> bool {
    let path = resolved(path);
    db_files(db).iter().any(|f| same_file(&path, &resolved(f)))
}

/// An absolute path with symlinks resolved, also for a file that does not exist yet (its
/// folder is resolved instead).
fn resolved(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (absolute.parent().and_then(|d| d.canonicalize().ok()), absolute.file_name()) {
        (Some(dir), Some(name)) => dir.join(name),
        _ => absolute,
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_the_database_is_caught() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("corpus.db");
        std::fs::write(&db, b"x").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        assert!(is_db_file(&dir.path().join("sub/../corpus.db"), &db));
        assert!(is_db_file(&dir.path().join("corpus.db-wal"), &db), "companions count before they exist");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&db, dir.path().join("link.db")).unwrap();
            std::fs::hard_link(&db, dir.path().join("hard.db")).unwrap();
            assert!(is_db_file(&dir.path().join("link.db"), &db));
            assert!(is_db_file(&dir.path().join("hard.db"), &db));
        }
        assert!(!is_db_file(&dir.path().join("out.jsonl"), &db));
    }
}
