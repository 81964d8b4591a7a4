"""Single-core trafilatura throughput on a folder of pages held in memory.

Prints one JSON line in the same shape as newsmill's `throughput` example.
Usage: python trafilatura_throughput.py DIR [MIN_SECONDS]
"""
import gzip
import json
import pathlib
import sys
import time

import trafilatura


def main() -> None:
    folder = pathlib.Path(sys.argv[1])
    min_seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 5.0
    pages = []
    for path in sorted(folder.iterdir()):
        raw = gzip.open(path).read() if path.suffix == ".gz" else path.read_bytes()
        pages.append(raw.decode("utf-8", errors="replace"))
    total_bytes = sum(len(p.encode("utf-8")) for p in pages)
    started = time.perf_counter()
    done = rounds = 0
    while rounds == 0 or time.perf_counter() - started < min_seconds:
        for page in pages:
            trafilatura.extract(page)
            done += 1
        rounds += 1
    seconds = time.perf_counter() - started
    print(json.dumps({
        "tool": f"trafilatura {trafilatura.__version__}", "pages": len(pages), "rounds": rounds,
        "seconds": round(seconds, 3), "pages_per_s": round(done / seconds, 1),
        "mb_per_s": round(total_bytes * rounds / seconds / 1e6, 2),
    }))


if __name__ == "__main__":
    main()
