#!/usr/bin/env bash
# Reproducible extraction benchmark: runs ./extract over ../shared/bench/{aeb-dev,zh-dev}, scores the output with the
# benchmark's own score.py (--tokenizer aeb for English, the default cjk tokenizer for Chinese) and prints a Markdown
# table for docs/benchmarks.md, then times the tw2s conversion of 5,000 characters (src/bench/ConvertTiming.java).
# Throughput is over the last 30 of 60 passes over the set, 1 and 2 threads (the JIT has settled by then; after 20
# passes on a busy machine it had not); the JVM start and the reading of the files are not counted. Pages per
# CPU-second (1 thread) divides by the CPU time of the extracting thread, so it stays meaningful on a machine shared
# with other work: with the charset decoding the command does as fetch would, and without it (extraction alone, the
# normalise service's work). The ceiling is what decoding and jsoup parsing alone reach over the same pages
# (src/bench/ParseTiming.java). The last column is a peer, Readability4J 1.0.8, timed the same way on the same machine
# (src/bench/PeerTiming.java; its jars come from Maven Central on the first run): machines differ by a factor of two,
# the ratio of the two figures does not.
# The table, with the time, commit and machine of the run, replaces the one between the markers
# "<!-- bench.sh: begin -->" and "<!-- bench.sh: end -->" in docs/benchmarks.md (and is kept in target/bench/report.md).
#   usage: services/normalise/bench.sh [BENCH_DIR]     (default: <repo>/../shared/bench)
# Needs a build first: mvn -B install -pl services/normalise -DskipTests
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="${1:-$here/../../../shared/bench}"
[[ -f "$bench/score.py" ]] || { echo "bench.sh: no benchmark at $bench (expected ../shared/bench)" >&2; exit 1; }
out="$here/target/bench"
mkdir -p "$out"

kv() { # line key -> the value of key=value in the line
    sed -n "s/.* $2=\([0-9.]*\).*/\1/p" <<<" $1"
}
rate() { # set threads -> "pages/s pages-per-CPU-second extraction-only-pages-per-CPU-second", timed passes
    local line
    line="$("$here/extract" --threads "$2" --repeat 60 --out "$out/$1-t$2.jsonl" "$bench/$1/html" 2>&1 >/dev/null \
        | grep '^extract: pages=' | tail -1)"
    echo "$(kv "$line" pages_per_second) $(kv "$line" pages_per_cpu_second) $(kv "$line" extract_pages_per_cpu_second)"
}
ceiling() { # set -> "parse decode+parse" pages per CPU-second
    local line
    line="$(java -cp "$here/target/classes:$(cat "$here/target/extract.classpath")" "$here/src/bench/ParseTiming.java" \
        "$bench/$1/html")"
    echo "$(kv "$line" parse_pages_per_cpu_second) $(kv "$line" decode_and_parse_pages_per_cpu_second)"
}
peer() { # set -> Readability4J's pages per CPU-second with decoding, or "-" when its jars cannot be had
    local cp line
    cp="$(peer_classpath)" || { echo "-"; return; }
    # With its own jsoup and slf4j, and only our fetch's charset detection (huixun-pipeline) beside them
    line="$(java -Xss4m -cp "$cp:$(tr ':' '\n' <"$here/target/extract.classpath" | grep '/huixun-pipeline-')" \
        "$here/src/bench/PeerTiming.java" "$bench/$1/html")"
    kv "$line" pages_per_cpu_second
}
peer_classpath() { # Readability4J and its dependencies, resolved once from Maven Central into the local repository
    [[ -s "$out/peer.classpath" ]] || mvn -B -q -f "$here/src/bench/peer/pom.xml" dependency:build-classpath \
        -Dmdep.outputFile="$out/peer.classpath" >&2 || return 1
    cat "$out/peer.classpath"
}
score() { # set tokenizer-args... -> "F1 precision recall"
    local set="$1"; shift
    python3 "$bench/score.py" "$bench/$set/ground-truth.json" "$out/$set-t1.jsonl" "$@" \
        --per-page "$out/$set-per-page.tsv" > "$out/$set-score.txt"
    awk '/^precision/{p=$2} /^recall/{r=$2} /^F1/{f=$2} END{printf "%s %s %s", f, p, r}' "$out/$set-score.txt"
}

