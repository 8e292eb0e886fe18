"""Which way a weekday or a bare month/day points: Clipline's values and planned flags
scored against hand labels on the Timeline17 development articles.

    .venv/bin/python benchmarks/direction_eval.py            # score, list the errors
    .venv/bin/python benchmarks/direction_eval.py --show 0:20  # contexts to label by hand

The sample: every weekday name and every month/day written without a year ("Sunday",
"May 24", "24 May") in the articles under ../shared/corpora/timeline17-dev, found by a
regular expression of this script's own (not by the tagger), then 200 of them drawn with a
fixed seed. Each was resolved by hand from its sentence, the headline and the publication
date; the labels live in benchmarks/data/direction_labels.jsonl:
{"id", "text", "value" (YYYY-MM-DD, a week YYYY-Www, "-" for no date: a name, a habit; "?" where the
text leaves the year open, scored for the planned flag alone),
"planned" (the day lies after publication and the clause looks ahead), "note"}.
The articles come tokenised ("-LRB-", "Monday ,"); they are put back into plain text first,
as a reporter would paste them.
This is a measurement, not a test: it never fails on low numbers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from desktop.analysis.dates import tag_dates  # noqa: E402
from desktop.timeline.events import extract_events  # noqa: E402

#: shared/ beside the clone (CI), or beside a folder of worktrees (a developer's machine).
SHARED = next((p / "shared" for p in REPO.parents if (p / "shared" / "corpora").is_dir()),
              REPO.parent / "shared")
CORPUS = SHARED / "corpora" / "timeline17-dev"
LABELS = REPO / "benchmarks" / "data" / "direction_labels.jsonl"
SEED, SIZE = 15, 200

_MONTHS = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|April|May|June|July|Aug(?:ust|\.)?|"
           r"Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_NO_YEAR = r"(?!,?\s+(?:1[89]|20)\d\d)"
EXPRESSION = re.compile(
    r"(?<![\w-])(?:(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?![\w'’-])"
    rf"|{_MONTHS}\s+(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\w,.]\d|\w){_NO_YEAR}"
    rf"|(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+{_MONTHS}(?!\w){_NO_YEAR})")
_DETOKENISE = [
    (re.compile(r"-LRB-\s?"), "("), (re.compile(r"\s?-RRB-"), ")"),
    (re.compile(r"-LSB-\s?"), "["), (re.compile(r"\s?-RSB-"), "]"),
    (re.compile(r"``\s?"), "\""), (re.compile(r"\s?''"), "\""),
    (re.compile(r"\s+([,.;:!?%])(?=\s|$)"), r"\1"),
    (re.compile(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b"), r"\1"),
    (re.compile(r"\$\s+(?=\d)"), "$"),
]


@dataclass(frozen=True)
class Sample:
    id: str  # "<article path under the corpus>:<offset>"
    text: str
    start: int
    end: int
    article: str
    dct: dt.date


def plain(tokenised: str) -> str:
    """The article as a reporter would see it: brackets, quotes and commas put back."""
    text = tokenised
    for pattern, repl in _DETOKENISE:
        text = pattern.sub(repl, text)
    return text


def articles() -> dict[str, tuple[dt.date, str]]:
    """Every development article, by its path under the corpus, with its publication day."""
    found = {}
    for path in sorted(CORPUS.glob("*/InputDocs/*/*.txt")):
        day = dt.date.fromisoformat(path.parent.name)
        found[str(path.relative_to(CORPUS))] = (day, plain(path.read_text(encoding="utf-8")))
    return found


def draw(docs: dict[str, tuple[dt.date, str]]) -> list[Sample]:
    """The fixed sample: SIZE expressions out of all of them, seed SEED."""
    pool = [Sample(f"{name}:{m.start()}", m.group(0), m.start(), m.end(), name, day)
            for name, (day, text) in docs.items() for m in EXPRESSION.finditer(text)]
    return sorted(random.Random(SEED).sample(pool, SIZE), key=lambda s: s.id)


def show(samples: list[Sample], docs: dict[str, tuple[dt.date, str]], lo: int, hi: int) -> None:
    """Print each expression in its context, for labelling by hand."""
    for i, s in enumerate(samples[lo:hi], start=lo):
        text = docs[s.article][1]
        headline = text.split("\n", 1)[0][:160]
        left = text.rfind("\n", 0, max(0, s.start - 250))
        context = text[left + 1 if left >= 0 else 0: s.start] + "[[" + s.text + "]]" + \
            text[s.end: s.end + 220]
        print(f"#{i} {s.id}  published {s.dct:%a %d %b %Y}\n  HEAD: {headline}\n  "
              + " ".join(context.split())[-700:] + "\n")


def clipline(sample: Sample, text: str, dct: dt.date) -> tuple[str, bool]:
    """Clipline's value for the expression and its planned flag.

    A day is compared as YYYY-MM-DD (a part of the day or a clock time dropped); other
    dates (a week) as they are; "-" when Clipline gives no date at all (nothing found, a
    frequency, a duration, an unknown year).
    """
    timexes = tag_dates(text, dct.isoformat())
    hit = next((t for t in timexes if t.start < sample.end and sample.start < t.end), None)
    if hit is None or hit.type not in {"DATE", "TIME"} or not re.match(r"\d{4}", hit.value):
        return "-", False
    day = re.match(r"\d{4}-\d\d-\d\d", hit.value)
    value = day.group(0) if day else hit.value
    events = extract_events(text, None, timexes, [], dct.isoformat())
    planned = any(e.start <= sample.start < e.end and e.date.startswith(value) and e.planned
                  for e in events)
    return value, planned


def score(samples: list[Sample], docs: dict[str, tuple[dt.date, str]]) -> int:
    labels = {}
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            labels[row["id"]] = row
    rows = []
    for s in samples:
        gold = labels.get(s.id)
        if gold is None:
            continue
        dct, text = docs[s.article]
        value, planned = clipline(s, text, dct)
        rows.append((s, gold, value, planned))
    weekday = [r for r in rows if re.match(r"\w+day\Z", r[0].text)]
    monthday = [r for r in rows if r not in weekday]

    def right(group: list) -> int:
        return sum(1 for _s, g, v, _p in group if g["value"] == v)

    unknown = [r for r in rows if r[1]["value"] == "?"]  # scored for the flag alone
    weekday = [r for r in weekday if r not in unknown]
    monthday = [r for r in monthday if r not in unknown]

    flagged = [r for r in rows if r[3]]
    truly = [r for r in rows if r[1]["planned"]]
    tp = sum(1 for r in flagged if r[1]["planned"])
    print(f"labelled {len(rows)} of {len(samples)} (seed {SEED})")
    print(f"weekday values right    {right(weekday):4d} / {len(weekday):4d} = "
          f"{100 * right(weekday) / max(1, len(weekday)):5.1f}%")
    print(f"month/day values right  {right(monthday):4d} / {len(monthday):4d} = "
          f"{100 * right(monthday) / max(1, len(monthday)):5.1f}%")
    both = weekday + monthday
    print(f"all values right        {right(both):4d} / {len(both):4d} = "
          f"{100 * right(both) / max(1, len(both)):5.1f}%   ({len(unknown)} of unknown year)")
    print(f"planned precision       {tp:4d} / {len(flagged):4d} = "
          f"{tp / max(1, len(flagged)):.3f}   recall {tp} / {len(truly)} = "
          f"{tp / max(1, len(truly)):.3f}")
    print("\nerrors (id, text, published: gold value/planned | Clipline value/planned):")
    for s, g, v, p in rows:
        if g["value"] not in {v, "?"} or g["planned"] != p:
            print(f"  {s.id:45s} {s.text!r:14s} {s.dct:%a %d %b}: {g['value']}/{g['planned']:d} "
                  f"| {v}/{p:d}  {g.get('note', '')}")
    print(f"\nweekday_accuracy={100 * right(weekday) / max(1, len(weekday)):.1f} "
          f"planned_precision={tp / max(1, len(flagged)):.3f} n={len(rows)}")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", help="print contexts LO:HI of the sample, for labelling")
    args = parser.parse_args(argv)
    docs = articles()
    samples = draw(docs)
    if args.show:
        lo, _, hi = args.show.partition(":")
        show(samples, docs, int(lo or 0), int(hi or SIZE))
        return 0
    return score(samples, docs)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
