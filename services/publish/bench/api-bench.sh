#!/bin/sh
# GET /api/v1/articles load figures for docs/benchmarks.md (not a test). Needs wrk and a publish instance on
# $BASE whose database holds the articles loaded by search-bench.py, e.g. the packaged app started with
#   java -Xmx256m -Dquarkus.http.port=18084 -Dquarkus.flyway.migrate-at-start=false \
#        -Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:25432/huixun \
#        -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:25432/huixun \
#        -Dkafka.bootstrap.servers=127.0.0.1:1 -jar services/publish/target/quarkus-app/quarkus-run.jar
# (Flyway is off because search-bench.py applied the migrations with psql; Kafka is unreachable on purpose.)
set -eu
BASE=${BASE:-http://127.0.0.1:18084}
DURATION=${DURATION:-20s}
for query in \
    'size=20' \
    'q=%E7%96%AB%E6%83%85%E9%98%B2%E6%8E%A7' \
    'q=%E8%88%AA%E7%A9%BA' \
    'q=economic%20growth' \
    'q=%E8%AE%A1%E7%AE%97%E6%9C%BA&lang=zh&source=site7.example.test'; do
    echo "== GET /api/v1/articles?$query"
    curl -s "$BASE/api/v1/articles?$query" | grep -o "\"total\":[0-9]*"
    wrk -t2 -c8 -d"$DURATION" --latency "$BASE/api/v1/articles?$query" | grep -E 'Requests/sec|50%|99%|requests in|Non-2xx'
done
