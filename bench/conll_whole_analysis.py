#!/usr/bin/env python3
"""CoNLL-2003 through the whole analysis: how entity rules that work on the tagger's output
(filters, retyping, place evidence) change the figure on 1996 newswire.

Each CoNLL document becomes one text file (a sentence per paragraph, tokens joined by spaces),
`newsmill analyze --format jsonl` analyses them all, and the score is micro P/R/F1 over the
distinct (mention text, type) pairs of each document, gold from the IOB tags. This is not the
tagger's token-level CoNLL figure (`newsmill eval ner`); it shows what the article JSON gives.

Usage: bench/conll_whole_analysis.py [--split valid|test|train] [--newsmill PATH] [--show N]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


def documents(path):
    """Yields (sentences, gold pairs) per document; a sentence is a list of tokens."""
    sents, sent, tags = [], [], []
    gold = set()

    def close_sentence():
        nonlocal sent, tags
        if sent:
            sents.append(sent)
            gold.update(spans(sent, tags))
        sent, tags = [], []

    for line in open(path, encoding="utf8"):
        parts = line.split()
        if not parts:
            close_sentence()
            continue
        if parts[0] == "-DOCSTART-":
            close_sentence()
            if sents:
                yield sents, gold
            sents, gold = [], set()
            continue
        sent.append(parts[0])
        tags.append(parts[-1])
    close_sentence()
    if sents:
        yield sents, gold


def spans(tokens, tags):
    out, cur, kind = [], [], None
    for tok, tag in zip(tokens, tags):
        t = tag[2:] if tag != "O" else None
        if t is None or tag.startswith("B-") or t != kind:
            if cur:
                out.append((" ".join(cur), TYPES[kind]))
            cur, kind = ([tok], t) if t else ([], None)
        else:
            cur.append(tok)
    if cur:
        out.append((" ".join(cur), TYPES[kind]))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="valid")
    ap.add_argument("--newsmill", default=str(ROOT / "target/release/newsmill"))
    ap.add_argument("--show", type=int, default=0, help="print N false positives and N misses")
    args = ap.parse_args()
    data = Path(os.environ.get("CONLL_DIR", ROOT.parent / "shared/eval/conll2003")) / f"{args.split}.txt"
    if not data.exists():
        sys.exit(f"{data} not found (set CONLL_DIR)")
    docs = list(documents(data))
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, (sents, _) in enumerate(docs):
            p = Path(tmp) / f"doc{i:04d}.txt"
            p.write_text("\n\n".join(" ".join(s) for s in sents) + "\n", encoding="utf8")
            paths.append(str(p))
        out = subprocess.run([args.newsmill, "analyze", "--format", "jsonl", *paths],
                             check=True, capture_output=True, text=True).stdout
    preds = {}
    for line in out.splitlines():
        a = json.loads(line)
        preds[Path(a["source"]).stem] = {(m["text"], e["type"]) for e in a["entities"] for m in e["mentions"]}
    tp = fp = fn = 0
    fps, fns = [], []
    for i, (_, gold) in enumerate(docs):
        pred = preds.get(f"doc{i:04d}", set())
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
        fps += sorted(pred - gold)
        fns += sorted(gold - pred)
    p = tp / max(tp + fp, 1)
    r = tp / max(tp + fn, 1)
    f = 2 * p * r / max(p + r, 1e-9)
    print(f"CoNLL-2003 {args.split} through the whole analysis ({len(docs)} documents): "
          f"P {p:.4f} R {r:.4f} F1 {f:.4f} ({tp + fp} predicted / {tp + fn} gold pairs)")
    for x in fps[: args.show]:
        print("FP", *x)
    for x in fns[: args.show]:
        print("FN", *x)


if __name__ == "__main__":
    main()
