"""newsmill on Spark: WARC files in, Parquet articles out, one task per WARC file.

    from newsmill.spark import process_warcs
    process_warcs(spark, ["s3://bucket/CC-NEWS/2026/11/"], "s3://bucket/articles/")

or without writing code:

    python -m newsmill.spark crawl/*.warc.gz --out articles/ --master 'local[*]'

Each WARC file is read and processed by one task (`mapInArrow` over the list of files), with
the Rust reader and pipeline, and the task writes its rows itself, straight from Arrow: the
Arrow schema of the article (README) plus `warc`, the file they came from, in a dataset
partitioned by `month` (`YYYY-MM` of publication, `unknown` without a date) and `language`
(see `newsmill.jobs`). Spark reads it back with `spark.read.parquet(OUTPUT)`. A file already
done is skipped on a rerun, even after a crash; a file that cannot be read, or a damaged
record, becomes a row with its reason in `error`, and the rest of the job finishes.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Iterable, List, Optional

WARC_SUFFIXES = (".warc", ".warc.gz")


def warc_files(paths: Iterable[str]) -> List[str]:
    """The WARC files named, or inside the folders (or object-store prefixes) named, sorted.
    Local paths come back absolute; remote ones (s3://, gs://, hdfs://) as URIs."""
    import pyarrow.fs as pafs

    from .jobs import filesystem

    found = []
    for path in paths:
        fs, base = filesystem(path)
        local = isinstance(fs, pafs.LocalFileSystem)
        if fs.get_file_info(base).type != pafs.FileType.Directory:
            found.append(base if local else path)
            continue
        listed = fs.get_file_info(pafs.FileSelector(base, recursive=True))
        names = [i.path for i in listed if i.type == pafs.FileType.File and i.path.endswith(WARC_SUFFIXES)]
        # A listed file keeps the URI's scheme and authority: what precedes `base` in it.
        prefix = "" if local else path[: max(path.find(base.rstrip("/")), 0)]
        found.extend(prefix + n for n in names)
    return sorted(set(found))


def process_warcs(spark, paths: Iterable[str], output: str, analyze: bool = True, batch_size: int = 256,
                  threads: int = 1, timeout_ms: Optional[int] = 2000) -> dict:
    """Processes the WARC files (or folders of them) into Parquet under `output`.

    One Spark task per file not yet done; each task writes its file's rows itself
    (`newsmill.jobs.process_warc`) and reports what it did. Returns the counts: files found,
    skipped as already done, processed, rows and error rows written.
    """
    from .jobs import is_done, process_warc

    files = warc_files(paths)
    todo = [f for f in files if not is_done(output, f)]
    summary = {"files": len(files), "skipped": len(files) - len(todo), "processed": len(todo), "rows": 0,
               "errors": 0}
    if not todo:
        return summary

    def run(batches):
        import pyarrow as pa

        for batch in batches:
            done = [process_warc(w, output, analyze, batch_size, threads, timeout_ms)
                    for w in batch.column("path").to_pylist()]
            yield pa.RecordBatch.from_pylist(done, schema=pa.schema(
                [("warc", pa.string()), ("rows", pa.int64()), ("errors", pa.int64()), ("seconds", pa.float64())]))

    tasks = spark.createDataFrame([(f,) for f in todo], "path string").repartition(len(todo), "path")
    done = tasks.mapInArrow(run, "warc string, rows long, errors long, seconds double").collect()
    summary["rows"] = sum(r.rows for r in done)
    summary["errors"] = sum(r.errors for r in done)
    return summary


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsmill.spark", description=__doc__.split("\n")[0])
    parser.add_argument("warcs", nargs="+", metavar="WARC", help="WARC files or folders of them")
    parser.add_argument("--out", required=True, help="output folder (Parquet, partitioned by month and language)")
    parser.add_argument("--master", default=None, help="Spark master, e.g. local[*] (default: spark-submit's)")
    parser.add_argument("--no-analysis", action="store_true", help="extraction only")
    parser.add_argument("--batch-size", type=int, default=256)
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    if (args.master or "").startswith("local"):
        # Local workers run this interpreter, where newsmill is installed.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("newsmill")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        summary = process_warcs(spark, args.warcs, args.out, analyze=not args.no_analysis,
                                batch_size=args.batch_size)
    finally:
        spark.stop()
    print(f"newsmill.spark: {summary['processed']} WARC files processed ({summary['rows']} rows, "
          f"{summary['errors']} errors), {summary['skipped']} already done -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
