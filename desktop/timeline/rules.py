"""The stamp of the rules by which Clipline makes what a library keeps of its timeline.

Stored happenings, timeline entries, brief rows and the brief's kept reads are made by the
rules of the Clipline that made them (``db.derived_rules``). A release carries its version
in the stamp, so each update rebuilds them once; ``REVISION`` is raised by a change of
grouping, rendering or brief rules between releases, for libraries made by a development
build.
"""

from __future__ import annotations

from sqlite_utils import Database

from db.derived_rules import stored_rules
from desktop import __version__

#: Raise with a change to how happenings, timeline entries or brief rows are made.
REVISION = 3
DERIVED_RULES = f"{__version__}+{REVISION}"


def made_by_these_rules(db: Database) -> bool:
    """The library's derived rows were made by this Clipline's rules (else the next refresh
    makes them again: ``db.derived_rules.renew_derived``)."""
    return stored_rules(db) == DERIVED_RULES