report() { # the table, the load and the tw2s timing, in Markdown
    echo "| set | F1 | precision | recall | pages/s, 1 thread | pages/s, 2 threads | pages per CPU-second" \
        "| … extraction alone | … jsoup parse alone (decode + parse) | Readability4J, pages per CPU-second |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    local -A f1 single readability
    for set in aeb-dev zh-dev; do
        read -r one cpu alone <<<"$(rate "$set" 1)"
        read -r two _ _ <<<"$(rate "$set" 2)"
        read -r parse both <<<"$(ceiling "$set")"
        readability[$set]="$(peer "$set")"
        if [[ "$set" == aeb-dev ]]; then read -r f p r <<<"$(score "$set" --tokenizer aeb)"
        else read -r f p r <<<"$(score "$set")"; fi
        f1[$set]="$f"
        single[$set]="$one ($cpu per CPU-second)"
        echo "| $set | $f | $p | $r | $one | $two | $cpu | $alone | $parse ($both) | ${readability[$set]} |"
    done
    echo
    echo "Next to the peers (their figures from the benchmark's README; its pages/s are over the full English set on" \
        "its own machine, ours and Readability4J's here over aeb-dev):"
    echo
    echo "| system | aeb-dev F1 | zh-dev F1 | pages/s, one thread |"
    echo "|---|---|---|---|"
    echo "| **Huixun, this run** | **${f1[aeb-dev]}** | **${f1[zh-dev]}** | **${single[aeb-dev]}** |"
    echo "| Readability4J 1.0.8, this machine, per CPU-second | | | ${readability[aeb-dev]} |"
    grep -v '^#' "$here/src/bench/peers.tsv" | awk -F'\t' '{printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4}'
    echo
    echo "Load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores."
    # tw2s over 5,000 characters of the Traditional sample page (issue 5: under 2 ms)
    java -cp "$here/target/classes:$(cat "$here/target/extract.classpath")" "$here/src/bench/ConvertTiming.java" \
        "$here/../../samples/site/suxun/guonei/2022/11/12/5e525eb792f21875.html" \
        | sed 's/.*cpu_ms_mean=\([0-9.]*\) wall_ms_best=\([0-9.]*\).*/tw2s of 5,000 characters: \1 ms CPU (mean), \2 ms best./'
}
machine() { # one line naming the run: when, which commit, on what
    local commit cpu
    commit="$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    [[ -z "$(git -C "$here" status --porcelain --untracked-files=no 2>/dev/null)" ]] || commit="$commit with local changes"
    cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
    echo "$(date -u '+%Y-%m-%d %H:%M') UTC, commit $commit; ${cpu:-unknown CPU}, $(nproc) CPUs," \
        "$(java -version 2>&1 | head -1 | sed 's/"//g')."
}

{ echo "Latest run of \`services/normalise/bench.sh\`: $(machine)"; echo; report; } | tee "$out/report.md"
# The run replaces the table between the markers in docs/benchmarks.md; earlier runs are kept there as prose.
docs="$here/../../docs/benchmarks.md"
if grep -q '^<!-- bench.sh: begin -->$' "$docs" 2>/dev/null; then
    python3 - "$docs" "$out/report.md" <<'PY'
import sys
docs, report = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
text = open(docs, encoding="utf-8").read()
head, rest = text.split("<!-- bench.sh: begin -->\n", 1)
_, tail = rest.split("<!-- bench.sh: end -->\n", 1)
open(docs, "w", encoding="utf-8").write(head + "<!-- bench.sh: begin -->\n" + report + "<!-- bench.sh: end -->\n" + tail)
PY
    echo; echo "Written to $docs"
fi
echo "Per-page scores: $out/<set>-per-page.tsv; predictions: $out/<set>-t1.jsonl"
