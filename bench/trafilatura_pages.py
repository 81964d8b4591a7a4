"""Runs trafilatura on the pages `newsmill train blocks --list-pages` lists, and writes its texts
as JSON lines of {"set", "id", "text"}, for `newsmill train blocks --baseline` to score beside
newsmill on the same pages with the same metrics (issue 16).

trafilatura runs with its defaults and comments off (newsmill drops them by default), on the
page's bytes (it detects the encoding itself) and with the page's address when the set gives
one. A crash is an empty text, as a failure of newsmill is scored.

Usage:
  target/release/newsmill train blocks --list-pages /tmp/pages.jsonl
  bench/.venv/bin/python bench/trafilatura_pages.py /tmp/pages.jsonl /tmp/trafilatura.jsonl [--jobs N]
  target/release/newsmill train blocks --baseline /tmp/trafilatura.jsonl
"""

from __future__ import annotations

import argparse
import gzip
import json
import pathlib
import sys
from concurrent.futures import ProcessPoolExecutor


def run(page: dict) -> dict:
    import logging

    import trafilatura

    logging.disable(logging.CRITICAL)
    raw = pathlib.Path(page["path"]).read_bytes()
    if page["path"].endswith(".gz"):
        raw = gzip.decompress(raw)
    url = page.get("url") or ""
    try:
        text = trafilatura.extract(raw, url=url if "://" in url else None, include_comments=False) or ""
    except Exception:  # noqa: BLE001 - any crash is an empty output
        text = ""
    return {"set": page["set"], "id": page["id"], "text": text}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("pages")
    parser.add_argument("out")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    pages = [json.loads(line) for line in open(args.pages, encoding="utf-8") if line.strip()]
    with ProcessPoolExecutor(args.jobs) as pool, open(args.out, "w", encoding="utf-8") as out:
        for row in pool.map(run, pages, chunksize=8):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(pages)} texts to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
