"""Storage: Clipline's library is one plain SQLite file, opened through ``Library``.

Nothing here imports Qt or NLP; every write is one transaction.
"""

from db.errors import LibraryError, NewerLibraryError
from db.library import AddResult, Library

__all__ = ["AddResult", "Library", "LibraryError", "NewerLibraryError"]
