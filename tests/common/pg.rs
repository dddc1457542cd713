//! A real PostgreSQL server for the store's tests. `.ci/run` starts one throwaway cluster and
//! exports its URL as `BROADSHEET_TEST_PG`; without that variable (a developer's plain
//! `cargo test`) each test starts its own cluster the same way: Debian's `initdb` into a
//! temporary folder, `pg_ctl start` on a free port, stopped when the test ends. Either way each
//! test gets a database of its own.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The variable `.ci/run` sets to its cluster's URL (no database part).
pub const ENV: &str = "BROADSHEET_TEST_PG";

/// A database of its own for one test, on the shared cluster or on a cluster of the test's
/// own (stopped when this is dropped).
pub struct TestDb {
    /// Connection URL of the database.
    pub url: String,
    pub cluster: Option<Cluster>,
}

/// A fresh database: on `BROADSHEET_TEST_PG`'s server when it is set, else on a new cluster.
pub fn database() -> TestDb {
    match std::env::var(ENV) {
        Ok(base) if !base.is_empty() => TestDb {
            url: create_database(&base),
            cluster: None,
        },
        _ => {
            let cluster = Cluster::start();
            TestDb {
                url: create_database(&cluster.base_url()),
                cluster: Some(cluster),
            }
        }
    }
}

/// A fresh database on a cluster that this test owns, for tests that restart the server.
pub fn own_database() -> TestDb {
    let cluster = Cluster::start();
    TestDb {
        url: create_database(&cluster.base_url()),
        cluster: Some(cluster),
    }
}

fn create_database(base: &str) -> String {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let name = format!(
        "broadsheet_test_{}_{}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::Relaxed)
    );
    let admin = format!("{base}/postgres");
    let mut client = postgres::Client::connect(&admin, postgres::NoTls)
        .unwrap_or_else(|e| panic!("cannot connect to the test server {admin}: {e}"));
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap_or_else(|e| panic!("cannot create database {name}: {e}"));
    format!("{base}/{name}")
}

/// A throwaway PostgreSQL cluster in a temporary folder, listening on 127.0.0.1 only.
pub struct Cluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    port: u16,
    /// Run the server as the `postgres` user: `initdb` refuses root (as CI runs).
    as_postgres: bool,
}

impl Cluster {
    /// Creates and starts a cluster; fails the test, naming the Debian package, when the
    /// server's programs are missing (`.ci/run` installs them).
    pub fn start() -> Self {
        let bin = server_bin().unwrap_or_else(|| {
            panic!(
                "PostgreSQL's initdb and pg_ctl are needed: install the Debian package postgresql (`.ci/run` does), or set {ENV} to a server's URL"
            )
        });
        let as_postgres = is_root();
        let dir = tempfile::Builder::new()
            .prefix("broadsheet-pg-")
            .tempdir()
            .expect("a temporary folder");
        if as_postgres {
            let id = |flag: &str| -> u32 {
                let out = crate::common::run("id", &[flag, "postgres"]);
                out.trim().parse().expect("a numeric id")
            };
            std::os::unix::fs::chown(dir.path(), Some(id("-u")), Some(id("-g")))
                .expect("the temporary folder handed to the postgres user");
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let cluster = Self {
            dir,
            bin,
            port,
            as_postgres,
        };
        let data = cluster.data();
        cluster.run(
            "initdb",
            &[
                "-D",
                &data,
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "-N",
            ],
        );
        cluster.pg_ctl("start");
        cluster
    }

    /// `postgres://postgres@127.0.0.1:PORT`, to which a database name is added.
    pub fn base_url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}", self.port)
    }

    /// Stops the server (letting it finish what it does, as `pg_ctl restart` does) and starts
    /// it again.
    pub fn restart(&self) {
        self.stop();
        self.start_again();
    }

    /// Stops the server the way `pg_ctl stop` does by default (fast: open transactions are
    /// rolled back, committed ones kept).
    pub fn stop(&self) {
        self.run("pg_ctl", &["-D", &self.data(), "-m", "fast", "-w", "stop"]);
    }

    /// Starts a stopped server again on the same port.
    pub fn start_again(&self) {
        self.pg_ctl("start");
    }

    fn data(&self) -> String {
        self.dir.path().join("data").to_string_lossy().into_owned()
    }

    fn pg_ctl(&self, action: &str) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c max_connections=200",
            self.port,
            self.dir.path().display()
        );
        let log = self.dir.path().join("log").to_string_lossy().into_owned();
        self.run(
            "pg_ctl",
            &["-D", &self.data(), "-o", &options, "-l", &log, "-w", action],
        );
    }

    fn run(&self, program: &str, args: &[&str]) {
        let program = self.bin.join(program).to_string_lossy().into_owned();
        let mut cmd = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--", &program]);
            c
        } else {
            Command::new(&program)
        };
        let out = cmd
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{program}: {e}"));
        assert!(
            out.status.success(),
            "{program} {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let program = self.bin.join("pg_ctl").to_string_lossy().into_owned();
        let data = self.data();
        let args = ["-D", data.as_str(), "-m", "immediate", "-w", "stop"];
        let mut cmd = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--", &program]);
            c
        } else {
            Command::new(&program)
        };
        let _ = cmd.args(args).output();
    }
}

/// The newest `/usr/lib/postgresql/*/bin` with `initdb` and `pg_ctl`, or `pg_config --bindir`.
fn server_bin() -> Option<PathBuf> {
    let has = |dir: &Path| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file();
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let version = e.file_name().to_string_lossy().parse().ok()?;
            Some((version, e.path().join("bin")))
        })
        .filter(|(_, bin)| has(bin))
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin).or_else(|| {
        let out = Command::new("pg_config").arg("--bindir").output().ok()?;
        let bin = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        has(&bin).then_some(bin)
    })
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}
