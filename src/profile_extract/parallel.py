"""Engines: where tasks run. Every engine yields results in task order and
keeps a bounded number of tasks in flight, so memory stays flat however many
pages there are and the tables come out the same whatever the engine or the
number of workers.

- InlineEngine: this process (--jobs 1).
- PoolEngine: a process pool (--jobs N); workers get the options and the set
  of pages to skip once, at start (inherited through fork where available).
- DaskEngine: a Dask distributed cluster (--engine dask [--scheduler ADDR]);
  a LocalCluster of N worker processes when no scheduler is given. Dask is an
  optional extra, imported only here and only when asked for.
"""
from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from typing import Callable, Iterable, Iterator

from .errors import UsageError


class InlineEngine:
    name = "inline"
    workers = 1
    reads_in_workers = True

    def __init__(self, fn: Callable):
        self.fn = fn

    def imap(self, tasks: Iterable) -> Iterator:
        for t in tasks:
            yield self.fn(t)

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _bounded_in_order(submit, tasks: Iterable, max_inflight: int) -> Iterator:
    """Submit tasks keeping at most max_inflight pending; yield results in order."""
    pending = deque()
    for t in tasks:
        pending.append(submit(t))
        if len(pending) >= max_inflight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class PoolEngine(InlineEngine):
    """A pool of worker processes; `fn` must be importable (pickled by name)."""
    name = "processes"

    def __init__(self, fn: Callable, jobs: int, initializer=None, initargs=()):
        from concurrent.futures import ProcessPoolExecutor
        import threading
        methods = mp.get_all_start_methods()
        # fork: workers start at once, warm, and inherit the skip set without
        # pickling it; but forking a process that runs other threads (an
        # embedding application, a Dask client) can deadlock: then spawn
        safe = "fork" in methods and threading.active_count() == 1
        ctx = mp.get_context("fork" if safe else "spawn")
        self.start_method = ctx.get_start_method()
        self.fn = fn
        self.workers = jobs
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx,
                                        initializer=initializer, initargs=initargs)

    def imap(self, tasks: Iterable) -> Iterator:
        return _bounded_in_order(lambda t: self.pool.submit(self.fn, t), tasks, 3 * self.workers)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine(InlineEngine):
    """Tasks on a Dask distributed cluster. Workers need profile_extract
    installed; pages travel as bytes (workers need not see the input files)."""
    name = "dask"
    reads_in_workers = False

    def __init__(self, fn: Callable, jobs: int, scheduler: str | None = None, timeout: str = "20s"):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise UsageError("--engine dask needs the dask extra: pip install 'profile-extract[dask]'") from None
        self.fn = fn
        self.cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout=timeout)
            else:
                self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                            dashboard_address=":0")
                self.client = Client(self.cluster)
        except (OSError, TimeoutError, ValueError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
        n = len(self.client.scheduler_info().get("workers", {})) or jobs
        self.workers = max(1, n)

    def imap(self, tasks: Iterable) -> Iterator:
        return _bounded_in_order(lambda t: self.client.submit(self.fn, t, pure=False), tasks,
                                 3 * self.workers)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
