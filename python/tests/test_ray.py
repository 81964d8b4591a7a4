"""The Ray Data callable class, called as map_batches calls it."""

from __future__ import annotations

import pyarrow as pa

from newsmill.ray import ProcessBatches


def test_process_batches_returns_a_table_row_per_page(pages):
    fn = ProcessBatches(analyze=False)
    some = [p for _, p in pages[:5]]
    table = pa.table({"html": pa.array(some + [b""], pa.binary())})
    out = fn(table)
    assert isinstance(out, pa.Table) and out.num_rows == len(some) + 1
    assert out.column("error").to_pylist()[-1]
