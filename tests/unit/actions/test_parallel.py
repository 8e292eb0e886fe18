"""How many analysis workers run, and what comes back from them (no model: a stand-in)."""

from __future__ import annotations

import multiprocessing
import os

from desktop.actions import parallel
from desktop.actions.parallel import Failure, analyse_ahead, worker_count

GB = 1024**3


def test_one_worker_per_core_while_memory_allows(monkeypatch):
    monkeypatch.delenv(parallel.WORKERS_ENV, raising=False)
    monkeypatch.setattr(parallel, "usable_cores", lambda: 8)
    monkeypatch.setattr(parallel, "available_memory", lambda: 32 * GB)
    assert worker_count() == 8
    monkeypatch.setattr(parallel, "available_memory", lambda: 3 * GB)  # room for two models
    assert worker_count() == 2
    monkeypatch.setattr(parallel, "available_memory", lambda: GB // 2)
    assert worker_count() == 1


def test_the_setting_overrides_the_machine(monkeypatch):
    monkeypatch.setattr(parallel, "usable_cores", lambda: 8)
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    assert worker_count() == 1
    monkeypatch.setenv(parallel.WORKERS_ENV, "3")
    assert worker_count() == 3
    assert worker_count(2) == 2
    monkeypatch.setenv(parallel.WORKERS_ENV, "lots")  # not a number: the machine decides
    monkeypatch.setattr(parallel, "available_memory", lambda: None)
    assert worker_count() == 8


class Shouting:
    """A picklable stand-in for the analyser: upper-cases texts, refuses any with "bad"."""

    def analyse(self, articles):
        if any("bad" in a.text for a in articles):
            raise ValueError("bad text. More detail")
        return [(a.text.upper(), os.getpid()) for a in articles]


class Text:
    def __init__(self, text: str) -> None:
        self.text, self.published, self.clipped_at = text, "2025-01-01", None


def test_workers_return_each_batch_in_order_and_one_bad_text_sinks_only_itself():
    jobs = [[Text(f"job {j} text {i}") for i in range(3)] for j in range(6)]
    jobs[2][1] = Text("a bad one")
    earlier = set(multiprocessing.active_children())  # another test's, still ending
    results = list(analyse_ahead(Shouting(), jobs, lambda job: job, workers=2))
    assert [job for job, _ in results] == jobs
    for job, analyses in results:
        for text, analysis in zip(job, analyses, strict=True):
            if text.text == "a bad one":
                assert analysis == Failure("ValueError", "bad text. More detail")
            else:
                assert analysis[0] == text.text.upper()
    pids = {a[1] for _, analyses in results for a in analyses if not isinstance(a, Failure)}
    assert os.getpid() not in pids  # analysed in worker processes
    assert set(multiprocessing.active_children()) - earlier == set()  # its workers are gone


def test_a_single_batch_stays_in_this_process():
    ((_, analyses),) = analyse_ahead(Shouting(), [[Text("only")]], lambda job: job, workers=2)
    assert analyses == [("ONLY", os.getpid())]


def test_a_text_too_long_to_analyse_is_refused_before_the_analyser_sees_it():
    from desktop.analysis.limits import MAX_ANALYSED_CHARS

    long = Text("bad " * (MAX_ANALYSED_CHARS // 4 + 1))  # "bad": the stand-in would raise on it
    results = parallel.analyse_each(Shouting(), [Text("one"), long, Text("two")])
    assert results[0][0] == "ONE" and results[2][0] == "TWO"  # the others still analysed together
    assert results[1].kind == "TextTooLong" and f"{MAX_ANALYSED_CHARS:,}" in results[1].reason
    assert parallel.analyse_each(Shouting(), [long]) == [results[1]]
