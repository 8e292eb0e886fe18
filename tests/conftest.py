"""Shared fixtures: a fresh library per test, the sample article, and the CLI run in-process."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from db import Library

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
SAMPLES = DATA / "samples"
SAMPLE = SAMPLES / "istanbul-talks-2025-05-30.txt"

# Tests never touch the real user folder.
os.environ.setdefault("CLIPLINE_DATA_DIR", str(REPO / ".venv" / "test-data-dir"))


def article_record(text: str, **extra) -> dict:
    """An ``articles`` row for ``Library.add_article``: title from the first line, original = text."""
    return {"text": text, "original": text, "sha256": hashlib.sha256(text.encode()).hexdigest(),
            "title": text.split("\n")[0][:40]} | extra


@pytest.fixture
def fresh_library(tmp_path: Path):
    library = Library(tmp_path / "library.db")
    yield library
    library.close()


@pytest.fixture
def memory_library():
    library = Library(None, memory=True)
    yield library
    library.close()


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def cli(capsys):
    """Run ``python -m desktop ARGS`` in-process; returns (exit status, stdout, stderr)."""
    from desktop.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        try:
            status = main([str(a) for a in args])
        except SystemExit as exit_:
            status = exit_.code if isinstance(exit_.code, int) else 1
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run
