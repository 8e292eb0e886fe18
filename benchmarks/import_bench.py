"""Storage speed: import the 2,163 Timeline17 dev articles (JSON Lines, no NLP) and search.

Prints articles/s for the import (clipping + storing + FTS indexing, one transaction per
article, through the real import path) and the latency of 100 full-text searches.
Aims: storage well over 500 articles/s; searches well under 50 ms.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import CORPORA

from db import Library
from desktop.actions.importing import clips_from_jsonl, store_clips

T17 = CORPORA / "timeline17-dev"


def write_jsonl(path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for file in sorted(T17.glob("*/InputDocs/*/*.txt")):
            text = file.read_text(encoding="utf-8", errors="replace").strip()
            if not text:
                continue
            source = file.parts[-4].split("_", 1)[1]
            out.write(json.dumps({"text": text, "published": file.parent.name,
                                  "title": text.splitlines()[0], "source": source}) + "\n")
            count += 1
    return count


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "articles.jsonl"
        lines = write_jsonl(jsonl)
        with Library(Path(tmp) / "lib.db") as library:
            started = time.perf_counter()
            outcomes = list(store_clips(library, clips_from_jsonl(jsonl)))
            elapsed = time.perf_counter() - started
            stored = sum(o.status == "stored" for o in outcomes)
            failed = [o for o in outcomes if o.status == "error"]
            words = [w for w in library.db.execute("SELECT text FROM articles LIMIT 300").fetchone()[0].split()
                     if w.isalpha() and len(w) > 4]
            rng = random.Random(1)
            queries = [" ".join(rng.sample(words, k=rng.choice([1, 1, 2]))) for _ in range(100)]
            queries += ["oil spill", "swine flu vaccine", "earthquake Port-au-Prince"]
            timings = []
            for query in queries[:100]:
                t = time.perf_counter()
                library.search(query, limit=20)
                timings.append((time.perf_counter() - t) * 1000)
    timings.sort()
    print(f"input lines: {lines}  stored: {stored}  duplicates: {len(outcomes) - stored - len(failed)}"
          f"  failed: {len(failed)}")
    for outcome in failed[:5]:
        print("  " + outcome.line())
    print(f"import: {elapsed:.2f} s, {len(outcomes) / elapsed:.0f} articles/s (storage + FTS, no NLP)")
    print(f"search: median {statistics.median(timings):.2f} ms, p95 {timings[94]:.2f} ms over 100 queries")
    print(f"articles_per_s={len(outcomes) / elapsed:.0f} search_median_ms={statistics.median(timings):.2f} "
          f"search_p95_ms={timings[94]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
