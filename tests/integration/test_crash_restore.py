"""A crash in the middle of a backup or a restore never leaves the reporter without a library.

Every file-system step of ``restore_backup`` and ``make_backup`` is made to "crash" in turn
(an exception no handler catches, as if the power went); after each, the library file is
there and opens, holding either the old or the restored articles, and every backup that is
listed passes the integrity check. Then real ``restore`` and ``backup`` commands are killed
with SIGKILL at random moments.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from db import Library
from db import backup as backup_module
from db.backup import latest_good_backup, list_backups, make_backup, restore_backup
from db.integrity import file_problems
from tests.conftest import REPO
from tests.integration.test_backup_restore import count_in, library_with, record


class Crash(BaseException):
    """The power going off: no ``except Exception`` or cleanup handler sees it."""


def crash_at(monkeypatch, step: int) -> list[str]:
    """Make the ``step``-th file operation of db.backup crash; returns the operations seen.

    Only db.backup's own operations count: a real crash also ends the process, and with it
    the session lock (db.session) that the ``with`` around the steps releases here.
    """
    seen: list[str] = []
    for name in ("replace", "link", "chmod", "fsync", "open", "close"):
        real = getattr(os, name)

        def wrapped(*args, _real=real, _name=name, **kwargs):
            if sys._getframe(1).f_globals.get("__name__") != backup_module.__name__:
                return _real(*args, **kwargs)  # the session lock's own files (db.session)
            seen.append(_name)
            if len(seen) == step:
                raise Crash(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(backup_module.os, name, wrapped, raising=True)
    return seen


@pytest.fixture
def two_states(tmp_path):
    """A library of 350 articles with a backup of its first 300."""
    path = library_with(tmp_path / "library.db", 300)
    with Library(path) as library:
        backup = make_backup(library, path)
        for i in range(50):
            library.add_article(record(f"Later {i}\nAdded after the backup."))
    return path, backup


def test_a_crash_at_any_step_of_a_restore_leaves_a_library_that_opens(two_states, monkeypatch):
    path, backup = two_states
    step = 1
    while True:
        with monkeypatch.context() as patch:
            seen = crash_at(patch, step)
            try:
                restore_backup(path, backup)
                finished = True
            except Crash:
                finished = False
        assert path.exists(), f"no library file after a crash at step {step} ({seen[-1]})"
        with Library(path) as library:
            assert library.article_count() in (300, 350), f"crash at step {step} ({seen[-1]})"
        if finished:
            break
        step += 1
        restore_backup(path, backup)  # a restore after the crash puts the backup back
        with Library(path) as library:
            assert library.article_count() == 300
        with Library(path) as library:  # back to the state before the restore
            for i in range(50):
                library.add_article(record(f"Later {i}\nAdded after the backup."))
    assert step > 5  # every step was crashed once


def test_a_crash_at_any_step_of_a_backup_leaves_no_broken_backup_listed(two_states, monkeypatch):
    path, _ = two_states
    step = 1
    while True:
        with monkeypatch.context() as patch, Library(path) as library:
            crash_at(patch, step)
            try:
                make_backup(library, path)
                finished = True
            except Crash:
                finished = False
        for item in list_backups(path):
            assert file_problems(item.path) == [], f"broken backup listed after step {step}"
        assert count_in(path) == 350
        if finished:
            break
        step += 1
    assert step > 2


def _kill_soon(command: list[str], delay: float) -> None:
    child = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    try:
        child.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
    child.wait()


def test_killing_real_restore_and_backup_commands_loses_nothing(two_states):
    path, backup = two_states
    base = [sys.executable, "-m", "desktop", "--library", str(path)]
    started = time.monotonic()
    _kill_soon([*base, "backup"], 30)
    whole = time.monotonic() - started
    rng = random.Random(7)
    for kill in range(8):
        command = [*base, "restore", str(backup)] if kill % 2 else [*base, "backup"]
        _kill_soon(command, rng.uniform(whole * 0.6, whole * 1.1))
        assert path.exists()
        with Library(path) as library:
            assert library.article_count() in (300, 350)
        assert latest_good_backup(path) is not None
        for item in list_backups(path):
            assert file_problems(item.path) == []
