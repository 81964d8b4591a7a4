"""newsmill in Ray Data: `ProcessBatches`, a callable class for `map_batches`.

    import ray
    from newsmill.ray import ProcessBatches

    pages = ray.data.read_parquet("pages/")          # columns html, url
    articles = pages.map_batches(ProcessBatches, batch_format="pyarrow", concurrency=8)
    articles.write_parquet("articles/")

Each actor loads the models once; each batch comes back as a table in the article's Arrow
schema (README), one row per input row, a failed row's reason in `error`.
"""

from __future__ import annotations

from typing import Optional


class ProcessBatches:
    """Pages (a `pyarrow.Table` or any Arrow object) to articles, one row per page."""

    def __init__(self, analyze: bool = True, html_column: str = "html", url_column: str = "url",
                 max_mb: int = 64, timeout_ms: Optional[int] = 2000, threads: int = 1) -> None:
        from newsmill import Pipeline

        self.pipeline = Pipeline(analyze=analyze, max_mb=max_mb, timeout_ms=timeout_ms, threads=threads)
        self.html_column = html_column
        self.url_column = url_column

    def __call__(self, batch):
        import pyarrow as pa

        out = self.pipeline.process_batch(batch, self.html_column, self.url_column)
        return pa.Table.from_batches([out])
