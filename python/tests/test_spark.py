"""The Spark job in local[2] over four WARC shards, a truncated one and a missing one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pyarrow as pa
import pyarrow.dataset as ds
import pytest

import newsmill
from conftest import write_warc
from test_api import without_nulls

pyspark = pytest.importorskip("pyspark", reason="SKIPPED: pyspark is not installed")
if shutil.which("java") is None:
    pytest.skip("SKIPPED: no java for Spark (apt-get install openjdk-17-jre-headless)", allow_module_level=True)


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The workers run this interpreter, where the package is installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (SparkSession.builder.master("local[2]").appName("newsmill-test")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate())
    yield session
    session.stop()


def read_rows(out):
    table = ds.dataset(str(out), format="parquet", partitioning="hive").to_table()
    return [dict(r, language=None if r["language"] == "__HIVE_DEFAULT_PARTITION__" else r["language"])
            for r in table.to_pylist()]


def test_spark_job_rows_are_the_batch_rows_and_reruns_skip_what_is_done(spark, tmp_path, warc_shards, pages):
    from newsmill.spark import process_warcs

    broken = write_warc(tmp_path / "broken.warc.gz", pages[:5])
    data = broken.read_bytes()
    broken.write_bytes(data[: len(data) // 2])
    out = tmp_path / "out"
    paths = [str(p) for p in warc_shards] + [str(broken)]
    summary = process_warcs(spark, paths, str(out))
    assert {k: summary[k] for k in ("files", "skipped", "processed")} == {"files": 5, "skipped": 0, "processed": 5}

    rows = read_rows(out)
    assert summary["rows"] == len(rows) and summary["errors"] >= 1
    good = [r for r in rows if r["error"] is None]
    assert len(good) >= len(pages)
    assert {r["warc"] for r in rows} == set(paths)
    assert any(r["error"] for r in rows if r["warc"] == str(broken))
    # Spark reads the dataset back, partitions and all.
    assert spark.read.parquet(str(out)).count() == len(rows)

    # Field by field, the job's rows are what process_batch gives for the same records.
    pipeline = newsmill.Pipeline()
    expected = {}
    for shard in warc_shards:
        for batch in newsmill.read_warc(shard):
            for row in pipeline.process_batch(batch).to_pylist():
                expected[row["source"]] = row
    for row in rows:
        if row["warc"] == str(broken):
            continue
        month = row.pop("month")
        row.pop("warc")
        want = expected[row["source"]]
        assert month == (want["published"] or "unknown")[:7]
        assert without_nulls(row) == without_nulls(want), row["source"]

    again = process_warcs(spark, paths + [str(tmp_path / "new.warc.gz")], str(out))
    assert again["skipped"] == 5 and again["processed"] == 1
    assert len(read_rows(out)) == len(rows) + 1, "the missing file is recorded as one error row"


def test_a_file_cut_short_by_a_crash_is_written_again_whole(tmp_path, warc_shards):
    from newsmill.jobs import file_key, process_warc

    out = tmp_path / "out"
    first = process_warc(str(warc_shards[0]), str(out))
    marker = out / "_newsmill" / "done" / f"{file_key(str(warc_shards[0]))}.json"
    marker.unlink()  # as if the worker died before finishing
    (out / "month=unknown").mkdir(exist_ok=True)
    (out / "month=unknown" / ".part-x.parquet.tmp").write_bytes(b"half a file")
    again = process_warc(str(warc_shards[0]), str(out))
    assert again["rows"] == first["rows"] == len(read_rows(out))


def test_the_module_runs_without_code(tmp_path, warc_shards):
    out = tmp_path / "cli-out"
    done = subprocess.run([sys.executable, "-m", "newsmill.spark", str(warc_shards[0]), "--out", str(out),
                           "--master", "local[1]", "--no-analysis"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "1 WARC files processed" in done.stderr
    assert len(read_rows(out)) > 0


def test_the_job_output_ingests_into_a_corpus(tmp_path, warc_shards, newsmill_bin):
    from newsmill.jobs import process_warc

    out = tmp_path / "out"
    written = sum(process_warc(str(w), str(out))["rows"] for w in warc_shards)
    db = tmp_path / "corpus.db"
    done = subprocess.run([newsmill_bin, "ingest", str(out), "--db", str(db), "--json", "--quiet"],
                          capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stderr
    import json

    summary = json.loads(done.stdout)
    assert summary["documents"] == written
    assert summary["added"] + summary["unchanged"] + summary["failed"] == written
    assert summary["added"] > 0


def test_folders_are_walked_for_warc_files_and_names_kept_once(tmp_path, warc_shards):
    from newsmill.spark import warc_files

    folder = str(warc_shards[0].parent)
    (tmp_path / "notes.txt").write_text("not a WARC")
    found = warc_files([folder, str(warc_shards[1]), str(tmp_path)])
    assert found == sorted(str(p) for p in warc_shards)
    assert warc_files(["missing.warc.gz"]) == [str(tmp_path.cwd() / "missing.warc.gz")]
