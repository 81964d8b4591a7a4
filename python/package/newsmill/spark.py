"""newsmill on Spark: WARC files in, Parquet articles out, one task per WARC file.

    from newsmill.spark import process_warcs
    process_warcs(spark, ["s3://bucket/CC-NEWS/2026/11/"], "s3://bucket/articles/")

or without writing code:

    python -m newsmill.spark crawl/*.warc.gz --out articles/ --master 'local[*]'

Each WARC file is read and processed by one task (`mapInArrow`), with the Rust reader and
pipeline; the rows are the Arrow schema of the article (README), plus `warc` (the file they
came from) and `month` (`YYYY-MM` of publication, `unknown` without a date). The output is
partitioned by `month` and `language`. A file already in the output is skipped on a rerun; a
file that cannot be read, or a damaged record, becomes a row with its reason in `error`, and
the rest of the job finishes.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Iterable, Iterator, List, Optional

WARC_SUFFIXES = (".warc", ".warc.gz")


def warc_files(paths: Iterable[str]) -> List[str]:
    """The WARC files named or inside the folders named (local paths), sorted; other URIs
    (s3://, hdfs://) are kept as they are."""
    found = []
    for path in paths:
        if "://" in path and not path.startswith("file://"):
            found.append(path)
            continue
        local = path[len("file://"):] if path.startswith("file://") else path
        if os.path.isdir(local):
            for root, _dirs, files in os.walk(local):
                found.extend(os.path.join(root, f) for f in files if f.endswith(WARC_SUFFIXES))
        else:
            found.append(local)
    return sorted(os.path.abspath(p) if "://" not in p else p for p in found)


def output_schema():
    """The Arrow schema of the job's rows: the article schema, `warc` and `month`."""
    import pyarrow as pa

    from . import Pipeline

    empty = Pipeline(analyze=False).process_batch(pa.record_batch({"html": pa.array([], pa.string())}))
    return empty.schema.append(pa.field("warc", pa.string())).append(pa.field("month", pa.string()))


def _with_origin(batch, warc: str):
    import pyarrow as pa
    import pyarrow.compute as pc

    published = batch.column("published")
    month = pc.fill_null(pc.utf8_slice_codeunits(published, 0, 7), "unknown")
    columns = batch.columns + [pa.array([warc] * batch.num_rows, pa.string()), month]
    return pa.RecordBatch.from_arrays(columns, schema=batch.schema.append(pa.field("warc", pa.string())).append(
        pa.field("month", pa.string())))


def _failed_file(warc: str, error: str, schema):
    import pyarrow as pa

    row = {name: None for name in schema.names}
    row.update(source=warc, error=error, warc=warc, month="unknown")
    return pa.RecordBatch.from_pylist([row], schema=schema)


def process_files(paths: Iterable[str], analyze: bool = True, batch_size: int = 256, threads: int = 1,
                  timeout_ms: Optional[int] = 2000) -> Iterator:
    """The rows of WARC files, batch by batch, as one Spark task produces them."""
    from . import Pipeline, read_warc

    pipeline = Pipeline(analyze=analyze, timeout_ms=timeout_ms, threads=threads)
    schema = output_schema()
    for warc in paths:
        try:
            for batch in read_warc(warc, batch_size=batch_size):
                yield _with_origin(pipeline.process_batch(batch), warc)
        except Exception as err:  # an unreadable file is recorded, the task goes on
            yield _failed_file(warc, f"{type(err).__name__}: {err}", schema)


def _done(spark, output: str) -> set:
    """The WARC files the output already holds."""
    try:
        rows = spark.read.parquet(output).select("warc").distinct().collect()
    except Exception:  # no output yet
        return set()
    return {row.warc for row in rows}


def process_warcs(spark, paths: Iterable[str], output: str, analyze: bool = True, batch_size: int = 256,
                  threads: int = 1, timeout_ms: Optional[int] = 2000) -> dict:
    """Processes the WARC files (or folders of them) into Parquet under `output`.

    Returns counts: files found, skipped as already done, and processed.
    """
    from pyspark.sql.pandas.types import from_arrow_schema

    files = warc_files(paths)
    done = _done(spark, output)
    todo = [f for f in files if f not in done]
    summary = {"files": len(files), "skipped": len(files) - len(todo), "processed": len(todo)}
    if not todo:
        return summary
    spark_schema = from_arrow_schema(output_schema())

    def run(batches):
        for batch in batches:
            yield from process_files(batch.column("path").to_pylist(), analyze, batch_size, threads, timeout_ms)

    tasks = spark.createDataFrame([(f,) for f in todo], "path string").repartition(len(todo), "path")
    rows = tasks.mapInArrow(run, spark_schema)
    rows.write.mode("append").partitionBy("month", "language").parquet(output)
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
    print(f"newsmill.spark: {summary['processed']} WARC files processed, {summary['skipped']} already done "
          f"-> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
