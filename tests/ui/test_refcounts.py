"""The window survives the many Qt calls of a long session.

PySide6 6.12.0 under CPython 3.11 loses a reference to None/True on every void call and emit
and the interpreter aborts ("deallocating None"); the pinned version must not.
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

LONG_SESSION = """
import sys
from PySide6.QtCore import QObject, Signal

class Emitter(QObject):
    happened = Signal(object)

emitter = Emitter()
emitter.happened.connect(lambda value: None)
none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
for _ in range(20_000):
    emitter.setObjectName("x")      # a void call: returns None
    emitter.happened.emit(None)     # returns True
assert sys.getrefcount(None) >= none_before - 100, "void calls leak references to None"
assert sys.getrefcount(True) >= true_before - 100, "emits leak references to True"
print("survived")
"""


def test_many_void_calls_and_emits_do_not_abort_the_interpreter():
    done = subprocess.run([sys.executable, "-c", LONG_SESSION], cwd=REPO, capture_output=True, text=True,
                          timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "survived"
