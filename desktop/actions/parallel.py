"""Analysis on every core: batches go to worker processes, results come back in order.

spaCy holds the GIL, so threads do not help: each worker is a process that loads the model
once (about 0.7 GB) and runs the whole analysis of a batch (entities, sentences, dates,
events), so Clipline's own passes run in parallel too. The caller stays the only writer: it
gets each batch's analyses back in the order it submitted them, while the workers are already
analysing the next batches. Pure analysis: no database here.

A worker ends when its parent does (even after ``kill -9``), ignores Ctrl-C (the parent
decides), and uses one thread for numeric work (the workers already fill the cores).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, TypeVar

from desktop.actions.analysing import as_input
from desktop.analysis.limits import too_long_to_analyse

#: Set to a number of worker processes to override the choice from cores and memory
#: (1 analyses in the importing process itself, as before workers existed).
WORKERS_ENV = "CLIPLINE_WORKERS"
#: What one worker holds once its model is loaded (measured: ~0.7 GB with Clipline's passes).
WORKER_BYTES = 700 * 1024 * 1024
#: Memory left to everything else (the window, the writer, the reporter's other programs).
RESERVE_BYTES = 1024 * 1024 * 1024
#: Batches kept in flight per worker: one being analysed, one waiting, so none idles while
#: the writer stores.
AHEAD_PER_WORKER = 2
#: Fewest articles sent to a worker at once (spaCy batches them; tiny parts cost hand-overs).
MIN_PART = 4

T = TypeVar("T")


@dataclass(frozen=True)
class Failure:
    """Why one article could not be analysed (an exception, made picklable)."""

    kind: str
    reason: str


def available_memory() -> int | None:
    """Bytes of memory free for new processes, or None where this can't be read."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None


def usable_cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def worker_count(requested: int | None = None) -> int:
    """How many analysis processes to run: ``requested``, else ``CLIPLINE_WORKERS``, else one
    per core as far as free memory allows (each holds a model)."""
    if requested is None:
        setting = os.environ.get(WORKERS_ENV, "").strip()
        if setting.isdigit() and int(setting) > 0:
            requested = int(setting)
    if requested is not None:
        return max(1, requested)
    cores = usable_cores()
    free = available_memory()
    if free is None:
        return cores
    return max(1, min(cores, (free - RESERVE_BYTES) // WORKER_BYTES))


def analyse_each(analyser: Any, articles: Sequence[Any]) -> list[Any]:
    """The analysis of each article, or its ``Failure``.

    One text the analysis can't take (spaCy refuses over 1,000,000 characters) must not sink
    the batch: after a failure the batch is retried one article at a time. A text too long
    to analyse (``limits``) is refused before the model sees it.
    """
    too_long = [too_long_to_analyse(getattr(article, "text", "") or "") for article in articles]
    if any(too_long):
        short = [article for article, why in zip(articles, too_long, strict=True) if not why]
        fine = iter(analyse_each(analyser, short) if short else [])
        return [Failure("TextTooLong", why) if why else next(fine) for why in too_long]
    try:
        return list(analyser.analyse(list(articles)))
    except Exception as error:  # noqa: BLE001 - the NLP models raise many kinds
        if len(articles) > 1:
            return [result for article in articles for result in analyse_each(analyser, [article])]
        return [Failure(type(error).__name__, str(error))]


# -- in the worker process ---------------------------------------------------------------------

_worker_analyser: Any = None


def _start_worker(analyser: Any) -> None:
    global _worker_analyser
    _worker_analyser = analyser
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()  # returns when the parent is gone, however it ended
    os._exit(1)


def _analyse_in_worker(inputs: list[Any]) -> list[Any]:
    return analyse_each(_worker_analyser, inputs)


# -- in the caller ------------------------------------------------------------------------------


class _Pool:
    """A process pool started on first use and restarted if a worker dies."""

    def __init__(self, analyser: Any, workers: int) -> None:
        self.analyser, self.workers = analyser, workers
        self._executor: ProcessPoolExecutor | None = None

    def submit(self, inputs: list[Any]) -> Future[list[Any]]:
        for _attempt in range(2):
            if self._executor is None:
                self._executor = ProcessPoolExecutor(
                    self.workers, mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start_worker, initargs=(self.analyser,),
                )
            try:
                return self._executor.submit(_analyse_in_worker, inputs)
            except BrokenProcessPool:
                self.close()
        raise BrokenProcessPool("the analysis workers could not be started")

    def close(self) -> None:
        """Stop now: drop queued batches and end the workers (a cancelled import does not
        wait for the batches they are analysing)."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        # ProcessPoolExecutor has no public "terminate" before Python 3.14.
        processes = list(getattr(executor, "_processes", {}).values())
        manager = getattr(executor, "_executor_manager_thread", None)  # shutdown forgets it
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=5)
        # The executor's own thread reaps the same workers; until it ends, a worker it has
        # just reaped can still look alive here (its exit status not yet recorded).
        if manager is not None:
            manager.join(timeout=5)


def _result(futures: list[tuple[Future[list[Any]], int]]) -> list[Any]:
    results: list[Any] = []
    for future, count in futures:
        try:
            results += future.result()
        except BrokenProcessPool:
            results += [Failure("BrokenProcessPool", "an analysis worker stopped unexpectedly")] * count
    return results


def _parts(inputs: list[Any], workers: int) -> list[list[Any]]:
    """A job's articles shared among the workers, so none idles while another ends a batch."""
    size = max(MIN_PART, -(-len(inputs) // workers))
    return [inputs[i : i + size] for i in range(0, len(inputs), size)]


def analyse_ahead(
    analyser: Any,
    jobs: Iterable[T],
    articles_of: Callable[[T], Sequence[Any]],
    *,
    workers: int | None = None,
) -> Iterator[tuple[T, list[Any]]]:
    """Each job with the analysis (or ``Failure``) of each of its articles, in job order.

    With more than one worker, each job is shared among the workers and up to
    ``AHEAD_PER_WORKER`` jobs per worker are analysed while the caller handles earlier ones. An import of a single job stays
    in this process (starting workers costs a model load each). Closing the iterator (a
    cancelled import) stops the workers at once.
    """
    count = worker_count(workers)
    iterator = iter(jobs)
    first = next(iterator, _END)
    second = next(iterator, _END) if first is not _END else _END
    if count <= 1 or second is _END:
        for job in _chain(first, second, iterator):
            articles = articles_of(job)
            yield job, analyse_each(analyser, articles) if articles else []
        return
    pool = _Pool(analyser, count)
    pending: deque[tuple[T, list[tuple[Future[list[Any]], int]]]] = deque()
    jobs_left = _chain(first, second, iterator)
    try:
        while True:
            while len(pending) < count * AHEAD_PER_WORKER:
                job = next(jobs_left, _END)
                if job is _END:
                    break
                inputs = [as_input(a) for a in articles_of(job)]
                pending.append((job, [(pool.submit(part), len(part)) for part in _parts(inputs, count)]))
            if not pending:
                return
            job, futures = pending.popleft()
            yield job, _result(futures)
    finally:
        pool.close()


_END: Any = object()


def _chain(first: Any, second: Any, rest: Iterator[T]) -> Iterator[T]:
    for job in (first, second):
        if job is _END:
            return
        yield job
    yield from rest

