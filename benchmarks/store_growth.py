"""Storing cost per article as the library grows: is the single writer's work flat?

    .venv/bin/python benchmarks/store_growth.py [--limit N] [--window 100] [--cache DIR]
                                                [--workers N] [--profile FROM]

The Timeline17 development articles (``import_bench``'s input, in its order) are analysed once
(cached in ``--cache``, a pickle of each article with its analysis, so later runs skip spaCy),
then stored one by one into an empty library exactly as the import stores them
(``Library.add_article`` with ``store_analysis``: people linking, mentions, events, furniture,
quotes, triggers, one transaction each). Only storing is timed: milliseconds of CPU per article
in each window of ``--window`` articles, against the library's size when the window began.
Aim: flat, the last window within 1.2x the first.

``--profile FROM`` runs cProfile over the articles stored from the FROM-th on and prints the
top functions by cumulative time; ``--keep FILE`` keeps the library (to compare outputs).
"""

from __future__ import annotations

import argparse
import cProfile
import pickle
import pstats
import sys
import tempfile
import time
from pathlib import Path

from _common import REPO  # noqa: F401 - puts the repo on sys.path
from import_bench import write_jsonl

from db import Library
from desktop.actions.importing import clips_from_jsonl


def analysed_articles(cache: Path, limit: int | None, workers: int | None) -> list[tuple]:
    """(article, analysis) of each article to store, analysed once and cached."""
    path = cache / f"analysed-{limit or 'all'}.pickle"
    every = cache / "analysed-all.pickle"
    for cached in (path, every):
        if cached.exists():
            with cached.open("rb") as file:
                return pickle.load(file)[:limit]
    from desktop.actions.analysing import Analyser  # lazy: loads spaCy
    from desktop.actions.parallel import analyse_ahead  # lazy: with the analyser

    cache.mkdir(parents=True, exist_ok=True)
    jsonl = cache / f"articles-{limit or 'all'}.jsonl"
    write_jsonl(jsonl, limit)
    articles = [c.article for c in clips_from_jsonl(jsonl) if c.article is not None]
    batches = [articles[i:i + 32] for i in range(0, len(articles), 32)]
    out: list[tuple] = []
    started = time.perf_counter()
    for batch, analyses in analyse_ahead(Analyser(workers=workers), batches, lambda b: b,
                                         workers=workers):
        out.extend(zip(batch, analyses, strict=True))
    print(f"analysed {len(out)} articles in {time.perf_counter() - started:.0f} s (cached in {path})")
    with path.open("wb") as file:
        pickle.dump(out, file)
    return out


def store_all(path: Path, analysed: list[tuple], profile_from: int | None
              ) -> list[tuple[int, float, float]]:
    """(library size before, CPU seconds, wall seconds) of storing each article."""
    from desktop.actions.analysing import ArticleAnalysis
    from desktop.actions.storing import store_analysis

    timings: list[tuple[int, float, float]] = []
    profiler = cProfile.Profile()
    with Library(path) as library:
        stored = 0
        for index, (article, analysis) in enumerate(analysed):
            if not isinstance(analysis, ArticleAnalysis):
                continue
            if profile_from is not None and index == profile_from:
                profiler.enable()
            cpu, wall = time.process_time(), time.perf_counter()
            result = library.add_article(
                article.as_dict(),
                write_with=lambda db, article_id, analysis=analysis: store_analysis(db, article_id, analysis))
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            if result.status == "stored":
                timings.append((stored, cpu, wall))
                stored += 1
        profiler.disable()
    if profile_from is not None:
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(40)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--window", type=int, default=100, help="articles per line of figures")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "clipline-store-growth",
                        help="where the analysed articles are cached")
    parser.add_argument("--workers", type=int, default=None, help="analysis workers (first run only)")
    parser.add_argument("--profile", type=int, default=None, metavar="FROM",
                        help="cProfile the storing from the FROM-th article on")
    parser.add_argument("--keep", type=Path, default=None, metavar="FILE",
                        help="store into this new library file and keep it (to compare outputs)")
    args = parser.parse_args()
    analysed = analysed_articles(args.cache, args.limit, args.workers)
    with tempfile.TemporaryDirectory() as tmp:
        if args.keep is not None and args.keep.exists():
            parser.error(f"{args.keep} exists: --keep makes a new library")
        timings = store_all(args.keep or Path(tmp) / "lib.db", analysed, args.profile)
    windows = [timings[i:i + args.window] for i in range(0, len(timings), args.window)]
    rates = []
    for window in windows:
        cpu = sum(t[1] for t in window) / len(window) * 1000
        wall = sum(t[2] for t in window) / len(window) * 1000
        rates.append(cpu)
        print(f"library of {window[0][0]:5d} articles: storing {cpu:6.1f} ms CPU/article"
              f" ({wall:6.1f} ms wall) over the next {len(window)}")
    total = sum(t[1] for t in timings)
    growth = rates[-1] / rates[0] if rates and rates[0] else float("nan")
    print(f"stored {len(timings)} articles: {total:.1f} CPU-s, {total / len(timings) * 1000:.1f} ms/article;"
          f" last window / first: {growth:.2f}x (aim <= 1.2x)")
    print(f"store_ms_first={rates[0]:.1f} store_ms_last={rates[-1]:.1f} store_growth={growth:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
