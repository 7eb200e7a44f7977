"""Batch scoring: NumPy matrices and DataFrames scored at once must give,
row by row, exactly what `kam.score` gives for the same scores."""

from __future__ import annotations

import sys
import threading
import time
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pytest

import kam

AUDIT = "cranfield-kam-development"
IDS = kam.item_ids()


def report_row(scores: dict[str, int]) -> dict[str, Any]:
    report = kam.score({"framework": AUDIT, "framework_version": "2006.2", "scores": scores})
    periods = [p["score"] for ph in report["phases"] for p in ph["periods"]]
    position = report["position"]
    if position["type"] == "period":
        number, fraction = position["number"], position["fraction"]
    else:
        number, fraction = 12, 1.0
    return {
        "periods": periods,
        "phases": [ph["score"] for ph in report["phases"]],
        "overall": report["overall"]["score"],
        "percent": report["overall"]["percent"],
        "position_number": number,
        "position_fraction": fraction,
    }


def assert_rows_match(result: kam.BatchResult, rows: list[dict[str, int]]) -> None:
    assert result["period_ids"] == [f"{p}{n}" for p in "ABCD" for n in (1, 2, 3)]
    assert result["phase_ids"] == ["A", "B", "C", "D"]
    assert result["overall"].shape == (len(rows),)
    for r, scores in enumerate(rows):
        want = report_row(scores)
        assert result["period_scores"][r].tolist() == want["periods"]
        assert result["phase_scores"][r].tolist() == want["phases"]
        assert int(result["overall"][r]) == want["overall"]
        # Exact, not approximate: the same rules give the same floats.
        assert float(result["percent"][r]) == want["percent"]
        assert int(result["position_number"][r]) == want["position_number"]
        assert float(result["position_fraction"][r]) == want["position_fraction"]


def random_matrix(rows: int, seed: int = 7) -> npt.NDArray[np.uint8]:
    rng = np.random.default_rng(seed)
    # Skewed towards early periods being done, like real audits, plus edge rows.
    matrix = rng.integers(0, 4, size=(rows, len(IDS)), dtype=np.uint8)
    matrix[0] = 0
    matrix[1] = 3
    matrix[2, :20] = 3
    return matrix


def test_item_ids_are_the_framework_order() -> None:
    assert IDS == [i["id"] for i in kam.framework(AUDIT)["items"]]
    assert IDS[:3] == ["A1.1", "A1.2", "A1.3"]


def test_score_batch_equals_score_row_by_row() -> None:
    matrix = random_matrix(300)
    result = kam.score_batch(matrix)
    rows = [dict(zip(IDS, map(int, row))) for row in matrix]
    assert_rows_match(result, rows)
    assert result["period_scores"].dtype == np.uint32
    assert result["percent"].dtype == np.float64


def test_large_batches_are_split_across_threads_identically() -> None:
    matrix = random_matrix(70_000, seed=11)
    whole = kam.score_batch(matrix)
    for start in (0, 34_999, 69_999):
        one = kam.score_batch(matrix[start : start + 1])
        for key in ("overall", "percent", "position_number", "position_fraction"):
            assert one[key][0] == whole[key][start]
        assert (one["period_scores"][0] == whole["period_scores"][start]).all()


def test_any_memory_layout_gives_the_same_result() -> None:
    matrix = random_matrix(50)
    fortran = np.asfortranarray(matrix)
    strided = np.ascontiguousarray(np.repeat(matrix, 2, axis=0))[::2]
    for other in (fortran, strided):
        got = kam.score_batch(other)
        assert (got["overall"] == kam.score_batch(matrix)["overall"]).all()


def test_out_of_range_cells_name_row_and_column() -> None:
    matrix = random_matrix(10)
    matrix[6, 4] = 4
    matrix[8, 0] = 200
    with pytest.raises(kam.BatchError) as e:
        kam.score_batch(matrix)
    assert e.value.kind == "cell-out-of-range"
    assert str(e.value) == "row 6, column 4 (`A1.5`) has score 4, outside the scale 0–3"


