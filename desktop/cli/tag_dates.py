"""``tag-dates``: JSON Lines in ({"id", "dct", "text"}), one JSON line of timexes out per line.

Made for batch use and the acceptance scorer: it never opens the library, reads any number of
documents from stdin and writes only results to stdout (problems go to stderr). A line that
cannot be read still gets an answer line, with an "error" key, so outputs stay aligned.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop.analysis.dates import tag_dates


def tag_line(line: str) -> tuple[dict[str, Any], bool]:
    """The output record for one input line, and whether it was read without problems."""
    try:
        doc = json.loads(line)
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
            raise ValueError('expected an object with a "text" string')
    except ValueError as error:
        return {"id": None, "timexes": [], "error": f"bad input line: {error}"}, False
    timexes = tag_dates(doc["text"], doc.get("dct") or None)
    return {"id": doc.get("id"), "timexes": [t.as_dict() for t in timexes]}, True


def run(args: argparse.Namespace) -> int:
    failures = 0
    out = sys.stdout
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        record, ok = tag_line(line)
        if not ok:
            failures += 1
            print(f"line {number}: {record['error']}", file=sys.stderr)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()
    return 1 if failures else 0
