"""Kill -9 at random moments of a real ``import``: the library stays sound and complete.

A child process runs ``python -m desktop import --jsonl`` over generated articles and is
killed with SIGKILL at a random moment (while starting, opening, migrating, clipping or
committing). After every kill the library must pass ``PRAGMA integrity_check``, open through
``Library``, have no rows pointing at a missing article, and hold exactly the first k input
articles, intact, for some k at least as large as the count the child reported as stored
(the child prints each outcome after its commit, so at most one commit can be unreported).
The same library is re-imported until complete, so kills also land on a recovering file.

``benchmarks/crash_soak.py`` runs the same harness 500 times.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from db import Library
from desktop.clipping.jsonl import read_jsonl
from tests.conftest import REPO

_STORED = re.compile(r"^stored\s+#(\d+)\s", re.M)

_PEOPLE = ["Jane Okafor", "Mehmet Yilmaz", "Olena Kovalenko", "Peter Lindqvist", "Ana Souza",
           "Rustem Umerov", "Hakan Fidan", "Marta Kos"]
_PLACES = ["Istanbul", "Geneva", "Kyiv", "Ankara", "Brussels", "Doha"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def write_batch(path: Path, count: int, *, seed: int = 8) -> None:
    """``count`` distinct articles as JSON Lines; each names a person and a date.

    Half carry a title (stored as given), half have the headline on the first line and a
    dateline (the ``clip_text`` path), so both ways through the clipper are killed.
    """
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(count):
            person, place = rng.choice(_PEOPLE), rng.choice(_PLACES)
            day, month = rng.randint(1, 28), rng.choice(_MONTHS)
            paragraphs = [
                f"{person} arrived in {place} on {day} {month} 2025 for talk number {i}.",
                f"Officials said the meeting on {day} {month} would be followed by another one "
                f"next week, and {person} told reporters that progress was slow but real.",
                " ".join(rng.choice(["The", "talks", "were", "long", "and", "delegations",
                                     "met", "again", "late", "at", "night"]) for _ in range(80)) + ".",
            ]
            if i % 2:
                obj = {"title": f"Talks in {place}, round {i}", "text": "\n\n".join(paragraphs),
                       "published": f"2025-{_MONTHS.index(month) + 1:02d}-{day:02d}",
                       "url": f"https://news.example.org/2025/talks-{i}", "source": "Example News"}
            else:
                obj = {"text": f"Round {i} of the talks in {place}\n{day} {month} 2025\n\n"
                       + "\n\n".join(paragraphs)}
            handle.write(json.dumps(obj, ensure_ascii=False) + "\n")


#: Every imported article is filed under this story, in its own transaction.
TAG = "Istanbul talks"


@dataclass
class KillReport:
    kills: int = 0
    failures: list[str] = field(default_factory=list)
    orphans: list[int] = field(default_factory=list)  # processes that outlived their import
    seconds: float = 0.0
    libraries: int = 0


def import_command(library: Path, batch: Path, *, analysis: bool) -> list[str]:
    command = [sys.executable, "-m", "desktop", "--library", str(library), "import",
               "--jsonl", str(batch), "--tag", TAG]
    return command if analysis else [*command, "--no-analysis"]


def _run_child(command: list[str], env: dict[str, str], *, delay: float | None = None,
               after_stored: int | None = None, extra: float = 0.0) -> tuple[str, float]:
    """Run the import; SIGKILL it ``delay`` s after start, or ``extra`` s after it has
    reported ``after_stored`` articles (or never, with neither). Returns its output."""
    started = time.monotonic()
    child = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True, bufsize=1)
    assert child.stdout is not None
    lines: list[str] = []
    try:
        if delay is not None:
            try:
                child.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                child.send_signal(signal.SIGKILL)
        elif after_stored is not None:
            seen = 0
            for line in child.stdout:
                lines.append(line)
                seen += line.startswith("stored")
                if seen >= after_stored:
                    time.sleep(extra)
                    descendants[:] = _descendants(child.pid)
                    child.send_signal(signal.SIGKILL)
                    break
        out, _ = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    return "".join(lines) + out, time.monotonic() - started


#: The descendants (analysis workers) of the last child killed after storing; a kill -9 of
#: the import must take them with it (``_outlived``).
descendants: list[int] = []


def _descendants(pid: int) -> list[int]:
    """Processes below ``pid`` (Linux /proc; elsewhere none are seen)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        children = [p for p, pp in parents.items() if pp == parent]
        found += children
        todo += children
    return found


