-- Broadsheet's newsroom store: an edition is a snapshot plus an append-only log of edits.
-- Applied once by `broadsheet serve-init`, in order with the later files, and recorded in
-- broadsheet_migrations. Never edit a migration that has shipped; add the next file instead.

-- One row per edition. `snapshot` is the RON text `broadsheet` saves (model::io::to_string),
-- so pulling an edition without edits gives back the pushed file's bytes. The snapshot holds
-- every edit up to `snapshot_version`; the edition now is the snapshot plus the log's edits
-- after it, up to `head`.
CREATE TABLE editions (
    name text PRIMARY KEY,
    -- The RON format version the snapshot is written in (model::FORMAT_VERSION).
    format integer NOT NULL,
    snapshot text NOT NULL,
    snapshot_version bigint NOT NULL,
    head bigint NOT NULL,
    -- The version at which the whole edition was last replaced (a push over it) and by whom:
    -- an edit based on an older version conflicts with that replacement.
    replaced_at bigint NOT NULL DEFAULT 0,
    replaced_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (snapshot_version <= head AND replaced_at <= head)
);

-- The log. `version` counts from 1 per edition; `base` is the version the author's editor had
-- seen when the edit was made; `touches` are the things it changes (`frame:f12`,
-- `story:s3` …), which decide whether it commutes with edits it did not see. `client` and
-- `seq` name the editor window and its own count, so a resent edit is recognised.
-- `author` is the person's name; roles and page holds will add their own tables.
CREATE TABLE edits (
    edition text NOT NULL REFERENCES editions (name) ON DELETE CASCADE,
    version bigint NOT NULL,
    client text NOT NULL,
    seq bigint NOT NULL,
    author text NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    base bigint NOT NULL,
    touches text[] NOT NULL,
    -- The edit as RON text (model::Edit).
    edit text NOT NULL,
    PRIMARY KEY (edition, version),
    UNIQUE (edition, client, seq)
);

-- Appends one edit in one round trip. Returns the edit's version, or, when an edit by someone
-- else after `p_base` touches what this one touches, who made it and at which version (the
-- edit is then not stored). A (client, seq) already stored returns its version again, so an
-- editor that lost its connection mid-append can resend safely. Every client on the edition is
-- told through NOTIFY broadsheet_edits, payload 'VERSION EDITION', when the append commits.
CREATE FUNCTION broadsheet_append(
    p_edition text, p_client text, p_seq bigint, p_author text, p_base bigint,
    p_touches text[], p_edit text
) RETURNS TABLE (version bigint, conflict_author text, conflict_version bigint)
LANGUAGE plpgsql AS $$
DECLARE
    v_head bigint;
    v_replaced_at bigint;
    v_replaced_by text;
    v_author text;
    v_version bigint;
BEGIN
    -- The row lock orders appends to one edition; other editions append in parallel.
    SELECT e.head, e.replaced_at, e.replaced_by INTO v_head, v_replaced_at, v_replaced_by
        FROM editions e WHERE e.name = p_edition FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no edition "%"', p_edition USING ERRCODE = 'P0002';
    END IF;
    SELECT l.version INTO v_version FROM edits l
        WHERE l.edition = p_edition AND l.client = p_client AND l.seq = p_seq;
    IF FOUND THEN
        RETURN QUERY SELECT v_version, NULL::text, NULL::bigint;
        RETURN;
    END IF;
    IF p_base < v_replaced_at THEN
        RETURN QUERY SELECT NULL::bigint, v_replaced_by, v_replaced_at;
        RETURN;
    END IF;
    SELECT l.author, l.version INTO v_author, v_version FROM edits l
        WHERE l.edition = p_edition AND l.version > p_base AND l.client <> p_client
          AND l.touches && p_touches
        ORDER BY l.version LIMIT 1;
    IF FOUND THEN
        RETURN QUERY SELECT NULL::bigint, v_author, v_version;
        RETURN;
    END IF;
    v_head := v_head + 1;
    INSERT INTO edits (edition, version, client, seq, author, base, touches, edit)
        VALUES (p_edition, v_head, p_client, p_seq, p_author, p_base, p_touches, p_edit);
    UPDATE editions SET head = v_head, updated_at = now() WHERE name = p_edition;
    PERFORM pg_notify('broadsheet_edits', v_head::text || ' ' || p_edition);
    RETURN QUERY SELECT v_head, NULL::text, NULL::bigint;
END
$$;
