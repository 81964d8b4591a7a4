#!/usr/bin/env bash
# Peak memory per document: builds pages of SIZES megabytes (default "1 10 60") of repeated
# news paragraphs, runs the release `newsmill extract` (extraction and analysis) on each, and
# prints the peak resident memory and its ratio to the page size. The bar (issue 13) is a
# small multiple of the input; about 40 MB of it is the models, whatever the page.
#
# Usage: bench/memory.sh [SIZES...]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${*:-1 10 60}
work=${NEWSMILL_BENCH_DIR:-/tmp/newsmill-bench}
mkdir -p "$work"
cargo build --release --quiet -p newsmill-cli
printf '%8s %12s %8s %8s\n' "page MB" "peak RSS MB" "ratio" "seconds"
for mb in $sizes; do
  page="$work/repeated-$mb.html"
  python3 - "$page" "$mb" <<'PY'
import sys
p = ("<p>The council met again on Monday to discuss the harbour budget, and members said "
     "the vote would come later this week after a long debate.</p>\n")
n = int(sys.argv[2]) * 1024 * 1024 // len(p)
with open(sys.argv[1], "w") as f:
    f.write("<html><head><title>Council</title></head><body><article>" + p * n + "</article></body></html>")
PY
  /usr/bin/time -f "%M %e" -o "$work/time.txt" target/release/newsmill extract "$page" --format jsonl >/dev/null 2>&1
  read -r kb secs <"$work/time.txt"
  bytes=$(stat -c %s "$page")
  awk -v kb="$kb" -v b="$bytes" -v s="$secs" 'BEGIN { printf "%8.1f %12.0f %8.1f %8.2f\n", b/1048576, kb/1024, kb*1024/b, s }'
done
