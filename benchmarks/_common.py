"""What the benchmark scripts share: where the repo and the shared corpora are."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]

# ../shared beside a clone; a git worktree under wt/ finds it one level further up.
SHARED = Path(os.environ.get("CLIPLINE_SHARED") or next(
    (p / "shared" for p in (REPO.parent, REPO.parent.parent) if (p / "shared").is_dir()),
    REPO.parent / "shared"))
CORPORA = SHARED / "corpora"
EVAL = SHARED / "eval"

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def load_shared(name: str, path: Path) -> ModuleType:
    """A scorer from ../shared/eval, loaded from its file under *name* (benchmarks/ has
    scripts of the same names). Registered in ``sys.modules``: dataclasses look it up."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
