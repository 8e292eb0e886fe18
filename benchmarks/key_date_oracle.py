"""The best key-event Date-F1 any brief can reach on a window, next to the naive baseline's.

    .venv/bin/python benchmarks/key_date_oracle.py [--windows haiti,H1N1,bpoil] [--days FILE.md]

Issue #13 asks for key-event Date-F1 >= 1.2x the pubcount baseline on every window of
``brief_bench.py``. Whether that is reachable at all is a property of the gold timelines,
not of Clipline: this script scores as ``../shared/eval/brief_eval.py`` does (its own
parsing, its own gold cut to the window, its own baseline brief) and finds the best set of
key days exactly.

Why the search is exact: the scorer compares key days to each gold timeline by exact day
(no tolerance), takes precision and recall per timeline, averages P and R over the window's
timelines and takes F of the means. A day in no gold timeline lowers every P and raises no
R, so the best set is made of gold days only. For a set S of k gold days, mean P =
sum_t |S & G_t| / (k T) and mean R = sum_t |S & G_t| / (|G_t| T): with k fixed, P grows
with C = sum over S of the number of timelines holding the day, and R with B = sum over S of
sum_t [d in G_t] / |G_t|. F is increasing in both, so a dynamic programme keeping, for each
(k, C), the largest B reaches the optimum of every k; the best over k is the bound. The
script also cross-checks the programme against brute force over all subsets when the gold
days are few (<= 20).

``--days FILE.md`` also scores a brief's key days (e.g. one ``brief_bench --keep`` wrote).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import load_shared  # noqa: E402
from brief_bench import CORPUS, EVAL, WINDOWS  # noqa: E402  (the benchmark's own windows)

TARGET = 1.2
BRUTE_FORCE_MAX = 20


def scorer():
    """../shared/eval/brief_eval.py, loaded from its folder (it imports its sibling tls_eval)."""
    return load_shared("shared_brief_eval", EVAL / "brief_eval.py")


def gold_days(golds: list[set[dt.date]]) -> list[dt.date]:
    return sorted(set().union(*golds)) if golds else []


def f_of_means(chosen: set[dt.date], golds: list[set[dt.date]]) -> tuple[float, float, float]:
    """Mean P, mean R and their F, as the scorer averages (``tls_eval.mean_prf``)."""
    if not golds:
        return 0.0, 0.0, 0.0
    p = sum(len(chosen & g) / len(chosen) if chosen else 0.0 for g in golds) / len(golds)
    r = sum(len(chosen & g) / len(g) for g in golds) / len(golds)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_by_size(golds: list[set[dt.date]]) -> dict[int, tuple[float, set[dt.date]]]:
    """For every size k, the best F1 of k gold days and one set reaching it (exact)."""
    days = gold_days(golds)
    count = {d: sum(d in g for g in golds) for d in days}
    share = {d: sum(1 / len(g) for g in golds if d in g) for d in days}
    # table[(k, c)] = (largest B, the days giving it)
    table: dict[tuple[int, int], tuple[float, frozenset[dt.date]]] = {(0, 0): (0.0, frozenset())}
    for d in days:
        for (k, c), (b, chosen) in list(table.items()):
            key = (k + 1, c + count[d])
            if key not in table or b + share[d] > table[key][0] + 1e-12:
                table[key] = (b + share[d], chosen | {d})
    best: dict[int, tuple[float, set[dt.date]]] = {}
    for (k, _c), (_b, chosen) in table.items():
        if k == 0:
            continue
        f = f_of_means(set(chosen), golds)[2]
        if k not in best or f > best[k][0]:
            best[k] = (f, set(chosen))
    return best


def brute_force(golds: list[set[dt.date]]) -> float:
    days = gold_days(golds)
    return max((f_of_means(set(s), golds)[2]
                for k in range(1, len(days) + 1) for s in itertools.combinations(days, k)),
               default=0.0)


def run_window(name: str, brief_eval, days_file: Path | None) -> None:
    topic_name, start, end = WINDOWS[name]
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    tls = brief_eval.tls
    topic = tls.load_topic(CORPUS, topic_name)
    articles = [a for a in topic.articles if first <= a.published <= last]
    tasks = []
    for task in topic.tasks:
        gold = {d: s for d, s in task.gold.items() if first <= d <= last}
        if len(gold) >= brief_eval.MIN_GOLD_DATES:  # as the scorer skips timelines
            tasks.append(tls.Task(task.topic, task.name, gold))
    golds = [set(t.gold) for t in tasks]

    def key_f1(markdown: str) -> tuple[float, set[dt.date]]:
        brief = brief_eval.parse_brief(markdown)
        rows = brief_eval.score_timelines(brief, tasks)
        chosen = set(brief_eval.day_timeline(brief.key))
        return tls.mean_prf([r["key_date"] for r in rows]).f, chosen

    baseline, baseline_days = key_f1(brief_eval.pubcount_brief(articles))
    best = best_by_size(golds)
    top_k = max(best, key=lambda k: (best[k][0], -k))
    top_f, top_days = best[top_k]
    print(f"## {name} {start}..{end}: {len(tasks)} gold timelines "
          f"({', '.join(f'{len(g)} days' for g in golds)}), {len(gold_days(golds))} gold days in all")
    for task, g in zip(tasks, golds, strict=True):
        print(f"  {task.name}: {' '.join(f'{d:%d %b}' for d in sorted(g))}")
    print(f"baseline key date F1 {baseline:.3f} (its days: "
          f"{' '.join(f'{d:%d %b}' for d in sorted(baseline_days))})")
    print(f"needed for {TARGET}x: {TARGET * baseline:.3f}")
    for k in sorted(best):
        mark = "  <- best" if k == top_k else ""
        print(f"  best of {k:2d} key days: F1 {best[k][0]:.3f} = {best[k][0] / baseline:.3f}x{mark}")
    print(f"best achievable: F1 {top_f:.3f} = {top_f / baseline:.3f}x the baseline with {top_k} "
          f"days ({' '.join(f'{d:%d %b}' for d in sorted(top_days))}); "
          f"{'reachable' if top_f >= TARGET * baseline - 1e-9 else 'UNREACHABLE'}")
    if len(gold_days(golds)) <= BRUTE_FORCE_MAX:
        exact = brute_force(golds)
        print(f"brute force over all {2 ** len(gold_days(golds)) - 1} subsets of the gold days: "
              f"F1 {exact:.3f} ({'agrees' if abs(exact - top_f) < 1e-9 else 'DISAGREES'})")
    if days_file is not None:
        product, product_days = key_f1(days_file.read_text(encoding="utf-8"))
        wrong = sorted(product_days - set(gold_days(golds)))
        missed = sorted(set(gold_days(golds)) - product_days)
        print(f"{days_file.name}: key date F1 {product:.3f} = {product / baseline:.3f}x; "
              f"{len(product_days)} days, not gold: {' '.join(f'{d:%d %b}' for d in wrong) or '-'}; "
              f"gold left out: {' '.join(f'{d:%d %b}' for d in missed) or '-'}")
    print(flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--windows", default=",".join(WINDOWS))
    parser.add_argument("--days", type=Path, help="a brief (Markdown) of one window to score too; "
                        "with several windows, a folder holding <window>-brief.md")
    args = parser.parse_args(argv)
    brief_eval = scorer()
    for name in args.windows.split(","):
        days_file = args.days
        if days_file is not None and days_file.is_dir():
            days_file = days_file / f"{name}-brief.md"
        run_window(name, brief_eval, days_file)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
