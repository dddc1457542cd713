//! Comments (批注) on a server edition: pinned to a point on a page, answered with replies,
//! resolved when dealt with (`migrations/0003_comments.sql`). Editors and the chief pin
//! comments and resolve them (page comments are the editors' work); anyone on the edition
//! replies.

use super::{PgStore, Role, StoreError};

/// One comment or reply.
#[derive(Clone, Debug, PartialEq)]
pub struct Comment {
    pub id: i64,
    /// The page's ID.
    pub page: String,
    /// The point it is pinned to, in points from the trim's top-left corner.
    pub x: f32,
    pub y: f32,
    pub author: String,
    pub body: String,
    /// The comment this one answers.
    pub parent: Option<i64>,
    /// Who resolved it, once resolved.
    pub resolved_by: Option<String>,
}

impl PgStore {
    /// Pins a comment by `author` (in `role`) at (`x`, `y`) on page `page`; returns its ID.
    pub fn add_comment(
        &mut self,
        edition: &str,
        page: &str,
        (x, y): (f32, f32),
        author: &str,
        role: Role,
        body: &str,
    ) -> Result<i64, StoreError> {
        if role == Role::Designer {
            return Err(self.refused(format!(
                "{author} is a designer: editors pin comments to pages; reply to one instead"
            )));
        }
        self.one_id(
            "INSERT INTO comments (edition, page, x, y, author, body) VALUES ($1, $2, $3, $4, $5, $6)
             RETURNING id",
            &[&edition, &page, &x, &y, &author, &body],
            edition,
        )
    }

    /// Answers comment `parent` (a reply to a reply answers the comment it answers).
    pub fn reply(
        &mut self,
        edition: &str,
        parent: i64,
        author: &str,
        body: &str,
    ) -> Result<i64, StoreError> {
        self.one_id(
            "INSERT INTO comments (edition, page, x, y, author, body, parent)
             SELECT edition, page, x, y, $3, $4, coalesce(parent, id) FROM comments
             WHERE edition = $1 AND id = $2
             RETURNING id",
            &[&edition, &parent, &author, &body],
            edition,
        )
    }

    /// Marks comment `id` resolved by `author` (or open again, `resolved` false).
    pub fn resolve(
        &mut self,
        edition: &str,
        id: i64,
        author: &str,
        role: Role,
        resolved: bool,
    ) -> Result<(), StoreError> {
        if role == Role::Designer {
            return Err(self.refused(format!(
                "{author} is a designer: an editor resolves comments"
            )));
        }
        let by = resolved.then_some(author);
        self.one_id(
            "UPDATE comments SET resolved_by = $3 WHERE edition = $1 AND id = $2 RETURNING id",
            &[&edition, &id, &by],
            edition,
        )
        .map(|_| ())
    }

    /// Every comment and reply on `edition`, oldest first.
    pub fn comments(&mut self, edition: &str) -> Result<Vec<Comment>, StoreError> {
        let url = self.url().to_owned();
        let rows = self
            .client()
            .query(
                "SELECT id, page, x, y, author, body, parent, resolved_by FROM comments
                 WHERE edition = $1 ORDER BY id",
                &[&edition],
            )
            .map_err(|e| super::pg::server_error(&url, e))?;
        Ok(rows
            .iter()
            .map(|r| Comment {
                id: r.get(0),
                page: r.get(1),
                x: r.get(2),
                y: r.get(3),
                author: r.get(4),
                body: r.get(5),
                parent: r.get(6),
                resolved_by: r.get(7),
            })
            .collect())
    }

    /// Runs `sql`, which returns one ID, and tells the edition's windows.
    fn one_id(
        &mut self,
        sql: &str,
        params: &[&(dyn postgres::types::ToSql + Sync)],
        edition: &str,
    ) -> Result<i64, StoreError> {
        let url = self.url().to_owned();
        let fail = |e| super::pg::server_error(&url, e);
        let mut tx = self.client().transaction().map_err(fail)?;
        let row = tx.query_opt(sql, params).map_err(fail)?;
        let Some(row) = row else {
            return Err(StoreError::Server {
                url: url.clone(),
                reason: format!("there is no such comment on \"{edition}\""),
            });
        };
        tx.execute(
            "SELECT pg_notify('broadsheet_edits', 'comments ' || $1::text)",
            &[&edition],
        )
        .map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(row.get(0))
    }

    fn refused(&self, reason: String) -> StoreError {
        StoreError::Server {
            url: self.url().to_owned(),
            reason,
        }
    }
}
