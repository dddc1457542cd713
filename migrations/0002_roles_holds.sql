-- Who may change what: the newsroom's people with their roles, and page holds (soft locks a
-- designer takes on the pages they lay out). The append function now refuses an edit its
-- author's role may not make, naming why.

-- The newsroom's people. A server with nobody here has roles off: anyone may make any edit
-- (one person, or a newsroom that trusts itself). Once someone is here, an author who is not
-- is refused.
--   designer: geometry, page titles and story placement on pages they hold; styles,
--             templates, photos and the page list anywhere; sends a page for review.
--   editor:   story text (headlines, captions, body …), page comments, sign-off.
--   chief:    everything, and reopens any signed-off page.
CREATE TABLE users (
    name text PRIMARY KEY,
    role text NOT NULL CHECK (role IN ('designer', 'editor', 'chief')),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Page holds: one holder per page of an edition. `since` is when it was taken; `seen` when the
-- holder last changed that page (or took the hold); a hold not seen for 30 minutes is stale and
-- anyone may take it over (the chief always may).
CREATE TABLE holds (
    edition text NOT NULL REFERENCES editions (name) ON DELETE CASCADE,
    page text NOT NULL,
    holder text NOT NULL,
    since timestamptz NOT NULL DEFAULT now(),
    seen timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (edition, page)
);

-- Who has a window open on an edition: each live window says so every second; one not heard
-- from for 5 seconds has gone. (Connection names cannot carry Chinese names: PostgreSQL keeps
-- only ASCII in application_name.)
CREATE TABLE presence (
    edition text NOT NULL REFERENCES editions (name) ON DELETE CASCADE,
    client text NOT NULL,
    author text NOT NULL,
    seen timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (edition, client)
);

-- Why `p_author` may not make an edit needing `p_needs`, or NULL when they may. The client
-- says what the edit needs (store::roles::needs), from the edition it applies the edit to:
--   geometry:PAGE      moving, adding, restyling frames on PAGE, its title, section, template,
--                      place; threading a story through it
--   design             styles, templates, photos, inserting pages
--   text               story text and stories
--   review:PAGE        sending PAGE for review (or back to editing)
--   signoff:PAGE       signing PAGE off
--   reopen:PAGE:NAME   reopening PAGE, signed off by NAME
--   settings           the edition's paper, date, sections
CREATE FUNCTION broadsheet_refusal(p_edition text, p_author text, p_needs text[])
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    v_role text;
    v_need text;
    v_kind text;
    v_page text;
    v_holder text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM users) THEN
        RETURN NULL;
    END IF;
    SELECT u.role INTO v_role FROM users u WHERE u.name = p_author;
    IF NOT FOUND THEN
        RETURN format('%s is not one of this newsroom''s users', p_author);
    END IF;
    IF v_role = 'chief' THEN
        RETURN NULL;
    END IF;
    FOREACH v_need IN ARRAY p_needs LOOP
        v_kind := split_part(v_need, ':', 1);
        v_page := split_part(v_need, ':', 2);
        IF v_kind = 'geometry' THEN
            IF v_role <> 'designer' THEN
                RETURN format('%s is an editor: page %s''s frames and placement are the designers''', p_author, v_page);
            END IF;
            SELECT h.holder INTO v_holder FROM holds h
                WHERE h.edition = p_edition AND h.page = v_page;
            IF v_holder IS NULL THEN
                RETURN format('page %s is not held: hold it before changing it', v_page);
            ELSIF v_holder <> p_author THEN
                RETURN format('page %s is held by %s', v_page, v_holder);
            END IF;
        ELSIF v_kind = 'design' AND v_role <> 'designer' THEN
            RETURN format('%s is an editor: styles, templates and photos are the designers''', p_author);
        ELSIF v_kind = 'text' AND v_role <> 'editor' THEN
            RETURN format('%s is a designer: story text is the editors''', p_author);
        ELSIF v_kind = 'review' AND v_role = 'designer' THEN
            SELECT h.holder INTO v_holder FROM holds h
                WHERE h.edition = p_edition AND h.page = v_page;
            IF v_holder IS DISTINCT FROM p_author THEN
                RETURN format('page %s can be sent for review by its holder or an editor', v_page);
            END IF;
        ELSIF v_kind = 'signoff' AND v_role <> 'editor' THEN
            RETURN format('%s is a designer: an editor signs pages off', p_author);
        ELSIF v_kind = 'reopen' AND split_part(v_need, ':', 3) <> p_author THEN
            RETURN format('page %s was signed off by %s: only they or the chief can reopen it',
                v_page, split_part(v_need, ':', 3));
        ELSIF v_kind = 'settings' THEN
            RETURN format('%s is a %s: the edition''s settings are the chief''s', p_author, v_role);
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;

