#!/usr/bin/env python3
"""Score the whole pipeline, HTML extraction included, on annotated pages.

  python3 data/news-analysis-train/eval_html.py --newsmill target/release/newsmill \
      --out /tmp/html-eval GOLD_DIR [GOLD_DIR ...]

`eval_dir.py` gives the analysis the page texts the annotators read. This script gives
newsmill each page's HTML instead (`wcxb-NNNN`: wcxb-dev's `html/NNNN.html.gz`; `moz-CASE`:
the Readability test page's `source.html.gz`; `cpe-NAME`: CleanPortalEval's
`input/NAME.html.gz`), as a user would, and scores what `newsmill extract` returns: its text
becomes the page's text in OUT/SET/eval (gold quotes are found in it by their first words, as
score.py does, so a passage the extraction lost counts as "not located"), its entities and
quotes the predictions OUT/SET.jsonl. Only the HTML path has the page's structure: block
quotations, headings and lists reach the analysis as blocks.
"""
import argparse
import json
import os
import shutil
import subprocess
from pathlib import Path

from page_text import SHARED  # the same ../shared/eval the page texts come from


def html_of(doc):
    kind, _, name = doc.partition("-")
    if kind == "wcxb":
        return SHARED / "wcxb-dev" / "html" / f"{name}.html.gz"
    if kind == "moz":
        return SHARED / "mozilla-readability-testpages" / name / "source.html.gz"
    if kind == "cpe":
        return SHARED / "cleanportaleval" / "input" / f"{name}.html.gz"
    return None


def run_set(newsmill, gold_dir, out):
    inputs = out / "html"
    for d in (inputs, out / "articles", out / "eval"):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    for g in sorted(gold_dir.glob("*.json")):
        page = html_of(g.stem)
        if page and page.exists():
            os.symlink(page, inputs / f"{g.stem}.html.gz")
    subprocess.run([newsmill, "extract", str(inputs), "-o", str(out / "articles"), "--format", "json"],
                   stderr=subprocess.DEVNULL, check=False)
    with open(out.with_suffix(".jsonl"), "w", encoding="utf8") as preds:
        for f in sorted((out / "articles").glob("*.json")):
            article = json.loads(f.read_text(encoding="utf8"))
            # The input's name (`extract -o` shortens names with dots in them).
            doc = Path(article.get("source") or f.name).name.removesuffix(".gz").removesuffix(".html")
            (out / "eval" / f"{doc}.txt").write_text(article.get("text") or "", encoding="utf8")
            shutil.copy(gold_dir / f"{doc}.json", out / "eval" / f"{doc}.json")
            # score.py matches a prediction by its source's stem, as `eval analysis` writes it.
            row = {"source": f"{doc}.txt", "entities": article.get("entities"), "quotes": article.get("quotes")}
            preds.write(json.dumps(row) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--newsmill", required=True)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--scorer", default=str(SHARED / "news-analysis-dev" / "score.py"))
    ap.add_argument("gold", nargs="+", type=Path, help="directories of NAME.txt and NAME.json (eval_dir.py's)")
    args = ap.parse_args()
    for gold_dir in args.gold:
        out = args.out / gold_dir.name
        run_set(args.newsmill, gold_dir, out)
        print(f"== {gold_dir.name}", flush=True)
        subprocess.run(["python3", args.scorer, str(out / "eval"), str(out.with_suffix(".jsonl"))], check=False)


if __name__ == "__main__":
    main()