def _outlived(pids: list[int], wait: float = 15.0) -> list[int]:
    """Which of ``pids`` are still running ``wait`` seconds on."""
    deadline = time.monotonic() + wait
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [p for p in alive if Path(f"/proc/{p}").exists()
                 and not (Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z")]
    return alive


def check_library(path: Path, expected: list[tuple[str, str, str]], reported: set[int],
                  *, analysis: bool) -> list[str]:
    """Problems with the library after a kill (empty: it is exactly as it should be)."""
    problems: list[str] = []
    if not path.exists():
        return [] if not reported else [f"{path} vanished with {len(reported)} articles"]
    conn = sqlite3.connect(path)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchall()
        if check != [("ok",)]:
            return [f"integrity_check: {check[:3]}"]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "articles" not in tables:
            return [] if not reported else ["articles table missing after stores were reported"]
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(f"foreign_key_check: {fk[:3]}")
        for table in sorted(tables):
            columns = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
            if "article_id" in columns and table != "articles":
                orphans = conn.execute(
                    f'SELECT count(*) FROM "{table}" WHERE article_id NOT IN (SELECT id FROM articles)'
                ).fetchone()[0]
                if orphans:
                    problems.append(f"{orphans} orphan rows in {table}")
        if "articles_fts" in tables:
            try:
                conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as error:
                problems.append(f"search index: {error}")
        rows = conn.execute("SELECT id, sha256, title, text FROM articles ORDER BY id").fetchall()
        for position, (article_id, sha, title, text) in enumerate(rows):
            if position >= len(expected):
                problems.append(f"article #{article_id} was never in the input")
                break
            want_sha, want_title, want_text = expected[position]
            if (article_id, sha, title, text) != (position + 1, want_sha, want_title, want_text):
                problems.append(f"article #{article_id} is not input line {position + 1} intact")
                break
        untagged = conn.execute(
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM article_tags"
            " JOIN tags ON tags.id = tag_id WHERE tags.name = ?)", [TAG]
        ).fetchone()[0]
        if untagged:
            problems.append(f"{untagged} articles stored without their tag")
        stored = {r[0] for r in rows}
        missing = reported - stored
        if missing:
            problems.append(f"reported as stored but missing: {sorted(missing)[:5]}")
        if analysis and "timexes" in tables and "mentions" in tables:
            bare = conn.execute(
                "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM timexes)"
                " OR id NOT IN (SELECT article_id FROM mentions)"
            ).fetchone()[0]
            if bare:
                problems.append(f"{bare} articles stored without their analysis")
    finally:
        conn.close()
    try:
        Library(path).close()
    except Exception as error:  # noqa: BLE001 - any failure to open is the finding
        problems.append(f"Library() refused it: {error}")
    return problems


def run_kills(workdir: Path, kills: int, *, articles: int, analysis: bool = False,
              seed: int = 0, workers: int | None = None) -> KillReport:
    """Kill ``kills`` imports at random moments; the report lists every problem found.

    ``workers``: how many analysis processes the import runs (``CLIPLINE_WORKERS``)."""
    rng = random.Random(seed)
    batch = workdir / "batch.jsonl"
    write_batch(batch, articles, seed=seed)
    expected = [(item.article.sha256, item.article.title, item.article.text)
                for item in read_jsonl(batch) if item.article is not None]
    assert len(expected) == articles
    env = dict(os.environ, CLIPLINE_DATA_DIR=str(workdir / "data"), PYTHONDONTWRITEBYTECODE="1")
    if workers is not None:
        env["CLIPLINE_WORKERS"] = str(workers)
    # How long starting up and one whole import take here: most kills land while articles
    # are being stored, the rest while the child starts, opens and migrates the library.
    empty = workdir / "empty.jsonl"
    empty.write_text("")
    _, start = _run_child(import_command(workdir / "calibrate.db", empty, analysis=analysis), env)
    _, full = _run_child(import_command(workdir / "calibrate.db", batch, analysis=analysis), env)
    per_article = max(full - start, 0.01) / articles
    report = KillReport()
    started = time.monotonic()
    library, reported = None, set()
    while report.kills < kills:
        if library is None or len(reported) >= articles:
            report.libraries += 1
            library, reported = workdir / f"library-{report.libraries}.db", set()
        command = import_command(library, batch, analysis=analysis)
        if rng.random() < 0.25:  # while starting, opening or migrating
            moment = f"{rng.uniform(0.0, start):.2f}s after start"
            out, _ = _run_child(command, env, delay=float(moment.split("s")[0]))
        else:  # while storing: after some article, somewhere in the next one's work
            target = rng.randint(1, max(1, articles - len(reported)))
            extra = rng.uniform(0.0, 2 * per_article)
            moment = f"{extra * 1000:.1f} ms after the {target}th article"
            descendants.clear()
            out, _ = _run_child(command, env, after_stored=target, extra=extra)
            report.orphans += _outlived(list(descendants))
        reported |= {int(n) for n in _STORED.findall(out)}
        report.kills += 1
        for problem in check_library(library, expected, reported, analysis=analysis):
            report.failures.append(f"kill {report.kills} {moment} on {library.name}: {problem}")
        if report.failures:
            break
        with sqlite3.connect(library) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "articles" in tables:
                reported = {r[0] for r in conn.execute("SELECT id FROM articles")}
        conn.close()
    report.seconds = time.monotonic() - started
    return report


def test_fifty_kills_mid_import_lose_nothing_and_let_nothing_half_in(tmp_path):
    report = run_kills(tmp_path, 50, articles=160, seed=1)
    assert report.failures == []
    assert report.kills == 50


@pytest.mark.slow
def test_kills_mid_import_with_analysis_leave_no_article_without_its_analysis(tmp_path):
    report = run_kills(tmp_path, 6, articles=12, analysis=True, seed=2)
    assert report.failures == []


@pytest.mark.slow
def test_kills_mid_import_with_two_analysis_workers_lose_nothing_and_leave_no_worker(tmp_path):
    # 70 articles are three batches: the workers analyse ahead of what is being stored.
    report = run_kills(tmp_path, 4, articles=70, analysis=True, seed=5, workers=2)
    assert report.failures == []
    assert report.orphans == []


def test_the_checker_itself_catches_orphans_altered_text_and_lost_articles(tmp_path):
    batch = tmp_path / "batch.jsonl"
    write_batch(batch, 3)
    expected = [(i.article.sha256, i.article.title, i.article.text) for i in read_jsonl(batch)]
    path = tmp_path / "library.db"
    with Library(path) as library:
        for item in read_jsonl(batch):
            library.add_article(item.article.as_dict(), tags=[TAG])
    assert check_library(path, expected, {1, 2, 3}, analysis=False) == []
    assert check_library(path, expected, {1, 2, 3, 4}, analysis=False) != []
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO timexes (article_id, start, \"end\", text, type, value)"
                     " VALUES (99, 0, 1, 'x', 'DATE', '2025')")
    assert any("orphan" in p for p in check_library(path, expected, {1, 2, 3}, analysis=False))
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM timexes")
        conn.execute("UPDATE articles SET text = 'changed' WHERE id = 2")
    assert any("intact" in p for p in check_library(path, expected, {1, 2, 3}, analysis=False))


@pytest.mark.slow
def test_kills_mid_reanalyse_leave_every_article_with_a_whole_analysis(tmp_path):
    batch = tmp_path / "batch.jsonl"
    write_batch(batch, 40, seed=3)
    expected = [(i.article.sha256, i.article.title, i.article.text) for i in read_jsonl(batch)]
    library = tmp_path / "library.db"
    env = dict(os.environ, CLIPLINE_DATA_DIR=str(tmp_path / "data"))
    _run_child(import_command(library, batch, analysis=True), env)
    everything = set(range(1, 41))
    assert check_library(library, expected, everything, analysis=True) == []
    command = [sys.executable, "-m", "desktop", "--library", str(library), "reanalyse"]
    _, full = _run_child(command, env)
    rng = random.Random(4)
    for kill in range(5):
        delay = rng.uniform(full * 0.4, full)
        _run_child(command, env, delay=delay)
        problems = check_library(library, expected, everything, analysis=True)
        assert problems == [], f"kill {kill} after {delay:.2f}s: {problems}"
