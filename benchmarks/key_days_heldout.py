"""The brief's key-day choice on many windows of one story, not only the three of brief_bench.

    PYTHONPATH=. .venv/bin/python benchmarks/key_days_heldout.py [--topic bpoil] [--days 21]
                                                                 [--step 10] [--keep DIR] [--reuse]

``brief_bench.py`` scores three development windows, each opening on its story's first day
(the quake, the outbreak, the explosion). A rule for choosing key days tuned on them may not
carry over to the windows the acceptance check uses. This script imports a whole Timeline17
topic once (``--keep DIR --reuse`` keeps it: bpoil's 1,460 articles take minutes) and slides
a window over it (``--days`` long, every ``--step`` days). For each window with a gold
timeline of at least 3 days in it (as the scorer skips), it chooses the key days as the
brief does -- ``keyevents.rank_dates`` over the evidence of the articles published in the
window (a brief_bench library holds only those), each mention counting for how on-story its
sentence is, ``story.key_count`` of them, best first --
and prints their Date-F1 (the scorer's own averaging) beside the scorer's pubcount baseline
on the same window, and the ratio the issue targets (>= 1.2).

What it leaves out: the plan may pass over a top day with no unplanned day-precision
happening or whose happenings repeat a key event already chosen, and articles count as 1
(no on-story weights); on the development windows both change nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from brief_bench import CORPUS, clipline  # noqa: E402
from key_date_oracle import scorer  # noqa: E402
from sqlite_utils import Database  # noqa: E402

from db.key_days import count_published, day_events, publications, published_range  # noqa: E402
from desktop.brief.story import key_count  # noqa: E402
from desktop.timeline.filters import Filters, event_where  # noqa: E402
from desktop.timeline.keyevents import rank_dates  # noqa: E402

TARGET = 1.2


def key_days(db: Database, first: dt.date, last: dt.date) -> list[str]:
    """The brief's key days of [first, last] from the articles published in it."""
    filters = Filters(date_from=first, date_to=last)
    published = published_range(first, last)
    events = day_events(db, event_where(filters), published)
    scores = rank_dates(events, publications(db, published), filters, on_story_sentences=True)
    wanted = key_count(count_published(db, first, last), scores)
    return sorted(scores, key=lambda d: (-scores[d], d))[:wanted]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topic", default="bpoil")
    parser.add_argument("--days", type=int, default=21, help="window length in days")
    parser.add_argument("--step", type=int, default=10, help="days between window starts")
    parser.add_argument("--keep", type=Path, help="keep the topic's library here")
    parser.add_argument("--reuse", action="store_true", help="with --keep: skip the import")
    args = parser.parse_args(argv)
    brief_eval = scorer()
    tls = brief_eval.tls
    topic = tls.load_topic(CORPUS, args.topic)
    with tempfile.TemporaryDirectory(prefix="key_days_heldout_") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        library = folder / f"{args.topic}-all.db"
        if not (args.reuse and library.exists()):
            library.unlink(missing_ok=True)
            jsonl = folder / f"{args.topic}-all.jsonl"
            tls.write_articles(topic, jsonl)
            clipline(library, "import", "--jsonl", str(jsonl))
        db = Database(library)
        print(f"# {args.topic}: {len(topic.articles)} articles, windows of {args.days} days "
              f"every {args.step}")
        print(f"{'window':24s} {'articles':>8s} {'gold days':16s} {'key':>3s} {'F1':>5s} "
              f"{'base':>5s} {'ratio':>5s}")
        ratios = []
        start = min(a.published for a in topic.articles)
        end_of_story = max(a.published for a in topic.articles)
        while start <= end_of_story:
            last = start + dt.timedelta(days=args.days - 1)
            tasks = [tls.Task(t.topic, t.name, gold)
                     for t in topic.tasks
                     if len(gold := {d: s for d, s in t.gold.items() if start <= d <= last})
                     >= brief_eval.MIN_GOLD_DATES]
            articles = [a for a in topic.articles if start <= a.published <= last]
            if tasks and articles:
                chosen = {dt.date.fromisoformat(d): ["-"] for d in key_days(db, start, last)}
                product = tls.mean_prf([tls.date_scores(chosen, t.gold) for t in tasks]).f
                base_brief = brief_eval.parse_brief(brief_eval.pubcount_brief(articles))
                rows = brief_eval.score_timelines(base_brief, tasks)
                baseline = tls.mean_prf([r["key_date"] for r in rows]).f
                ratio = product / baseline if baseline else float("inf")
                if baseline:
                    ratios.append(ratio)
                print(f"{start}..{last:%m-%d}  {len(articles):8d} "
                      f"{','.join(str(len(t.gold)) for t in tasks):16s} {len(chosen):3d} "
                      f"{product:5.3f} {baseline:5.3f} {ratio:5.2f}", flush=True)
            start += dt.timedelta(days=args.step)
        if ratios:
            print(f"windows {len(ratios)}: ratio mean {statistics.mean(ratios):.3f}, median "
                  f"{statistics.median(ratios):.3f}, min {min(ratios):.2f}; at least {TARGET}x: "
                  f"{sum(r >= TARGET for r in ratios)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
