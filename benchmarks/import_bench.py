"""Import speed: the Timeline17 dev articles (2,163; ``--limit N`` for fewer) through the real
import path, measured side by side in one run so the figures are ratios, not clock readings.

Storage (no analysis): the JSON Lines import (clipping + storing + FTS, one transaction per
article), storing already-clipped articles, and raw ``sqlite3`` storing the same rows into the
same schema (triggers and FTS included) with prepared statements; aim: Clipline's storing
>= 0.6x raw and >= 700 articles/s. Then 100 full-text searches (aim: well under 50 ms).

Analysis (``--analysis``): the full import (clip, analyse, store) with workers=1 against
workers=N, and bare single-process spaCy (``nlp.pipe`` over the same texts, a pipeline loaded
the way Clipline loads it that has read no text yet, as in each worker); aims: N workers >= 1.7x one on 2 cores, words/s >= 1.5x bare spaCy.
Peak memory is the resident set of the whole process tree (the workers included). The CPU
split (workers=1 import less bare spaCy) shows what Clipline's own passes cost; aim <= 30%.

The machine is shared: iterate with ``--limit 200`` and compare ratios within one run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import CORPORA
from _memory import PeakMemory

from db import Library
from desktop.actions.importing import Clip, clips_from_jsonl, store_clips

T17 = CORPORA / "timeline17-dev"


def write_jsonl(path: Path, limit: int | None = None) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for file in sorted(T17.glob("*/InputDocs/*/*.txt")):
            if limit is not None and count >= limit:
                break
            text = file.read_text(encoding="utf-8", errors="replace").strip()
            if not text:
                continue
            source = file.parts[-4].split("_", 1)[1]
            out.write(json.dumps({"text": text, "published": file.parent.name,
                                  "title": text.splitlines()[0], "source": source}) + "\n")
            count += 1
    return count


def raw_sqlite_store(path: Path, clips: list[Clip]) -> float:
    """Seconds for plain sqlite3 to store the clips' rows into Clipline's schema: one
    transaction per article, a duplicate check by sha256, prepared statements."""
    Library(path).close()  # the same schema, triggers and FTS
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    columns = [r[1] for r in conn.execute("PRAGMA table_info(articles)") if r[1] != "id"]
    insert = (f"INSERT INTO articles ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})")
    started = time.perf_counter()
    for clip in clips:
        assert clip.article is not None
        record = clip.article.as_dict()
        record.setdefault("clipped_at", "2026-01-01T00:00:00+00:00")
        if conn.execute("SELECT id FROM articles WHERE sha256 = ?", [record["sha256"]]).fetchone():
            continue
        conn.execute("BEGIN")
        conn.execute(insert, [record.get(c) for c in columns])
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def storage(tmp: Path, limit: int | None) -> None:
    jsonl = tmp / "articles.jsonl"
    lines = write_jsonl(jsonl, limit)
    with Library(tmp / "lib.db") as library:
        started = time.perf_counter()
        outcomes = list(store_clips(library, clips_from_jsonl(jsonl)))
        elapsed = time.perf_counter() - started
        stored = sum(o.status == "stored" for o in outcomes)
        failed = [o for o in outcomes if o.status == "error"]
        words = [w for w in library.db.execute("SELECT text FROM articles LIMIT 300").fetchone()[0].split()
                 if w.isalpha() and len(w) > 4]
        rng = random.Random(1)
        queries = [" ".join(rng.sample(words, k=rng.choice([1, 1, 2]))) for _ in range(100)]
        timings = []
        for query in queries:
            t = time.perf_counter()
            library.search(query, limit=20)
            timings.append((time.perf_counter() - t) * 1000)
    clips = [c for c in clips_from_jsonl(jsonl) if c.article is not None]
    with Library(tmp / "store-only.db") as library:
        started = time.perf_counter()
        store_only = list(store_clips(library, clips))
        store_elapsed = time.perf_counter() - started
    raw_elapsed = raw_sqlite_store(tmp / "raw.db", clips)
    timings.sort()
    print(f"input lines: {lines}  stored: {stored}  duplicates: {len(outcomes) - stored - len(failed)}"
          f"  failed: {len(failed)}")
    for outcome in failed[:5]:
        print("  " + outcome.line())
    clipline_rate, raw_rate = len(store_only) / store_elapsed, len(clips) / raw_elapsed
    print(f"import (clip + store + FTS, no NLP): {elapsed:.2f} s, {len(outcomes) / elapsed:.0f} articles/s")
    print(f"storing clipped articles: Clipline {clipline_rate:.0f}/s, raw sqlite3 {raw_rate:.0f}/s, "
          f"ratio {clipline_rate / raw_rate:.2f}x (aim >= 0.6x and >= 700/s)")
    print(f"search: median {statistics.median(timings):.2f} ms, p95 {timings[94]:.2f} ms over 100 queries")
    print(f"articles_per_s={len(outcomes) / elapsed:.0f} store_per_s={clipline_rate:.0f} "
          f"raw_per_s={raw_rate:.0f} store_ratio={clipline_rate / raw_rate:.2f} "
          f"search_median_ms={statistics.median(timings):.2f} search_p95_ms={timings[94]:.2f}")


def _cpu() -> float:
    """CPU seconds of this process and of its ended children (the workers, once stopped)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _import(path: Path, jsonl: Path, workers: int) -> tuple[float, float, float, list]:
    from desktop.actions.analysing import Analyser

    with PeakMemory() as peak, Library(path) as library:
        started, cpu = time.perf_counter(), _cpu()
        outcomes = list(store_clips(library, clips_from_jsonl(jsonl), analyser=Analyser(workers=workers)))
        elapsed, cpu = time.perf_counter() - started, _cpu() - cpu
    return elapsed, cpu, peak.mb, outcomes


