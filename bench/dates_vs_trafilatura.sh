#!/usr/bin/env bash
# Side by side: publication-date accuracy of trafilatura and of newsmill on the same pages
# (wcxb-dev, trafilatura-eval-dev, mozilla-readability-testpages), scored with newsmill's
# matching rules (crates/newsmill-lab/src/metadata.rs).
#
# Usage: bench/dates_vs_trafilatura.sh      (SHOW=1 lists trafilatura's misses; JOBS=N workers)
# Needs ../shared/eval (or $NEWSMILL_EVAL_DIR) and PyPI for trafilatura.
set -euo pipefail
cd "$(dirname "$0")/.."
sets=(wcxb-dev trafilatura-eval-dev mozilla-readability-testpages)

if [ ! -x bench/.venv/bin/python ]; then
  python3 -m venv bench/.venv
  bench/.venv/bin/pip install --quiet trafilatura lxml_html_clean
fi

bench/.venv/bin/python bench/dates_vs_trafilatura.py "${sets[@]}"

cargo build --release --quiet -p newsmill-cli
report=$(target/release/newsmill eval extraction "${sets[@]/#/--set=}")
# Keep newsmill's date line of each set; print the whole report if its layout changed.
dates=$(awk '/^[^ ]/ { set = $1 } /^ +date accuracy:/ { sub(/^ +date accuracy:/, ""); print set ": newsmill date accuracy" $0 }' <<<"$report")
echo "${dates:-$report}"
