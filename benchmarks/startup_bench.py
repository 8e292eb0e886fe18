"""Command start-up: wall time of short commands against a bare Python reading the same rows.

Each command runs as its own process (``python -m desktop --library L ...``), as a reporter
runs it, on a small library made here (no analysis). The reference is a bare
``python3 -c "import sqlite_utils; ..."`` reading the same rows, so the ratio is what
Clipline adds before and around its own work. Aim (issue #17): every ratio <= 1.5.

``--code DIR`` measures another checkout (e.g. an export of an older commit) with the same
library and the same reference, so before/after figures come from one run of one script.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import REPO

from db import Library

BARE = {
    "articles": "import sqlite_utils, json, sys; db = sqlite_utils.Database(sys.argv[1]); "
    "print(json.dumps(list(db.query('SELECT id, title, url, published FROM articles ORDER BY published DESC'))))",
    "search": "import sqlite_utils, json, sys; db = sqlite_utils.Database(sys.argv[1]); "
    "print(json.dumps(list(db.query(\"SELECT articles.id, articles.title FROM articles_fts JOIN articles "
    "ON articles.rowid = articles_fts.rowid WHERE articles_fts MATCH 'talks' LIMIT 20\"))))",
    "people": "import sqlite_utils, json, sys; db = sqlite_utils.Database(sys.argv[1]); "
    "print(json.dumps(list(db.query('SELECT * FROM people'))))",
}
COMMANDS = {
    "--version": ["--version"],
    "articles": ["articles", "--json"],
    "search": ["search", "talks", "--json"],
    "people": ["people", "--json"],
}


def make_library(path: Path, count: int) -> None:
    with Library(path) as library:
        for number in range(count):
            text = f"Story {number}\nDelegations met for talks in city {number % 17} on day {number}."
            library.add_article({"text": text, "original": text, "title": f"Story {number}",
                                 "sha256": hashlib.sha256(text.encode()).hexdigest(),
                                 "published": f"2025-05-{1 + number % 28:02d}"})


def wall(argv: list[str], env: dict[str, str], repeat: int, cwd: Path) -> float:
    """Median wall time of ``argv`` over ``repeat`` runs (after one warm-up run)."""
    times = []
    for attempt in range(repeat + 1):
        start = time.perf_counter()
        subprocess.run(argv, env=env, check=True, capture_output=True, cwd=cwd)
        if attempt:
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, default=REPO, help="checkout to measure (default: this one)")
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="clipline-startup-") as tmp:
        library = Path(tmp) / "library.db"
        make_library(library, args.articles)
        # ``python -m`` puts the working folder first on sys.path: run from the code measured.
        code_dir = args.code.resolve()
        env = os.environ | {"PYTHONPATH": str(code_dir), "CLIPLINE_DATA_DIR": tmp}
        bare = {name: wall([sys.executable, "-c", code, str(library)], env, args.repeat, code_dir)
                for name, code in BARE.items()}
        bare["--version"] = wall([sys.executable, "-c", "import sqlite_utils"], env, args.repeat, code_dir)
        print(f"code: {code_dir}  ({args.articles} articles, median of {args.repeat})")
        for name, extra in COMMANDS.items():
            seconds = wall([sys.executable, "-m", "desktop", "--library", str(library), *extra],
                           env, args.repeat, code_dir)
            print(f"{name:10s} {seconds:6.3f} s   bare python + sqlite_utils {bare[name]:6.3f} s"
                  f"   ratio {seconds / bare[name]:5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
