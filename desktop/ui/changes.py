"""What an action changed, so the window reads again only the views that show it.

Anki's habit (``OpChanges``): an action reports the areas it touched and the window refreshes
those, instead of reloading every model after every change. Re-reading people takes a moment
in a large library, so tagging an article must not do it.
"""

from __future__ import annotations

from enum import Flag, auto


class Changed(Flag):
    ARTICLES = auto()  # the list, the reader: articles added, removed, re-dated, tagged
    TAGS = auto()  # the story choices of the library and timeline filters
    PEOPLE = auto()  # people, their names and the person filter
    TIMELINE = auto()  # events: corrections, and anything that changes which events match
    EVERYTHING = ARTICLES | TAGS | PEOPLE | TIMELINE
