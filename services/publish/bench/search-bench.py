#!/usr/bin/env python3
"""Loads N synthetic articles into a PostgreSQL database migrated by publish's Flyway scripts and compares the two
full-text designs issue 7 asks to measure: CJK bigrams in a tsvector (what publish does) and pg_trgm.

Articles are the first 2,000 characters of the Fudan (Chinese) and BBC (English) corpora in /work/shared/corpora,
cycled until N, with a random id and creation time. The bigram split is the same as huixun.publish.search.SearchText
(CJK = Han, Hiragana, Katakana, Hangul; runs give characters and bigrams). Usage:

    search-bench.py PSQL_CONNINFO N [--load-only]
    e.g. search-bench.py "host=/tmp/pgb port=25432 user=huixun dbname=huixun" 100000

Prints load/index times, index sizes and, per query, rows found and the median of 5 runs (ms). With --load-only it
stops after loading the articles (for api-bench.sh), without building the pg_trgm index.
"""
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import unicodedata

def is_cjk(ch):
    name = unicodedata.name(ch, '')
    # Han ideographs are named "CJK UNIFIED IDEOGRAPH-…" / "CJK COMPATIBILITY IDEOGRAPH-…".
    return name.startswith(('CJK UNIFIED', 'CJK COMPATIBILITY IDEOGRAPH', 'HIRAGANA', 'KATAKANA', 'HANGUL'))

def split(text):
    latin, lexemes, run = [], {}, []
    def flush():
        if len(run) == 1:
            lexemes[run[0]] = 1
        for i in range(len(run)):
            lexemes[run[i]] = 1
            if i + 1 < len(run):
                lexemes[run[i] + run[i + 1]] = 1
        run.clear()
    for ch in text:
        if is_cjk(ch):
            run.append(ch); latin.append(' ')
        else:
            flush(); latin.append(ch)
    flush()
    return ''.join(latin), ' '.join(lexemes)

def psql(conninfo, sql, quiet=True):
    out = subprocess.run(['psql', conninfo, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql],
                         capture_output=True, text=True)
    if out.returncode:
        sys.exit(out.stderr)
    return out.stdout.strip()

def timed(conninfo, sql):
    start = time.monotonic(); psql(conninfo, sql); return time.monotonic() - start

def execution_ms(conninfo, sql):
    plan = psql(conninfo, 'EXPLAIN (ANALYZE, FORMAT JSON) ' + sql)
    return json.loads(plan)[0]['Execution Time']

def esc(s):
    # COPY's text format: backslashes doubled, newlines escaped, other control characters (NUL among them, which
    # PostgreSQL text cannot hold) blanked.
    s = ''.join(' ' if unicodedata.category(c) == 'Cc' and c != '\n' else c for c in s)
    return s.replace('\\', '\\\\').replace('\n', '\\n')

