"""The briefing note and exports. No Qt here.

- ``markdown.brief_from_library(library_or_db, Filters, title=) -> str`` and
  ``markdown.render_brief(events, ..., plan=) -> str``: the Markdown note; the library's
  brief is sized by ``story.plan_story`` (lead, key events, capped chronology, Background,
  Ahead) and its bullets cleaned by ``bullets.clean_bullet``. The plan weighs every
  happening of a large library in a light form (``light.light_timeline``: one SQL row per
  happening, with each sentence's words, cleanliness and people stored when it was
  analysed, ``desktop.timeline.event_words``); only the happenings it tells are read whole.
- ``preview.brief_html(markdown) -> str`` (page) / ``preview.brief_body`` (fragment): HTML
  with raw HTML from article text escaped.
- ``exports.export(events, "csv" | "json" | "timelinejs") -> str``.
"""

__all__ = ["exports", "markdown", "preview"]
