"""Batch scoring: NumPy matrices and DataFrames scored at once must give,
row by row, exactly what `kam.score` gives for the same scores."""

from __future__ import annotations

import io
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


def report_row(scores: dict[str, int], threshold: float | None = None) -> dict[str, Any]:
    options: kam.types.ScoreOptions | None = (
        None if threshold is None else {"completion_threshold": threshold}
    )
    report = kam.score(
        {"framework": AUDIT, "framework_version": "2006.2", "scores": scores}, options
    )
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
        "current_period": report["progress"]["current_period"],
        "unscored": report["unscored"],
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
        current = int(result["current_period"][r])
        assert (None if current < 0 else result["period_ids"][current]) == want["current_period"]
        assert int(result["unscored"][r]) == want["unscored"]


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
    whole = kam.score_batch(matrix)
    for other in (fortran, strided):
        got = kam.score_batch(other)
        for key in ("period_scores", "phase_scores", "overall", "current_period", "unscored"):
            assert (got[key] == whole[key]).all(), key


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


SCORE_COLUMNS = [
    *"overall percent position_number position_fraction current_period unscored".split(),
    *"ABCD",
    *[f"{p}{n}" for p in "ABCD" for n in (1, 2, 3)],
]


def assert_frame_matches(out: pd.DataFrame, rows: list[dict[str, int]], threshold: float | None = None) -> None:
    for r, scores in enumerate(rows):
        want = report_row(scores, threshold)
        got = out.iloc[r]
        assert int(got["overall"]) == want["overall"]
        assert [int(got[f"{p}{n}"]) for p in "ABCD" for n in (1, 2, 3)] == want["periods"]
        assert [int(got[p]) for p in "ABCD"] == want["phases"]
        assert float(got["percent"]) == want["percent"]
        assert float(got["position_fraction"]) == want["position_fraction"]
        assert int(got["position_number"]) == want["position_number"]
        current = got["current_period"]
        assert (None if pd.isna(current) else current) == want["current_period"]
        assert int(got["unscored"]) == want["unscored"]


def test_score_frame_takes_columns_in_any_order_and_missing_ones() -> None:
    df = frame(120)
    assert len(df.columns) < len(IDS)
    out = kam.score_frame(df)
    assert list(out.index) == list(df.index)
    assert list(out.columns) == SCORE_COLUMNS
    assert out["overall"].dtype == np.uint32 and out["A1"].dtype == np.uint32
    assert list(out["current_period"].cat.categories) == SCORE_COLUMNS[-12:]
    assert out["current_period"].cat.ordered
    assert_frame_matches(out, [{str(k): int(v) for k, v in row.items()} for _, row in df.iterrows()])


def test_what_read_csv_gives_is_scored() -> None:
    """Blank cells make a column float64 with NaN: whole floats are scores,
    NaN is unscored; other columns pass through to the front."""
    text = "account,region,A1.1,A1.2,A1.3,B1.1\nn1,UK,3,2,,1\nn2,FR,0,,3,\nn3,DE,3,3,3,3\n"
    df = pd.read_csv(io.StringIO(text)).set_index("account")
    assert df["A1.2"].dtype == np.float64 and df["A1.1"].dtype == np.int64
    out = kam.score_frame(df)
    assert list(out.columns) == ["region", *SCORE_COLUMNS]
    assert list(out["region"]) == ["UK", "FR", "DE"]
    assert list(out.index) == ["n1", "n2", "n3"]
    rows = [
        {"A1.1": 3, "A1.2": 2, "B1.1": 1},
        {"A1.1": 0, "A1.3": 3},
        {"A1.1": 3, "A1.2": 3, "A1.3": 3, "B1.1": 3},
    ]
    assert_frame_matches(out, rows)
    assert list(out["unscored"]) == [126, 127, 125]


