"""The timeline: dated events from every clipped article, merged, ordered, filtered, corrected.

No Qt here. What the window and the commands use:

- ``query.build_timeline(library_or_db, Filters) -> list[TimelineEvent]``: merged, in order.
- ``query.event_keys`` (ids in date order), ``query.count_events``, ``query.event_page`` /
  ``query.event_rows(..., limit=, offset=)``: fast SQL paths for a window paging through a
  large library (filters run in SQL on indexed columns; events hold corrected values).
- ``stored_timeline.timeline_lines``: the whole timeline (or a date range) as ``timeline
  --json`` prints it, read from the entries ``entries.refresh_entries`` stores per happening.
- ``filters.Filters`` (person, date range, words, tag) and ``Filters.from_strings``.
- ``keyevents.key_events(db, n_dates, per_date, Filters) -> list[KeyDate]``.
- ``corrections.hide / pin / edit / add``: stored, and applied again after re-analysis.
- ``events.extract_events`` (the pipeline's events step), ``precision`` (sorting, display).
- ``event_words.keep_event_words(db)``: what the brief reads of each event (content words,
  cleanliness, bullet length, people by id), stored when happenings are refreshed.
- ``bullets.clean_bullet`` / ``bullets.bullet_length``: a sentence as a bullet that stands alone.
"""

__all__ = ["corrections", "entries", "events", "filters", "keyevents", "merge", "precision", "query",
           "sentences", "stored_timeline", "timeline_event"]
