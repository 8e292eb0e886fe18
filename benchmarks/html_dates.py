"""Publication dates of real saved pages: Clipline's HTML import beside htmldate alone.

Imports each page of ../shared/corpora/html-pages-dev into a fresh library (the real import
path, analysis off) and compares the date found with dates.json, beside htmldate's own
``find_date`` on the same file in the same run. Prints both rates and every miss.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from _common import CORPORA

from db import Library
from desktop.actions.importing import Clip, store_clips
from desktop.clipping.errors import ClipError
from desktop.clipping.html import clip_html

PAGES = CORPORA / "html-pages-dev"


def main() -> int:
    from htmldate import find_date

    truth = json.loads((PAGES / "dates.json").read_text())
    ours = theirs = crashed = empty = 0
    misses: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, Library(Path(tmp) / "lib.db") as library:
        for url, item in truth.items():
            path = PAGES / "pages" / item["file"]
            data = path.read_bytes()
            try:
                article = clip_html(data, url=url, source_path=str(path), what=item["file"])
                clip = Clip(item["file"], article)
            except ClipError as error:
                clip = Clip(item["file"], error=str(error))
                empty += 1
            except Exception as error:  # a crash is what this benchmark exists to catch
                crashed += 1
                misses.append(f"CRASH {item['file']}: {type(error).__name__}: {error}")
                continue
            [outcome] = list(store_clips(library, [clip]))
            found = None
            if outcome.status in ("stored", "duplicate") and outcome.article_id:
                found = (library.article(outcome.article_id)["published"] or "")[:10] or None
            try:
                reference = find_date(data.decode("utf-8", "replace"), url=url, original_date=True)
            except Exception:
                reference = None
            ours += found == item["date"]
            theirs += reference == item["date"]
            if found != item["date"]:
                source = clip.article.published_source if clip.article else "error"
                misses.append(f"{item['file']}: gold {item['date']}  clipline {found} ({source})  htmldate {reference}")
    total = len(truth)
    elapsed = time.perf_counter() - started
    print("misses:")
    for line in misses:
        print("  " + line)
    print(f"pages: {total}  crashed: {crashed}  no article text: {empty}  time: {elapsed:.1f} s")
    print(f"clipline date accuracy: {ours / total:.3f} ({ours}/{total})")
    print(f"htmldate find_date alone: {theirs / total:.3f} ({theirs}/{total})")
    print(f"clipline_rate={ours / total:.3f} htmldate_rate={theirs / total:.3f} crashes={crashed}")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
