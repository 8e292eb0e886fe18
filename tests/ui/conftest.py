"""A small hand-made library (articles, dates, people, events — no NLP model) and a window on it.

The analysis rows are written with the core's own writers (``db.timexes``, ``desktop.people``,
``db.events``), so the window reads exactly what a real import stores. One fixture runs the
real analysis on the sample article for the tests that need it (the model loads once).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest

from db.library import Library
from tests.conftest import SAMPLE


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _timex(text: str, needle: str, value: str, explanation: str) -> SimpleNamespace:
    start, end = _span(text, needle)
    return SimpleNamespace(start=start, end=end, text=needle, type="DATE", value=value, anchor=None,
                           anchor_kind=None, confidence=0.9, explanation=explanation)


def _mention(text: str, needle: str, label: str, role: str | None = None) -> SimpleNamespace:
    start, end = _span(text, needle)
    return SimpleNamespace(start=start, end=end, text=needle, label=label, role=role, name=needle)


def _event(text: str, sentence: str, date: str, people: list[str], planned: bool = False) -> SimpleNamespace:
    start, end = _span(text, sentence)
    return SimpleNamespace(key=f"k{start}", start=start, end=end, text=sentence, date=date, planned=planned,
                           date_text=None, anchor=None, confidence=0.9, people=people)


TALKS = ("Maria Zakharova said on Thursday that the delegation is ready. "
         "Peace talks will be held in Istanbul on June 2, the Kremlin said.")
LAVROV = ("Sergey Lavrov met envoys in May 2025. "
          "Peace talks will be held in Istanbul on June 3, the Kremlin said.")
OLD = "The memorandum was first drafted in 2024 by Maria Zakharova's office."


def _add(library: Library, title: str, outlet: str, published: str, clipped: str, text: str,
         timexes: list, mentions: list, events: list, tags: tuple[str, ...] = ()) -> int:
    from db.events import write_events
    from db.timexes import write_timexes
    from desktop.people import write_mentions
    from desktop.timeline.precision import place

    def analysis(db, article_id: int) -> None:
        write_timexes(db, article_id, timexes)
        write_mentions(db, article_id, mentions)
        write_events(db, article_id, [(event, place(event.date)) for event in events])

    record = {"title": title, "outlet": outlet, "published": published, "published_precision": "day",
              "published_source": "dateline", "clipped_at": clipped, "text": text, "original": text,
              "original_type": "text", "sha256": title}
    return library.add_article(record, tags=tags, write_with=analysis).article_id


def build_small_library(path: Path) -> Library:
    library = Library(path)
    _add(library, "Talks set for Istanbul", "RT", "2025-05-30", "2025-06-01T10:00:00+00:00", TALKS,
         [_timex(TALKS, "Thursday", "2025-05-29",
                 "Thursday → Thu 29 May 2025, relative to publication Fri 30 May 2025"),
          _timex(TALKS, "June 2", "2025-06-02", "June 2 → Mon 2 June 2025, year from publication")],
         [_mention(TALKS, "Maria Zakharova", "PERSON", "Foreign Ministry spokeswoman"),
          _mention(TALKS, "Istanbul", "PLACE"), _mention(TALKS, "Kremlin", "ORG")],
         [_event(TALKS, "Maria Zakharova said on Thursday that the delegation is ready.", "2025-05-29",
                 ["Maria Zakharova"]),
          _event(TALKS, "Peace talks will be held in Istanbul on June 2, the Kremlin said.", "2025-06-02",
                 [], planned=True)],
         tags=("Ukraine talks",))
    _add(library, "Lavrov proposes a date", "TASS", "2025-05-28", "2025-06-02T10:00:00+00:00", LAVROV,
         [_timex(LAVROV, "May 2025", "2025-05", "May 2025 → May 2025"),
          _timex(LAVROV, "June 3", "2025-06-03", "June 3 → Tue 3 June 2025, year from publication")],
         [_mention(LAVROV, "Sergey Lavrov", "PERSON", "Foreign Minister"),
          _mention(LAVROV, "Istanbul", "PLACE"), _mention(LAVROV, "Kremlin", "ORG")],
         [_event(LAVROV, "Sergey Lavrov met envoys in May 2025.", "2025-05", ["Sergey Lavrov"]),
          _event(LAVROV, "Peace talks will be held in Istanbul on June 3, the Kremlin said.", "2025-06-03",
                 [], planned=True)],
         tags=("Ukraine talks",))
    _add(library, "An old memorandum", "BBC", "2024-01-10", "2024-01-11T10:00:00+00:00", OLD,
         [_timex(OLD, "2024", "2024", "2024 → 2024")],
         [_mention(OLD, "Maria Zakharova", "PERSON")],
         [_event(OLD, OLD, "2024", ["Maria Zakharova"])])
    return library


@pytest.fixture
def small_library(tmp_path: Path):
    library = build_small_library(tmp_path / "library.db")
    yield library
    library.close()


@pytest.fixture
def settings(tmp_path: Path):
    from desktop.ui.settings import open_settings

    return open_settings(tmp_path / "data")


@pytest.fixture
def window(qtbot, small_library: Library, settings):
    from desktop.ui.main_window import MainWindow

    win = MainWindow(small_library, settings=settings, warm_up=False, data_dir=Path(settings.fileName()).parent)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.people_loaded and not win.writer.pending, timeout=5_000)
    yield win
    win.close()
    _wait_for_workers(qtbot)


def stored(qtbot, window, action=None, timeout: int = 10_000) -> None:
    """Do ``action`` (if any), then wait until every write the window queued on its writer
    thread is stored and shown (the window's own connection only reads)."""
    if action is not None:
        action()
    qtbot.waitUntil(lambda: window.writer.pending == 0, timeout=timeout)


@contextmanager
def writable(window) -> Iterator[Library]:
    """A connection of the test's own to the window's library, to set a scene as another program
    (the command line) would: the window's own refuses writes. The happenings of what it wrote
    are grouped when it closes, as the window's writer does after each change."""
    from desktop.timeline.happening_store import refresh_happenings

    with Library(window.library_path) as library:
        yield library
        refresh_happenings(library)


def _wait_for_workers(qtbot) -> None:
    from desktop.ui.workers import wait_for_all

    wait_for_all(30_000)
    qtbot.wait(1)


class NoState:
    """A task state for calling ``desktop.ui.tasks`` functions directly."""

    cancelled = False

    def progress(self, done: int, total: int, message: str = "") -> None:
        pass


@pytest.fixture(scope="session")
def analysed_sample(tmp_path_factory) -> Path:
    """A library file holding the sample article with the real analysis (model loads here)."""
    from desktop.ui import tasks

    path = tmp_path_factory.mktemp("analysed") / "library.db"
    report = tasks.import_inputs(path, [str(SAMPLE)], ("Ukraine talks",), NoState())
    assert report.stored, report.errors
    return path


def pytest_collection_modifyitems(config, items) -> None:
    """The offscreen platform plugin warns that it cannot pass size hints to a window manager
    (it has none) or raise a tooltip window; those messages are the platform's, so they are ignored."""
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_ignore(r"^This plugin does not support (propagateSizeHints|raise)\(\)$"))


@pytest.fixture
def sample_window(qtbot, analysed_sample: Path, tmp_path: Path, settings):
    """The window on a copy of the analysed sample, people read, the article selected."""
    from desktop.ui.main_window import MainWindow
    from desktop.ui.workers import wait_for_all

    path = tmp_path / "library.db"
    shutil.copy(analysed_sample, path)
    library = Library(path)
    window = MainWindow(library, settings=settings, warm_up=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.people_loaded and not window.writer.pending, timeout=5_000)
    window.library_pane.view.selectRow(0)
    yield window
    window.close()
    wait_for_all(60_000)
    library.close()
