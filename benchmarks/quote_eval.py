"""Quotes ("who said what") on PolNeAR dev, and what they add to analysis time.

Usage: .venv/bin/python benchmarks/quote_eval.py [--split DIR] [--dump FILE] [--articles N]
       [--skip-score] [--skip-speed]

Score: runs ../shared/eval/quote_eval.py on the split (default ../shared/corpora/polnear/dev)
with ``python -m desktop tag-quotes`` and prints its table as is (P, R, F1 of content,
exact content and attribution, all and direct only). Targets on dev: direct attribution F1
>= 0.85 with P >= 0.90, direct content F1 >= 0.90, direct exact F1 >= 0.65, content F1 >= 0.75,
attribution F1 >= 0.65.

Speed: N Timeline17 dev articles (every k-th file, so the same ones each run) go through
the analysis pipeline (``Analyser``: entities, dates, events) and then through
``extract_quotes`` given what analysis already has (the model's doc, the entities, the
dates): the way it is wired into import. Both are timed on one thread, the model loaded
first; the overhead is quotes time / analysis time (target <= 15%). On a shared 2-core
machine these figures are noisy: the best of three runs is kept.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from _common import REPO, SHARED  # noqa: E402

#: ../shared next to the clone, or next to the folder of worktrees it sits in.
SHARED = next((p for p in (SHARED, REPO.parents[1] / "shared") if p.exists()), SHARED)
CORPORA, EVAL = SHARED / "corpora", SHARED / "eval"
TIMELINE17 = CORPORA / "timeline17-dev"
RUNS = 3


def score(split: Path, dump: Path | None) -> int:
    command = [sys.executable, str(EVAL / "quote_eval.py"), str(split)]
    if dump:
        command += ["--dump", str(dump)]
    command += ["--", sys.executable, "-m", "desktop", "tag-quotes"]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    sys.stdout.write(proc.stdout)
    if proc.returncode:
        sys.stderr.write(proc.stderr[-2000:])
    return proc.returncode


def timeline17_articles(count: int) -> list[tuple[str, str]]:
    """(text, publication day) of ``count`` articles spread over the topics."""
    files = sorted(TIMELINE17.glob("*/InputDocs/*/*.txt"))
    step = max(1, len(files) // count)
    return [(f.read_text(encoding="utf-8", errors="replace"), f.parent.name)
            for f in files[::step][:count]]


def speed(count: int) -> None:
    from unittest import mock

    from desktop.actions import analysing
    from desktop.actions.analysing import Analyser, AnalysisInput
    from desktop.analysis.entities import load_pipeline
    from desktop.analysis.quotes import extract_quotes

    articles = timeline17_articles(count)
    inputs = [AnalysisInput(text, day) for text, day in articles]
    nlp = load_pipeline()
    analyser = Analyser()
    analyser.analyse_inputs(inputs[:2])  # warm up
    analysis_s, quotes_s, found = [], [], 0
    for _ in range(RUNS):
        started = time.perf_counter()
        # the Analyser extracts quotes itself now: left out here, timed on their own below
        with mock.patch.object(analysing, "extract_quotes", lambda *a, **k: []):
            analyses = analyser.analyse_inputs(inputs)
        analysis_s.append(time.perf_counter() - started)
        docs = list(nlp.pipe(text for text, _ in articles))  # what analysis parsed, kept
        started = time.perf_counter()
        found = 0
        for (text, day), doc, analysis in zip(articles, docs, analyses, strict=True):
            found += len(extract_quotes(text, day, doc=doc, people=analysis.entities,
                                        timexes=analysis.timexes))
        quotes_s.append(time.perf_counter() - started)
    words = sum(len(text.split()) for text, _ in articles)
    a, q = min(analysis_s), min(quotes_s)
    print(f"speed on {len(articles)} Timeline17 dev articles ({words} words, {found} quotes):")
    print(f"  analysis without quotes {a:.2f}s, quotes {q:.2f}s, with quotes {a + q:.2f}s")
    print(f"  quotes add {100 * q / a:.1f}% to analysis time (target <= 15%)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", type=Path, default=CORPORA / "polnear" / "dev")
    parser.add_argument("--dump", type=Path, default=None)
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--skip-score", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args(argv)
    status = 0
    if not args.skip_score:
        status = score(args.split, args.dump)
    if not args.skip_speed:
        speed(args.articles)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
