"""Who said what, in the brief: the key people's most telling quotes, and named speakers.

``gather`` reads the stored quotes of the brief's articles (through ``db.quotes``) and ranks
the speakers by how often the library mentions them; ``who_said_what`` writes the section
with the brief's own footnotes; ``name_speakers`` puts the speaker's name in place of a bare
"he"/"she" in an event's sentence, so a bullet never leaves the reader asking who "he" is.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from db.event_words import pronoun_quotes, quotes_by_id, quotes_of, speaker_counts
from desktop.timeline.filters import Filters
from desktop.timeline.precision import display
from desktop.timeline.quote_filters import quote_where
from desktop.timeline.timeline_event import Source, TimelineEvent

#: People in the section, and quotes under each.
KEY_PEOPLE = 6
QUOTES_EACH = 3
#: A quote longer than this is cut (at a word) with an ellipsis: the brief points to it.
MAX_CHARS = 320
#: The pronouns a bullet replaces by the speaker's name.
BARE_PRONOUNS = frozenset({"he", "she"})


@dataclass
class Speaker:
    """A key person of the story and what they said (stored quote rows, best first)."""

    name: str
    mentions: int
    quotes: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class BriefQuotes:
    """What the brief needs of the stored quotes: the key speakers, and the quotes of the
    brief's articles spoken by a bare "he"/"she" (to name the speakers of event sentences)."""

    speakers: list[Speaker] = field(default_factory=list)
    in_articles: list[dict[str, Any]] = field(default_factory=list)

    def named(self, events: Sequence[TimelineEvent]) -> list[TimelineEvent]:
        """The events, each sentence told by a bare pronoun given its speaker's name."""
        by_article: dict[Any, list[dict[str, Any]]] = defaultdict(list)
        for quote in self.in_articles:  # an event's sentence looks only at its article's
            by_article[quote["article_id"]].append(quote)
        return [_named(event, by_article) for event in events]


def gather(db: Any, filters: Filters, events: Sequence[TimelineEvent],
           people: Sequence[dict[str, Any]], articles: Iterable[int] | None = None) -> BriefQuotes:
    """The stored quotes of the brief's articles: key speakers (most mentioned first among
    ``people``, the library's people the brief has read) with their quotes ranked, within
    the brief's person, dates and story. Only what the brief shows is read: the key
    speakers' quotes, and the quotes whose speaker is a bare "he"/"she" (to name them).
    ``articles``: the events' articles, when already known."""
    if articles is None:
        articles = {s.article_id for e in events for s in e.sources if s.article_id is not None}
    articles = sorted(articles)
    if not articles:
        return BriefQuotes()
    in_articles = pronoun_quotes(db, articles)
    scope = Filters(person=filters.person, date_from=filters.date_from,
                    date_to=filters.date_to, tag=filters.tag)
    where = quote_where(scope)
    counts = speaker_counts(db, where, articles)
    mentions = {p["name"]: p.get("mentions") or 0 for p in people}
    ranked = sorted(counts, key=lambda n: (-mentions.get(n, 0), -counts[n], n))[:KEY_PEOPLE]
    speakers = key_speakers(quotes_of(db, where, articles, ranked), mentions)
    whole = quotes_by_id(db, [q["id"] for s in speakers for q in s.quotes])
    for speaker in speakers:
        speaker.quotes = [whole[q["id"]] for q in speaker.quotes]
    return BriefQuotes(speakers, in_articles)


def _named(event: TimelineEvent, by_article: dict[Any, list[dict[str, Any]]]) -> TimelineEvent:
    source = next((s for s in event.sources if s.sentence == event.text), None)
    if source is None or event.corrected or event.manual:
        return event  # a reworded or hand-made sentence: its offsets say nothing
    text = name_speakers(event.text, source, by_article.get(source.article_id, ()))
    return event if text == event.text else replace(event, text=text)


