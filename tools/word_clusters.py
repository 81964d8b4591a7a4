"""Word clusters for the quote taggers and the NER: word2vec over plain news text, then k-means at two
granularities. Writes `word<TAB>coarse<TAB>fine` for words seen at least MIN_COUNT times.

Usage: python tools/word_clusters.py [--classes COARSE,FINE] OUT.tsv.gz TEXT_FILE...
(64,512 unless given).
Needs gensim, numpy and scikit-learn (a venv; the program itself never runs this).
"""
import gzip
import re
import sys

import numpy as np
from gensim.models import Word2Vec
from sklearn.cluster import MiniBatchKMeans

MIN_COUNT = 5
COARSE, FINE = 64, 512
# The words the quote finder's scanner makes: letters and digits with inner . ' ’ - &.
WORD = re.compile(r"[^\W_]+(?:[.'’\-&][^\W_]+)*")


def sentences(paths):
    for path in paths:
        with open(path, encoding="utf-8", errors="ignore") as f:
            for line in f:
                words = [w.lower() for w in WORD.findall(line)]
                if len(words) > 1:
                    yield words


def main():
    args = sys.argv[1:]
    coarse_k, fine_k = COARSE, FINE
    if args[:1] == ["--classes"]:
        coarse_k, fine_k = map(int, args[1].split(","))
        args = args[2:]
    out, paths = args[0], args[1:]
    corpus = list(sentences(paths))
    print(f"{len(corpus)} lines, {sum(map(len, corpus))} words", file=sys.stderr)
    model = Word2Vec(corpus, vector_size=100, window=3, min_count=MIN_COUNT, sg=1, workers=1, epochs=8, seed=7)
    words = model.wv.index_to_key
    vectors = model.wv.vectors / np.linalg.norm(model.wv.vectors, axis=1, keepdims=True)
    coarse = MiniBatchKMeans(coarse_k, random_state=7, n_init=3).fit_predict(vectors)
    fine = MiniBatchKMeans(fine_k, random_state=7, n_init=3).fit_predict(vectors)
    with gzip.open(out, "wt", encoding="utf-8") as f:
        f.write(f"# word clusters: word2vec (skip-gram, 100 dims) + k-means {coarse_k}/{fine_k}; see the model card beside this file\n")
        for w, c, k in zip(words, coarse, fine):
            f.write(f"{w}\t{c}\t{k}\n")
    print(f"{len(words)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
