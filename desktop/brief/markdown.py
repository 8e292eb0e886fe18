"""The briefing note: one Markdown document a reporter can paste, print or send.

Title; scope (filters, date range, how many events and sources); "Key events" (pinned
events, then the dates the coverage points to most, a line or two each); the chronology
grouped by event date with footnote citations to every source; the people; the sources.
The library's brief (``brief_from_library``) is sized by Clipline (``story.plan_story``): a
"What happened" lead, key events, a chronology of happenings capped per day ("+N more
reports"), Background and Ahead; the whole detail stays in the timeline and the exports.
The date an event happened and the date a source was published are never mixed up:
headings carry event dates, footnotes carry publication dates ("published ...").
Text from articles is escaped, so a sentence can never turn into Markdown or HTML.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from db.key_days import count_published
from desktop.brief import quotes as said_by
from desktop.brief.bullets import clean_bullet
from desktop.brief.light import (
    context_salience,
    count_sources,
    event_cleanliness,
    event_cost,
    event_reports,
    light_salience,
    light_timeline,
    light_weights,
    name_speakers_of,
    published_in,
    told_events,
)
from desktop.brief.stored_light import (
    KeptPlan,
    brief_quotes,
    keep_plan,
    kept_plan,
    people_summaries,
    publication_days,
    story_reads,
)
from desktop.brief.story import (
    AHEAD_ITEMS,
    BACKGROUND_ITEMS,
    StoryPlan,
    _top,
    plan_story,
    planned_ahead,
)
from desktop.timeline.filters import Filters, event_where
from desktop.timeline.keyevents import sentence_weights, story_day_scores
from desktop.timeline.precision import display, place
from desktop.timeline.query import database_of
from desktop.timeline.telling import is_fragment
from desktop.timeline.timeline_event import Source, TimelineEvent
from desktop.wording import plural

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]>#|!])")
KEY_DATES = 7
KEY_SENTENCES = 2
MAX_PEOPLE = 30  # rows in the people table; the rest are listed by name
MAX_REFS = 8  # citations per person in the table


_ENTITY_LIKE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def md_escape(text: str) -> str:
    """Article text as literal Markdown: no emphasis, links, HTML or table breaks."""
    text = " ".join(str(text).split())
    # "&lt;" or "&#106;" written in an article is text to show as written, not an entity.
    text = _ENTITY_LIKE.sub("&amp;", text)
    text = _MD_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;")
    return re.sub(r"^(\d+)\. ", r"\1\\. ", re.sub(r"^([+-]) ", r"\\\1 ", text))


def _safe_url(url: str | None) -> str | None:
    if url and re.match(r"https?://[^\s<>()\[\]]+\Z", url.strip(), re.I):
        return url.strip()
    return None


def published_day(published: str | None) -> str:
    placed = place((published or "")[:10])
    return display(placed.value) if placed else "publication date unknown"


@dataclass
class PersonLine:
    name: str
    roles: list[str] = field(default_factory=list)
    mentions: int = 0
    events: int = 0
    dates: list[str] = field(default_factory=list)
    notes: list[int] = field(default_factory=list)


@dataclass
class KeyLine:
    """One key event of the brief: its date and one or two sentences with their sources."""

    date: str
    sentences: list[tuple[str, list[Source]]]
    pinned: bool = False


class _Notes:
    """Footnote numbers, one per source article (or per hand-given source)."""

    def __init__(self) -> None:
        self.numbers: dict[Any, int] = {}
        self.sources: list[Source] = []

    def number(self, source: Source) -> int:
        key = source.article_id if source.article_id is not None else (source.title, source.url)
        if key not in self.numbers:
            self.numbers[key] = len(self.sources) + 1
            self.sources.append(source)
        return self.numbers[key]

    def refs(self, sources: Sequence[Source]) -> str:
        numbers = sorted({self.number(s) for s in sources})
        return "".join(f"[^{n}]" for n in numbers)


def render_brief(
    events: Sequence[TimelineEvent],
    *,
    title: str | None = None,
    filters: Filters | None = None,
    key_dates: Sequence[Any] = (),
    people: Sequence[dict[str, Any]] = (),
    generated: dt.date | None = None,
    plan: StoryPlan | None = None,
    speakers: Sequence[said_by.Speaker] = (),
    scope: dict[str, Any] | None = None,
) -> str:
    """The brief as Markdown. ``key_dates`` are ``KeyDate``s (date, sentences, sources);
    ``people`` are the library's people summaries (name, roles, mentions) to describe.
    With a ``plan`` (``story.plan_story``) the brief tells what the plan chose: a lead, key
    events, a chronology capped per day, Background and Ahead; without, every event."""
    filters = filters or Filters()
    if plan is not None:
        return _render_plan(events, plan, title, filters, people, generated or dt.date.today(), speakers,
                            scope)
    notes = _Notes()
    # Number sources in chronological order of first citation.
    for event in events:
        for source in event.sources:
            notes.number(source)
    lines: list[str] = [f"# {md_escape(title or 'Timeline brief')}", ""]
    lines += _scope(events, filters, len(notes.sources), generated or dt.date.today())
    lines += _key_events(events, key_dates, notes)
    lines += _chronology(events, notes)
    lines += _people(events, people, notes)
    lines += said_by.who_said_what(speakers, notes.refs, md_escape)
    lines += _sources(notes)
    lines += _footnotes(notes)
    return "\n".join(lines).rstrip() + "\n"


def scope_facts(events: Sequence[Any], sources: int) -> dict[str, Any]:
    """What the Scope section says of the events: their span of dates (as values), how
    many, from how many sources, planned, with date conflicts, and shown (not hidden)."""
    dates = dict.fromkeys(e.date for e in events)  # in order: ties go to the first, as before
    placed = [place(d) for d in dates]
    spans = [p for p in placed if p is not None]
    first = min(spans, key=lambda p: (p.first, -p.last.toordinal())).value if spans else None
    last = max(spans, key=lambda p: (p.last, p.first)).value if spans else None
    return {"first": first, "last": last, "events": len(events), "sources": sources,
            "planned": sum(1 for e in events if e.planned),
            "conflicts": sum(1 for e in events if e.conflict),
            "shown": len([e for e in events if not e.hidden])}


def _scope(
    events: Sequence[TimelineEvent], filters: Filters, sources: int, generated: dt.date,
    noun: str = "event", facts: dict[str, Any] | None = None,
) -> list[str]:
    described = filters.describe()
    facts = facts or scope_facts(events, sources)
    lines = ["## Scope", ""]
    lines.append(
        f"- Filters: {md_escape('; '.join(described)) if described else 'none (every clipped article)'}"
    )
    if facts["first"] is not None:
        lines.append(f"- Events dated {display(facts['first'])} to {display(facts['last'])}")
    lines.append(f"- {plural(facts['events'], noun)} from {plural(facts['sources'], 'source')}")
    planned, conflicts = facts["planned"], facts["conflicts"]
    if planned:
        lines.append(f"- {planned} planned or expected (not yet happened when reported)")
    if conflicts:
        lines.append(f"- {conflicts} with conflicting dates across sources: check before use")
    lines.append(
        f"- Brief written {display(generated.isoformat())}; dates in headings are event dates, "
        "footnotes give each source's publication date"
    )
    return lines + [""]


def _key_lines(events: Sequence[TimelineEvent], key_dates: Sequence[Any]) -> list[KeyLine]:
    lines: list[KeyLine] = []
    for event in events:
        if event.pinned:
            lines.append(KeyLine(event.date, [(event.text, list(event.sources))], pinned=True))
    pinned_dates = {k.date for k in lines}
    for key in key_dates:
        if key.date in pinned_dates or not key.sentences:
            continue
        sources = getattr(key, "sources", []) or []
        sentences = []
        for i, sentence in enumerate(key.sentences[:KEY_SENTENCES]):
            info = sources[i] if i < len(sources) else {}
            cited = []
            if info.get("article_id") is not None:
                cited.append(
                    Source(
                        info["article_id"],
                        info.get("title") or "",
                        info.get("url"),
                        info.get("published"),
                        info.get("outlet"),
                        sentence,
                    )
                )
            sentences.append((sentence, cited))
        lines.append(KeyLine(key.date, sentences))
    return lines


def _key_events(
    events: Sequence[TimelineEvent], key_dates: Sequence[Any], notes: _Notes
) -> list[str]:
    key_lines = _key_lines(events, key_dates)
    by_date: dict[str, list[bool]] = defaultdict(list)
    for event in events:
        by_date[event.date].append(event.planned)
    planned = {date for date, flags in by_date.items() if all(flags)}
    lines = ["## Key events", ""]
    if not key_lines:
        return lines + ["No dated events yet.", ""]
    for key in key_lines:
        told = []
        for sentence, sources in key.sentences:
            told.append(md_escape(sentence) + notes.refs(sources))
        marks = [m for m, on in (("pinned", key.pinned), ("planned", key.date in planned)) if on]
        pin = f" ({', '.join(marks)})" if marks else ""
        lines.append(f"- **{display(key.date)}**{pin}: " + " ".join(told))
    return lines + [""]


def _chronology(events: Sequence[TimelineEvent], notes: _Notes) -> list[str]:
    lines = ["## Chronology", ""]
    if not events:
        return lines + ["No events match.", ""]
    current = None
    for event in events:
        if event.date != current:
            if current is not None:
                lines.append("")
            current = event.date
            lines += [f"### {display(event.date)}", ""]
        marks = _marks(event)
        text = md_escape(event.text) + notes.refs(event.sources)
        if marks:
            text += " (" + "; ".join(marks) + ")"
        lines.append(f"- {text}")
        if event.people:
            lines.append(f"  People: {md_escape(', '.join(event.people))}")
    return lines + [""]


def _people(
    events: Sequence[TimelineEvent], people: Sequence[dict[str, Any]], notes: _Notes,
    limit: int = MAX_PEOPLE,
) -> list[str]:
    counts: Counter[str] = Counter()
    dates: dict[str, list[str]] = defaultdict(list)
    cited: dict[str, set[int]] = defaultdict(set)
    for event in events:
        for name in event.people:
            counts[name] += 1
            if event.date not in dates[name]:
                dates[name].append(event.date)
            cited[name].update(notes.number(s) for s in event.sources)
    known = {p["name"]: p for p in people}
    lines = ["## People", ""]
    if not counts:
        return lines + ["No people named in these events.", ""]
    lines += ["| Name | Role | Events | Mentions | When | Sources |", "|---|---|---|---|---|---|"]
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    for name, n in ranked[:limit]:
        info = known.get(name, {})
        roles = "; ".join(info.get("roles", [])[:2])
        mentions = info.get("mentions", "")
        when = ", ".join(display(d) for d in dates[name][:4]) + (
            " …" if len(dates[name]) > 4 else ""
        )
        refs = "".join(f"[^{i}]" for i in sorted(cited[name])[:MAX_REFS])
        if len(cited[name]) > MAX_REFS:
            refs += f" and {len(cited[name]) - MAX_REFS} more"
        lines.append(
            f"| {md_escape(name)} | {md_escape(roles)} | {n} | {mentions} | {when} | {refs} |"
        )
    if len(ranked) > limit:
        rest = ", ".join(md_escape(name) for name, _n in ranked[limit:])
        lines += ["", f"Also named in these events: {rest}."]
    return lines + [""]


def _source_line(source: Source) -> str:
    parts = []
    if source.outlet:
        parts.append(md_escape(source.outlet))
    title = md_escape(source.title or "untitled")
    url = _safe_url(source.url)
    parts.append(f"[{title}]({url})" if url else f"\u201c{title}\u201d")
    if source.url and not url:
        parts.append(md_escape(source.url))
    parts.append(f"published {published_day(source.published)}")
    if source.article_id is not None:
        parts.append(f"article #{source.article_id}")
    return ", ".join(parts)


def _sources(notes: _Notes) -> list[str]:
    lines = ["## Sources", ""]
    if not notes.sources:
        return lines + ["None.", ""]
    for number, source in enumerate(notes.sources, start=1):
        lines.append(f"{number}. {_source_line(source)}")
    return lines + [""]


def _footnotes(notes: _Notes) -> list[str]:
    return [f"[^{n}]: {_source_line(s)}" for n, s in enumerate(notes.sources, start=1)]


MAX_CITES = 3  # footnotes on one bullet; the rest are counted in its marks
PLAN_PEOPLE = 12  # the people table of a sized brief: the story's main people


def _render_plan(
    events: Sequence[TimelineEvent],
    plan: StoryPlan,
    title: str | None,
    filters: Filters,
    people: Sequence[dict[str, Any]],
    generated: dt.date,
    speakers: Sequence[said_by.Speaker] = (),
    facts: dict[str, Any] | None = None,
) -> str:
    notes = _Notes()
    told = [*plan.key, *plan.chronology, *plan.background, *plan.ahead]
    for event in sorted(told, key=lambda e: e.sort_key):
        for source in _cited(event):
            notes.number(source)
    lines: list[str] = [f"# {md_escape(title or 'Timeline brief')}", ""]
    facts = facts or scope_facts(events, count_sources(events))
    scope = _scope(events, filters, facts["sources"], generated, noun="happening", facts=facts)
    shown = facts["shown"]
    scope.insert(
        -1,
        f"- This brief tells {plural(len(plan.chronology), 'happening')} of {shown}; the"
        " timeline and the exports have every report",
    )
    lines += scope
    lines += ["## What happened", ""]
    if plan.lead:
        lines.append(
            " ".join(f"**{display(e.date)}:** {md_escape(clean_bullet(e))}" for e in plan.lead)
        )
    else:
        lines.append("No dated happenings yet.")
    lines.append("")
    lines += ["## Key events", ""]
    for event in plan.key:
        marks = [m for m, on in (("pinned", event.pinned), ("planned", event.planned)) if on]
        pin = f" ({', '.join(marks)})" if marks else ""
        lines.append(
            f"- **{display(event.date)}**{pin}: {md_escape(clean_bullet(event))}"
            + notes.refs(_cited(event))
        )
    if not plan.key:
        lines.append("No dated events yet.")
    lines += ["", "## Chronology", ""]
    current = None
    for event in plan.chronology:
        if event.date != current:
            if current is not None:
                lines += _more(plan, current)
            current = event.date
            lines += [f"### {display(event.date)}", ""]
        lines.append(_bullet(event, notes))
    if current is not None:
        lines += _more(plan, current)
    if not plan.chronology:
        lines += ["No events match.", ""]
    for name, chosen, empty in (
        ("Background", plan.background, "Nothing dated before the story's span."),
        ("Ahead", plan.ahead, "Nothing planned after the story's span."),
    ):
        lines += [f"## {name}", ""]
        for event in chosen:
            mark = " (planned)" if event.planned else ""
            lines.append(
                f"- **{display(event.date)}**{mark}: {md_escape(clean_bullet(event))}"
                + notes.refs(_cited(event))
            )
        lines += ([empty] if not chosen else []) + [""]
    lines += _people(told, people, notes, limit=PLAN_PEOPLE)
    lines += said_by.who_said_what(speakers, notes.refs, md_escape)
    lines += _outlets(notes)
    lines += _footnotes(notes)
    return "\n".join(lines).rstrip() + "\n"


def _outlets(notes: _Notes) -> list[str]:
    """Who the brief cites, by outlet (each source is in the footnotes)."""
    lines = ["## Sources", ""]
    if not notes.sources:
        return lines + ["None.", ""]
    counts = Counter(s.outlet or "no outlet named" for s in notes.sources)
    told = "; ".join(f"{md_escape(o)}: {plural(n, 'article')}" for o, n in counts.most_common())
    return lines + [f"{plural(len(notes.sources), 'article')} cited ({told}); each in the footnotes.", ""]


def _cited(event: TimelineEvent) -> list[Source]:
    """The sources a bullet cites: the earliest reports, one per outlet first."""
    ordered = sorted(event.sources, key=lambda s: (s.published or "9999", s.event_id or 0))
    first_per_outlet = list({(s.outlet or ""): s for s in reversed(ordered)}.values())[::-1]
    rest = [s for s in ordered if s not in first_per_outlet]
    return (first_per_outlet + rest)[:MAX_CITES]


def _marks(event: TimelineEvent) -> list[str]:
    """What a chronology bullet says of its event besides the text: planned, by hand,
    corrected, a date conflict."""
    marks = []
    if event.planned:
        marks.append("*planned*")
    if event.manual:
        marks.append("*added by hand*")
    if event.corrected:
        marks.append("*corrected*")
    if event.conflict:
        marks.append(
            "**date conflict**: other sources give "
            + ", ".join(display(d) for d in event.conflicting_dates)
        )
    return marks


def _bullet(event: TimelineEvent, notes: _Notes) -> str:
    marks = []
    if event.articles > 1:
        reports = plural(event.articles, "report")
        marks.append(
            f"*{reports}: {md_escape(event.reported_by())}*" if len(event.outlets) > 1 else f"*{reports}*"
        )
    marks += _marks(event)
    text = md_escape(clean_bullet(event)) + notes.refs(_cited(event))
    return f"- {text}" + (" (" + "; ".join(marks) + ")" if marks else "")


def _more(plan: StoryPlan, date: str) -> list[str]:
    more = plan.more.get(date, 0)
    return ([f"*+{plural(more, 'more report')} in the timeline*", ""] if more else [""])


def brief_from_library(
    source: Any, filters: Filters | None = None, *, title: str | None = None
) -> str:
    """Gather the timeline, key events and people for ``filters`` and render the brief.

    The plan weighs every happening in its light form (``light.light_timeline``: one SQL
    row per happening, with stored words, cleanliness and people); only the happenings it
    tells are read in full.

    The cycle collector is held off while it runs: the brief of a large library makes a
    hundred thousand light happenings, none in a cycle, and the collector walked them all
    again and again (a tenth of the brief's CPU at 20,000 articles)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _brief(source, filters, title)
    finally:
        if collecting:
            gc.enable()


def _brief(source: Any, filters: Filters | None, title: str | None) -> str:
    db = database_of(source)
    filters = filters or Filters()
    kept = kept_plan(db, filters)
    if kept is not None:  # nothing changed since the last unfiltered brief: its plan holds
        return _from_kept(db, filters, title, kept)
    weights, day_scores = story_reads(db, filters)
    if weights is not None and day_scores is not None and filters == Filters():
        ranked = _ranked(db, filters, weights, day_scores)
        if ranked is not None:  # planned from the stored rows, reading only what can be told
            keep_plan(db, filters, ranked.plan, ranked.facts, ranked.people)
            _in_full(db, event_where(filters), ranked.plan)
            return render_brief([], title=title, filters=filters, people=ranked.people, plan=ranked.plan,
                                speakers=ranked.quotes.speakers, scope=ranked.facts)
    timeline = light_timeline(db, filters)
    events = timeline.events
    if weights is None:
        weights = light_weights(db, timeline)
        day_scores = story_day_scores(db, filters, weights)
    try:
        everyone = people_summaries(db)
    except Exception:  # people analysis missing in an old library: the brief still works
        everyone = []
    quotes = brief_quotes(db, filters, events, everyone)
    name_speakers_of(events, quotes.in_articles)  # a bullet's bare "he said" gets its speaker's name
    plan = plan_story(
        events,
        day_scores,
        date_from=filters.date_from,
        date_to=filters.date_to,
        articles=_articles_published(db, filters),
        scores=light_salience(events, weights),
        clean=event_cleanliness,
        cost=event_cost,
        reports=event_reports,
        days=publication_days(db, filters, timeline) if not (filters.date_from and filters.date_to) else (),
    )
    _with_context(db, filters, plan, events)
    named = {n for e in events for n in e.people}
    people = [p for p in everyone if p["name"] in named]
    facts = scope_facts(events, count_sources(events))
    keep_plan(db, filters, plan, facts, people)
    _in_full(db, timeline.where, plan)
    return render_brief(events, title=title, filters=filters, people=people, plan=plan,
                        speakers=quotes.speakers, scope=facts)


def _ranked(db: Any, filters: Filters, weights: dict[int, float], day_scores: dict[str, float]) -> Any:
    """``ranked.ranked_brief`` (None when the whole timeline must be read)."""
    from desktop.brief.ranked import ranked_brief  # lazy: it builds on this module's imports

    try:
        everyone = people_summaries(db)
    except Exception:  # people analysis missing in an old library: the brief still works
        everyone = []
    return ranked_brief(db, filters, weights, day_scores, everyone, _articles_published(db, filters))


def _from_kept(db: Any, filters: Filters, title: str | None, kept: KeptPlan) -> str:
    """The brief of a kept plan: only its happenings are read (and named, and read in full)."""
    name_speakers_of(list(kept.told.values()), kept.quotes.in_articles)
    plan = StoryPlan(None, None)
    for name, keys in kept.sections.items():
        setattr(plan, name, [kept.told[k] for k in keys])
    plan.more = kept.more
    _in_full(db, event_where(filters), plan)
    return render_brief([], title=title, filters=filters, people=kept.people, plan=plan,
                        speakers=kept.quotes.speakers, scope=kept.facts)


def _in_full(db: Any, where: Any, plan: StoryPlan) -> None:
    """The plan's happenings as full events (sources with titles and urls), for the Markdown."""
    full = told_events(db, where, [*plan.key, *plan.chronology, *plan.background, *plan.ahead])
    for name in ("lead", "key", "chronology", "background", "ahead"):
        setattr(plan, name, [full[id(e)] for e in getattr(plan, name)])


def _articles_published(db: Any, filters: Filters) -> int:
    """How many articles the story has: those published in the range (all, without one)."""
    return count_published(db, filters.date_from, filters.date_to)


def _row(event: Any, article_id: int) -> dict[str, Any]:
    """A happening as ``keyevents.sentence_weights`` reads a sentence."""
    return {"article_id": article_id, "tokens": getattr(event, "tokens", ""), "text": event.text}


def _with_context(db: Any, filters: Filters, plan: StoryPlan, within: Sequence[Any] = ()) -> None:
    """Background and Ahead for a brief of a date range: what the story's own articles (those
    published in the range) date before or plan after it; Ahead's plans weighed for how
    on-story they are against the happenings ``within`` the range."""
    if not (filters.date_from or filters.date_to) or plan.start is None or plan.end is None:
        return
    low, high = plan.start.isoformat(), plan.end.isoformat()
    story = [_row(e, a) for e in within if not e.hidden for a in getattr(e, "article_ids", ())]

    def context(outside: Filters, items: int, ahead: bool = False) -> list[TimelineEvent]:
        timeline = light_timeline(db, outside)
        events = [e for e in timeline.events if published_in(e, low, high) and not e.hidden
                  and (not ahead or planned_ahead(e) and not is_fragment(e.text))]
        scores = context_salience(db, timeline, events)
        if ahead and story:
            # What is planned counts for how much it is the story's: "NASA hopes the mission
            # will leave Hubble in good shape until 2014" in a flu library is another story's.
            rows = [_row(e, min(e.article_ids) if getattr(e, "article_ids", None) else -1) for e in events]
            for event, weight in zip(events, sentence_weights(rows, story), strict=True):
                scores[id(event)] *= weight
        chosen = _top(events, scores, items)
        full = told_events(db, timeline.where, chosen)
        return [full[id(e)] for e in chosen]

    if filters.date_from:
        plan.background = context(
            replace(filters, date_from=None, date_to=plan.start - dt.timedelta(days=1)),
            BACKGROUND_ITEMS,
        )
    if filters.date_to:
        plan.ahead = context(
            replace(filters, date_from=plan.end + dt.timedelta(days=1), date_to=None), AHEAD_ITEMS,
            ahead=True,
        )
