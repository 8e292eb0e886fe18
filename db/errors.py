"""Storage errors with messages a reporter can act on."""

from __future__ import annotations


class LibraryError(Exception):
    """The library file cannot be used; ``str(error)`` says why in one line."""


class NewerLibraryError(LibraryError):
    """The file was written by a newer Clipline: we refuse to touch it rather than damage it."""