def analysis(tmp: Path, limit: int | None, workers: int) -> None:
    from desktop.analysis.entities.model import load_pipeline, new_pipeline

    jsonl = tmp / "analysis.jsonl"
    lines = write_jsonl(jsonl, limit)
    texts = [c.article.text for c in clips_from_jsonl(jsonl) if c.article is not None]
    words = sum(len(t.split()) for t in texts)
    # N workers first, while this process holds no model: its peak is the pool's real cost.
    many, many_cpu, many_mb, many_out = _import(tmp / f"workers{workers}.db", jsonl, workers)
    # The model loads before the workers=1 import, so that import's CPU is analysis alone and
    # less bare spaCy's is Clipline's own passes (furniture, entities, dates, events, quotes,
    # people linking, storing).
    started = time.perf_counter()
    load_pipeline()
    load = time.perf_counter() - started
    one, one_cpu, one_mb, one_out = _import(tmp / "workers1.db", jsonl, 1)
    # Bare spaCy gets a pipeline of its own, loaded the same way (untimed): the shared one
    # has just read these very texts, and its warm vocabulary and tokenizer cache made it
    # ~14% cheaper than spaCy reading them once, as it does in every worker.
    bare_nlp = new_pipeline()
    started, cpu = time.perf_counter(), _cpu()
    for _ in bare_nlp.pipe(texts, batch_size=32):
        pass
    bare, bare_cpu = time.perf_counter() - started, _cpu() - cpu
    failed = sum(o.status == "error" for o in many_out), sum(o.status == "error" for o in one_out)
    print(f"analysed import of {lines} articles, {words} words; failed: workers={workers} {failed[0]}, "
          f"workers=1 {failed[1]}")
    print(f"workers=1: {one:.1f} s, {one_cpu:.1f} CPU-s, {words / one:.0f} words/s, peak {one_mb:.0f} MB (process tree)")
    print(f"workers={workers}: {many:.1f} s, {many_cpu:.1f} CPU-s, {words / many:.0f} words/s, "
          f"peak {many_mb:.0f} MB (process tree)")
    print(f"bare spaCy nlp.pipe, one process: {bare:.1f} s, {bare_cpu:.1f} CPU-s, {words / bare:.0f} words/s "
          f"(model load {load:.1f} s, before the workers=1 import, untimed)")
    own = one_cpu - bare_cpu
    print(f"CPU split, one process: spaCy {bare_cpu:.1f} CPU-s, Clipline's own passes {own:.1f} CPU-s = "
          f"{own / bare_cpu:.0%} of spaCy's (aim <= 30%, so N workers can reach 1.5x bare spaCy)")
    print(f"CPU of workers={workers} against one process: {many_cpu / one_cpu:.2f}x (model loads and "
          f"hand-over included); on {workers} free cores that bounds the speed-up at "
          f"{workers * one_cpu / many_cpu:.2f}x")
    print(f"load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: on a busy machine the "
          "wall times are shares (Linux autogroup gives a session, not each worker, its share)")
    print(f"speed-up workers={workers} vs 1: {one / many:.2f}x (aim >= 1.7x on 2 cores); "
          f"words/s vs bare spaCy: {bare / many:.2f}x (aim >= 1.5x)")
    print(f"speedup={one / many:.2f} vs_bare_spacy={bare / many:.2f} words_per_s={words / many:.0f} "
          f"peak_mb_one={one_mb:.0f} peak_mb_many={many_mb:.0f} own_vs_spacy_cpu={own / bare_cpu:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--analysis", action="store_true", help="also the full-analysis import")
    parser.add_argument("--only-analysis", action="store_true", help="only the full-analysis import")
    parser.add_argument("--workers", type=int, default=None,
                        help="N for the workers=N import (default: what Clipline chooses here)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if not args.only_analysis:
            storage(Path(tmp), args.limit)
        if args.analysis or args.only_analysis:
            from desktop.actions.parallel import worker_count

            analysis(Path(tmp), args.limit, args.workers or worker_count())
    return 0


if __name__ == "__main__":
    sys.exit(main())
