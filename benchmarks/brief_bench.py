"""The brief on real multi-outlet stories, scored by the shared scorer beside its naive baseline.

    .venv/bin/python benchmarks/brief_bench.py [--windows haiti,H1N1,bpoil] [--keep DIR]
                                               [--reuse] [--dump DIR]

For each development window (issue #13: haiti 2010-01-12..01-31, H1N1 2009-04-07..05-04, and a
bpoil window, 2010-04-20..05-20, the spill's first month) the window's Timeline17 articles are
imported into a fresh library exactly as ``../shared/eval/brief_eval.py`` imports them
(``python -m desktop --library LIB import --jsonl ...``), the product writes ``brief --from
--to``, and the scorer scores that brief (``--brief``) and, in the same run, its
``--baseline pubcount-brief``. Printed per window: both scorer lines, the ratios the issue
targets (key-event Date-F1 / baseline >= 1.2, chronology ROUGE-1 F / baseline >= 1.5), the
words of Key events + Chronology, and how many happenings on the timeline merge reports from
two or more outlets (``timeline --json``).

``--keep DIR`` keeps each window's library in DIR; with ``--reuse`` a kept library is not
imported again, only re-analysed by the timeline's own steps (``brief`` reads what is stored),
which is how to iterate on happenings and the brief without paying for spaCy again.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import load_shared

REPO = Path(__file__).resolve().parents[1]
#: ../shared beside the clone (a git worktree sits one level deeper: look further up).
SHARED = Path(os.environ["CLIPLINE_SHARED"]) if os.environ.get("CLIPLINE_SHARED") else next((p / "shared" for p in REPO.parents if (p / "shared" / "eval").is_dir()),
              REPO.parent / "shared")
EVAL = SHARED / "eval"
CORPUS = SHARED / "corpora" / "timeline17-dev"
WINDOWS = {
    "haiti": ("haiti", "2010-01-12", "2010-01-31"),
    "H1N1": ("H1N1", "2009-04-07", "2009-05-04"),
    "bpoil": ("bpoil", "2010-04-20", "2010-05-20"),
}
LAST_LINE = re.compile(r"^key_date_f1=")
SIZE_LINE = re.compile(r"^size: \d+ words \((\d+) in key events")


def clipline(library: Path, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--library", str(library), *args],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    if result.returncode not in (0, 1):
        raise SystemExit(f"clipline {args[0]} failed:\n{result.stderr[-2000:]}")
    return result.stdout


def score(window: tuple[str, str, str], *extra: str) -> tuple[dict[str, float], str]:
    topic, start, end = window
    out = subprocess.run(
        [sys.executable, str(EVAL / "brief_eval.py"), str(CORPUS), topic,
         "--from", start, "--to", end, *extra],
        cwd=REPO, capture_output=True, text=True, check=False,
    ).stdout
    figures: dict[str, float] = {}
    for line in out.splitlines():
        if LAST_LINE.match(line):
            figures.update({k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line)})
        if m := SIZE_LINE.match(line):
            figures["words_key_chronology"] = float(m.group(1))
    return figures, out


def multi_outlet(library: Path, start: str, end: str) -> tuple[int, int]:
    """(happenings on the timeline, those reported by two or more outlets)."""
    events = json.loads(clipline(library, "timeline", "--from", start, "--to", end, "--json"))
    outlets = [{s.get("outlet") or "" for s in e.get("sources", [])} for e in events]
    return len(events), sum(1 for o in outlets if len(o) >= 2)


def shared_scorer():
    """../shared/eval/tls_eval.py (benchmarks/ has a tls_eval.py of its own)."""
    return load_shared("shared_tls_eval", EVAL / "tls_eval.py")


def run_window(name: str, keep: Path | None, reuse: bool, dump: Path | None) -> dict:
    tls = shared_scorer()  # the scorer's own loader: the same articles it would import

    window = WINDOWS[name]
    topic, start, end = window
    with tempfile.TemporaryDirectory(prefix="brief_bench_") as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        library, brief = folder / f"{name}.db", folder / f"{name}-brief.md"
        seconds: dict[str, float] = {}
        if not (reuse and library.exists()):
            library.unlink(missing_ok=True)
            loaded = tls.load_topic(CORPUS, topic)
            first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
            articles = [a for a in loaded.articles if first <= a.published <= last]
            jsonl = folder / f"{name}.jsonl"
            tls.write_articles(tls.Topic(topic, articles), jsonl)
            started = time.monotonic()
            clipline(library, "import", "--jsonl", str(jsonl))
            seconds["import"] = time.monotonic() - started
        else:
            started = time.monotonic()
            clipline(library, "happenings", "--recompute")
            seconds["recompute"] = time.monotonic() - started
        started = time.monotonic()
        clipline(library, "brief", "--from", start, "--to", end, "-o", str(brief))
        seconds["brief"] = time.monotonic() - started
        extra = ["--dump", str(dump / f"{name}.json")] if dump else []
        product, product_out = score(window, "--brief", str(brief), *extra)
        baseline, _ = score(window, "--baseline", "pubcount-brief")
        happenings, merged = multi_outlet(library, start, end)
    print(f"## {name} {start}..{end}")
    print(product_out.rstrip())
    print(f"product : {_line(product)}")
    print(f"baseline: {_line(baseline)}")
    ratio_key = product.get("key_date_f1", 0) / (baseline.get("key_date_f1") or 1)
    ratio_chron = product.get("chron_ar1_f1", 0) / (baseline.get("chron_ar1_f1") or 1)
    print(
        f"ratios: key date F1 {ratio_key:.2f}x (target 1.2x), chronology ROUGE-1 F "
        f"{ratio_chron:.2f}x (target 1.5x); key+chronology words "
        f"{int(product.get('words_key_chronology', 0))} (target <= 2500); "
        f"redundancy {product.get('redundancy', 0):.3f} (<= 0.03); noise {product.get('noise', 0):.3f} (0)"
    )
    print(f"happenings: {happenings}, reported by 2+ outlets: {merged}")
    print("seconds: " + " ".join(f"{k}={v:.1f}" for k, v in seconds.items()), flush=True)
    return {"window": name, "product": product, "baseline": baseline,
            "happenings": happenings, "multi_outlet": merged}


def _line(f: dict[str, float]) -> str:
    keys = ("key_date_f1", "key_ar1_f1", "chron_date_r", "chron_date_p", "chron_ar1_f1",
            "words", "words_key_chronology", "bullets", "redundancy", "noise")
    return " ".join(f"{k}={f[k]:.3f}" if f.get(k, 0) < 10 else f"{k}={int(f[k])}"
                    for k in keys if k in f)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--windows", default=",".join(WINDOWS))
    parser.add_argument("--keep", type=Path, help="keep the libraries and briefs here")
    parser.add_argument("--reuse", action="store_true", help="with --keep: skip the import")
    parser.add_argument("--dump", type=Path, help="write the scorer's JSON dumps here")
    args = parser.parse_args(argv)
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
    results = [run_window(n, args.keep, args.reuse, args.dump) for n in args.windows.split(",")]
    print("\n# summary")
    for r in results:
        print(f"{r['window']:6s} product  {_line(r['product'])}  multi-outlet={r['multi_outlet']}")
        print(f"{'':6s} baseline {_line(r['baseline'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
