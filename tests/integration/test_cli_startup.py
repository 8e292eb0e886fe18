"""Commands start quickly: registering them imports none of their work, and a short command
imports only what it runs (no trafilatura, spaCy, dateparser or date patterns for a list)."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import REPO

HEAVY = ("sqlite_utils", "numpy", "trafilatura", "courlan", "dateparser", "spacy", "pypdf",
         "desktop.analysis.dates.patterns", "PySide6")


def _loaded_after(code: str) -> list[str]:
    script = f"import sys\n{code}\nprint(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return ast.literal_eval(result.stdout.strip().splitlines()[-1])


def test_registering_every_command_imports_none_of_their_work():
    assert _loaded_after("from desktop.cli import build_parser\nbuild_parser()") == []


def test_listing_articles_needs_only_storage(tmp_path):
    library = tmp_path / "lib.db"
    loaded = _loaded_after(f"from desktop.cli import main\nmain(['--library', {str(library)!r}, 'articles', '--json'])")
    assert "sqlite_utils" in loaded
    assert [m for m in loaded if m not in ("sqlite_utils", "numpy")] == []


def test_every_command_still_finds_its_function():
    """Each registered "module:function" names a real function of desktop.cli."""
    from desktop.cli import build_parser, command

    parser = build_parser()
    actions = [a for a in parser._actions if a.dest == "command"]
    names = list(actions[0].choices)
    assert len(names) > 25
    for name, sub in actions[0].choices.items():
        run = sub.get_default("run")
        assert callable(command(run)), name
