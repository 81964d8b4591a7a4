"""One WARC file to a Parquet dataset, the unit of work of the distributed jobs.

The rows (the article's Arrow schema, plus `warc`, the file they came from) are written by
the worker itself, straight from Arrow, into a Hive-partitioned dataset:

    OUTPUT/month=2026-11/language=en/part-<key>-<n>.parquet
    OUTPUT/_newsmill/done/<key>.json           (written last: the file is done)

`<key>` is derived from the WARC's path, so a rerun writes the same names: a file with a done
marker is skipped, and one cut short by a crash is written again over its partial parts.
Each part is written under a temporary name and renamed when complete. `month` is `YYYY-MM`
of publication (`unknown` without a date); `language` is null (`__HIVE_DEFAULT_PARTITION__`)
when unknown. Local paths and any filesystem pyarrow knows (s3://, gs://, hdfs://) work.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from typing import Optional

NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
PARTITIONS = ("month", "language")

_PIPELINES: dict = {}


def pipeline(analyze: bool = True, timeout_ms: Optional[int] = 2000, threads: int = 1):
    """One pipeline per process and options: a reused worker loads the models once."""
    from . import Pipeline

    key = (analyze, timeout_ms, threads)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(analyze=analyze, timeout_ms=timeout_ms, threads=threads)
    return _PIPELINES[key]


def file_key(warc: str) -> str:
    return hashlib.sha1(warc.encode()).hexdigest()[:16]


def filesystem(uri: str):
    """(filesystem, path) of a local path, a file:// URI or any URI pyarrow knows (s3://, gs://,
    hdfs://); a local path comes back absolute."""
    import pyarrow.fs as pafs

    if "://" not in uri:
        return pafs.LocalFileSystem(), os.path.abspath(uri)
    return pafs.FileSystem.from_uri(uri)


def is_done(output: str, warc: str) -> bool:
    import pyarrow.fs as pafs

    fs, base = filesystem(output)
    return fs.get_file_info(f"{base}/_newsmill/done/{file_key(warc)}.json").type == pafs.FileType.File


def _local_copy(warc: str, folder: str) -> str:
    """The WARC as a local file: remote ones are copied first (the reader needs a file)."""
    import pyarrow.fs as pafs

    fs, path = filesystem(warc)
    if isinstance(fs, pafs.LocalFileSystem):
        return path
    local = os.path.join(folder, os.path.basename(path))
    with fs.open_input_stream(path) as src, open(local, "wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    return local


def _failed_file(warc: str, error: str, schema):
    import pyarrow as pa

    row = {name: None for name in schema.names}
    row.update(source=warc, error=error)
    return pa.RecordBatch.from_pylist([row], schema=schema)


def _split(batch):
    """The batch's rows grouped by partition: {(month, language): those rows without the
    `language` column, which the folder name holds (`month` is not a column of the batch)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    month = pc.fill_null(pc.utf8_slice_codeunits(batch.column("published"), 0, 7), "unknown")
    language = pc.fill_null(batch.column("language"), NULL_PARTITION)
    keys = list(zip(month.to_pylist(), language.to_pylist()))
    data = batch.drop_columns(["language"])
    groups: dict = {}
    for i, key in enumerate(keys):
        groups.setdefault(key, []).append(i)
    return {key: data.take(pa.array(rows, pa.int64())) for key, rows in groups.items()}


class _PartWriters:
    """One Parquet writer per partition, each to a temporary name until `commit`."""

    def __init__(self, output: str, key: str, schema):
        self.fs, self.base = filesystem(output)
        self.key, self.schema, self.writers = key, schema, {}

    def write(self, partition, batch) -> None:
        import pyarrow.parquet as pq

        if partition not in self.writers:
            month, language = partition
            folder = f"{self.base}/month={month}/language={language}"
            self.fs.create_dir(folder, recursive=True)
            final = f"{folder}/part-{self.key}.parquet"
            # A leading dot: readers (Spark, pyarrow, DuckDB globs) skip a part being written.
            temporary = f"{folder}/.part-{self.key}.parquet.tmp"
            stream = self.fs.open_output_stream(temporary)
            writer = pq.ParquetWriter(stream, self.schema, compression="snappy")
            self.writers[partition] = (writer, stream, temporary, final)
        self.writers[partition][0].write_batch(batch)

    def commit(self) -> None:
        for writer, stream, temporary, final in self.writers.values():
            writer.close()
            stream.close()
            self.fs.move(temporary, final)


def process_warc(warc: str, output: str, analyze: bool = True, batch_size: int = 256, threads: int = 1,
                 timeout_ms: Optional[int] = 2000) -> dict:
    """Processes one WARC file into the dataset under `output`; returns what it did.

    A file that cannot be read at all, and each damaged record, becomes a row with its reason
    in `error` (partition month=unknown), so failures are kept beside the articles."""
    import pyarrow as pa

    from . import read_warc

    started = time.perf_counter()
    run = pipeline(analyze, timeout_ms, threads)
    empty = run.process_batch(pa.record_batch({"html": pa.array([], pa.string())}))
    schema = empty.schema.append(pa.field("warc", pa.string()))
    file_schema = schema.remove(schema.get_field_index("language"))
    parts = _PartWriters(output, file_key(warc), file_schema)
    rows = errors = 0

    def put(batch) -> None:
        nonlocal rows, errors
        batch = pa.RecordBatch.from_arrays(batch.columns + [pa.array([warc] * batch.num_rows, pa.string())],
                                           schema=schema)
        rows += batch.num_rows
        errors += batch.num_rows - batch.column("error").null_count
        for partition, piece in _split(batch).items():
            parts.write(partition, piece)

    def processed(local_folder: str):
        # Reading or processing trouble is the file's error row; a failure to write (below,
        # outside this generator) fails the task instead, so no broken part is committed.
        try:
            for pages in read_warc(_local_copy(warc, local_folder), batch_size=batch_size):
                yield run.process_batch(pages)
        except Exception as err:
            yield _failed_file(warc, f"{type(err).__name__}: {err}", empty.schema)

    with tempfile.TemporaryDirectory(prefix="newsmill-") as tmp:
        for batch in processed(tmp):
            put(batch)
    parts.commit()
    summary = {"warc": warc, "rows": rows, "errors": errors, "seconds": round(time.perf_counter() - started, 3)}
    parts.fs.create_dir(f"{parts.base}/_newsmill/done", recursive=True)
    with parts.fs.open_output_stream(f"{parts.base}/_newsmill/done/{file_key(warc)}.json") as marker:
        marker.write(json.dumps(summary).encode())
    return summary
