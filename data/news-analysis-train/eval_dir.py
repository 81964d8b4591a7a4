#!/usr/bin/env python3
"""Lays these annotations out as an evaluation set, so the training articles can be scored the
way news-analysis-dev is: `python3 data/news-analysis-train/eval_dir.py OUT` writes
OUT/wcxb-NNNN.json (a copy of each annotation) and OUT/wcxb-NNNN.txt (the page's
`ground_truth.main_content` from ../shared/eval/wcxb-dev); `eval_dir.py OUT round7` lays out
the annotations kept apart in that folder instead (the seventh round: pages no model learned
from). Texts come from `page_text.py` (wcxb-dev, or Mozilla's Readability test pages for
`moz-*` annotations). Then

    newsmill eval analysis --data OUT

scores them. The texts are the publishers' and are not redistributed here (see README.md).
Standard library only.
"""
import pathlib
import shutil
import sys

import page_text

HERE = pathlib.Path(__file__).resolve().parent


def main() -> int:
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    out = pathlib.Path(sys.argv[1])
    source = HERE / sys.argv[2] if len(sys.argv) == 3 else HERE
    if not page_text.SHARED.is_dir():
        print(f"the evaluation texts are not at {page_text.SHARED}", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for ann in sorted(source.glob("*-*.json")):
        text = page_text.text_of(ann.stem)
        shutil.copy(ann, out / ann.name)
        (out / f"{ann.stem}.txt").write_text(text, encoding="utf-8")
        n += 1
    print(f"{n} articles written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
