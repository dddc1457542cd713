//! Who else is on an edition and who holds which page, as a live window sees it; holding and
//! releasing pages; and the role rule applied before an edit is sent (the server applies the
//! same rule, `broadsheet_refusal`, and has the last word).

use std::time::Duration;

use super::Live;
use crate::store::{Hold, PgStore, Role, StoreError};

/// How often a window looks again at who is on the edition.
pub(super) const EVERY: Duration = Duration::from_secs(1);

/// How long a window may go without saying it is there before others stop counting it.
const GONE_AFTER: &str = "5 seconds";

/// The people on an edition and its page holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Room {
    /// The names of everyone with a window open on the edition (this one's included), sorted,
    /// each once.
    pub present: Vec<String>,
    /// Page holds, by page ID.
    pub holds: Vec<Hold>,
    /// Comments (批注) and their replies, oldest first.
    pub comments: Vec<crate::store::Comment>,
}

impl Room {
    /// Who holds the page with ID `page`, if anyone.
    pub fn hold(&self, page: &str) -> Option<&Hold> {
        self.holds.iter().find(|h| h.page == page)
    }
}

/// Says that window `client` of `author` is on `edition`, and reads the room from the server.
pub(super) fn fetch(
    server: &mut PgStore,
    edition: &str,
    client: &str,
    author: &str,
) -> Result<Room, StoreError> {
    let url = server.url().to_owned();
    let fail = |e| crate::store::pg::server_error(&url, e);
    let db = server.client();
    db.execute(
        "INSERT INTO presence (edition, client, author) VALUES ($1, $2, $3)
         ON CONFLICT (edition, client) DO UPDATE SET seen = now()",
        &[&edition, &client, &author],
    )
    .map_err(fail)?;
    let rows = db
        .query(
            &format!(
                "SELECT DISTINCT author FROM presence
                 WHERE edition = $1 AND seen > now() - interval '{GONE_AFTER}' ORDER BY author"
            ),
            &[&edition],
        )
        .map_err(fail)?;
    let present = rows.iter().map(|r| r.get(0)).collect();
    let holds = server.holds(edition)?;
    let comments = server.comments(edition)?;
    Ok(Room {
        present,
        holds,
        comments,
    })
}

/// Says that window `client` has left `edition`.
pub(super) fn leave(server: &mut PgStore, edition: &str, client: &str) {
    // A window that cannot say so is dropped from the room after GONE_AFTER anyway.
    let _ = server.client().execute(
        "DELETE FROM presence WHERE edition = $1 AND client = $2",
        &[&edition, &client],
    );
}

/// Why the newsroom refuses an edit: the server's reasons (`broadsheet_refusal`), as data so
/// the window can say them in its own language. `Display` gives the server's English words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// An editor (or anyone but a designer) changing frames or placement on `page`.
    NotDesigner {
        author: String,
        page: String,
    },
    /// A designer changing page `page`, which nobody holds.
    NotHeld {
        page: String,
    },
    HeldBy {
        page: String,
        holder: String,
    },
    /// An editor changing styles, templates, photos or the page list.
    NotDesignerStyles {
        author: String,
    },
    /// A designer changing story text.
    NotEditor {
        author: String,
    },
    /// A designer sending a page they do not hold for review.
    ReviewNotHolder {
        page: String,
    },
    /// A designer signing off.
    SignOffNotEditor {
        author: String,
    },
    /// Someone other than the signer (or the chief) reopening a signed-off page.
    ReopenNotSigner {
        page: String,
        signer: String,
    },
    /// Anyone but the chief changing the edition's settings.
    Settings {
        author: String,
        role: Role,
    },
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotDesigner { author, page } => write!(
                f,
                "{author} is an editor: page {page}'s frames and placement are the designers'"
            ),
            Self::NotHeld { page } => {
                write!(f, "page {page} is not held: hold it before changing it")
            }
            Self::HeldBy { page, holder } => write!(f, "page {page} is held by {holder}"),
            Self::NotDesignerStyles { author } => write!(
                f,
                "{author} is an editor: styles, templates and photos are the designers'"
            ),
            Self::NotEditor { author } => {
                write!(f, "{author} is a designer: story text is the editors'")
            }
            Self::ReviewNotHolder { page } => write!(
                f,
                "page {page} can be sent for review by its holder or an editor"
            ),
            Self::SignOffNotEditor { author } => {
                write!(f, "{author} is a designer: an editor signs pages off")
            }
            Self::ReopenNotSigner { page, signer } => write!(
                f,
                "page {page} was signed off by {signer}: only they or the chief can reopen it"
            ),
            Self::Settings { author, role } => write!(
                f,
                "{author} is a {}: the edition's settings are the chief's",
                role.key()
            ),
        }
    }
}

