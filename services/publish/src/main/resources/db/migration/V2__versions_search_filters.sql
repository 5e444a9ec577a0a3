-- Issue 7: article versions, full-text search, list filters.
-- A released migration is never edited: change the schema with a new V<n>__<what>.sql.

-- Every classification of an article, one row per submission: a refetch is a new submission and so a new version.
-- Numbers count distinct submissions in the order publish stored them (1, 2, …) and never change; the article's
-- current content is the version with the latest classified_at, so a late older version gets a number but does not
-- become current. A redelivery (same submission) inserts nothing; a newer classification of the same submission
-- updates its row in place.
CREATE TABLE article_version (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id    text        NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    version       integer     NOT NULL,
    submission_id text        NOT NULL,
    url           text,
    final_url     text,
    title         text,
    text          text,
    html          text,
    author        text,
    language      text,
    published_at  timestamptz,
    topics        jsonb       NOT NULL DEFAULT '[]',
    regions       jsonb       NOT NULL DEFAULT '[]',
    classified_at timestamptz NOT NULL,
    stored_at     timestamptz NOT NULL,
    CONSTRAINT article_version_number UNIQUE (article_id, version),
    CONSTRAINT article_version_once UNIQUE (article_id, submission_id),
    CONSTRAINT article_version_positive CHECK (version > 0)
);

-- The number of the version the article shows; null until it is first published.
ALTER TABLE article ADD COLUMN version integer;

-- Articles stored before versions existed become version 1. V1 kept only the shown submission, which is the one
-- the content came from unless a refetch was still in progress: the closest record there is.
INSERT INTO article_version (article_id, version, submission_id, url, final_url, title, text, html, author,
                             language, published_at, topics, regions, classified_at, stored_at)
SELECT id, 1, submission_id, url, final_url, title, text, html, author, language, published_at, topics, regions,
       classified_at, updated_at
FROM article WHERE classified_at IS NOT NULL;
UPDATE article SET version = 1 WHERE classified_at IS NOT NULL;

-- The site an article comes from (the URL's host, lower case): the `source` filter and facet. Derived, so no
-- writer can forget it.
ALTER TABLE article ADD COLUMN source text
    GENERATED ALWAYS AS (lower(substring(url FROM '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?([^/?#:]+)'))) STORED;

-- Full-text search over the current version: English words stemmed by the 'english' configuration, CJK text as
-- single characters and bigrams computed in Java (huixun.publish.search.SearchText); see docs/publishing.md.
ALTER TABLE article ADD COLUMN search tsvector;
CREATE INDEX article_search ON article USING gin (search);

-- Filters of GET /api/v1/articles. A label filter matches any label (not only the best), by containment.
CREATE INDEX article_topics ON article USING gin (topics jsonb_path_ops);
CREATE INDEX article_regions ON article USING gin (regions jsonb_path_ops);
CREATE INDEX article_source ON article (source, created_at DESC, id);
CREATE INDEX article_language ON article (language, created_at DESC, id);
CREATE INDEX article_published ON article (published_at);
