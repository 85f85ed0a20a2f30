"""--engine dask: the same per-page function on a Dask distributed cluster
(a LocalCluster of two worker processes) writes the same tables."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest

from profile_extract.api import run_batch
from profile_extract.cli import main
from profile_extract.tables.frames import TABLES

distributed = pytest.importorskip("distributed", reason="dask is an optional extra")

sys.path.insert(0, str(Path(__file__).parent))  # tests run with --import-mode=importlib
from test_batch import assert_same_tables, make_corpus, opts  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as c:
        yield c


def test_dask_cluster_writes_the_same_tables_as_one_process(cluster, tmp_path, capsys):
    src = make_corpus(tmp_path / "in", n=9, html=1, bad=True)
    run_batch([str(src)], tmp_path / "local", opts())
    code = main(["run", str(src), "--out", str(tmp_path / "dask"), "--engine", "dask",
                 "--scheduler", cluster.scheduler_address, "--no-progress", "--no-report"])
    assert code == 1  # the broken page fails, the rest is written
    m = json.loads((tmp_path / "dask" / "run.json").read_text())
    assert m["engine"] == "dask" and m["workers"] == 2
    assert m["pages_by_status"]["failed"] == 1
    # chunk_pages differs (CLI default vs 4): same rows all the same
    for t in TABLES:
        a = pd.read_parquet(tmp_path / "local" / f"{t}.parquet")
        b = pd.read_parquet(tmp_path / "dask" / f"{t}.parquet")
        pd.testing.assert_frame_equal(a, b, obj=t)


def test_dask_resume_skips_done_pages(cluster, tmp_path):
    src = make_corpus(tmp_path / "in", n=5, html=0, bad=False)
    extra = {"engine": "dask", "scheduler": cluster.scheduler_address}
    run_batch([str(src)], tmp_path / "ref", opts())
    first = run_batch([str(src)], tmp_path / "o", opts(extra=extra))
    again = run_batch([str(src)], tmp_path / "o", opts(extra={**extra, "resume": True}))
    assert first["this_run"]["pages"] == 5
    assert again["this_run"]["pages"] == 0 and again["this_run"]["skipped_done"] == 5
    assert_same_tables(tmp_path / "ref", tmp_path / "o")


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:9", "not an address"])
def test_unreachable_scheduler_is_a_usage_error(tmp_path, address):
    from profile_extract.errors import UsageError
    src = make_corpus(tmp_path / "in", n=1, html=0, bad=False)
    run_batch([str(src)], tmp_path / "o", opts())
    with pytest.raises(UsageError, match="cannot reach the Dask scheduler"):
        run_batch([str(src)], tmp_path / "o", opts(extra={"engine": "dask", "scheduler": address,
                                                          "dask_timeout": "1s"}))
    assert (tmp_path / "o" / "pages.parquet").exists()  # an earlier run's tables are untouched


def test_without_a_scheduler_a_local_cluster_of_jobs_workers_is_started(tmp_path):
    src = make_corpus(tmp_path / "in", n=3, html=0, bad=False)
    run_batch([str(src)], tmp_path / "ref", opts())
    m = run_batch([str(src)], tmp_path / "o", opts(jobs=2, extra={"engine": "dask"}))
    assert m["engine"] == "dask" and m["workers"] == 2
    assert_same_tables(tmp_path / "ref", tmp_path / "o")
