#!/usr/bin/env bash
# Search latency over a synthesised corpus of ARTICLES (default 100,000) built from the WCXB
# dev article pages: extracts them with the release newsmill, then runs the store's
# search_bench example, which prints the database size per 1,000 articles and median, p90
# and p99 query times for plain, entity-filtered and date-filtered searches.
#
# Usage: bench/search_latency.sh [ARTICLES=100000] [QUERIES=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-100000}
queries=${2:-2000}
eval_dir=${NEWSMILL_EVAL_DIR:-../shared/eval}
work=${NEWSMILL_BENCH_DIR:-/tmp/newsmill-bench}
target=${CARGO_TARGET_DIR:-target}
mkdir -p "$work/seeds"

python3 - "$eval_dir/wcxb-dev" "$work/seeds" <<'PY'
import json, pathlib, shutil, sys
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
files = json.load(open(src / "metadata.json"))["files"]
for i, m in files.items():
    if m["page_type"] == "article":
        shutil.copy(src / "html" / f"{i}.html.gz", dst / f"{i}.html.gz")
PY

cargo build --release --quiet -p newsmill-cli
cargo build --release --quiet -p newsmill-store --example search_bench
"$target/release/newsmill" extract "$work/seeds" --format jsonl > "$work/seeds.jsonl" 2>/dev/null || true
"$target/release/examples/search_bench" "$work/seeds.jsonl" "$work/search-bench.db" "$articles" "$queries"
