#!/usr/bin/env python3
"""Writes crates/newsmill-analyze/models/word-case-en.tsv.gz: for each word seen at least 3 times inside a sentence
(not at its start, not in a title-case line) of unlabelled English text, how often, and the
share of those times it was written in lower case. A word mostly in lower case there is an
ordinary word; one mostly capitalized is a name, however common its lower-case form is in
a frequency list (`australia`, `mark`). See crates/newsmill-analyze/models/word-case-en.md.

    python3 tools/build_word_case.py crates/newsmill-analyze/models/word-case-en.tsv.gz ../shared/eval
    python3 tools/build_word_case.py --ner /tmp/ner-word-case-en.tsv.gz ../shared/eval

Reads only text, never annotations: the article bodies of wcxb-dev and wcxb-dev-text (the
news-analysis-dev articles left out, so that set stays held out), PolNeAR train and CoNLL-2003
train. With `--ner`, a table for the NER tagger (tried in session 44 and not kept, see
crates/newsmill-analyze/models/ner-en.md): every page that data/news-analysis-train annotates is
left out as well, in every round, so no article the tagger is scored on shapes it.
"""
import collections
import gzip
import json
import re
import sys
from pathlib import Path

WORD = re.compile(r"[^\W\d_][\w'’\-]*")
MIN_COUNT = 3


ANNOTATED = Path(__file__).resolve().parent.parent / "data" / "news-analysis-train"


def annotated_pages():
    """The wcxb page ids of every annotated article of data/news-analysis-train, all rounds."""
    return {p.stem.split("-")[1] for p in ANNOTATED.glob("**/wcxb-*.json")}


def texts(eval_dir, leave_out_annotated=False):
    held_out = {p.stem.split("-")[1] for p in (eval_dir / "news-analysis-dev").glob("*.txt")}
    if leave_out_annotated:
        held_out |= annotated_pages()
    seen = set()
    with gzip.open(eval_dir / "wcxb-dev-text" / "ground-truth.json.gz", "rt", encoding="utf8") as f:
        for k, v in json.load(f).items():
            if k not in held_out and k not in seen:
                seen.add(k)
                yield v.get("articleBody") or ""
    for p in sorted((eval_dir / "wcxb-dev" / "ground-truth").glob("*.json.gz")):
        k = p.name.split(".")[0]
        if k in held_out or k in seen:
            continue
        seen.add(k)
        with gzip.open(p, "rt", encoding="utf8") as f:
            gt = json.load(f).get("ground_truth") or {}
        yield gt.get("main_content") or ""
    for p in sorted((eval_dir / "polnear" / "train" / "text").glob("*.txt")):
        yield p.read_text(encoding="utf8")
    doc = []
    for line in open(eval_dir / "conll2003" / "train.txt", encoding="utf8"):
        tok = line.split(" ")[0].strip()
        if tok == "-DOCSTART-":
            yield " ".join(doc)
            doc = []
        elif tok:
            doc.append(tok)
        else:
            doc.append("\n")
    yield " ".join(doc)


def title_case(line):
    words = WORD.findall(line)
    long = [w for w in words[1:] if len(w) >= 4]
    return len(words) >= 3 and len(long) >= 2 and sum(w[0].isupper() for w in long) * 4 >= len(long) * 3


def count(eval_dir, leave_out_annotated):
    total, lower = collections.Counter(), collections.Counter()
    for text in texts(eval_dir, leave_out_annotated):
        for line in text.split("\n"):
            if title_case(line):
                continue
            for m in WORD.finditer(line):
                before = line[: m.start()].rstrip()
                if not before or before[-1] in ".!?:;\"“”'‘’•*#|-–—([":
                    continue  # a sentence or item starts here: its capital says nothing
                w = m.group()
                key = w.lower()
                total[key] += 1
                lower[key] += w[0].islower()
    return total, lower


def main(args):
    ner = "--ner" in args
    out, eval_dir = [a for a in args if a != "--ner"]
    total, lower = count(Path(eval_dir), ner)
    rows = [(w, n, round(100 * lower[w] / n)) for w, n in total.items() if n >= MIN_COUNT and "\t" not in w]
    rows.sort()
    with gzip.open(out, "wt", encoding="utf8", compresslevel=9) as f:
        card = "ner-en.md (session 44)" if ner else "word-case-en.md"
        f.write(f"# word, times seen inside a sentence, % of them in lower case; see models/{card}\n")
        for w, n, pct in rows:
            f.write(f"{w}\t{n}\t{pct}\n")
    print(f"{len(rows)} words to {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
