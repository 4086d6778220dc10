//! The SQLite database holds password hashes: its directory and files are
//! private to the service's user whatever the umask (0700 and 0600), and a
//! wider mode found at start is reported.
//!
//! SQLite creates the `-wal` and `-shm` files with the database file's own
//! permissions, so creating the database file 0600 before SQLite opens it
//! keeps all three private.

use std::path::Path;

use crate::{DbError, Result, StoreError};

/// Create the data directory `dir` (and its parents) if missing, the last
/// one 0700; warn when an existing one is open to others. The key file
/// lives there too, so the auth layer creates it with this as well.
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.exists() {
        warn_if_wider(dir, 0o700);
        return Ok(());
    }
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    match builder.create(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => Err(e),
        _ => Ok(()),
    }
}

/// Create `path` as a new, empty file, 0600 (a backup: it holds password
/// hashes). Fails if it exists.
pub(crate) fn new_private_file(path: &Path) -> std::io::Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path).map(|_| ())
}

/// Create the database file 0600 if missing (before SQLite opens it), and
/// warn about every one of the database's files that is wider.
pub(crate) fn private_db_file(path: &Path) -> Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    match opts.open(path) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(StoreError::Database(DbError::new(e))),
    }
    for suffix in ["", "-wal", "-shm"] {
        let mut file = path.as_os_str().to_owned();
        file.push(suffix);
        warn_if_wider(Path::new(&file), 0o600);
    }
    Ok(())
}

/// Log a warning when `path` exists with permission bits beyond `allowed`.
fn warn_if_wider(path: &Path, allowed: u32) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(path) {
            let mode = meta.permissions().mode() & 0o777;
            if mode & !allowed != 0 {
                tracing::warn!(
                    path = %path.display(),
                    mode = format!("{mode:o}"),
                    wanted = format!("{allowed:o}"),
                    "readable by other local users, and it holds secrets (password hashes, keys); chmod it"
                );
            }
        }
    }
    #[cfg(not(unix))]
    let _ = (path, allowed);
}
