//! Who may change what on a server edition: the roles, and what each edit needs of its
//! author's role. The client says what an edit needs ([`needs`]); the server decides, with its
//! users and page holds (`broadsheet_refusal` in `migrations/0002_roles_holds.sql`).

use serde::{Deserialize, Serialize};

use crate::model::{Edit, Edition, PageStatus};

/// A person's role in the newsroom.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Geometry, styles and story placement on the pages they hold.
    #[default]
    Designer,
    /// Story text, headlines, captions, page comments, sign-off.
    Editor,
    /// Everything.
    Chief,
}

impl Role {
    pub const ALL: [Role; 3] = [Self::Designer, Self::Editor, Self::Chief];

    /// The name the server stores.
    pub fn key(self) -> &'static str {
        match self {
            Self::Designer => "designer",
            Self::Editor => "editor",
            Self::Chief => "chief",
        }
    }

    /// The role a stored name means.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// A page hold: a soft lock a designer takes on a page they lay out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hold {
    /// The page's ID.
    pub page: String,
    pub holder: String,
    /// When it was taken, as the server's clock has it (UTC).
    pub since: std::time::SystemTime,
}

/// What `edit` needs of its author, computed against the edition it is applied to (`before`);
/// sorted, without repeats. See `migrations/0002_roles_holds.sql` for the words.
pub fn needs(edit: &Edit, before: &Edition) -> Vec<String> {
    let mut needs: Vec<String> = Vec::new();
    let geometry = |needs: &mut Vec<String>| {
        needs.extend(
            before
                .pages_touched(edit)
                .into_iter()
                .map(|p| format!("geometry:{p}")),
        )
    };
    match edit {
        Edit::SetFrameRect { .. }
        | Edit::SetFrameKind { .. }
        | Edit::SetFrameWrap { .. }
        | Edit::SetFrameVertical { .. }
        | Edit::SetFrameLocked { .. }
        | Edit::InsertFrame { .. }
        | Edit::RemoveFrame { .. }
        | Edit::SetThread { .. }
        | Edit::RemovePage { .. }
        | Edit::MovePage { .. }
        | Edit::SetPageTitle { .. }
        | Edit::SetPageSection { .. }
        | Edit::SetPageTemplate { .. } => geometry(&mut needs),
        Edit::SetStoryStyles { .. }
        | Edit::SetCopyfit { .. }
        | Edit::InsertStyle { .. }
        | Edit::SetStyle { .. }
        | Edit::RenameStyle { .. }
        | Edit::RemoveStyle { .. }
        | Edit::SetTemplate { .. }
        | Edit::InsertTemplate { .. }
        | Edit::RemoveTemplate { .. }
        | Edit::InsertPhoto { .. }
        | Edit::RemovePhoto { .. }
        | Edit::InsertPage { .. } => needs.push("design".to_owned()),
        Edit::SetStoryText { .. }
        | Edit::SetParagraphs { .. }
        | Edit::InsertStory { .. }
        | Edit::RemoveStory { .. } => needs.push("text".to_owned()),
        Edit::SetEditionSettings(_) => needs.push("settings".to_owned()),
        Edit::SetPageStatus { page, status } => {
            let now = before
                .pages
                .iter()
                .find(|p| &p.id == page)
                .map(|p| &p.status);
            if let Some(PageStatus::SignedOff { by }) = now {
                needs.push(format!("reopen:{page}:{by}"));
            }
            needs.push(match status {
                PageStatus::SignedOff { .. } => format!("signoff:{page}"),
                PageStatus::Editing | PageStatus::Review => format!("review:{page}"),
            });
        }
    }
    needs.sort();
    needs.dedup();
    needs
}

/// How long a hold lasts without its holder changing the page before others may take it
/// over (the server's rule, `broadsheet_hold`).
pub const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(30 * 60);

