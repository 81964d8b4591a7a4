#!/bin/sh
# The unlabelled text of models/ner-clusters-en.tsv.gz: the word-clusters corpus without the
# wcxb-dev pages that news-analysis-train and news-analysis-dev annotate, so that the NER's
# held-out scores on those articles stay held out. Usage: tools/ner_cluster_corpus.sh OUT_DIR
# (run from the checkout root after `cargo build --release`).
set -eu
out=$1
bin=target/release/newsmill
shared=../shared/eval
mkdir -p "$out/wcxb-pages"
python3 - "$out/wcxb-pages" "$shared" <<'PY'
import glob, json, os, sys
out, shared = sys.argv[1], sys.argv[2]
held = set(json.load(open('data/news-analysis-train/folds.json')))
held |= {os.path.basename(p)[:-4] for p in glob.glob(f'{shared}/news-analysis-dev/wcxb-*.txt')}
for page in sorted(glob.glob(f'{shared}/wcxb-dev/html/*')):
    name = os.path.basename(page)
    if f"wcxb-{name.split('.')[0]}" not in held:
        os.symlink(os.path.abspath(page), f'{out}/{name}')
PY
# The story text only: each document's line of path · URL · date · author · site is dropped.
text() {
  "$bin" extract "$1" --no-analysis --format text 2>/dev/null | grep -v "^$1/" > "$2" || true
}
text "$out/wcxb-pages" "$out/wcxb.txt"
text "$shared/trafilatura-eval-dev/html" "$out/traf.txt"
text "$shared/mozilla-readability-testpages" "$out/read.txt"
text "$shared/cleanportaleval" "$out/cpe.txt"
cat "$shared"/polnear/train/text/*.txt > "$out/polnear_train.txt"
awk '{print $1}' "$shared/conll2003/train.txt" | tr '\n' ' ' | sed 's/-DOCSTART-/\n/g' > "$out/conll.txt"
rm -r "$out/wcxb-pages"
wc -w "$out"/*.txt
