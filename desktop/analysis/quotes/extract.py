"""``extract_quotes``: the steps that turn an article into its quotes, in order.

1. quotations — quotation marks paired (marks.py);
2. direct — each quotation's cue and speaker (direct.py);
3. labelled — paragraphs a speaker's name and a colon open, "PENCE: ..." (labelled.py);
4. reported — free cue verbs and their clauses (reported.py);
5. continued — quote-only paragraphs keep the speaker before them (continued.py);
6. people — the person each speaker is (people.py);
7. dating — the day each statement was made (dating.py).

The text is parsed by the entity model already loaded for people (tokens, sentences and
names): no second model, and no dependency parse, which would double analysis time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from desktop.analysis.quotes.continued import continue_speakers
from desktop.analysis.quotes.dating import date_statements
from desktop.analysis.quotes.direct import attribute_direct
from desktop.analysis.quotes.draft import Context, Draft
from desktop.analysis.quotes.labelled import find_labelled
from desktop.analysis.quotes.marks import find_quotations
from desktop.analysis.quotes.people import resolve_people
from desktop.analysis.quotes.quote import Quote
from desktop.analysis.quotes.reported import find_reported

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from desktop.analysis.dates import Timex
    from desktop.analysis.entities import Entity

Step = Callable[[Context], None]


def _quotations(ctx: Context) -> None:
    ctx.quotations = find_quotations(ctx.text)


#: The steps that need only the text: (name, step).
STEPS: tuple[tuple[str, Step], ...] = (
    ("quotations", _quotations),
    ("direct", attribute_direct),
    ("labelled", find_labelled),
    ("reported", find_reported),
    ("continued", continue_speakers),
)


def extract_quotes(
    text: str, published: datetime | date | str | None = None, doc: Doc | None = None,
    people: Sequence[Entity] | None = None, timexes: Sequence[Timex] | None = None,
) -> list[Quote]:
    """The quotes of ``text`` in reading order.

    ``doc`` is the entity model's parse of ``text`` (made here if not given); ``people``
    the article's entities (found from ``doc`` if not given; only PERSON ones are used) and
    ``timexes`` its dates (tagged here if not given): the analysis pipeline has all three.
    """
    from desktop.analysis.dates import tag_dates  # lazy: the date patterns compile on first use

    if doc is None:
        from desktop.analysis.entities import load_pipeline  # lazy: loads spaCy

        doc = load_pipeline()(text)
    people = persons_of(doc) if people is None else [p for p in people if p.label == "PERSON"]
    ctx = Context(doc, text=text)
    for _name, step in STEPS:
        step(ctx)
    resolve_people(ctx, people)
    day = _day(published)
    if timexes is None:
        timexes = tag_dates(text, day) if day else []
    date_statements(ctx, timexes, day)
    return [_quote(doc, d) for d in sorted(ctx.drafts, key=lambda d: d.start)]


def persons_of(doc: Doc) -> list[Entity]:
    """The article's people, as entity tagging finds them in ``doc``."""
    from desktop.analysis.entities import entities_from_spans  # lazy: imports spaCy

    raw = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    return [e for e in entities_from_spans(doc.text, raw) if e.label == "PERSON"]


def _day(published: datetime | date | str | None) -> str | None:
    if published is None or published == "":
        return None
    if isinstance(published, (datetime, date)):
        return published.isoformat()[:10]
    return str(published)[:10]


def _quote(doc: Doc, draft: Draft) -> Quote:
    speaker = doc[draft.speaker[0]:draft.speaker[1]] if draft.speaker else None
    content = tuple(doc.char_span(s, e, alignment_mode="expand") for s, e in draft.content)
    return Quote(speaker, doc[draft.cue[0]:draft.cue[1]], content, draft.direct,
                 draft.person, draft.date, draft.date_from_text)