def test_wrong_arrays_are_refused() -> None:
    with pytest.raises(TypeError, match="uint8"):
        kam.score_batch(np.zeros((2, len(IDS)), dtype=np.int64))
    with pytest.raises(TypeError, match="2-D"):
        kam.score_batch(np.zeros(len(IDS), dtype=np.uint8))
    with pytest.raises(kam.BatchError) as e:
        kam.score_batch(np.zeros((2, 5), dtype=np.uint8))
    assert e.value.kind == "matrix-shape"
    assert str(e.value) == "the score matrix has 5 column(s), but the batch has 129"
    with pytest.raises(kam.FrameworkError):
        kam.score_batch(np.zeros((2, 5), dtype=np.uint8), framework="kam-maturity-model")


def test_the_gil_is_released_while_scoring() -> None:
    matrix = random_matrix(1_000_000, seed=3)
    ticks = 0
    done = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.0002)  # blocks, so the main thread can take the GIL

    interval = sys.getswitchinterval()
    counter = threading.Thread(target=count)
    counter.start()
    try:
        time.sleep(0.01)
        # With a switch interval this long the interpreter never takes the GIL
        # from the main thread; only a native call that releases it lets the
        # counter run between these two lines.
        sys.setswitchinterval(30.0)
        before = ticks
        kam.score_batch(matrix)
        during = ticks - before
    finally:
        sys.setswitchinterval(interval)
        done.set()
        counter.join()
    assert during > 0


def frame(rows: int, seed: int = 5) -> pd.DataFrame:
    matrix = random_matrix(rows, seed)
    df = pd.DataFrame(matrix.astype(np.int64), columns=IDS)
    rng = np.random.default_rng(seed)
    columns = [c for c in rng.permutation(IDS) if rng.random() > 0.15]
    df = df[columns]
    df.index = pd.Index([f"acct-{i}" for i in range(rows)], name="account")
    return df


def test_score_frame_takes_columns_in_any_order_and_missing_ones() -> None:
    df = frame(120)
    assert len(df.columns) < len(IDS)
    out = kam.score_frame(df)
    assert list(out.index) == list(df.index)
    assert list(out.columns) == [
        *[f"{p}{n}" for p in "ABCD" for n in (1, 2, 3)],
        *"ABCD",
        "overall",
        "percent",
        "position_number",
        "position_fraction",
    ]
    for r, (_, row) in enumerate(df.iterrows()):
        want = report_row({str(k): int(v) for k, v in row.items()})
        got = out.iloc[r]
        assert int(got["overall"]) == want["overall"]
        assert [int(got[p]) for p in out.columns[:12]] == want["periods"]
        assert float(got["position_fraction"]) == want["position_fraction"]


def test_score_frame_errors() -> None:
    df = frame(5)
    df.iloc[3, 2] = -1
    with pytest.raises(kam.BatchError) as e:
        kam.score_frame(df)
    assert str(e.value) == (
        f"row 3, column 2 (`{df.columns[2]}`) has score -1, outside the scale 0–3"
    )
    with pytest.raises(kam.BatchError) as e:
        kam.score_frame(pd.DataFrame({"A1.1": [1], "Z9.9": [2]}))
    assert e.value.kind == "unknown-column"


def test_score_frame_as_a_dask_map_partitions_function() -> None:
    dd = pytest.importorskip("dask.dataframe")
    import dask

    df = frame(1_000, seed=9)
    ddf = dd.from_pandas(df, npartitions=4, sort=False)
    assert ddf.npartitions == 4
    lazy = ddf.map_partitions(kam.score_frame, meta=kam.score_frame(df.iloc[:0]))
    with dask.config.set(scheduler="threads"):  # Dask's local, multi-threaded scheduler
        got = lazy.compute()
    # Dask may store the string index as Arrow strings; the values must be equal.
    pd.testing.assert_frame_equal(got, kam.score_frame(df), check_index_type=False)


def test_score_frame_keeps_period_and_phase_columns_apart() -> None:
    fw = kam.framework(AUDIT)
    fw["phases"][0]["id"] = "A1"  # phase `A1` next to period `A1`
    custom = kam.load_framework(fw)
    out = kam.score_frame(pd.DataFrame({"A1.1": [3]}), framework=custom)
    assert out.loc[0, "period:A1"] == 3 and out.loc[0, "phase:A1"] == 3
    assert "A1" not in out.columns
