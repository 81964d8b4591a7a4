#!/usr/bin/env bash
# Side by side: newsmill, resiliparse (C++ on lexbor, main-content mode) and trafilatura
# extracting the same news pages in one run, one core each (taskset), pages already in memory,
# extraction only. Prints each tool's pages/s and newsmill's ratio to each.
#
# Usage: bench/extract_side_by_side.sh [PAGES=200] [MIN_SECONDS=10]
# Needs ../shared/eval/wcxb-dev (or $NEWSMILL_EVAL_DIR/wcxb-dev) and PyPI for trafilatura and
# resiliparse (installed into bench/.venv).
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-200}
min_seconds=${2:-10}
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
