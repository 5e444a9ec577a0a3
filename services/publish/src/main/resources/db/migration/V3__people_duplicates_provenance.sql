-- Issue 7, contract fields of session 2: people, keywords, duplicate clusters, feed origin and the page's metadata
-- (normalise and classify now send them). A released migration is never edited: change the schema with a new
-- V<n>__<what>.sql.

-- The same columns on the article (its current content) and on each version, so ?version=n shows them too.
-- Labels and string lists are jsonb like topics/regions: read and written whole with the row.
DO $$
DECLARE
    content_table text;
BEGIN
    FOREACH content_table IN ARRAY ARRAY['article', 'article_version'] LOOP
        EXECUTE format($columns$
            ALTER TABLE %I
                ADD COLUMN people            jsonb NOT NULL DEFAULT '[]',
                ADD COLUMN keywords          jsonb NOT NULL DEFAULT '[]',
                ADD COLUMN simhash           text,
                ADD COLUMN content_hash      text,
                -- The earliest stored article this one nearly duplicates (classify's decision); its cluster is
                -- that article and every article naming it. Not a foreign key: classify may name an article
                -- publish has not stored yet.
                ADD COLUMN duplicate_of      text,
                ADD COLUMN origin_feed_id    text,
                ADD COLUMN origin_feed_url   text,
                ADD COLUMN origin_feed_title text,
                -- The feed subscription's labels, broadest first: [group, source, feed].
                ADD COLUMN categories        jsonb NOT NULL DEFAULT '[]',
                ADD COLUMN lead_image        text,
                -- When the page says it was last updated; updated_at is when publish last changed the row.
                ADD COLUMN modified_at       timestamptz,
                ADD COLUMN canonical_url     text,
                ADD COLUMN description       text,
                ADD COLUMN site_categories   jsonb NOT NULL DEFAULT '[]',
                ADD COLUMN editor            text,
                ADD COLUMN original_title    text,
                ADD COLUMN source_name       text,
                -- ISO 15924 script of a Chinese page (Hans, Hant); null for other languages.
                ADD COLUMN script            text,
                -- The body in the page's own script (text is Simplified).
                ADD COLUMN text_original     text
            $columns$, content_table);
    END LOOP;
END
$$;

-- The OpenTelemetry trace of the submission, when the stage had one: GET /api/v1/submissions/{id} shows it.
ALTER TABLE article_status ADD COLUMN trace_id text;

-- Filters: person (any people label, by containment), script, and the duplicate cluster (duplicates are hidden
-- unless asked for; the article page lists an article's cluster).
CREATE INDEX article_people ON article USING gin (people jsonb_path_ops);
CREATE INDEX article_script ON article (script, created_at DESC, id);
CREATE INDEX article_duplicate_of ON article (duplicate_of) WHERE duplicate_of IS NOT NULL;
-- GET /api/v1/submissions/{id}: one submission's statuses. The unique (submission_id, status) index serves it.
