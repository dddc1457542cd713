-- Comments (批注) pinned to a point on a page, with replies, resolved when dealt with. They are
-- not part of the edition (they never print): they live beside it, and every window on the
-- edition is told of a change through NOTIFY broadsheet_edits, payload 'comments EDITION'.
CREATE TABLE comments (
    id bigserial PRIMARY KEY,
    edition text NOT NULL REFERENCES editions (name) ON DELETE CASCADE,
    -- The page's ID and the point, in points from the trim's top-left corner, y down.
    page text NOT NULL,
    x real NOT NULL,
    y real NOT NULL,
    author text NOT NULL,
    body text NOT NULL,
    -- The comment this one answers; replies carry their parent's page and point.
    parent bigint REFERENCES comments (id) ON DELETE CASCADE,
    resolved_by text,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX comments_edition ON comments (edition, id);
