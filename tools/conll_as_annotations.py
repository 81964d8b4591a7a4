#!/usr/bin/env python3
"""Lay out CoNLL-2003 documents as an annotated set in news-analysis-dev's layout (NAME.txt,
NAME.json with one entity per distinct (form, type)), so that `newsmill eval analysis --data`
and tools/train_entity_filter.py read newswire beside the web annotations.

Usage: tools/conll_as_annotations.py OUT [--split train] [--every N]  (every Nth document)
"""
import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from conll_whole_analysis import documents  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--split", default="train")
    ap.add_argument("--every", type=int, default=6)
    args = ap.parse_args()
    data = ROOT.parent / "shared/eval/conll2003" / f"{args.split}.txt"
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for i, (sents, gold) in enumerate(documents(data)):
        if i % args.every:
            continue
        name = f"conll-{args.split}-{i:04d}"
        (out / f"{name}.txt").write_text("\n\n".join(" ".join(s) for s in sents) + "\n", encoding="utf8")
        ents = [{"name": text, "type": kind, "mentions": [text]} for text, kind in sorted(gold)]
        (out / f"{name}.json").write_text(json.dumps({"entities": ents, "quotes": []}), encoding="utf8")
        n += 1
    print(f"{n} documents of CoNLL-2003 {args.split} in {out}")


if __name__ == "__main__":
    main()
