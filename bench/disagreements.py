"""Where trafilatura beats newsmill by a wide margin on wcxb-dev, page by page, sorted into
classes of failure, so that fixes go to classes rather than pages (issue 16).

Both tools are scored as WCXB scores them (word-level F1: the multiset of lowercase `\\w+`
tokens of the output against the gold `main_content`), per page. newsmill's output comes from
`newsmill extract --format jsonl --no-analysis`; trafilatura runs with its defaults
(`trafilatura.extract(html, url=...)`, comments off). A page is a loss when trafilatura's F1
is at least MARGIN (default 0.2) above newsmill's. Each loss gets a class from what newsmill
did wrong against the gold:

  empty        newsmill returned no text
  short        newsmill kept under half of the gold's words that trafilatura kept (lost body)
  long         newsmill's extra words (not in the gold) outweigh its missing ones (kept chrome)
  mixed        both: wrong region

and, per class, the page type (article, listing, forum, product, …), with the words newsmill
missed or added most often, which point at the cause (comment, cookie, share, price…).

Usage: python bench/disagreements.py [--bin target/release/newsmill] [--margin 0.2] [--show N]
Needs ../shared/eval/wcxb-dev (or $NEWSMILL_EVAL_DIR) and trafilatura (bench/.venv).
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor

REPO = pathlib.Path(__file__).resolve().parent.parent
WORD = re.compile(r"\w+")


def words(text: str) -> collections.Counter:
    return collections.Counter(w.lower() for w in WORD.findall(text or ""))


def f1(predicted: collections.Counter, gold: collections.Counter) -> float:
    if not predicted and not gold:
        return 1.0
    common = sum((predicted & gold).values())
    if common == 0:
        return 0.0
    precision, recall = common / sum(predicted.values()), common / sum(gold.values())
    return 2 * precision * recall / (precision + recall)


def trafilatura_text(path: str) -> str:
    import logging

    import trafilatura

    logging.disable(logging.CRITICAL)
    html = gzip.decompress(pathlib.Path(path).read_bytes()).decode("utf-8", "replace")
    try:
        return trafilatura.extract(html, include_comments=False) or ""
    except Exception:  # a crash is an empty output, as in the scoring of newsmill
        return ""


def classify(ours: collections.Counter, theirs: collections.Counter, gold: collections.Counter) -> str:
    if not ours:
        return "empty"
    missing = sum((gold - ours).values())
    extra = sum((ours - gold).values())
    kept_by_them = sum((gold & theirs).values())
    kept_by_us = sum((gold & ours).values())
    if kept_by_them and kept_by_us < kept_by_them / 2:
        return "mixed" if extra > missing else "short"
    return "long" if extra > missing else "short"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=str(REPO / "target" / "release" / "newsmill"))
    parser.add_argument("--margin", type=float, default=0.2)
    parser.add_argument("--show", type=int, default=3, help="pages listed per class")
    args = parser.parse_args()
    data = pathlib.Path(os.environ.get("NEWSMILL_EVAL_DIR", REPO.parent / "shared" / "eval")) / "wcxb-dev"
    meta = json.load(open(data / "metadata.json"))["files"]
    ids = sorted(meta)
    pages = [str(data / "html" / f"{i}.html.gz") for i in ids]

    with tempfile.TemporaryDirectory() as tmp:
        for i, page in zip(ids, pages):
            os.symlink(page, os.path.join(tmp, f"{i}.html.gz"))
        out = subprocess.run([args.bin, "extract", "--format", "jsonl", "--no-analysis", tmp],
                             capture_output=True, text=True, check=False).stdout
    ours = {pathlib.Path(a["source"]).name.split(".")[0]: a["text"] for a in map(json.loads, out.splitlines())}
    with ProcessPoolExecutor() as pool:
        theirs = dict(zip(ids, pool.map(trafilatura_text, pages, chunksize=8)))

    losses = collections.defaultdict(list)
    totals = collections.Counter()
    for i in ids:
        gold = words(json.load(gzip.open(data / "ground-truth" / f"{i}.json.gz")).get("ground_truth", {})
                     .get("main_content", ""))
        o, t = words(ours.get(i, "")), words(theirs[i])
        fo, ft = f1(o, gold), f1(t, gold)
        totals["pages"] += 1
        totals["ours"] += fo
        totals["theirs"] += ft
        if ft - fo >= args.margin:
            kind = classify(o, t, gold)
            losses[kind].append((ft - fo, i, meta[i]["page_type"], meta[i]["domain"], o, t, gold))
        elif fo - ft >= args.margin:
            totals["wins"] += 1

    n = totals["pages"]
    print(f"wcxb-dev: {n} pages; mean word F1 newsmill {totals['ours'] / n:.3f}, trafilatura {totals['theirs'] / n:.3f}")
    print(f"pages where trafilatura leads by >= {args.margin}: {sum(map(len, losses.values()))}; "
          f"where newsmill leads by as much: {totals['wins']}")
    for kind, items in sorted(losses.items(), key=lambda kv: -len(kv[1])):
        types = collections.Counter(t for _, _, t, *_ in items)
        missed, added = collections.Counter(), collections.Counter()
        for _, _, _, _, o, t, gold in items:
            missed.update(set((gold - o).keys()))
            added.update(set((o - gold).keys()))
        print(f"\n{kind}: {len(items)} pages ({', '.join(f'{t} {c}' for t, c in types.most_common())})")
        print("  words missed on most pages:", " ".join(w for w, _ in missed.most_common(15)))
        print("  words added on most pages: ", " ".join(w for w, _ in added.most_common(15)))
        for gap, i, page_type, domain, *_ in sorted(items, reverse=True)[: args.show]:
            print(f"  {i} {page_type:<12} {domain:<30} trafilatura ahead by {gap:.2f}")


if __name__ == "__main__":
    sys.exit(main())
