#!/usr/bin/env bash
# Side by side: newsmill, resiliparse (C++ on lexbor, main-content mode) and trafilatura
# extracting the same news pages in one run, one core each (taskset), extraction only, twice:
# first with the pages already in memory (each tool's extraction function in a loop), then as
# whole processes over the `.html.gz` files on disk (start, read, gunzip, extract, one JSON
# line per page; median of ROUNDS runs taken in turn). Prints each tool's pages/s and
# newsmill's ratio to each.
#
# Usage: bench/extract_side_by_side.sh [PAGES=200] [MIN_SECONDS=10] [ROUNDS=5]
# Needs ../shared/eval/wcxb-dev (or $NEWSMILL_EVAL_DIR/wcxb-dev) and PyPI for trafilatura and
# resiliparse (installed into bench/.venv).
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-200}
min_seconds=${2:-10}
rounds=${3:-5}
eval_dir=${NEWSMILL_EVAL_DIR:-../shared/eval}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The article pages of WCXB dev (about 190 KB each on average): typical news pages.
python3 - "$eval_dir/wcxb-dev" "$work" "$pages" <<'PY'
import json, pathlib, shutil, sys
src, dst, n = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
files = json.load(open(src / "metadata.json"))["files"]
ids = sorted(i for i, m in files.items() if m["page_type"] == "article")[:n]
for i in ids:
    shutil.copy(src / "html" / f"{i}.html.gz", dst / f"{i}.html.gz")
PY

if [ ! -x bench/.venv/bin/python ]; then
  python3 -m venv bench/.venv
fi
bench/.venv/bin/python -c "import trafilatura, resiliparse" 2>/dev/null ||
  bench/.venv/bin/pip install --quiet trafilatura lxml_html_clean resiliparse

cargo build --release --quiet --example throughput -p newsmill-extract
cargo build --release --quiet --locked -p newsmill-cli
echo "in memory:"
newsmill=$(taskset -c 0 target/release/examples/throughput "$work" html "$min_seconds")
resiliparse=$(taskset -c 0 bench/.venv/bin/python bench/python_extract_throughput.py resiliparse "$work" "$min_seconds")
trafilatura=$(taskset -c 0 bench/.venv/bin/python bench/python_extract_throughput.py trafilatura "$work" "$min_seconds")
printf '%s\n' "$newsmill" "$resiliparse" "$trafilatura"
python3 - "$newsmill" "$resiliparse" "$trafilatura" <<'PY'
import json, sys
ours, *others = (json.loads(a) for a in sys.argv[1:])
print(f"newsmill {ours['pages_per_s']:.1f} pages/s; " + "; ".join(
    f"{o['tool']} {o['pages_per_s']:.1f} pages/s (newsmill {ours['pages_per_s'] / o['pages_per_s']:.2f}x)"
    for o in others))
PY

echo "whole process, $pages pages from disk, median of $rounds runs:"
python3 - "$work" "$rounds" <<'PY'
import os, statistics, subprocess, sys, time
folder, rounds = sys.argv[1], int(sys.argv[2])
pages = len(os.listdir(folder))
py = ["taskset", "-c", "0", "bench/.venv/bin/python", "bench/python_extract_files.py"]
tools = {
    "newsmill extract --no-analysis": ["taskset", "-c", "0", "target/release/newsmill", "extract", folder,
                                       "--format", "jsonl", "--no-analysis"],
    "resiliparse": py + ["resiliparse", folder],
    "trafilatura (text)": py + ["trafilatura", folder],
    "trafilatura (text and metadata, JSON)": py + ["trafilatura", folder, "--metadata"],
}
times = {name: [] for name in tools}
for _ in range(rounds):
    for name, command in tools.items():
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times[name].append(time.perf_counter() - started)
ours = statistics.median(times["newsmill extract --no-analysis"])
for name, runs in times.items():
    median = statistics.median(runs)
    ratio = "" if name.startswith("newsmill") else f"; newsmill {median / ours:.2f}x"
    print(f"{name}: {median:.3f} s, {pages / median:.1f} pages/s (runs {min(runs):.3f}-{max(runs):.3f} s){ratio}")
PY
