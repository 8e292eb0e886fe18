"""Crash soak: SIGKILL a real ``import`` at 500 random moments and check the library each time.

    .venv/bin/python benchmarks/crash_soak.py [KILLS] [--analysis]

Prints the failures and a last line ``crash_soak: F failures in N kills (S s)``; exits 1 if
F > 0. The harness is the one in tests/integration/test_crash_kill.py (which runs 50 kills).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import _common  # noqa: F401 - puts the repo on sys.path

from tests.integration.test_crash_kill import run_kills


def main(argv: list[str]) -> int:
    analysis = "--analysis" in argv
    numbers = [a for a in argv if a.isdigit()]
    kills = int(numbers[0]) if numbers else (50 if analysis else 500)
    failures: list[str] = []
    seconds, done, libraries = 0.0, 0, 0
    with tempfile.TemporaryDirectory(prefix="clipline-soak-") as tmp:
        # Runs of 50 kills, each with its own seed, so one failure doesn't end the soak.
        for run, offset in enumerate(range(0, kills, 50)):
            workdir = Path(tmp) / f"run-{run}"
            workdir.mkdir()
            report = run_kills(workdir, min(50, kills - offset), articles=12 if analysis else 160,
                               analysis=analysis, seed=1000 + run)
            failures += report.failures
            seconds += report.seconds
            done += report.kills
            libraries += report.libraries
            print(f"  {done} kills, {len(failures)} failures", flush=True)
    for failure in failures:
        print(f"FAIL {failure}")
    kind = "with analysis" if analysis else "storage only"
    print(f"crash_soak ({kind}): {len(failures)} failures in {done} kills over {libraries} "
          f"libraries ({seconds:.0f} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