/// The newsroom's people and page holds on the server.
impl super::PgStore {
    /// Registers `user` with `role` when the server does not know them; returns the role the
    /// server has for them (which may differ: the chief changes roles with
    /// [`super::PgStore::set_role`]).
    ///
    /// Anyone may join as a designer or an editor; only the first may name themselves chief
    /// (a newsroom with a chief gets more chiefs from [`super::PgStore::set_role`]).
    pub fn join(&mut self, user: &str, role: Role) -> Result<Role, super::StoreError> {
        let url = self.url().to_owned();
        if role == Role::Chief {
            let chief: Option<String> = self
                .client()
                .query_opt(
                    "SELECT c.name FROM users c WHERE c.role = 'chief'
                     AND NOT EXISTS (SELECT 1 FROM users u WHERE u.name = $1)
                     ORDER BY c.name LIMIT 1",
                    &[&user],
                )
                .map_err(|e| super::pg::server_error(&url, e))?
                .map(|r| r.get(0));
            if let Some(chief) = chief {
                return Err(super::StoreError::Server {
                    url,
                    reason: format!(
                        "this newsroom's chief is {chief}: join as a designer or an editor, and ask them to make {user} a chief"
                    ),
                });
            }
        }
        let row = self
            .client()
            .query_one(
                "WITH added AS (INSERT INTO users (name, role) VALUES ($1, $2)
                     ON CONFLICT (name) DO NOTHING RETURNING role)
                 SELECT role FROM added UNION ALL SELECT role FROM users WHERE name = $1",
                &[&user, &role.key()],
            )
            .map_err(|e| super::pg::server_error(&url, e))?;
        let key: String = row.get(0);
        Ok(Role::from_key(&key).unwrap_or_default())
    }

    /// Gives `user` the role `role`, adding them if new.
    pub fn set_role(&mut self, user: &str, role: Role) -> Result<(), super::StoreError> {
        let url = self.url().to_owned();
        self.client()
            .execute(
                "INSERT INTO users (name, role) VALUES ($1, $2)
                 ON CONFLICT (name) DO UPDATE SET role = $2",
                &[&user, &role.key()],
            )
            .map_err(|e| super::pg::server_error(&url, e))?;
        Ok(())
    }

    /// Holds `page` of `edition` for `user`. Returns the hold afterwards: `user`'s when the page
    /// was free, theirs already, or `take_over` was asked and the hold was stale (or `user` is
    /// the chief); else the present holder's, unchanged.
    pub fn hold(
        &mut self,
        edition: &str,
        page: &str,
        user: &str,
        take_over: bool,
    ) -> Result<Hold, super::StoreError> {
        let url = self.url().to_owned();
        let row = self
            .client()
            .query_one(
                "SELECT holder, since FROM broadsheet_hold($1, $2, $3, $4)",
                &[&edition, &page, &user, &take_over],
            )
            .map_err(|e| super::pg::server_error(&url, e))?;
        Ok(Hold {
            page: page.to_owned(),
            holder: row.get(0),
            since: row.get(1),
        })
    }

    /// Gives up `user`'s hold on `page`; false when they did not hold it.
    pub fn release(
        &mut self,
        edition: &str,
        page: &str,
        user: &str,
    ) -> Result<bool, super::StoreError> {
        let url = self.url().to_owned();
        let n = self
            .client()
            .execute(
                "WITH gone AS (DELETE FROM holds WHERE edition = $1 AND page = $2 AND holder = $3
                     RETURNING 1)
                 SELECT pg_notify('broadsheet_edits', 'holds ' || $1) FROM gone",
                &[&edition, &page, &user],
            )
            .map_err(|e| super::pg::server_error(&url, e))?;
        Ok(n > 0)
    }

    /// The holds on `edition`, by page ID.
    pub fn holds(&mut self, edition: &str) -> Result<Vec<Hold>, super::StoreError> {
        let url = self.url().to_owned();
        let rows = self
            .client()
            .query(
                "SELECT page, holder, since FROM holds WHERE edition = $1 ORDER BY page",
                &[&edition],
            )
            .map_err(|e| super::pg::server_error(&url, e))?;
        Ok(rows
            .iter()
            .map(|r| Hold {
                page: r.get(0),
                holder: r.get(1),
                since: r.get(2),
            })
            .collect())
    }
}
