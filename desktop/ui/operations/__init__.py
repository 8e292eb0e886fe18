"""The window's user actions, per area, as small functions returning an undoable operation.

Anki's ``aqt/operations`` habit: a slot of ``MainWindow`` asks a dialog what the reporter
wants, calls one of these, and pushes what it returns on the undo stack; the job itself is
``desktop.actions``'s, shared with the command line. ``articles``, ``timeline``, ``people``, ``quotes``.
"""

__all__ = ["articles", "people", "quotes", "timeline"]