def test_nullable_and_object_columns_are_scored() -> None:
    df = pd.DataFrame(
        {
            "A1.1": pd.array([3, None, 1], dtype="Int64"),
            "A1.2": pd.array([2.0, 1.0, pd.NA], dtype="Float64"),
            "A1.3": pd.Series([1, None, 3], dtype=object),
            "A1.4": np.array([1, 2, 3], dtype=np.int16),
            "A1.5": np.array([0.0, 3.0, np.nan], dtype=np.float32),
        }
    )
    out = kam.score_frame(df, completion_threshold=50)
    rows = [
        {"A1.1": 3, "A1.2": 2, "A1.3": 1, "A1.4": 1, "A1.5": 0},
        {"A1.2": 1, "A1.4": 2, "A1.5": 3},
        {"A1.1": 1, "A1.3": 3, "A1.4": 3},
    ]
    assert_frame_matches(out, rows, threshold=50)


def test_cells_that_are_not_scores_name_row_label_column_and_value() -> None:
    df = frame(5)
    df.iloc[3, 2] = -1
    with pytest.raises(kam.BatchError) as e:
        kam.score_frame(df)
    assert e.value.kind == "cell-out-of-range"
    assert str(e.value) == f"row `acct-3`, column `{df.columns[2]}` has score -1, outside the scale 0–3"
    floats = pd.DataFrame({"region": ["UK", "FR"], "A1.1": [3.0, 2.5]}, index=["n1", "n2"])
    with pytest.raises(kam.BatchError) as e:
        kam.score_frame(floats)
    assert e.value.kind == "cell-not-whole"
    assert str(e.value) == "row `n2`, column `A1.1` has `2.5`, not a whole number on the scale 0–3"
    text = pd.DataFrame({"A1.1": [3, None, "n/a"]}, index=[10, 11, 12])
    with pytest.raises(kam.BatchError) as e:
        kam.score_frame(text)
    assert e.value.kind == "cell-not-a-number"
    assert str(e.value) == "row `12`, column `A1.1` holds the text `n/a`, not a score on the scale 0–3"
    with pytest.raises(kam.BatchError) as e:
        kam.score_frame(pd.DataFrame({"A1.1": [1], "Z9.9": [2]}), items=["A1.1", "Z9.9"])
    assert e.value.kind == "unknown-column"
    with pytest.raises(KeyError, match="`B9.9`"):
        kam.score_frame(pd.DataFrame({"A1.1": [1]}), items=["B9.9"])
    with pytest.raises(ValueError, match="`overall`"):
        kam.score_frame(pd.DataFrame({"A1.1": [1], "overall": [5]}))


def test_a_frame_without_item_columns_leaves_every_item_unscored() -> None:
    out = kam.score_frame(pd.DataFrame({"region": ["UK", "FR"]}, index=["a", "b"]))
    assert list(out.index) == ["a", "b"]
    assert out["unscored"].tolist() == [129, 129] and out["overall"].tolist() == [0, 0]


def test_items_chooses_the_scored_columns() -> None:
    df = pd.DataFrame({"A1.1": [3], "A1.2": [2], "note": ["x"]})
    out = kam.score_frame(df, items=["A1.2"])
    assert list(out.columns[:3]) == ["A1.1", "note", "overall"]
    assert int(out["overall"].iloc[0]) == 2


def test_polars_frames_are_scored_without_pandas() -> None:
    pl = pytest.importorskip("polars")
    df = frame(300, seed=3)
    df.iloc[7, 4] = None  # a blank: the column becomes float64 in pandas, has a null in polars
    want = kam.score_frame(df)
    source = pl.from_pandas(df.reset_index())
    assert source[df.columns[4]].null_count() == 1
    got = kam.score_frame(source)
    assert isinstance(got, pl.DataFrame)
    assert got.columns == ["account", *SCORE_COLUMNS]
    assert got["account"].to_list() == list(df.index)
    for column in SCORE_COLUMNS:
        if column == "current_period":
            assert got[column].to_list() == [None if pd.isna(v) else v for v in want[column]]
        else:
            assert got[column].to_list() == want[column].tolist(), column
    with pytest.raises(kam.BatchError) as e:
        kam.score_frame(pl.DataFrame({"A1.1": [1.0, 0.5]}))
    assert str(e.value) == "row `1`, column `A1.1` has `0.5`, not a whole number on the scale 0–3"


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
