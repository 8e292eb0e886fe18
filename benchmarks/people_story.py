"""People at story scale: the scorer of ``../shared/eval/people_story_eval.py`` on three
Timeline17 development windows (bpoil, H1N1, haiti), gold in ``benchmarks/data/``.

Usage: .venv/bin/python benchmarks/people_story.py [--window ID] [--keep DIR] [--shared DIR]

Each window is imported into a fresh library with this checkout's ``python -m desktop`` and
``people --json`` is scored against the hand-made gold (key people with their spellings,
namesakes, the story's frequent non-person names). The scorer prints per window: key-person
recall, split rate, persons per gold person, wrong merges, top-30 precision, then its errors
(missing, splits, merges, non-persons, the top 50); the last line pools the windows.
``--keep DIR`` keeps the imported libraries to re-score without importing again (delete them
after changing the import side).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from _common import REPO, SHARED

GOLD = REPO / "benchmarks" / "data" / "people_story_gold.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--window", help="score one window of the gold only")
    parser.add_argument("--keep", help="keep (and reuse) the imported libraries in this folder")
    parser.add_argument("--shared", type=Path, default=SHARED,
                        help="the shared folder with eval/ and corpora/ (default ../shared)")
    args = parser.parse_args()
    command = [sys.executable, str(args.shared / "eval" / "people_story_eval.py"),
               str(args.shared / "corpora" / "timeline17-dev"), str(GOLD)]
    if args.window:
        command += ["--window", args.window]
    if args.keep:
        command += ["--keep", args.keep]
    command += ["--", sys.executable, "-m", "desktop"]
    return subprocess.run(command, cwd=REPO, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
