"""Imports run one way, downward; an import hidden in a function says why it hides.

Every module under ``desktop/`` and ``db/`` is read with ``ast`` (nothing is imported), and
every import is collected, the ones inside functions too, so a lazy import cannot hide an
upward edge. The layers, bottom to top (a module imports its own package and any layer
below it, never a layer beside or above it)::

    ui | cli          the two faces; ui is the only Qt code; cli may open the window (ui)
    actions           jobs both faces run: importing, reanalysing, storing, corrections
    brief             Markdown brief and exports
    timeline          events across articles, salience, filters
    people            person linking and correction rules (above db, below timeline)
    analysis | clipping | db   side by side, none imports another: NLP and inputs return
                      data; db is storage, on the standard library and sqlite-utils only
    base              ``desktop`` itself (``__version__``), ``desktop.wording`` (plurals),
                      ``desktop.resources`` (bundled files), ``desktop.paths`` (the
                      user's data folder) and ``desktop.timex_calendar`` (a TIMEX3 value's
                      stretch of days and precision): tiny helpers every desktop layer may use; they
                      import nothing of the project, and db never imports them (storage
                      stays usable without the app).

``desktop.__main__`` is the entry point above everything.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO

#: (layer, module prefixes), bottom first.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("base", ("desktop.wording", "desktop.resources", "desktop.paths", "desktop.timex_calendar")),
    ("db", ("db",)),
    ("analysis", ("desktop.analysis",)),
    ("clipping", ("desktop.clipping",)),
    ("people", ("desktop.people",)),
    ("timeline", ("desktop.timeline",)),
    ("brief", ("desktop.brief",)),
    ("actions", ("desktop.actions",)),
    ("cli", ("desktop.cli",)),
    ("ui", ("desktop.ui",)),
    ("entry", ("desktop.__main__",)),
]

#: Height of each layer: a layer imports only lower ones. Layers of one height sit side by
#: side and do not know each other (analysis, clipping and db; cli and ui), except the pairs
#: in SIDEWAYS_ALLOWED: the cli's default (no command) opens the window.
RANK = {
    "base": 0, "db": 2, "analysis": 2, "clipping": 2, "people": 3, "timeline": 4,
    "brief": 5, "actions": 6, "cli": 7, "ui": 7, "entry": 8,
}
SIDEWAYS_ALLOWED = {("cli", "ui")}

#: Third-party packages a layer may import: db is plain SQLite through sqlite-utils; Qt
#: only in ui.
DB_THIRD_PARTY = {"sqlite_utils"}
QT = ("PySide6", "shiboken6")


LAZY_REASON = re.compile(r"#\s*lazy:\s*\S")


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str
    path: Path
    line: int
    in_function: bool


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files() -> list[Path]:
    return sorted(p for top in ("desktop", "db") for p in (REPO / top).rglob("*.py"))


def imports_of(path: Path, module: str | None = None) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    module = module or module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    in_function: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            in_function.update(id(sub) for sub in ast.walk(node) if sub is not node)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                names = [".".join(base + ([node.module] if node.module else []))]
            else:
                names = [node.module or ""]
        else:
            continue
        found += [Import(module, name, path, node.lineno, id(node) in in_function) for name in names]
    return found


def all_imports() -> list[Import]:
    return [imp for path in source_files() for imp in imports_of(path)]


def layer_of(module: str) -> str | None:
    best: tuple[int, str] | None = None
    for layer, prefixes in LAYERS:
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), layer)
    if best is None and module == "desktop":
        return "base"  # the package itself: its docstring and __version__
    return best[1] if best else None


def is_project(module: str) -> bool:
    return module.split(".")[0] in ("desktop", "db")


def upward(imp: Import) -> bool:
    """True when ``imp`` reaches a layer it may not import."""
    if not is_project(imp.imported):
        return False
    mine, theirs = layer_of(imp.importer), layer_of(imp.imported)
    assert mine is not None, f"{imp.importer} belongs to no layer: add it to LAYERS"
    assert theirs is not None, f"{imp.imported} (imported by {imp.importer}) belongs to no layer"
    if mine == theirs:
        return False
    if mine == "db" or theirs == "entry":
        return True  # db imports nothing of desktop, not even the base helpers
    if (mine, theirs) in SIDEWAYS_ALLOWED:
        return False
    return RANK[theirs] >= RANK[mine]


def test_every_module_has_a_layer():
    assert [module_name(p) for p in source_files() if layer_of(module_name(p)) is None] == []


def test_imports_run_downward():
    unexpected = sorted(
        f"{imp.path.relative_to(REPO)}:{imp.line}: {imp.importer} -> {imp.imported}"
        for imp in all_imports() if upward(imp)
    )
    assert unexpected == []


def test_db_needs_only_the_standard_library_and_sqlite_utils():
    outside = sorted(
        f"{imp.importer} -> {imp.imported}"
        for imp in all_imports()
        if layer_of(imp.importer) == "db" and not is_project(imp.imported)
        and imp.imported.split(".")[0] not in sys.stdlib_module_names | DB_THIRD_PARTY | {"__future__"}
    )
    assert outside == []


def test_only_ui_imports_qt():
    assert sorted(
        f"{imp.importer} -> {imp.imported}" for imp in all_imports()
        if imp.imported.startswith(QT) and layer_of(imp.importer) != "ui"
    ) == []


def has_lazy_reason(lines: list[str], line: int) -> bool:
    """``# lazy: ...`` on the import's own line, or on the line above the run of imports it
    is part of (one reason for the imports a function makes together)."""
    if LAZY_REASON.search(lines[line - 1]):
        return True
    above = line - 2
    while above >= 0 and lines[above].strip().startswith(("from ", "import ")):
        above -= 1
    return above >= 0 and bool(LAZY_REASON.search(lines[above]))


def lazy_imports() -> list[Import]:
    return [imp for imp in all_imports() if imp.in_function]


def test_every_import_inside_a_function_says_why():
    """An import in a function is there for start-up time; ``# lazy: <reason>`` says so on
    its line or above its group of imports, so a reader knows it is not hiding an edge."""
    missing = []
    for imp in lazy_imports():
        if not has_lazy_reason(imp.path.read_text(encoding="utf-8").splitlines(), imp.line):
            missing.append(f"{imp.path.relative_to(REPO)}:{imp.line}: {imp.imported}")
    assert missing == []


def test_the_checker_sees_imports_inside_functions(tmp_path):
    """The walk must find an upward import hidden in a function, or the test above is blind."""
    path = tmp_path / "events.py"
    path.write_text(
        "import json\n"
        "def write(db):\n"
        "    if db:\n"
        "        from desktop.timeline.precision import place  # lazy: start-up\n"
        "    from . import library\n"
    )
    found = {(imp.imported, imp.in_function) for imp in imports_of(path, "db.events")}
    assert found == {("json", False), ("desktop.timeline.precision", True), ("db", True)}
    assert {imp.imported: upward(imp) for imp in imports_of(path, "db.events")} == {
        "json": False, "desktop.timeline.precision": True, "db": False}
    lines = path.read_text().splitlines()
    assert has_lazy_reason(lines, 4) and not has_lazy_reason(lines, 5)


def test_the_layer_order():
    def edge(importer: str, imported: str) -> bool:
        return upward(Import(importer, imported, REPO, 1, False))

    assert not edge("desktop.ui.app", "db.library")
    assert edge("desktop.analysis.pipeline", "desktop.timeline.events")
    assert edge("desktop.analysis.pipeline", "desktop.clipping.article")
    assert not edge("desktop.cli.window", "desktop.ui.app")
    assert edge("desktop.ui.tasks", "desktop.cli.common")
    assert edge("db.library", "desktop.wording")
    assert edge("desktop.analysis.pipeline", "db.events")
    assert edge("desktop.clipping.importer", "db")
    assert not edge("desktop.people.linking", "db.people")
    assert not edge("desktop.brief.markdown", "desktop.wording")
    assert edge("desktop.people.linking", "desktop.timeline.filters")
    assert not edge("desktop.actions.importing", "desktop.brief.markdown")


if __name__ == "__main__":  # the figures for the closing note
    lazy = lazy_imports()
    print(f"imports inside functions: {len(lazy)}")
    print(f"upward imports: {sum(upward(i) for i in all_imports())}")
