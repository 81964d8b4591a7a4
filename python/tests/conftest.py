"""Shared fixtures: pages (the dev pages when ../shared/eval is there, else the bundled
samples), WARC files made from them, and the `newsmill` binary to compare against."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _eval_dir():
    if os.environ.get("NEWSMILL_NO_EVAL"):
        return None
    for parent in [REPO, *REPO.parents]:
        candidate = parent / "shared" / "eval"
        if candidate.is_dir():
            return candidate
    return None


def html_pages(limit: int = 48):
    """(url, bytes) of real pages: trafilatura-eval-dev pages when present, else the samples."""
    pages = []
    eval_dir = _eval_dir()
    dev = eval_dir / "trafilatura-eval-dev" / "html" if eval_dir else None
    if dev and dev.is_dir():
        for path in sorted(dev.glob("*.html.gz"))[:limit]:
            pages.append((f"https://dev.example/{path.name[:-8]}", gzip.decompress(path.read_bytes())))
    if not pages:
        samples = REPO / "samples" / "pages"
        for path in sorted(samples.glob("*.html")) + sorted(samples.glob("*.txt")):
            pages.append((f"https://samples.example/{path.name}", path.read_bytes()))
        for line in (samples / "wire-briefs.jsonl").read_text().splitlines():
            record = json.loads(line)
            if "html" in record:
                pages.append((record["url"], record["html"].encode()))
    return pages


def write_warc(path: Path, pages, gz: bool = True) -> Path:
    """A WARC file of HTTP responses, as a crawler writes them."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for url, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)
    return path


@pytest.fixture(scope="session")
def pages():
    return html_pages()


@pytest.fixture(scope="session")
def warc_shards(tmp_path_factory, pages):
    """Four .warc.gz shards of the pages."""
    folder = tmp_path_factory.mktemp("warcs")
    return [write_warc(folder / f"shard-{i}.warc.gz", pages[i::4]) for i in range(4)]


@pytest.fixture(scope="session")
def newsmill_bin():
    """The CLI, to check that the package gives what it prints; skips when it is not built."""
    targets = [Path(os.environ["CARGO_TARGET_DIR"])] if os.environ.get("CARGO_TARGET_DIR") else []
    targets.append(REPO / "target")
    candidates = [os.environ.get("NEWSMILL_BIN")]
    candidates += [t / profile / "newsmill" for t in targets for profile in ("release", "debug")]
    candidates.append(shutil.which("newsmill"))
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return str(candidate)
    message = "the newsmill binary is not built (cargo build -p newsmill-cli)"
    if os.environ.get("NEWSMILL_REQUIRE_CLI"):
        pytest.fail(message)
    pytest.skip(f"SKIPPED: {message}")


def cli_articles(binary: str, *paths) -> list:
    import json

    out = subprocess.run([binary, "extract", "--format", "jsonl", *map(str, paths)], capture_output=True, check=False)
    return [json.loads(line) for line in out.stdout.decode().splitlines()]
