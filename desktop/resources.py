"""Find Clipline's own files (icons, styles) from source and in the packaged app alike.

They live in the ``resources`` package at the repository root and are looked up with
``importlib.resources``, never by ``__file__`` path arithmetic, so the same call works when
running from a checkout and inside the PyInstaller build (which collects ``resources/``).
"""

from __future__ import annotations

import atexit
from contextlib import AbstractContextManager, ExitStack
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE = "resources"

#: The application icon, as a path relative to the resources package.
APP_ICON = "icons/clipline.png"


def resource(name: str) -> Traversable:
    """The resource ``name`` ("icons/clipline.png"); raises FileNotFoundError if it is missing."""
    item = resources.files(PACKAGE).joinpath(*name.split("/"))
    if not item.is_file():
        raise FileNotFoundError(f"Clipline resource not found: {name}")
    return item


def read_bytes(name: str) -> bytes:
    """The contents of the resource ``name``."""
    return resource(name).read_bytes()


def read_text(name: str) -> str:
    """The contents of the text resource ``name`` (UTF-8), e.g. a Qt style sheet."""
    return resource(name).read_text(encoding="utf-8")


def as_file(name: str) -> AbstractContextManager[Path]:
    """A real file path for the resource ``name``, for APIs that need one.

    Use as ``with as_file("icons/clipline.png") as path: ...``; on a normal install it is the
    file itself, from a zip it is a temporary copy removed on exit.
    """
    return resources.as_file(resource(name))


def resource_path(name: str) -> Path:
    """A path to the resource ``name`` that stays valid while the program runs.

    Clipline ships its resources as plain files (in the checkout and in the packaged app), so
    the path is the file itself; for Qt calls like ``QIcon(str(resource_path(APP_ICON)))``.
    """
    item = resource(name)
    if isinstance(item, Path):
        return item
    # Not a plain file (e.g. run from a zip): fall back to a copy that lives until exit.

    stack = ExitStack()
    atexit.register(stack.close)
    return stack.enter_context(resources.as_file(item))