def key_speakers(quotes: Iterable[dict[str, Any]], mentions: dict[str, int],
                 limit: int = KEY_PEOPLE) -> list[Speaker]:
    """Named speakers ranked by mentions (then by how much they said), each with their best
    quotes: a quote nobody is named for is never given to anyone."""
    by_person: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for quote in quotes:
        if quote.get("person"):
            by_person[quote["person"]].append(quote)
    ranked = sorted(by_person, key=lambda n: (-mentions.get(n, 0), -len(by_person[n]), n))
    return [Speaker(name, mentions.get(name, 0), telling(by_person[name]))
            for name in ranked[:limit]]


def telling(quotes: Sequence[dict[str, Any]], limit: int = QUOTES_EACH) -> list[dict[str, Any]]:
    """The most telling of one person's quotes: direct ones first, then longer and more
    specific (names, numbers), never the same words twice."""
    # The same words said the same way again (a wire copy) rank right after their first
    # telling and are never chosen: rank each once.
    first: dict[tuple[bool, str], dict[str, Any]] = {}
    for quote in quotes:
        key = (bool(quote["direct"]), quote["content_text"])
        if key not in first or quote["id"] < first[key]["id"]:
            first[key] = quote
    chosen: list[dict[str, Any]] = []
    for quote in sorted(first.values(), key=_telling_key):
        words = _words(quote["content_text"])
        if any(words <= _words(q["content_text"]) or _words(q["content_text"]) <= words
               for q in chosen):
            continue
        chosen.append(quote)
        if len(chosen) == limit:
            break
    return sorted(chosen, key=lambda q: (q["date"] or "", q["article_id"], q["cue_start"]))


def _telling_key(quote: dict[str, Any]) -> tuple[Any, ...]:
    text = quote["content_text"]
    tokens = text.split()
    specific = sum(1 for t in tokens[1:] if t[:1].isupper() or any(c.isdigit() for c in t))
    return (not quote["direct"], -(min(len(tokens), 40) + 3 * specific), quote["id"])


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.casefold()))


def source_of(quote: dict[str, Any]) -> Source:
    """The quote's article as a brief source (footnoted like the events' sources)."""
    return Source(quote["article_id"], quote.get("title") or "", quote.get("url"),
                  quote.get("published"), quote.get("outlet"), quote["content_text"])


def who_said_what(speakers: Sequence[Speaker], refs: Callable[[Sequence[Source]], str],
                  escape: Callable[[str], str]) -> list[str]:
    """The "Who said what" section: ``refs`` gives footnote marks, ``escape`` makes article
    text literal Markdown (both the brief's own)."""
    if not speakers:
        return []
    lines = ["## Who said what", ""]
    for speaker in speakers:
        lines.append(f"- **{escape(speaker.name)}**")
        for quote in speaker.quotes:
            when = display(quote["date"]) if quote["date"] else "undated"
            if quote["date"] and not quote["date_from_text"]:
                when += " (date of publication)"
            words = escape(_cut(quote["content_text"]))
            said = words if quote["direct"] else f"{escape(quote['cue'])} {words}"
            lines.append(f"  - {when}: {said}{refs([source_of(quote)])}")
    return lines + [""]


def _cut(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    return text[:MAX_CHARS].rsplit(" ", 1)[0] + " …"


def name_speakers(sentence: str, source: Source, quotes: Iterable[dict[str, Any]]) -> str:
    """``sentence`` (an event's, from ``source``) with each bare "he"/"she" that speaks a
    stored quote replaced by the person the quote is attributed to. A sentence that was
    reworded, or a pronoun nobody is named for, stays as it is."""
    if source.start is None:
        return sentence
    changes = []
    for quote in quotes:
        start, end = quote.get("speaker_start"), quote.get("speaker_end")
        if (quote["article_id"] != source.article_id or start is None or not quote["person"]
                or (quote["speaker"] or "").casefold() not in BARE_PRONOUNS):
            continue
        offset = start - source.start
        if 0 <= offset and sentence[offset:offset + end - start] == quote["speaker"]:
            changes.append((offset, offset + end - start, quote["person"]))
    for begin, stop, name in sorted(set(changes), reverse=True):
        sentence = sentence[:begin] + name + sentence[stop:]
    return sentence