-- The append of 0001, with the edit's needs: refused (and not stored) when its author may not
-- make it, with the reason in `refused`. A holder's edit on a page keeps their hold fresh.
DROP FUNCTION broadsheet_append(text, text, bigint, text, bigint, text[], text);
CREATE FUNCTION broadsheet_append(
    p_edition text, p_client text, p_seq bigint, p_author text, p_base bigint,
    p_touches text[], p_needs text[], p_edit text
) RETURNS TABLE (version bigint, conflict_author text, conflict_version bigint, refused text)
LANGUAGE plpgsql AS $$
DECLARE
    v_head bigint;
    v_replaced_at bigint;
    v_replaced_by text;
    v_author text;
    v_version bigint;
    v_refused text;
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
        RETURN QUERY SELECT v_version, NULL::text, NULL::bigint, NULL::text;
        RETURN;
    END IF;
    v_refused := broadsheet_refusal(p_edition, p_author, p_needs);
    IF v_refused IS NOT NULL THEN
        RETURN QUERY SELECT NULL::bigint, NULL::text, NULL::bigint, v_refused;
        RETURN;
    END IF;
    IF p_base < v_replaced_at THEN
        RETURN QUERY SELECT NULL::bigint, v_replaced_by, v_replaced_at, NULL::text;
        RETURN;
    END IF;
    SELECT l.author, l.version INTO v_author, v_version FROM edits l
        WHERE l.edition = p_edition AND l.version > p_base AND l.client <> p_client
          AND l.touches && p_touches
        ORDER BY l.version LIMIT 1;
    IF FOUND THEN
        RETURN QUERY SELECT NULL::bigint, v_author, v_version, NULL::text;
        RETURN;
    END IF;
    v_head := v_head + 1;
    INSERT INTO edits (edition, version, client, seq, author, base, touches, edit)
        VALUES (p_edition, v_head, p_client, p_seq, p_author, p_base, p_touches, p_edit);
    UPDATE editions SET head = v_head, updated_at = now() WHERE name = p_edition;
    UPDATE holds h SET seen = now()
        WHERE h.edition = p_edition AND h.holder = p_author
          AND ('geometry:' || h.page) = ANY (p_needs);
    PERFORM pg_notify('broadsheet_edits', v_head::text || ' ' || p_edition);
    RETURN QUERY SELECT v_head, NULL::text, NULL::bigint, NULL::text;
END
$$;

-- Takes page `p_page` of `p_edition` for `p_holder`. Returns the holder afterwards and since
-- when: the caller when it was free, already theirs, or stale (not seen for 30 minutes) and
-- `p_take_over`; the chief may take over any hold with `p_take_over`. Otherwise the present
-- holder, unchanged.
CREATE FUNCTION broadsheet_hold(p_edition text, p_page text, p_holder text, p_take_over boolean)
RETURNS TABLE (holder text, since timestamptz) LANGUAGE plpgsql AS $$
DECLARE
    v_holder text;
    v_seen timestamptz;
    v_chief boolean;
BEGIN
    v_chief := EXISTS (SELECT 1 FROM users u WHERE u.name = p_holder AND u.role = 'chief');
    SELECT h.holder, h.seen INTO v_holder, v_seen FROM holds h
        WHERE h.edition = p_edition AND h.page = p_page FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO holds (edition, page, holder) VALUES (p_edition, p_page, p_holder);
    ELSIF v_holder = p_holder THEN
        UPDATE holds h SET seen = now() WHERE h.edition = p_edition AND h.page = p_page;
    ELSIF p_take_over AND (v_chief OR v_seen < now() - interval '30 minutes') THEN
        UPDATE holds h SET holder = p_holder, since = now(), seen = now()
            WHERE h.edition = p_edition AND h.page = p_page;
    END IF;
    PERFORM pg_notify('broadsheet_edits', 'holds ' || p_edition);
    RETURN QUERY SELECT h.holder, h.since FROM holds h
        WHERE h.edition = p_edition AND h.page = p_page;
END
$$;
