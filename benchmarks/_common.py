"""What the benchmark scripts share: where the repo and the shared corpora are."""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: ../shared beside the checkout; CLIPLINE_SHARED points elsewhere (a worktree in /work/wt).
SHARED = Path(os.environ.get("CLIPLINE_SHARED") or REPO.parent / "shared")
CORPORA = SHARED / "corpora"
EVAL = SHARED / "eval"

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
