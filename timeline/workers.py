"""Parallel ingest: worker processes extract, the calling process reads and alone writes.

Articles (or the errors that stopped them) go to the workers in batches; results come back in input order through a bounded
window of batches in flight, so commits are deterministic and memory stays flat however long
the input is (a slow writer makes the workers wait instead of piling up results).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from timeline.errors import ReadError
from timeline.intervals import Interval
from timeline.pipeline import Prepared, prepare_source
from timeline.records import Article

BATCH = 8  # articles per task: enough to hide the cost of a round trip between processes
WINDOW = 4  # batches in flight per worker


_known = None  # in a worker: is this sha already stored? (a read on the worker's own engine)


PARENT_CHECK_SECONDS = 0.5


def _start_worker(url: str | None, parent: int) -> None:
    global _known
    _exit_with(parent)
    # Ctrl-C reaches the whole process group: the parent alone decides (it stores what is
    # extracted and stops); a worker dying of it would look like a crash of its batch.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if url is not None:
        from timeline.db import make_engine
        from timeline.pipeline import _known_check

        _known = _known_check(make_engine(url))


def _exit_with(parent: int) -> None:
    """End this worker when the process that started it is gone. A killed ingest (SIGKILL,
    out of memory) leaves its workers waiting for work that will never come: the pool has no
    way to tell them, so each watches its parent itself."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _prepare_batch(batch: list[Article | ReadError], published: Interval | None
                   ) -> list[Prepared]:
    return [prepare_source(item, published, check=_known) for item in batch]


def _context():
    # fork starts a worker in milliseconds with every module already imported; elsewhere
    # (macOS, Windows) spawn is the safe default.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def prepared_in_parallel(sources: Iterable[Article | ReadError], published: Interval | None,
                         jobs: int, url: str | None = None,
                         check: Callable[[str], bool] | None = None) -> Iterator[Prepared]:
    """Each article prepared by one of `jobs` worker processes, yielded in input order.

    With the database `url`, workers skip extracting articles already stored; `check` does
    the same for articles prepared in this process. A worker that dies (killed, out of memory)
    breaks the pool: the batches in flight are then prepared again one article per process,
    so the one that kills its process is reported and the others land (multiprocessing.Pool
    waited forever for a dead worker's batch).
    """
    sources = iter(sources)
    first = list(islice(sources, BATCH))
    if len(first) < BATCH:  # a handful of files: a pool would cost more than it saves
        yield from (prepare_source(s, published, check) for s in first)
        return
    batches = _batches(first, sources)
    while True:
        suspects = yield from _through_pool(batches, published, jobs, url, check)
        if suspects is None:
            return
        yield from _one_at_a_time(suspects, published, url, check)


def _pool(jobs: int, url: str | None) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_start_worker,
                               initargs=(url, os.getpid()))


def _through_pool(batches: Iterator[list], published, jobs: int, url, check):
    """Yield the prepared articles of `batches`; return None when all are done, or the items
    of the batches in flight when a worker died (the rest of `batches` is left for later)."""
    pool, pending = _pool(jobs, url), deque()
    try:
        for batch in batches:
            if len(pending) >= jobs * WINDOW:
                yield from pending[0][1].result()
                pending.popleft()
            pending.append((batch, _submit(pool, batch, published, check)))
        while pending:
            yield from pending[0][1].result()
            pending.popleft()
        return None
    except BrokenProcessPool:
        return [item for batch, _ in pending for item in batch]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _one_at_a_time(items: list, published: Interval | None, url: str | None, check):
    """Articles prepared by one worker, one in flight at a time: if the worker dies, the
    article it held is the one that killed it; it alone fails, and a fresh worker goes on."""
    pool = _pool(1, url)
    try:
        for item in items:
            if not isinstance(item, Article):
                yield prepare_source(item, published, check)
                continue
            try:
                yield pool.submit(_prepare_batch, [item], published).result()[0]
            except BrokenProcessPool:
                pool.shutdown(wait=True)
                pool = _pool(1, url)
                yield Prepared(item.source, error=f"{item.source}: the process extracting it "
                                                  "died (killed, or out of memory); nothing was "
                                                  "stored for it")
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool, batch: list, published: Interval | None, check):
    # A batch of read errors only is already its answer: no round trip for it.
    if any(isinstance(item, Article) for item in batch):
        return pool.submit(_prepare_batch, batch, published)
    return _Done([prepare_source(item, published, check) for item in batch])


class _Done:
    def __init__(self, value: list[Prepared]):
        self.value = value

    def result(self) -> list[Prepared]:
        return self.value


def _batches(first: list, rest: Iterator) -> Iterator[list]:
    batch = first
    while batch:
        yield batch
        batch = list(islice(rest, BATCH))
