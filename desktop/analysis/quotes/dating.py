"""When a statement was made: the day the text gives for it, else the publication day.

"Zakharova said on Thursday", "In a post on Wednesday, he said" or "Lavrov said on
Wednesday evening" (a time of a day counts as its day): a day-precise date in
the cue's sentence, outside what was said (a date inside the quote is what the quote is
about, not when it was said), nearest to the cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.analysis.dates import Timex
from desktop.analysis.quotes.draft import Context, Draft

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def date_statements(ctx: Context, timexes: Sequence[Timex], published: str | None) -> None:
    for draft in ctx.drafts:
        found = _date_in_text(ctx, draft, timexes)
        if found:
            draft.date, draft.date_from_text = found, True
        else:
            draft.date, draft.date_from_text = published, False


def _date_in_text(ctx: Context, draft: Draft, timexes: Sequence[Timex]) -> str | None:
    doc = ctx.doc
    cue = doc[draft.cue[0]:draft.cue[1]]
    start, end = ctx.sentence_at(cue.start_char)
    if draft.speaker is not None:
        speaker = ctx.sentence_at(doc[draft.speaker[0]].idx)
        start, end = min(start, speaker[0]), max(end, speaker[1])
    days = [
        t for t in timexes
        if start <= t.start and t.end <= end and t.type in {"DATE", "TIME"}
        and _DAY.match(t.value) and not any(a <= t.start < b for a, b in draft.content)
    ]
    if not days:
        return None
    nearest = min(days, key=lambda t: abs(t.start - cue.start_char))
    return nearest.value[:10]  # "Wednesday evening" (2025-05-28TEV) was said that day
