"""Import time with and without quotes: Timeline17 dev articles through the real import path.

    python benchmarks/quote_import_bench.py [--articles 50]

Each run imports the same articles into a fresh temporary library (clipping, analysis,
storing, one transaction per article); "without quotes" replaces the quote step of the
Analyser by nothing, so the difference is what extracting and storing quotes costs.
Target (issue #18): quotes add at most 15% to import time. Best of 2 runs each, after a
warm-up that loads the model.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

from _common import REPO, SHARED

from db import Library
from desktop.actions import analysing
from desktop.actions.analysing import Analyser
from desktop.actions.importing import Clip, import_clips
from desktop.clipping.article import Article

RUNS = 2
#: ../shared next to the clone, or next to the folder of worktrees it sits in.
SHARED = next((p for p in (SHARED, REPO.parents[1] / "shared") if p.exists()), SHARED)
CORPORA = SHARED / "corpora"


def articles(count: int) -> list[tuple[str, str]]:
    """(text, publication day) of ``count`` articles spread over the topics."""
    files = sorted((CORPORA / "timeline17-dev").glob("*/InputDocs/*/*.txt"))
    step = max(1, len(files) // count)
    return [(f.read_text(encoding="utf-8", errors="replace").strip(), f.parent.name)
            for f in files[::step][:count]]


def clips(items: list[tuple[str, str]]) -> list[Clip]:
    return [Clip(f"#{n}", Article(text, text, title=text.split("\n")[0][:80], published=day))
            for n, (text, day) in enumerate(items)]


def import_seconds(items: list[tuple[str, str]], analyser: Analyser) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as folder:
        library = Library(Path(folder) / "bench.db")
        started = time.perf_counter()
        report = import_clips(library, clips(items), analyser=analyser)
        seconds = time.perf_counter() - started
        quotes = library.db["quotes"].count
        library.close()
    assert len(report.stored) == len(items), report.errors
    return seconds, quotes


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=50)
    args = parser.parse_args(argv)
    items = articles(args.articles)
    if not items:
        print(f"no Timeline17 articles under {CORPORA}", file=sys.stderr)
        return 2
    analyser = Analyser()
    import_seconds(items[:2], analyser)  # warm up: the model loads
    without, with_quotes, found = [], [], 0
    for _ in range(RUNS):
        with mock.patch.object(analysing, "extract_quotes", lambda *a, **k: []):
            without.append(import_seconds(items, analyser)[0])
        seconds, found = import_seconds(items, analyser)
        with_quotes.append(seconds)
    a, b = min(without), min(with_quotes)
    words = sum(len(text.split()) for text, _ in items)
    print(f"import of {len(items)} Timeline17 dev articles ({words} words, {found} quotes stored):")
    print(f"  without quotes {a:.2f}s ({len(items) / a:.1f} articles/s), "
          f"with quotes {b:.2f}s ({len(items) / b:.1f} articles/s)")
    print(f"  quotes add {100 * (b - a) / a:.1f}% to import time (target <= 15%)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
