"""Big inputs: time and peak memory of importing them, or of refusing them.

Each input is generated (nothing to download) and imported by ``python -m desktop import``
in a child process, with analysis; the peak is the resident set of the child's whole process
tree. Aims (issue #17): a 2 MB text of 50,000 short lines imports in under 30 s and 500 MB or
is refused early with a clear line; a 19 MB HTML page is refused without using ~1 GB.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _common import REPO
from _memory import tree_rss

WORDS = ("minister met officials in Geneva talks resumed on Monday after delays the report "
         "said Maria Okafor told reporters").split()


def many_lines(path: Path, lines: int, words: int) -> None:
    rng = random.Random(1)
    with path.open("w", encoding="utf-8") as out:
        out.write("A very long list\n\n")
        for i in range(lines):
            out.write(f"{i}. {' '.join(rng.choice(WORDS) for _ in range(words))} on {rng.randint(1, 28)} May 2025\n")


def big_page(path: Path, megabytes: float, *, script: bool = False) -> None:
    """Paragraphs of text to ``megabytes`` (or, with ``script``, a short article and a huge
    inline script: a heavy page whose article is fine)."""
    rng = random.Random(2)
    target = int(megabytes * 1e6)
    with path.open("w", encoding="utf-8") as out:
        out.write("<html><head><title>Big page</title></head><body><article><h1>Big page</h1>\n")
        if script:
            for _ in range(12):
                out.write(f"<p>{' '.join(rng.choice(WORDS) for _ in range(30))}.</p>\n")
            out.write("</article><script>var data = [" + ",".join(["1234567"] * (target // 8)) + "];</script>")
        else:
            size = 0
            while size < target:
                paragraph = f"<p>{' '.join(rng.choice(WORDS) for _ in range(30))}.</p>\n"
                out.write(paragraph)
                size += len(paragraph)
            out.write("</article>")
        out.write("</body></html>\n")


def run_import(library: Path, item: Path, workers: str | None) -> tuple[float, float, float, str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    if workers:
        env["CLIPLINE_WORKERS"] = workers
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "desktop", "--library", str(library), "import", str(item)],
                             cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = [0]

    def sample() -> None:
        while child.poll() is None:
            peak[0] = max(peak[0], tree_rss(child.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = child.communicate()
    elapsed = time.perf_counter() - started
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    line = next((x for x in out.splitlines() if x.startswith(("stored", "error", "duplicate"))), out.strip()[-200:])
    return elapsed, cpu, peak[0] / 1e6, line


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=50_000, help="lines of the many-line text")
    parser.add_argument("--workers", default=None, help="CLIPLINE_WORKERS for the imports")
    parser.add_argument("--only", default="", help="run only the inputs whose name contains this")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        inputs = []
        fits = work / "many-lines.txt"  # 1.8 MB: under the 2,000,000-character limit
        many_lines(fits, args.lines, 2)
        inputs.append(("many short lines", fits))
        over = work / "many-lines-over.txt"
        many_lines(over, args.lines, 4)
        inputs.append(("many short lines, over the limit", over))
        page = work / "big-page.html"
        big_page(page, 19)
        inputs.append(("19 MB page of text", page))
        heavy = work / "heavy-page.html"
        big_page(heavy, 15, script=True)
        inputs.append(("15 MB page, short article + inline script", heavy))
        for index, (name, path) in enumerate(inputs):
            if args.only not in name:
                continue
            elapsed, cpu, peak, line = run_import(work / f"library-{index}.db", path, args.workers)
            print(f"{name} ({path.stat().st_size / 1e6:.1f} MB): {elapsed:.1f} s wall, {cpu:.1f} CPU-s, "
                  f"peak {peak:.0f} MB")
            print(f"    {line[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
