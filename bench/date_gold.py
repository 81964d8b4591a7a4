"""The date-annotated pages of newsmill's evaluation sets and their gold dates, read as
`crates/newsmill-lab/src/metadata.rs` reads them. Shared by the date scripts in bench/.
"""

import gzip
import json
import pathlib
import re
from dataclasses import dataclass
from typing import Optional

@dataclass
class Case:
    id: str
    html: pathlib.Path
    url: Optional[str]
    date: Optional[str]


def read_maybe_gz(path: pathlib.Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def read_json(path: pathlib.Path):
    return json.loads(read_maybe_gz(path))


def non_empty(value) -> Optional[str]:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def wcxb_cases(folder: pathlib.Path) -> list[Case]:
    cases = []
    for path in (folder / "ground-truth").iterdir():
        case_id = path.name.split(".")[0]
        record = read_json(path)
        cases.append(
            Case(
                id=case_id,
                html=folder / "html" / f"{case_id}.html.gz",
                url=non_empty(record.get("url")),
                date=non_empty((record.get("ground_truth") or {}).get("publish_date")),
            )
        )
    return cases


def trafilatura_cases(folder: pathlib.Path) -> list[Case]:
    records = read_json(folder / "evaldata.json")
    return [
        Case(id=r["file"], html=folder / "html" / r["file"], url=url.strip(), date=non_empty(r.get("date")))
        for url, r in records.items()
        if isinstance(r.get("file"), str)
    ]


def readability_cases(folder: pathlib.Path) -> list[Case]:
    cases = []
    for case_dir in folder.iterdir():
        meta_path = case_dir / "expected-metadata.json"
        if meta_path.is_file():
            meta = read_json(meta_path)
            cases.append(
                Case(id=case_dir.name, html=case_dir / "source.html.gz", url=None, date=non_empty(meta.get("publishedTime")))
            )
    return cases


LOADERS = {"wcxb-dev": wcxb_cases, "trafilatura-eval-dev": trafilatura_cases, "mozilla-readability-testpages": readability_cases}


def parse_u32(text: str) -> Optional[int]:
    """Rust's `str::parse::<u32>`."""
    if re.fullmatch(r"\+?[0-9]+", text) and int(text) < 2**32:
        return int(text)
    return None


def gold_day(date: str) -> Optional[tuple[int, int, int]]:
    """`YYYY-MM-DD` of a gold date, tolerating single digits and a swapped day and month."""
    parts = date.strip().split("-", 2)
    if len(parts) < 3:
        return None
    y, m = parse_u32(parts[0]), parse_u32(parts[1])
    d = parse_u32(re.match(r"[0-9]*", parts[2]).group())
    if y is None or m is None or d is None:
        return None
    if m > 12 and d <= 12:
        m, d = d, m
    return y, m, d


def gold_month_only(date: str) -> Optional[tuple[int, int]]:
    """`2003-11`: a gold that gives only the month."""
    y, sep, m = date.strip().partition("-")
    if not sep or len(y.encode()) != 4 or not 1 <= len(m.encode()) <= 2:
        return None
    year, month = parse_u32(y), parse_u32(m)
    if year is None or month is None or not 1 <= month <= 12:
        return None
    return year, month
