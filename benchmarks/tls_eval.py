"""Timeline summarisation on Timeline17 (dev topics) through ``key-events``, beside the
publication-count baseline, scored by the shared scorer (../shared/eval/tls_eval.py).

    .venv/bin/python benchmarks/tls_eval.py [--topics bpoil,H1N1,haiti] [--dump FILE]

Runs the scorer twice (Clipline, then ``--baseline pubcount``), prints both tables, then a
summary per topic (Date-F1, alignment ROUGE-1/2 F) with the time to import and analyse the
articles and the latency of each key-events query. Clipline runs exactly as the acceptance
check runs it (``python -m desktop --library TMP import --jsonl ...``); each call goes
through this script's ``--timed`` mode, which only measures it.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = next(
    (p / "shared" for p in REPO.parents if (p / "shared" / "eval").is_dir()), REPO.parent / "shared"
)  # ../shared beside the clone; a git worktree sits one level deeper
SCORER = SHARED / "eval" / "tls_eval.py"
CORPUS = SHARED / "corpora" / "timeline17-dev"
ROW = re.compile(r"^= (\S+) \(mean of \d+\)\s+" + r"\s+".join([r"([\d.]+)"] * 9) + r"\s*$")


def timed(log: Path, args: list[str]) -> int:
    """Run ``python -m desktop ARGS`` and note how long it took."""
    started = time.monotonic()
    status = subprocess.call([sys.executable, "-m", "desktop", *args], cwd=REPO)
    command = next((a for a in args if a in ("import", "key-events")), args[0] if args else "")
    with log.open("a", encoding="utf-8") as out:
        out.write(
            json.dumps(
                {"command": command, "seconds": time.monotonic() - started, "status": status}
            )
            + "\n"
        )
    return status


def score(arguments: list[str]) -> tuple[dict[str, tuple[float, float, float]], str]:
    """Run the scorer, echoing its output; the F of date, ROUGE-1, ROUGE-2 per topic row."""
    proc = subprocess.Popen(
        [sys.executable, str(SCORER), *arguments], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    rows: dict[str, tuple[float, float, float]] = {}
    lines = []
    assert proc.stdout is not None
    for line in proc.stdout:
        sys.stdout.write(line)
        sys.stdout.flush()
        lines.append(line)
        if m := ROW.match(line.rstrip()):
            values = [float(v) for v in m.groups()[1:]]
            rows[m.group(1)] = (values[2], values[5], values[8])
    proc.wait()
    return rows, "".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) > 2 and argv[1] == "--timed":
        return timed(Path(argv[2]), argv[3:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", default="bpoil,H1N1,haiti")
    parser.add_argument(
        "--dump", type=Path, help="save Clipline's predicted timelines (JSON lines)"
    )
    args = parser.parse_args(argv[1:])
    with tempfile.TemporaryDirectory(prefix="clipline_tls_") as tmp:
        log = Path(tmp) / "times.jsonl"
        command = [sys.executable, str(Path(__file__).resolve()), "--timed", str(log)]
        extra = ["--dump", str(args.dump)] if args.dump else []
        print("## Clipline (key-events)", flush=True)
        ours, _ = score([str(CORPUS), args.topics, *extra, "--", *command])
        print("\n## Baseline (publication counts)", flush=True)
        base, _ = score([str(CORPUS), args.topics, "--baseline", "pubcount"])
        times = (
            [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
            if log.exists()
            else []
        )
    print("\n## Summary (F scores)")
    print(
        f"{'topic':12s} {'Date-F1':>15s} {'ROUGE-1':>15s} {'ROUGE-2':>15s}   (Clipline / baseline)"
    )
    for topic in [*args.topics.split(","), "all"]:
        mine, theirs = ours.get(topic), base.get(topic)
        if mine is None or theirs is None:
            print(f"{topic:12s} missing (scorer failed?)")
            continue
        cells = [f"{m:.3f} / {t:.3f}" for m, t in zip(mine, theirs, strict=True)]
        print(f"{topic:12s} {cells[0]:>15s} {cells[1]:>15s} {cells[2]:>15s}")
    imports = [t["seconds"] for t in times if t["command"] == "import"]
    queries = [t["seconds"] for t in times if t["command"] == "key-events"]
    if imports:
        print(
            f"import + analysis: {sum(imports):.1f} s for all topics ({', '.join(f'{s:.1f}' for s in imports)} s per topic)"
        )
    if queries:
        print(
            f"key-events: median {statistics.median(queries):.2f} s, max {max(queries):.2f} s per query "
            f"({len(queries)} queries, including Python start-up)"
        )
    failed = [t for t in times if t["status"] != 0]
    if failed:
        print(f"{len(failed)} commands failed")
    if "all" in ours:
        d, r1, r2 = ours["all"]
        print(f"date_f1={d:.3f} ar1_f1={r1:.3f} ar2_f1={r2:.3f}")
    return 1 if failed or "all" not in ours else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
