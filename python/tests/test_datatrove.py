"""A datatrove pipeline: WARC reader -> NewsmillExtractor -> JSONL writer."""

from __future__ import annotations

import gzip
import json

import pytest

pytest.importorskip("datatrove", reason="SKIPPED: datatrove is not installed")


def test_warc_to_jsonl_with_metadata(tmp_path, warc_shards):
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    from newsmill.datatrove import NewsmillExtractor

    folder = warc_shards[0].parent
    out = tmp_path / "jsonl"
    executor = LocalPipelineExecutor(
        pipeline=[WarcReader(str(folder), glob_pattern="*.warc.gz"), NewsmillExtractor(analyze=True),
                  JsonlWriter(str(out))],
        tasks=1, logging_dir=str(tmp_path / "logs"))
    executor.run()
    docs = [json.loads(line) for f in out.glob("*.jsonl.gz") for line in gzip.open(f, "rt")]
    assert docs, "no document came through"
    assert all(d["text"] for d in docs)
    assert any(d["metadata"].get("title") for d in docs)
    assert any(d["metadata"].get("entities") for d in docs)
    assert all("<" not in d["text"][:200] or "</" not in d["text"] for d in docs), "markup left in the text"


def test_the_extract_method_is_the_story_text():
    from newsmill.datatrove import NewsmillExtractor

    page = "<html><body><nav>Home</nav><article><p>Rain fell over the valley on Monday, farmers said.</p></article></body></html>"
    assert NewsmillExtractor().extract(page).startswith("Rain fell")
