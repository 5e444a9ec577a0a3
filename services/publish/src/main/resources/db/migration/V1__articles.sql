-- Articles as publish stores them, and every status each submission reached.
-- Flyway applies this once (quarkus.flyway.migrate-at-start); a released migration is never edited: change the
-- schema with a new V<n>__<what>.sql.

-- One row per article id. The content (title … regions) is the latest classification by classified_at; the status
-- columns (submission_id … status_at) are derived from article_status by ArticleStore, never written alone.
CREATE TABLE article (
    id            text        PRIMARY KEY,
    url           text,
    final_url     text,
    submission_id text        NOT NULL,
    status        text        NOT NULL,
    reason        text,
    detail        text,
    title         text,
    text          text,
    html          text,
    author        text,
    language      text,
    published_at  timestamptz,
    -- Labels, best first, as [{"code", "name", "score"}]: always read and written whole with the article, so a
    -- child table would only add a join and a delete-and-insert per classification.
    topics        jsonb       NOT NULL DEFAULT '[]',
    regions       jsonb       NOT NULL DEFAULT '[]',
    -- The best label's code, copied out of topics/regions so filters and the list need no JSON.
    topic         text,
    region        text,
    classified_at timestamptz,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    status_at     timestamptz NOT NULL,
    CONSTRAINT article_id_format CHECK (id ~ '^[0-9a-f]{16}$'),
    CONSTRAINT article_status_known
        CHECK (status IN ('RECEIVED', 'FETCHED', 'NORMALISED', 'CLASSIFIED', 'PUBLISHED', 'FAILED'))
);

-- GET /api/v1/articles: newest first.
CREATE INDEX article_newest ON article (created_at DESC, id);

-- The timeline: one row per (submission, status), so a redelivered event inserts nothing.
CREATE TABLE article_status (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id    text        NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    submission_id text        NOT NULL,
    status        text        NOT NULL,
    stage         text        NOT NULL,
    reason        text,
    detail        text,
    at            timestamptz NOT NULL,
    CONSTRAINT article_status_once UNIQUE (submission_id, status),
    CONSTRAINT article_status_status_known
        CHECK (status IN ('RECEIVED', 'FETCHED', 'NORMALISED', 'CLASSIFIED', 'PUBLISHED', 'FAILED'))
);

CREATE INDEX article_status_timeline ON article_status (article_id, at, id);
