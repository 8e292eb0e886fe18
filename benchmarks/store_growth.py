"""Storing cost per article as the library grows: is the single writer's work flat?

    .venv/bin/python benchmarks/store_growth.py [--limit N] [--probes 50] [--window 200]
                                                [--cache DIR] [--workers N] [--profile]
                                                [--keep FILE]

The Timeline17 development articles (``import_bench``'s input, in its order) are analysed once
(cached in ``--cache``, a pickle of each article with its analysis, so later runs skip spaCy),
then stored one by one exactly as the import stores them (``Library.add_article`` with
``store_analysis``: people linking, mentions, events, furniture, quotes, triggers, one
transaction each). Only storing is timed, in milliseconds of CPU per article.

The same ``--probes`` articles (spread over every topic) are stored into an empty library and
into the library of all the others: the ratio is how storing grows with the library (aim:
flat, <= 1.2x). The others are stored in input order first, with figures per window of
``--window`` articles (topics differ: a window's figure says as much about its topic as
about the library's size).

``--profile`` runs cProfile over the probes stored into the full library and prints the top
functions by cumulative time; ``--keep FILE`` keeps the full library (to compare outputs).
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


def store(library: Library, analysed: list[tuple], profiler: cProfile.Profile | None = None
          ) -> list[tuple[int, float, float]]:
    """(library size before, CPU seconds, wall seconds) of storing each article."""
    from desktop.actions.analysing import ArticleAnalysis  # lazy: with the analysis
    from desktop.actions.storing import store_analysis  # lazy: with the analysis

    timings: list[tuple[int, float, float]] = []
    size = library.article_count()
    if profiler is not None:
        profiler.enable()
    for article, analysis in analysed:
        if not isinstance(analysis, ArticleAnalysis):
            continue
        cpu, wall = time.process_time(), time.perf_counter()
        result = library.add_article(
            article.as_dict(),
            write_with=lambda db, article_id, analysis=analysis: store_analysis(db, article_id, analysis))
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        if result.status == "stored":
            timings.append((size, cpu, wall))
            size += 1
    if profiler is not None:
        profiler.disable()
    return timings


def _ms(timings: list[tuple[int, float, float]]) -> tuple[float, float]:
    """Mean CPU and wall milliseconds per article."""
    return (sum(t[1] for t in timings) / len(timings) * 1000,
            sum(t[2] for t in timings) / len(timings) * 1000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--window", type=int, default=200, help="articles per line of figures")
    parser.add_argument("--probes", type=int, default=50,
                        help="articles (spread over every topic) stored into both libraries")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "clipline-store-growth",
                        help="where the analysed articles are cached")
    parser.add_argument("--workers", type=int, default=None, help="analysis workers (first run only)")
    parser.add_argument("--profile", action="store_true",
                        help="cProfile the probes stored into the full library")
    parser.add_argument("--keep", type=Path, default=None, metavar="FILE",
                        help="keep the full library in this new file (to compare outputs)")
    args = parser.parse_args()
    if args.keep is not None and args.keep.exists():
        parser.error(f"{args.keep} exists: --keep makes a new library")
    analysed = analysed_articles(args.cache, args.limit, args.workers)
    step = max(1, len(analysed) // args.probes)
    probes = analysed[step - 1::step][:args.probes]
    chosen = {id(item) for item in probes}
    rest = [item for item in analysed if id(item) not in chosen]
    profiler = cProfile.Profile() if args.profile else None
    with tempfile.TemporaryDirectory() as tmp:
        with Library(Path(tmp) / "small.db") as library:
            small = store(library, probes)
        with Library(args.keep or Path(tmp) / "full.db") as library:
            timings = store(library, rest)
            full = store(library, probes, profiler)
    for window in (timings[i:i + args.window] for i in range(0, len(timings), args.window)):
        cpu, wall = _ms(window)
        print(f"library of {window[0][0]:5d} articles: storing {cpu:6.1f} ms CPU/article"
              f" ({wall:6.1f} ms wall) over the next {len(window)}")
    total = sum(t[1] for t in timings)
    print(f"stored {len(timings)} articles in order: {total:.1f} CPU-s, "
          f"{total / len(timings) * 1000:.1f} ms CPU/article")
    (small_cpu, small_wall), (full_cpu, full_wall) = _ms(small), _ms(full)
    growth = full_cpu / small_cpu
    print(f"the same {len(small)} articles (every topic): into an empty library {small_cpu:.1f} ms CPU/article"
          f" ({small_wall:.1f} ms wall), into the library of {full[0][0]} articles {full_cpu:.1f} ms CPU"
          f" ({full_wall:.1f} ms wall): {growth:.2f}x (aim <= 1.2x)")
    print(f"store_ms_all={total / len(timings) * 1000:.1f} store_ms_small={small_cpu:.1f}"
          f" store_ms_full={full_cpu:.1f} store_growth={growth:.2f}")
    if profiler is not None:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    return 0

if __name__ == "__main__":
    sys.exit(main())
