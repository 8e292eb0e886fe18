"""Window settings (layout, sort order, open tab) in an INI file in the data folder.

Stored beside the library and the log, so ``--data-dir``/``CLIPLINE_DATA_DIR`` keep tests and
portable installs away from the real user folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

SETTINGS_FILENAME = "clipline.ini"


def open_settings(data_dir: Path) -> QSettings:
    data_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(data_dir / SETTINGS_FILENAME), QSettings.Format.IniFormat)
