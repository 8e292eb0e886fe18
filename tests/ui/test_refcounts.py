"""The window survives the many Qt calls of a long session (PySide6 6.12 / CPython 3.11 guard)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

LONG_SESSION = """
import desktop.ui
from PySide6.QtCore import QObject, Signal

class Emitter(QObject):
    happened = Signal(object)

emitter = Emitter()
emitter.happened.connect(lambda value: None)
for _ in range(20_000):
    emitter.setObjectName("x")      # a void call: returns None
    emitter.happened.emit(None)     # returns True
print("survived")
"""


def test_many_void_calls_and_emits_do_not_abort_the_interpreter():
    done = subprocess.run([sys.executable, "-c", LONG_SESSION], cwd=REPO, capture_output=True, text=True,
                          timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "survived"
