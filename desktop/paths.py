"""Where the library lives by default: the user's data folder (platformdirs, app "Clipline")."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Clipline"
LIBRARY_FILENAME = "library.db"


def default_data_dir() -> Path:
    """The data folder; ``CLIPLINE_DATA_DIR`` overrides it (tests, portable installs)."""
    override = os.environ.get("CLIPLINE_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_library_path(data_dir: Path | None = None) -> Path:
    return (data_dir or default_data_dir()) / LIBRARY_FILENAME
