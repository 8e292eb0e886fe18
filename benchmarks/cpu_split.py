"""What Clipline's own passes cost next to spaCy, measured so machine load cancels out.

``import_bench.py --only-analysis`` takes its CPU split from two phases minutes apart (the
workers=1 import, then bare spaCy): on a shared 2-core machine the CPU a piece of work
costs changes with the load (one run of the same code gave 0.33, another 0.42). Here each
batch of 32 Timeline17 dev articles is run twice, seconds apart: bare spaCy (``nlp.pipe``
on a pipeline of its own) and then the real workers=1 import of the same batch (clip,
analyse, store). Both pipelines read each batch for the first time, as a worker does.

    CLIPLINE_SHARED=/work/shared .venv/bin/python benchmarks/cpu_split.py [--limit N]

Prints own_vs_spacy_cpu = (import CPU - bare spaCy CPU) / bare spaCy CPU (aim <= 0.30).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
from pathlib import Path

from import_bench import write_jsonl

from db import Library
from desktop.actions.analysing import Analyser
from desktop.actions.importing import clips_from_jsonl, store_clips

BATCH = 32


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=160, help="the first N articles")
    args = parser.parse_args()
    from desktop.analysis.entities.model import load_pipeline, new_pipeline

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_jsonl(folder / "all.jsonl", args.limit)
        lines = (folder / "all.jsonl").read_text(encoding="utf-8").splitlines()
        load_pipeline()  # the import's pipeline, loaded untimed
        bare_nlp = new_pipeline()
        bare = imported = 0.0
        with Library(folder / "lib.db") as library:
            for first in range(0, len(lines), BATCH):
                part = folder / f"part{first}.jsonl"
                part.write_text("\n".join(lines[first : first + BATCH]) + "\n", encoding="utf-8")
                texts = [c.article.text for c in clips_from_jsonl(part) if c.article is not None]
                started = _cpu()
                for _ in bare_nlp.pipe(texts, batch_size=BATCH):
                    pass
                bare += _cpu() - started
                started = _cpu()
                list(store_clips(library, clips_from_jsonl(part), analyser=Analyser(workers=1)))
                imported += _cpu() - started
    print(f"{len(lines)} articles: bare spaCy {bare:.1f} CPU-s, workers=1 import {imported:.1f} CPU-s")
    print(f"own_vs_spacy_cpu={(imported - bare) / bare:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