def main(conninfo, n, load_only=False):
    corpus = []
    for path, lang in (('/work/shared/corpora/fudan_zh_20/train.jsonl.gz', 'zh'),
                       ('/work/shared/corpora/bbc_en_5/train.jsonl.gz', 'en')):
        with gzip.open(path, 'rt', encoding='utf-8') as f:
            for line in f:
                text = json.loads(line)['text'][:2000]
                title = text.split('\n', 1)[0][:100]
                # Split once per corpus text: the N articles cycle through the corpus.
                (tl, tc), (xl, xc) = split(title), split(text)
                corpus.append((esc(title), esc(text), lang, (esc(tl), tc), (esc(xl), xc)))
    random.seed(7)
    with tempfile.NamedTemporaryFile('w', delete=False, suffix='.tsv', encoding='utf-8') as tsv:
        for i in range(n):
            title, text, lang, (tl, tc), (xl, xc) = corpus[i % len(corpus)]
            tsv.write('\t'.join([f'{random.getrandbits(64):016x}', f'https://site{i % 50}.example.test/{i}',
                                 title, text, lang, tl, tc, xl, xc]) + '\n')
    os.chmod(tsv.name, 0o644)
    psql(conninfo, 'CREATE UNLOGGED TABLE IF NOT EXISTS staging (id text, url text, title text, text text, '
                   'language text, tl text, tc text, xl text, xc text); TRUNCATE staging')
    t = time.monotonic()
    subprocess.run(['psql', conninfo, '-X', '-q', '-c', f"\\copy staging FROM '{tsv.name}'"], check=True)
    print(f'copy {n} rows: {time.monotonic() - t:.1f} s')
    print('insert with bigram tsvector: %.1f s' % timed(conninfo, """
        INSERT INTO article (id, url, submission_id, status, title, text, html, language, created_at, updated_at,
                             status_at, classified_at, version, search)
        SELECT id, url, 'bench', 'PUBLISHED', title, text, '<p>' || text || '</p>', language,
               now() - (row_number() OVER ()) * interval '1 second', now(), now(), now(), 1,
               setweight(to_tsvector('english', tl), 'A') || setweight(array_to_tsvector(string_to_array(tc, ' ')), 'A')
               || to_tsvector('english', xl) || array_to_tsvector(string_to_array(xc, ' '))
        FROM staging ON CONFLICT DO NOTHING"""))
    psql(conninfo, 'VACUUM ANALYZE article')
    os.unlink(tsv.name)
    if load_only:
        return
    psql(conninfo, 'CREATE EXTENSION IF NOT EXISTS pg_trgm')
    print('pg_trgm GIN index build: %.1f s' % timed(conninfo,
          "CREATE INDEX IF NOT EXISTS article_trgm ON article USING gin ((title || ' ' || text) gin_trgm_ops)"))
    print('REINDEX bigram GIN index: %.1f s' % timed(conninfo, 'REINDEX INDEX article_search'))
    print('sizes: ' + psql(conninfo, "SELECT string_agg(c || '=' || pg_size_pretty(pg_relation_size(c)), ' ') "
                                     "FROM unnest(array['article', 'article_search', 'article_trgm']) c"))
    print('show_trgm(疫情防控) = ' + psql(conninfo, "SELECT show_trgm('疫情防控')"))
    queries = [
        ('bigram 疫情防控', "search @@ cast('''疫情'' & ''情防'' & ''防控''' as tsquery)"),
        ('trgm   疫情防控', "(title || ' ' || text) LIKE '%疫情防控%'"),
        ('bigram 航空', "search @@ cast('''航空''' as tsquery)"),
        ('trgm   航空', "(title || ' ' || text) LIKE '%航空%'"),
        ('bigram 计算机辅助', "search @@ cast('''计算'' & ''算机'' & ''机辅'' & ''辅助''' as tsquery)"),
        ('trgm   计算机辅助', "(title || ' ' || text) LIKE '%计算机辅助%'"),
        ('bigram "economic growth"', "search @@ plainto_tsquery('english', 'economic growth')"),
        ('trgm   "economic growth"', "(title || ' ' || text) ILIKE '%economic growth%'"),
        ('bigram "growing economies"', "search @@ plainto_tsquery('english', 'growing economies')"),
        ('trgm   "growing economies"', "(title || ' ' || text) ILIKE '%growing economies%'"),
    ]
    for name, condition in queries:
        count = psql(conninfo, f'SELECT count(*) FROM article WHERE {condition}')
        runs = sorted(execution_ms(conninfo, f'SELECT id FROM article WHERE {condition} '
                                             'ORDER BY created_at DESC, id LIMIT 20') for _ in range(5))
        total = sorted(execution_ms(conninfo, f'SELECT count(*) FROM article WHERE {condition}') for _ in range(5))
        print(f'{name:28} rows={count:>6}  first 20 median={runs[2]:.1f} ms  count median={total[2]:.1f} ms')

if __name__ == '__main__':
    main(sys.argv[1], int(sys.argv[2]), '--load-only' in sys.argv[3:])
