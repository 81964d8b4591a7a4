"""Pages/s per core of the Python package's process_batch against the CLI, on the same pages.

    python bench/python_batch.py PAGES_DIR [--bin target/release/newsmill] [--repeat 3]

PAGES_DIR holds .html or .html.gz pages (e.g. ../shared/eval/trafilatura-eval-dev/html). Both
run on one core (taskset -c 0, one worker thread), with analysis, best of --repeat runs. The
CLI time includes its start-up and its JSON output; the batch time includes building the Arrow
batch of articles. Run with the newsmill package installed (python/test.sh's venv)."""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import tempfile
import time
from pathlib import Path

import pyarrow as pa

import newsmill


def load(folder: Path):
    pages = []
    for path in sorted(folder.iterdir()):
        if path.name.endswith(".html.gz"):
            pages.append((path.name[:-3], gzip.decompress(path.read_bytes())))
        elif path.suffix == ".html":
            pages.append((path.name, path.read_bytes()))
    return pages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pages", type=Path)
    parser.add_argument("--bin", default="target/release/newsmill")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=256)
    args = parser.parse_args()
    os.sched_setaffinity(0, {0})
    pages = load(args.pages)
    pipeline = newsmill.Pipeline(threads=1, timeout_ms=None)
    batches = [pa.record_batch({"html": pa.array([p for _, p in pages[i:i + args.batch_size]], pa.binary())})
               for i in range(0, len(pages), args.batch_size)]
    best_py = min(timed(lambda: [pipeline.process_batch(b) for b in batches]) for _ in range(args.repeat))
    with tempfile.TemporaryDirectory() as tmp:
        for name, page in pages:
            Path(tmp, name).write_bytes(page)
        cli = ["taskset", "-c", "0", args.bin, "extract", "--format", "jsonl", tmp]
        env = dict(os.environ, RAYON_NUM_THREADS="1")
        best_cli = min(timed(lambda: subprocess.run(cli, stdout=subprocess.DEVNULL, env=env, check=False))
                       for _ in range(args.repeat))
    n = len(pages)
    print(f"pages: {n}")
    print(f"process_batch: {n / best_py:.1f} pages/s ({best_py:.2f} s)")
    print(f"newsmill extract: {n / best_cli:.1f} pages/s ({best_cli:.2f} s)")
    print(f"ratio batch/CLI: {best_cli / best_py:.3f}")


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
