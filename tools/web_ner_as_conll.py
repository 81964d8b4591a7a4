#!/usr/bin/env python3
"""Write annotated web articles (news-analysis layout: NAME.txt + NAME.json with entities and
their surface forms) as CoNLL-2003-format training data for `newsmill train ner`, so the
tagger learns recent web text (headings, product names, list items) beside 1996 wire news.

  python3 data/news-analysis-train/eval_dir.py /tmp/natrain
  tools/web_ner_as_conll.py /tmp/natrain > /tmp/web.conll [--repeat N]

Every occurrence of every annotated surface form (whole words, case as written) is tagged
with its entity's type, longer forms first; everything else is O. The annotations record
every named entity of an article, so untagged capitals (headings, labels) teach the tagger
what is not a name. Sentences are split at line breaks and at ., ! or ? before a space and
a capital; tokens are words, numbers and single punctuation marks, `'s` apart, as CoNLL has
them. Standard library only.
"""
import argparse
import json
import re
from pathlib import Path

TYPES = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC"}
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[’']s\b|\w+(?:[-.'’&]\w+)*|[^\w\s]")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


def spans_of(text, ents):
    """Character spans of every surface form, longest forms first, never overlapping."""
    forms = []
    for e in ents:
        kind = TYPES.get(e["type"])
        for f in {e["name"], *e.get("mentions", [])}:
            if kind and f.strip():
                forms.append((f.strip(), kind))
    taken = [None] * len(text)
    for form, kind in sorted(forms, key=lambda x: -len(x[0])):
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            if all(t is None for t in taken[m.start():m.end()]):
                for i in range(m.start(), m.end()):
                    taken[i] = (m.start(), kind)
    return taken


def conll(text, ents):
    taken = spans_of(text, ents)
    out = ["-DOCSTART- -X- -X- O", ""]
    offset = 0
    for line in text.split("\n"):
        start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        cuts = [0] + [m.end() for m in SENTENCE_END.finditer(line)] + [len(line)]
        for a, b in zip(cuts, cuts[1:]):
            rows, prev = [], None
            for m in TOKEN.finditer(line, a, b):
                t = taken[start + m.start()]
                if t is None:
                    tag, prev = "O", None
                else:
                    tag = ("I-" if prev == t else "B-") + t[1]
                    prev = t
                rows.append(f"{m.group()} _ _ {tag}")
            if rows:
                out += rows + [""]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--repeat", type=int, default=1, help="write each article N times (weight beside CoNLL)")
    args = ap.parse_args()
    lines = []
    for g in sorted(Path(args.dir).glob("*.json")):
        text = g.with_suffix(".txt").read_text(encoding="utf8")
        lines += conll(text, json.loads(g.read_text(encoding="utf8")).get("entities", []))
    print("\n".join(lines * args.repeat))


if __name__ == "__main__":
    main()
