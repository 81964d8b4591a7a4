"""newsmill in datatrove: `NewsmillExtractor`, an extractor step as FineWeb runs trafilatura.

    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from newsmill.datatrove import NewsmillExtractor

    pipeline = [WarcReader("crawl/"), NewsmillExtractor(analyze=True), JsonlWriter("out/")]

Each document's text becomes the story; its metadata gains `title`, `published`, `authors`,
`language`, `site`, `description` and, with `analyze=True`, `entities` and `quotes`. Documents
run through the Rust pipeline in batches in this process (newsmill keeps its own time budget
per document and never takes the process down), so no sandbox process is needed.
"""

from __future__ import annotations

from itertools import islice
from typing import Optional

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor
from datatrove.utils.typeshelper import StatHints

METADATA = ("title", "published", "modified", "authors", "language", "site", "description", "url")
ANALYSIS = ("entities", "quotes")


class NewsmillExtractor(BaseExtractor):
    """Extracts the story and its metadata (and with `analyze`, entities and quotes).

    timeout: seconds allowed per document; a document past it is dropped (stat `timeout`).
    """

    name = "📰 newsmill"
    _requires_dependencies = ["newsmill"]

    def __init__(self, analyze: bool = False, timeout: float = 2.0, max_mb: int = 64, threads: int = 1,
                 batch_size: int = 64) -> None:
        super().__init__(timeout=timeout)
        self.analyze = analyze
        self.max_mb = max_mb
        self.threads = threads
        self.batch_size = batch_size
        self._pipeline = None

    def __getstate__(self):
        # Executors pickle their steps; the Rust pipeline is rebuilt where the step runs.
        state = self.__dict__.copy()
        state["_pipeline"] = None
        return state

    @property
    def pipeline(self):
        if self._pipeline is None:
            from newsmill import Pipeline

            self._pipeline = Pipeline(analyze=self.analyze, max_mb=self.max_mb,
                                      timeout_ms=int(self.timeout * 1000) or None, threads=self.threads)
        return self._pipeline

    def extract(self, text: str) -> str:
        """The story text of one page (raises `newsmill.Error` when there is none)."""
        return self.pipeline.process(text)["text"]

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        import pyarrow as pa

        documents = iter(data)
        while chunk := list(islice(documents, self.batch_size)):
            pages = pa.record_batch({
                "html": pa.array([d.text for d in chunk], pa.string()),
                "url": pa.array([d.metadata.get("url") for d in chunk], pa.string()),
            })
            with self.track_time(unit="batch"):
                rows = self.pipeline.process_batch(pages).to_pylist()
            for doc, row in zip(chunk, rows):
                self.stat_update(StatHints.total)
                if row["error"] is not None:
                    self.stat_update("timeout" if "time budget" in row["error"] else "clean_error")
                    continue
                doc.text = row["text"] or ""
                for key in METADATA + (ANALYSIS if self.analyze else ()):
                    if row.get(key) is not None and key != "url":
                        doc.metadata[key] = row[key]
                if doc.text:
                    self.stat_update(StatHints.forwarded)
                    self.update_doc_stats(doc)
                    yield doc
                else:
                    self.stat_update(StatHints.dropped)
