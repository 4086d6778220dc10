//! The data directory holds password hashes and the keys: private to the
//! service's user whatever the umask (issue 17, finding 7).

use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::node::TempDir;

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// `deadbolt serve` under `umask 022` (what most systems default to),
/// until its database's `-wal` file exists; returns its stderr.
fn serve_under_umask_022(dir: &std::path::Path) -> String {
    let log = dir.with_extension("log");
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("umask 022; exec \"$0\" serve --listen 127.0.0.1:0 --data-dir \"$1\"")
        .arg(env!("CARGO_BIN_EXE_deadbolt"))
        .arg(dir)
        .env_remove("DEADBOLT_KEYS")
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).expect("log"))
        .spawn()
        .expect("sh runs");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !dir.join("deadbolt.db-wal").exists() || !dir.join("keys").exists() {
        assert!(
            child.try_wait().expect("wait").is_none(),
            "serve exited: {}",
            std::fs::read_to_string(&log).unwrap_or_default()
        );
        assert!(Instant::now() < deadline, "no -wal file in 30 s");
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(200));
    let _ = child.kill();
    let _ = child.wait();
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    let _ = std::fs::remove_file(&log);
    text
}

#[test]
fn fail_the_data_files_are_private_whatever_the_umask() {
    let tmp = TempDir::new("deadbolt_files");
    let dir = tmp.path().join("data");
    let log = serve_under_umask_022(&dir);
    assert_eq!(mode(&dir), 0o700, "data directory");
    for file in ["deadbolt.db", "deadbolt.db-wal", "deadbolt.db-shm", "keys"] {
        assert_eq!(mode(&dir.join(file)), 0o600, "{file}");
    }
    assert!(!log.contains("readable by other"), "{log}");

    // An existing installation made wide by hand is reported at start.
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(
        dir.join("deadbolt.db"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    let log = serve_under_umask_022(&dir);
    assert!(log.contains("readable by other local users"), "{log}");
    assert!(log.contains("deadbolt.db"), "{log}");
}
