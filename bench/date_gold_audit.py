"""Which gold publication dates a page states at all.

For every date-annotated page of wcxb-dev and trafilatura-eval-dev, looks for the gold day
written anywhere in the page's HTML or URL, in the forms dates take on web pages: ISO and
compact (`2019-09-29`, `2019/09/29`, `20190929`), numeric day-first and month-first with
`.`, `/` or `-` (`29.09.2019`, `9/29/2019`, `29/09/19`), and English or German month names
in their full, three- and four-letter forms with or without ordinals (`September 29, 2019`,
`Sep. 29th, 2019`, `29. September 2019`). A gold day written nowhere on the page cannot be
read from it by any extractor: such pages bound the date accuracy a page reader can reach.
Month-only golds count as stated.

Usage: python3 bench/date_gold_audit.py [SET ...]     (SHOW=1 lists the pages)
Data comes from $NEWSMILL_EVAL_DIR or ../shared/eval. Needs only the standard library.
"""

import os
import pathlib
import re
import sys

from date_gold import LOADERS, Case, gold_day, read_maybe_gz

SETS = ("wcxb-dev", "trafilatura-eval-dev")
REPO = pathlib.Path(__file__).resolve().parent.parent
MONTHS_EN = ("January February March April May June July August September October November December").split()
MONTHS_DE = ("Januar Februar März April Mai Juni Juli August September Oktober November Dezember").split()


def numeric_forms(y: int, m: int, d: int) -> list[str]:
    yy = f"{y % 100:02}"
    forms = [f"{y}-{m:02}-{d:02}", f"{y}/{m:02}/{d:02}", f"{y}{m:02}{d:02}"]
    for sep in ".-/":
        for year in (str(y), yy):
            forms += [f"{d:02}{sep}{m:02}{sep}{year}", f"{d}{sep}{m}{sep}{year}"]
            forms += [f"{m:02}{sep}{d:02}{sep}{year}", f"{m}{sep}{d}{sep}{year}"]
    return forms


def named_forms(y: int, m: int, d: int) -> list[str]:
    forms = []
    days = [str(d), f"{d:02}"] + [f"{d}{s}" for s in ("st", "nd", "rd", "th")]
    for names in (MONTHS_EN, MONTHS_DE):
        full = names[m - 1]
        for month in {full, full[:3], full[:3] + ".", full[:4] + "."}:
            for day in days:
                forms += [f"{month} {day}, {y}", f"{month} {day} {y}", f"{day} {month} {y}"]
                forms += [f"{day}. {month} {y}", f"{day} {month}, {y}"]
    return forms


def stated(case: Case) -> bool:
    day = gold_day(case.date or "")
    if day is None:
        return True
    page = read_maybe_gz(case.html).decode("utf-8", "replace") + " " + (case.url or "")
    page = re.sub(r"\s+", " ", page)
    return any(form in page for form in numeric_forms(*day) + named_forms(*day))


def main() -> None:
    eval_dir = pathlib.Path(os.environ.get("NEWSMILL_EVAL_DIR") or REPO / "../shared/eval")
    show = os.environ.get("SHOW", "") not in ("", "0")
    for name in sys.argv[1:] or SETS:
        folder = eval_dir / name
        if name not in LOADERS or not folder.is_dir():
            print(f"{name}: missing or unknown ({folder})")
            continue
        cases = sorted((c for c in LOADERS[name](folder) if c.date), key=lambda c: c.id)
        unstated = [c for c in cases if not stated(c)]
        print(f"{name}: {len(cases)} date-annotated pages, gold day written nowhere on the page: {len(unstated)}")
        if show:
            for c in unstated:
                print(f"  {c.id}\t{c.date}\t{c.url or ''}")


if __name__ == "__main__":
    main()
