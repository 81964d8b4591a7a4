"""newsmill: clean, structured, searchable news articles from raw pages.

    >>> import newsmill
    >>> article = newsmill.extract(html, url="https://example.org/story")
    >>> article["title"], [e["name"] for e in article["entities"]]

`extract` gives the article JSON that `newsmill extract` prints, as a dict. `Pipeline` keeps
the models loaded and processes Arrow batches (pyarrow, polars, DuckDB results) with a size
limit and a time budget per document. `read_warc` reads WARC files into Arrow batches. The
submodules `newsmill.spark`, `newsmill.datatrove` and `newsmill.ray` run it inside those
engines. All work in Rust runs with the GIL released.
"""

from __future__ import annotations

import json
from typing import Any, Iterator, Optional, Union

from ._newsmill import (
    Error,
    InputError,
    InternalError,
    TimedOutError,
    TooLargeError,
    WarcBatches as _WarcBatches,
    Pipeline as _Pipeline,
    __version__,
    extract_json as _extract_json,
)

__all__ = [
    "Error",
    "InputError",
    "InternalError",
    "Pipeline",
    "TimedOutError",
    "TooLargeError",
    "__version__",
    "extract",
    "read_warc",
]


def extract(data: Union[str, bytes], url: Optional[str] = None, *, analyze: bool = True) -> dict:
    """One page (HTML, or text a scraper flattened) to its article JSON as a dict.

    `bytes` are decoded as newsmill decodes files (BOM, meta charset, detection); a `str` is
    taken as it is. Raises `InputError` (empty, binary), `TooLargeError` or `InternalError`,
    each naming the input.
    """
    return json.loads(_extract_json(data, url, analyze))


def _record_batch(data: Any):
    """Any Arrow tabular object as one pyarrow.RecordBatch."""
    import pyarrow as pa

    if isinstance(data, pa.RecordBatch):
        return data
    if hasattr(data, "__arrow_c_array__"):
        return pa.record_batch(data)
    if isinstance(data, pa.Table) or hasattr(data, "__arrow_c_stream__"):
        table = pa.table(data).combine_chunks()
        batches = table.to_batches()
        if not batches:
            return pa.RecordBatch.from_pylist([], schema=table.schema)
        return batches[0]
    if hasattr(data, "to_arrow"):  # polars before the PyCapsule interface
        return _record_batch(data.to_arrow())
    raise TypeError(f"expected an Arrow record batch or table, not {type(data).__name__}")


class Pipeline:
    """Extraction and analysis with the models loaded once.

    analyze: run the analysis (entities, quotes, amounts, dates, places) after extraction.
    max_mb: documents larger than this are refused (`TooLargeError`, or an error row).
    timeout_ms: time allowed per document (None or 0: no limit).
    threads: worker threads for `process_batch` (0: one per core).
    """

    def __init__(
        self, analyze: bool = True, max_mb: int = 64, timeout_ms: Optional[int] = 2000, threads: int = 1
    ) -> None:
        self._inner = _Pipeline(analyze, max_mb, timeout_ms, threads)
        self.analyze = analyze

    def process(self, data: Union[str, bytes], url: Optional[str] = None) -> dict:
        """One page to its article JSON as a dict; a failure raises the matching `Error`."""
        return json.loads(self._inner.process_json(data, url))

    def process_batch(self, batch: Any, html_column: str = "html", url_column: str = "url"):
        """A batch of pages to a `pyarrow.RecordBatch` of articles, one row per input row.

        `batch` is any Arrow object (pyarrow batch or table, polars, DuckDB results). The page
        column holds strings or bytes; optional columns `url_column`, `charset`, `kind`
        (`html` or `text`: skip sniffing) and `error` (from `read_warc`) are used when present. A document that fails, panics or runs past
        `timeout_ms` gets its reason in the `error` column; the rest are unharmed.
        """
        return self._inner.process_batch(_record_batch(batch), html_column, url_column)


def read_warc(path: str, batch_size: int = 256, max_mb: int = 64) -> Iterator[Any]:
    """The HTML responses of a `.warc` or `.warc.gz` file as `pyarrow.RecordBatch`es.

    Columns: `source`, `url`, `fetched`, `html` (bytes), `charset` (from the HTTP header),
    `kind` (`html`: a response is a page) and `error` (a damaged record: its reason, and
    reading goes on). Raises FileNotFoundError
    for a missing file.
    """
    return iter(_WarcBatches(str(path), batch_size, max_mb))
