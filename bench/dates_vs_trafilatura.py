"""Publication-date accuracy of trafilatura on newsmill's evaluation sets.

Runs trafilatura (default settings, metadata on, as `trafilatura.extract(..., with_metadata=True)`
reports it) on the date-annotated pages of wcxb-dev, trafilatura-eval-dev and
mozilla-readability-testpages, and scores its date with the gold loading and matching rules of
newsmill's `crates/newsmill-lab/src/metadata.rs`, so the figures sit beside the date
accuracy of `newsmill eval extraction`. A page whose extraction fails counts as a miss, as in
newsmill's evaluation.

Usage: python bench/dates_vs_trafilatura.py [SET ...]
  Sets default to all three; data comes from $NEWSMILL_EVAL_DIR or ../shared/eval (relative
  to the repository root). SHOW=1 prints every miss; JOBS=N sets the worker processes
  (default: one per CPU).
"""

import logging
import os
import pathlib
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Optional

import trafilatura

from date_gold import LOADERS, Case, gold_day, gold_month_only, read_maybe_gz

SETS = ("wcxb-dev", "trafilatura-eval-dev", "mozilla-readability-testpages")
REPO = pathlib.Path(__file__).resolve().parent.parent


def instant(date: str) -> Optional[datetime]:
    """A date-time with an explicit offset (`Z`, `+01:00`, `+0100`, RFC 2822)."""
    text = date.strip()
    for parse in (datetime.fromisoformat, parsedate_to_datetime):
        try:
            parsed = parse(text)
        except (ValueError, TypeError, IndexError):
            continue
        if parsed.tzinfo is not None:
            return parsed
    return None


def dates_match(predicted: Optional[str], gold: str) -> bool:
    if predicted is None:
        return False
    month = gold_month_only(gold)
    if month is not None:
        day = gold_day(predicted)
        return day is not None and day[:2] == month
    p, g = instant(predicted), instant(gold)
    if p is not None and g is not None:
        return p.astimezone(g.tzinfo).date() == g.date()
    p_day, g_day = gold_day(predicted), gold_day(gold)
    return p_day is not None and p_day == g_day


def trafilatura_date(case: Case) -> Optional[str]:
    try:
        html = read_maybe_gz(case.html)
    except OSError:
        return None
    document = trafilatura.bare_extraction(html, url=case.url, with_metadata=True)
    return document.date if document is not None else None


def quiet_workers() -> None:
    for name in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def score_set(name: str, folder: pathlib.Path, pool: ProcessPoolExecutor, show: bool) -> tuple[int, int]:
    cases = sorted((c for c in LOADERS[name](folder) if c.date is not None), key=lambda c: c.id)
    predicted = list(pool.map(trafilatura_date, cases, chunksize=4))
    correct = 0
    for case, date in zip(cases, predicted):
        if dates_match(date, case.date):
            correct += 1
        elif show:
            print(f"  miss {name}/{case.id}: gold {case.date!r} trafilatura {date!r}")
    return correct, len(cases)


def main() -> None:
    eval_dir = pathlib.Path(os.environ.get("NEWSMILL_EVAL_DIR") or REPO / "../shared/eval")
    sets = sys.argv[1:] or list(SETS)
    unknown = [s for s in sets if s not in LOADERS]
    if unknown:
        sys.exit(f"unknown set(s): {', '.join(unknown)}; known: {', '.join(SETS)}")
    show = os.environ.get("SHOW", "") not in ("", "0")
    jobs = int(os.environ.get("JOBS") or os.cpu_count() or 1)
    quiet_workers()
    started = time.perf_counter()
    pages = 0
    print(f"trafilatura {trafilatura.__version__}")
    with ProcessPoolExecutor(max_workers=jobs, initializer=quiet_workers) as pool:
        for name in sets:
            folder = eval_dir / name
            if not folder.is_dir():
                print(f"{name}: missing ({folder})")
                continue
            correct, total = score_set(name, folder, pool, show)
            pages += total
            accuracy = correct / total if total else 0.0
            print(f"{name}: trafilatura date accuracy {accuracy:.3f} ({correct}/{total})")
    print(f"{pages} pages in {time.perf_counter() - started:.1f} s on {jobs} processes")


if __name__ == "__main__":
    main()
