//! The server's schema, versioned in the repository (`migrations/NNNN_name.sql`): applied in
//! order, each once, and recorded in `broadsheet_migrations`.

use postgres::Client;

/// One schema step: its number (the file's prefix), its name and its SQL.
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    pub version: i32,
    pub name: &'static str,
    pub sql: &'static str,
}

/// Every migration, in order. A test checks this list against the `migrations/` folder.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "0001_editions",
        sql: include_str!("../../migrations/0001_editions.sql"),
    },
    Migration {
        version: 2,
        name: "0002_roles_holds",
        sql: include_str!("../../migrations/0002_roles_holds.sql"),
    },
    Migration {
        version: 3,
        name: "0003_comments",
        sql: include_str!("../../migrations/0003_comments.sql"),
    },
];

/// The schema version this build reads and writes.
pub fn latest() -> i32 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// Any number, the same in every Broadsheet: two `serve-init`s at once take turns on it.
const LOCK_KEY: i64 = 0x6272_6f61_6473;

const CREATE_TABLE: &str = "CREATE TABLE IF NOT EXISTS broadsheet_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
)";

/// Applies the migrations the server lacks, in one transaction; returns the names of those
/// applied (none when the schema is current). A server whose schema is newer than this build's
/// is left alone and reported as `Err(found)`.
pub fn migrate(client: &mut Client) -> Result<Result<Vec<&'static str>, i32>, postgres::Error> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LOCK_KEY])?;
    tx.batch_execute(CREATE_TABLE)?;
    let found = current(&mut tx)?;
    if found > latest() {
        return Ok(Err(found));
    }
    let mut applied = Vec::new();
    for m in MIGRATIONS.iter().filter(|m| m.version > found) {
        tx.batch_execute(m.sql)?;
        tx.execute(
            "INSERT INTO broadsheet_migrations (version, name) VALUES ($1, $2)",
            &[&m.version, &m.name],
        )?;
        applied.push(m.name);
    }
    tx.commit()?;
    Ok(Ok(applied))
}

/// The newest migration recorded on the server; 0 when there is none (or no table yet).
pub fn current(client: &mut impl postgres::GenericClient) -> Result<i32, postgres::Error> {
    let exists: bool = client
        .query_one(
            "SELECT to_regclass('broadsheet_migrations') IS NOT NULL",
            &[],
        )?
        .get(0);
    if !exists {
        return Ok(0);
    }
    let row = client.query_one(
        "SELECT coalesce(max(version), 0) FROM broadsheet_migrations",
        &[],
    )?;
    Ok(row.get(0))
}
