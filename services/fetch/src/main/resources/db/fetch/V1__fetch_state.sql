-- The fetch service's state, in its own schema "fetch" (quarkus.flyway.schemas) of the database publish uses.
-- Flyway applies this once (quarkus.flyway.migrate-at-start); a released migration is never edited: change the
-- schema with a new V<n>__<what>.sql.

-- Every URL ever accepted, by article id, with its first submission: a known URL is answered 200 with these ids
-- instead of becoming a new article. acknowledged_at is set once the broker has recorded the submission; a row
-- without it (the service died, or the broker did not answer) is sent again by the next submission of the URL.
CREATE TABLE known_url (
    article_id      text        PRIMARY KEY,
    canonical_url   text        NOT NULL,
    submission_id   text        NOT NULL,
    submitted_at    timestamptz NOT NULL,
    acknowledged_at timestamptz,
    CONSTRAINT known_url_article_id_format CHECK (article_id ~ '^[0-9a-f]{16}$')
);

-- Feed and sitemap subscriptions. etag/last_modified are the validators of the last 200, sent back as
-- If-None-Match/If-Modified-Since; next_poll_at is when the poller claims the feed again.
CREATE TABLE feed (
    id               uuid        PRIMARY KEY,
    url              text        NOT NULL UNIQUE,
    interval_seconds integer     NOT NULL CHECK (interval_seconds > 0),
    -- The subscription's labels, broadest first (group, source, feed), as a JSON array of strings.
    categories       text        NOT NULL DEFAULT '[]',
    title            text,
    etag             text,
    last_modified    text,
    next_poll_at     timestamptz NOT NULL,
    last_polled_at   timestamptz,
    last_outcome     text,
    created_at       timestamptz NOT NULL
);

CREATE INDEX feed_due ON feed (next_poll_at);

-- Item URLs a feed has listed, by article id: only items not in here are submitted.
CREATE TABLE feed_item (
    feed_id    uuid        NOT NULL REFERENCES feed (id) ON DELETE CASCADE,
    article_id text        NOT NULL,
    url        text        NOT NULL,
    seen_at    timestamptz NOT NULL,
    PRIMARY KEY (feed_id, article_id)
);

-- The politeness slot of each host: no request to the host starts before next_at. Shared by every replica and
-- kept across restarts; reserved with one atomic UPDATE (HostSlots).
CREATE TABLE host_slot (
    host    text        PRIMARY KEY,
    next_at timestamptz NOT NULL
);
