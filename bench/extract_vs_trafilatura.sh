#!/usr/bin/env bash
# Side by side: newsmill and trafilatura extracting the same news pages, one core each, pages
# already in memory, extraction only. Prints each tool's pages/s and the ratio.
#
# Usage: bench/extract_vs_trafilatura.sh [PAGES=200] [MIN_SECONDS=10]
# Needs ../shared/eval/wcxb-dev (or $NEWSMILL_EVAL_DIR/wcxb-dev) and PyPI for trafilatura.
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
  bench/.venv/bin/pip install --quiet trafilatura lxml_html_clean
fi

cargo build --release --quiet --example throughput -p newsmill-core
newsmill=$(taskset -c 0 target/release/examples/throughput "$work" html "$min_seconds")
trafilatura=$(taskset -c 0 bench/.venv/bin/python bench/trafilatura_throughput.py "$work" "$min_seconds")
echo "$newsmill"
echo "$trafilatura"
python3 - "$newsmill" "$trafilatura" <<'PY'
import json, sys
a, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"newsmill {a['pages_per_s']:.1f} pages/s, {b['tool']} {b['pages_per_s']:.1f} pages/s: "
      f"{a['pages_per_s'] / b['pages_per_s']:.1f}x")
PY
