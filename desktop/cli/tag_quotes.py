"""``tag-quotes``: JSON Lines in ({"id", "text", "published"}), one line of quotes out per line.

Like ``tag-dates``, made for batch use and the acceptance scorer: it never opens the
library, reads any number of articles from stdin and writes only results to stdout
(problems go to stderr). A line that cannot be read still gets an answer line, with an
"error" key, so outputs stay aligned. Offsets are characters into "text", end exclusive.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any

#: Articles parsed together (the entity model is faster on batches).
BATCH = 16


def read_line(line: str) -> tuple[dict[str, Any] | None, str | None]:
    """The input record of one line, or the reason it cannot be used."""
    try:
        doc = json.loads(line)
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
            raise ValueError('expected an object with a "text" string')
    except ValueError as error:
        return None, f"bad input line: {error}"
    return doc, None


def tag_records(records: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Output records for readable input records, parsed as one batch."""
    # lazy: spaCy and the date patterns load only when quotes are asked for
    from desktop.analysis.entities import load_pipeline
    from desktop.analysis.quotes import extract_quotes

    nlp = load_pipeline()
    docs = nlp.pipe(r["text"] for r in records)
    for record, doc in zip(records, docs, strict=True):
        quotes = extract_quotes(record["text"], record.get("published") or None, doc=doc)
        yield {"id": record.get("id"), "quotes": [q.to_json() for q in quotes]}


def run(args: argparse.Namespace) -> int:
    del args
    failures = 0
    out = sys.stdout
    pending: list[dict[str, Any]] = []

    def flush() -> None:
        for result in tag_records(pending):
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        pending.clear()

    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        record, error = read_line(line)
        if record is None:
            flush()
            failures += 1
            print(f"line {number}: {error}", file=sys.stderr)
            out.write(json.dumps({"id": None, "quotes": [], "error": error}) + "\n")
            continue
        pending.append(record)
        if len(pending) >= BATCH:
            flush()
    flush()
    out.flush()
    return 1 if failures else 0