/// Why `author` with `role` may not make an edit needing `needs` with the holds in `room`,
/// or None when they may: the server's rule (`broadsheet_refusal`), applied before sending so
/// the window says so at once.
pub fn refusal(role: Role, author: &str, needs: &[String], room: &Room) -> Option<Refusal> {
    if role == Role::Chief {
        return None;
    }
    let holder = |page: &str| room.hold(page).map(|h| h.holder.as_str());
    for need in needs {
        let author = author.to_owned();
        let mut parts = need.splitn(3, ':');
        let (kind, page, signer) = (
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
        );
        let page_owned = || page.to_owned();
        let why = match kind {
            "geometry" if role != Role::Designer => Some(Refusal::NotDesigner {
                author,
                page: page_owned(),
            }),
            "geometry" => match holder(page) {
                None => Some(Refusal::NotHeld { page: page_owned() }),
                Some(h) if h != author.as_str() => Some(Refusal::HeldBy {
                    page: page_owned(),
                    holder: h.to_owned(),
                }),
                Some(_) => None,
            },
            "design" if role != Role::Designer => Some(Refusal::NotDesignerStyles { author }),
            "text" if role != Role::Editor => Some(Refusal::NotEditor { author }),
            "review" if role == Role::Designer && holder(page) != Some(author.as_str()) => {
                Some(Refusal::ReviewNotHolder { page: page_owned() })
            }
            "signoff" if role != Role::Editor => Some(Refusal::SignOffNotEditor { author }),
            "reopen" if signer != author.as_str() => Some(Refusal::ReopenNotSigner {
                page: page_owned(),
                signer: signer.to_owned(),
            }),
            "settings" => Some(Refusal::Settings { author, role }),
            _ => None,
        };
        if why.is_some() {
            return why;
        }
    }
    None
}

impl Live {
    /// Opens edition `name` as `author` in `role` (see [`Live::connect`]). The server registers
    /// a new name with `role`; a known name keeps the role the server has for it, which the
    /// window then works in (see [`Live::role`]).
    pub fn connect_as(url: &str, name: &str, author: &str, role: Role) -> Result<Self, StoreError> {
        let mut control = PgStore::connect(url)?;
        let role = control.join(author, role)?;
        let mut live = Self::connect(url, name, author)?;
        live.role = Some(role);
        live.control = Some(control);
        Ok(live)
    }

    /// The role this window works in, when it joined with one.
    pub fn role(&self) -> Option<Role> {
        self.role
    }

    /// Who is on the edition and who holds which page, as last heard.
    pub fn room(&self) -> &Room {
        &self.room
    }

    /// Holds the page with ID `page` for this window's author (taking over a stale hold, or
    /// any hold for the chief, when `take_over`); returns the hold as it is afterwards, which
    /// is someone else's when theirs stands.
    pub fn hold(&mut self, page: &str, take_over: bool) -> Result<Hold, StoreError> {
        let name = self.name.clone();
        let author = self.author.clone();
        let hold = self.control(|s| s.hold(&name, page, &author, take_over))?;
        self.room.holds.retain(|h| h.page != page);
        self.room.holds.push(hold.clone());
        self.room.holds.sort_by(|a, b| a.page.cmp(&b.page));
        Ok(hold)
    }

    /// Pins a comment at `at` (points) on page `page`; the room shows it at once.
    pub fn add_comment(
        &mut self,
        page: &str,
        at: (f32, f32),
        body: &str,
    ) -> Result<i64, StoreError> {
        let (name, author) = (self.name.clone(), self.author.clone());
        let role = self.role.unwrap_or(Role::Chief);
        let id = self.control(|s| s.add_comment(&name, page, at, &author, role, body))?;
        self.refresh_comments()?;
        Ok(id)
    }

    /// Answers comment `parent`.
    pub fn reply(&mut self, parent: i64, body: &str) -> Result<i64, StoreError> {
        let (name, author) = (self.name.clone(), self.author.clone());
        let id = self.control(|s| s.reply(&name, parent, &author, body))?;
        self.refresh_comments()?;
        Ok(id)
    }

    /// Resolves comment `id` (or opens it again).
    pub fn resolve(&mut self, id: i64, resolved: bool) -> Result<(), StoreError> {
        let (name, author) = (self.name.clone(), self.author.clone());
        let role = self.role.unwrap_or(Role::Chief);
        self.control(|s| s.resolve(&name, id, &author, role, resolved))?;
        self.refresh_comments()
    }

    fn refresh_comments(&mut self) -> Result<(), StoreError> {
        let name = self.name.clone();
        self.room.comments = self.control(|s| s.comments(&name))?;
        Ok(())
    }

    /// Gives up this window's hold on page `page`.
    pub fn release(&mut self, page: &str) -> Result<(), StoreError> {
        let name = self.name.clone();
        let author = self.author.clone();
        if self.control(|s| s.release(&name, page, &author))? {
            self.room.holds.retain(|h| h.page != page);
        }
        Ok(())
    }

    /// Runs `f` on the window's own connection for holds, connecting again if it was lost.
    fn control<T>(
        &mut self,
        f: impl Fn(&mut PgStore) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let store = match &mut self.control {
            Some(store) => store,
            slot @ None => slot.insert(PgStore::connect(&self.url)?),
        };
        match f(store) {
            Err(StoreError::Connect { .. }) => {
                // Once more on a fresh connection: the old one may have gone with a restart.
                let mut store = PgStore::connect(&self.url)?;
                let answer = f(&mut store);
                self.control = Some(store);
                answer
            }
            answer => answer,
        }
    }
}

impl Live {
    /// Whether this window's role lets it make `edits` (each judged against the edition as it
    /// is now); the refusal says why. Always allowed for a window that joined without a role.
    pub fn allowed(&self, edits: &[crate::model::Edit]) -> Result<(), Refusal> {
        let Some(role) = self.role else {
            return Ok(());
        };
        for edit in edits {
            let needs = crate::store::needs(edit, &self.edition);
            if let Some(why) = refusal(role, &self.author, &needs, &self.room) {
                return Err(why);
            }
        }
        Ok(())
    }
}
