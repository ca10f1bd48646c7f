"""Parallel ingest: worker processes extract, the calling process reads and alone writes.

Articles (or the errors that stopped them) go to the workers in batches; results come back in input order through a bounded
window of batches in flight, so commits are deterministic and memory stays flat however long
the input is (a slow writer makes the workers wait instead of piling up results).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from timeline.errors import ReadError
from timeline.intervals import Interval
from timeline.pipeline import Prepared, prepare_source
from timeline.records import Article

BATCH = 8  # articles per task: enough to hide the cost of a round trip between processes
WINDOW = 4  # batches in flight per worker


_known = None  # in a worker: is this sha already stored? (a read on the worker's own engine)


def _start_worker(url: str | None) -> None:
    global _known
    if url is not None:
        from timeline.db import make_engine
        from timeline.pipeline import _known_check

        _known = _known_check(make_engine(url))


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
    the same for articles prepared in this process.
    """
    sources = iter(sources)
    first = list(islice(sources, BATCH))
    if len(first) < BATCH:  # a handful of files: a pool would cost more than it saves
        yield from (prepare_source(s, published, check) for s in first)
        return
    with _context().Pool(jobs, _start_worker, (url,)) as pool:
        pending: deque = deque()
        for batch in _batches(first, sources):
            if len(pending) >= jobs * WINDOW:
                yield from pending.popleft().get()
            pending.append(_submit(pool, batch, published, check))
        while pending:
            yield from pending.popleft().get()


def _submit(pool, batch: list, published: Interval | None, check):
    # A batch of read errors only is already its answer: no round trip for it.
    if any(isinstance(item, Article) for item in batch):
        return pool.apply_async(_prepare_batch, (batch, published))
    return _Done([prepare_source(item, published, check) for item in batch])


class _Done:
    def __init__(self, value: list[Prepared]):
        self.value = value

    def get(self) -> list[Prepared]:
        return self.value


def _batches(first: list, rest: Iterator) -> Iterator[list]:
    batch = first
    while batch:
        yield batch
        batch = list(islice(rest, BATCH))
