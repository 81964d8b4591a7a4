#!/usr/bin/env bash
# Search under load: builds a corpus of ARTICLES (default 10,000) synthesised from the WCXB
# dev article pages, serves it with the release `newsmill serve`, and sends /api/search
# requests open-loop at RATE per second (default 200) for SECONDS (default 30). Prints the
# latency percentiles, measured from each request's scheduled time.
#
# Usage: bench/serve_load.sh [ARTICLES=10000] [RATE=200] [SECONDS=30]
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-10000}
rate=${2:-200}
seconds=${3:-30}
work=${NEWSMILL_BENCH_DIR:-/tmp/newsmill-bench}
mkdir -p "$work"

# Seeds and the synthesised corpus come from the search benchmark (0 queries: build only).
if [ ! -s "$work/seeds.jsonl" ]; then bench/search_latency.sh 1000 0 >/dev/null; fi
cargo build --release --quiet -p newsmill-cli
cargo build --release --quiet -p newsmill-store --example search_bench
cargo build --release --quiet -p newsmill-server --example load
target/release/examples/search_bench "$work/seeds.jsonl" "$work/serve-load.db" "$articles" 0

# Query texts: 1-3 words drawn by frequency from the seeds, without the 100 most frequent.
python3 - "$work/seeds.jsonl" "$work/queries.txt" <<'PY'
import collections, json, random, re, sys
words = []
for line in open(sys.argv[1]):
    words += [w.lower() for w in re.findall(r"\w{4,}", json.loads(line).get("text", ""))]
stop = {w for w, _ in collections.Counter(words).most_common(100)}
pool = [w for w in words if w not in stop]
random.seed(7)
with open(sys.argv[2], "w") as out:
    for _ in range(5000):
        out.write(" ".join(random.choice(pool) for _ in range(random.randint(1, 3))) + "\n")
PY

port=18090
target/release/newsmill serve --db "$work/serve-load.db" --addr "127.0.0.1:$port" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/stats" >/dev/null && break; sleep 0.1; done
echo "serving $articles articles; load: $rate req/s for $seconds s"
target/release/examples/load "127.0.0.1:$port" "$rate" "$seconds" "$work/queries.txt"
