"""Quotes that run on: a paragraph that is only a quotation, after a quote with a speaker.

News stories often give a speaker once and then quote them for a paragraph or two more;
such a quotation keeps the speaker and cue of the quote it follows, as long as nothing but
quotations stands between them.
"""

from __future__ import annotations

from desktop.analysis.quotes.draft import Context, Draft
from desktop.analysis.quotes.marks import paragraphs


def continue_speakers(ctx: Context) -> None:
    text = ctx.text
    lines = paragraphs(text)
    by_start = {d.start: d for d in ctx.drafts}
    ordered = sorted(ctx.drafts, key=lambda d: d.start)
    for quotation in ctx.quotations:
        if ctx.token_at(quotation.start) in ctx.taken:
            continue
        p_start, p_end = _paragraph_of(lines, quotation.start)
        if text[p_start:quotation.start].strip() or _has_words(text[quotation.end:p_end]):
            continue  # only a paragraph that is all quotation runs on
        earlier = [d for d in ordered if d.content[-1][1] <= quotation.start]
        if not earlier or earlier[-1].speaker is None or not earlier[-1].direct:
            continue
        last = earlier[-1]
        gap = text[last.content[-1][1]:quotation.start]
        frame_end = ctx.doc[last.frame[1] - 1].idx + len(ctx.doc[last.frame[1] - 1].text)
        gap = text[max(last.content[-1][1], frame_end):quotation.start]
        if gap.count("\n\n") > 1 or any(c.isalnum() for c in gap) and \
                not text[p_start:p_end].strip().endswith(("”", '"', "''")):
            continue
        draft = Draft(last.cue, list(quotation.pieces), last.speaker, True, last.frame,
                      continues=last)
        by_start[draft.start] = draft
        ctx.drafts.append(draft)
        ordered = sorted(ctx.drafts, key=lambda d: d.start)
        ctx.take_chars(quotation.start, quotation.end)


def _has_words(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _paragraph_of(lines: list[tuple[int, int]], at: int) -> tuple[int, int]:
    for start, end in lines:
        if start <= at < end:
            return start, end
    return at, at
