"""What the benchmark scripts share: where the repo and the shared corpora are."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPORA = SHARED / "corpora"
EVAL = SHARED / "eval"

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
