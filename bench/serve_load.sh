#!/usr/bin/env bash
# Search under load: builds a corpus of ARTICLES (default 10,000) synthesised from the WCXB
# dev article pages, serves it with the release `newsmill serve`, and sends /api/search
# requests open-loop at RATE per second (default 200) for SECONDS (default 30). Prints the
# latency percentiles, measured from each request's scheduled time.
#
# Then the same load again with a HOSTILE share (default 0.1) of the requests replaced by
# hostile ones: a word repeated 60 or 100 times, 16 and 60 different frequent words, text
# past the length limit, and quotes?about= the most named entities and frequent words. It
# prints normal and hostile latencies apart and the statuses seen: the normal queries'
# p99 should stay within 50 ms and no request should outlast the query budget (2 s).
#
# Usage: bench/serve_load.sh [ARTICLES=10000] [RATE=200] [SECONDS=30] [HOSTILE=0.1]
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-10000}
rate=${2:-200}
seconds=${3:-30}
hostile_share=${4:-0.1}
work=${NEWSMILL_BENCH_DIR:-/tmp/newsmill-bench}
target=${CARGO_TARGET_DIR:-target}
mkdir -p "$work"

# Seeds and the synthesised corpus come from the search benchmark (0 queries: build only).
if [ ! -s "$work/seeds.jsonl" ]; then bench/search_latency.sh 1000 0 >/dev/null; fi
cargo build --release --quiet -p newsmill-cli
cargo build --release --quiet -p newsmill-store --example search_bench
cargo build --release --quiet -p newsmill-server --example load
"$target/release/examples/search_bench" "$work/seeds.jsonl" "$work/serve-load.db" "$articles" 0

# Query texts: 1-3 words drawn by frequency from the seeds, without the 100 most frequent.
# Hostile request paths: built from the most frequent words and the most named entities.
python3 - "$work/seeds.jsonl" "$work/queries.txt" "$work/hostile.txt" <<'PY'
import collections, json, random, re, sys, urllib.parse
words, names = [], collections.Counter()
for line in open(sys.argv[1]):
    article = json.loads(line)
    words += [w.lower() for w in re.findall(r"\w{4,}", article.get("text", ""))]
    names.update(e["name"] for e in article.get("entities", []) if e.get("name"))
counts = collections.Counter(words)
stop = {w for w, _ in counts.most_common(100)}
pool = [w for w in words if w not in stop]
random.seed(7)
with open(sys.argv[2], "w") as out:
    for _ in range(5000):
        out.write(" ".join(random.choice(pool) for _ in range(random.randint(1, 3))) + "\n")
q = lambda text: urllib.parse.quote_plus(text)
frequent = [w for w, _ in counts.most_common(60)]
hostile = [
    "/api/search?q=" + q(" ".join(["the"] * 60)),
    "/api/search?q=" + q(" ".join(["said"] * 100)),
    "/api/search?q=" + q(" ".join(frequent[:16])),
    "/api/search?q=" + q(" ".join(frequent)),
    "/api/search?q=" + q(" ".join(random.choice(pool) for _ in range(200))),
    "/api/search?q=" + q(" ".join(["the"] * 40)) + "&entity=" + q(names.most_common(1)[0][0]),
]
for name, _ in names.most_common(5):
    hostile.append("/api/quotes?about=" + q(name))
for word in frequent[:3]:
    hostile.append("/api/quotes?about=" + q(word))
random.shuffle(hostile)
with open(sys.argv[3], "w") as out:
    out.write("\n".join(hostile) + "\n")
PY

port=${NEWSMILL_BENCH_PORT:-18090}
"$target/release/newsmill" serve --db "$work/serve-load.db" --addr "127.0.0.1:$port" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/stats" >/dev/null && break; sleep 0.1; done
echo "serving $articles articles; load: $rate req/s for $seconds s"
"$target/release/examples/load" "127.0.0.1:$port" "$rate" "$seconds" "$work/queries.txt"
echo "mixed load: $hostile_share of the requests hostile"
"$target/release/examples/load" "127.0.0.1:$port" "$rate" "$seconds" "$work/queries.txt" "$work/hostile.txt" "$hostile_share"
