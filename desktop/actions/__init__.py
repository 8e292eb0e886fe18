"""The jobs both faces run: the command line and the window call these, never their own.

- ``importing``: inputs (paths, folders, URLs, JSON Lines) clipped, analysed and stored, one
  transaction per article, told through one ``ImportReport``.
- ``reanalysing``: analysis run again over the library, or one article re-dated.
- ``analysing``: the analysis pipeline (entities, dates, events, quotes) returning plain data.
- ``storing``: an article's analysis written to storage (the one place the two meet).
- ``corrections``: one function per correction a reporter makes (events, people).
- ``quotes``: the stored quotes, and one function per quote correction (speaker, not a quote).

Each module is imported on its own (``from desktop.actions.importing import import_clips``):
this package imports none of them, so the window and the command line load only the job
they run (trafilatura, the date patterns and spaCy stay out of start-up).
"""

__all__ = ["analysing", "corrections", "importing", "quotes", "reanalysing", "storing"]
