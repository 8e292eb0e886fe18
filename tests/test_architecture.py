"""The shape of the code: a core that knows no Qt, and headless commands that never load it."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

CORE_PACKAGES = ["db", "desktop.clipping", "desktop.analysis", "desktop.timeline", "desktop.brief", "desktop.cli"]


def test_core_packages_import_without_qt():
    code = (
        "import importlib, pkgutil, sys\n"
        f"for name in {CORE_PACKAGES!r}:\n"
        "    package = importlib.import_module(name)\n"
        "    for info in pkgutil.walk_packages(package.__path__, name + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(qt)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_headless_command_does_not_start_qt(tmp_path):
    code = (
        "import sys\n"
        "from desktop.cli import main\n"
        f"status = main(['--library', {str(tmp_path / 'lib.db')!r}, 'articles', '--json'])\n"
        "print('PySide6' in sys.modules, status)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False 0"
