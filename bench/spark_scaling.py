"""Spark local[1] against local[2]: the newsmill.spark job's wall time on the same WARC shards,
and the peak memory of one worker processing one shard.

    python bench/spark_scaling.py PAGES_DIR [--copies 3] [--shards 8]

Makes --shards .warc.gz files from the pages in PAGES_DIR (.html or .html.gz), each page
--copies times under distinct URLs; then, for each master in its own process, starts Spark,
warms it up with a small job, and times process_warcs alone (start-up excluded). Needs the
newsmill package with its spark and test extras (python/test.sh's venv) and Java 17."""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def make_shards(folder: Path, out: Path, copies: int, shards: int):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = []
    for path in sorted(folder.iterdir()):
        if path.name.endswith(".html.gz"):
            pages.append(gzip.decompress(path.read_bytes()))
        elif path.suffix == ".html":
            pages.append(path.read_bytes())
    files = [open(out / f"shard-{i:02}.warc.gz", "wb") for i in range(shards)]
    writers = [WARCWriter(f, gzip=True) for f in files]
    n = 0
    for copy in range(copies):
        for i, page in enumerate(pages):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writers[n % shards].create_warc_record(f"https://bench.example/{copy}/{i}", "response",
                                                            payload=io.BytesIO(page), http_headers=headers)
            writers[n % shards].write_record(record)
            n += 1
    for f in files:
        f.close()
    return sorted(str(p) for p in out.glob("*.warc.gz")), n


def run_master(master: str, warcs: list, out: str) -> float:
    from pyspark.sql import SparkSession

    from newsmill.spark import process_warcs

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (SparkSession.builder.master(master).config("spark.ui.enabled", "false")
             .config("spark.python.worker.reuse", "true").getOrCreate())
    process_warcs(spark, warcs[:1], out + "-warmup", analyze=False)
    busy_before, start = busy_seconds(), time.perf_counter()
    process_warcs(spark, warcs, out)
    elapsed, busy = time.perf_counter() - start, busy_seconds() - busy_before
    spark.stop()
    return elapsed, busy


def busy_seconds() -> float:
    """CPU time the whole machine spent busy (all processes: the JVM, its Python workers)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pages", type=Path, nargs="?")
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--child", nargs=3, metavar=("MASTER", "WARCS_JSON", "OUT"))
    parser.add_argument("--one-shard", metavar="WARC")
    args = parser.parse_args()
    if args.child:
        master, warcs, out = args.child
        print(*run_master(master, json.loads(warcs), out))
        return
    if args.one_shard:
        from newsmill.jobs import process_warc

        with tempfile.TemporaryDirectory() as out:
            rows = process_warc(args.one_shard, out)["rows"]
        print(rows, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
        return
    with tempfile.TemporaryDirectory() as tmp:
        warcs, n = make_shards(args.pages, Path(tmp), args.copies, args.shards)
        print(f"{n} pages in {len(warcs)} shards")
        rows, rss = subprocess.run([sys.executable, __file__, "--one-shard", warcs[0]], capture_output=True,
                                   text=True, check=True).stdout.split()
        print(f"one worker, one shard ({rows} rows): peak RSS {rss} MB")
        times = {}
        for master in ("local[1]", "local[2]"):
            out = subprocess.run([sys.executable, __file__, "--child", master, json.dumps(warcs),
                                  str(Path(tmp) / master.replace("[", "").replace("]", ""))],
                                 capture_output=True, text=True, check=True).stdout.split()
            times[master], busy = float(out[-2]), float(out[-1])
            print(f"{master}: {times[master]:.1f} s, {n / times[master]:.1f} pages/s, "
                  f"{busy / times[master]:.2f} of {os.cpu_count()} cores busy")
        print(f"scaling local[1] -> local[2]: {times['local[1]'] / times['local[2]']:.2f}x")


if __name__ == "__main__":
    main()
