"""Reported speech: a cue verb and the clause it reports, within one sentence.

"Lavrov said (that) Moscow's memorandum was ready" — the clause after the cue; "Moscow's
memorandum is ready, Lavrov said" — the clause before it; "according to X, ..." either way.
Listeners are passed over ("told reporters that ..."). Quotations inside the clause make it
a mixed quote (direct). A cue with no speaker written next to it is left alone: the
subject of "Asked about ..." or "It is expected that ..." is not in the text.
"""

from __future__ import annotations

from desktop.analysis.quotes.draft import Context, Draft
from desktop.analysis.quotes.frames import (
    DAY_WORDS,
    QUOTE_TOKENS,
    breaks_phrase,
    cue_end,
    is_cue,
    speaker_after,
    speaker_of,
)
from desktop.analysis.quotes.lexicon import DETERMINERS, OBJECT_CUES

MIN_CONTENT_WORDS = 1
_ADJUNCT_STARTS = frozenset({"on", "in", "at", "during", "late", "early", "last", "this",
                             "to", "via", "through", "with", "from", "after", "before"})
_SENTENCE_END = {".", "?", "!"}
_LISTENER_WORDS = frozenset({"him", "her", "them", "me", "us", "reporters", "journalists"})


def find_reported(ctx: Context) -> None:
    """A draft for every free cue verb whose clause and speaker can be found.

    Cues that report what comes before them (", Lavrov said.", ", according to X.") go
    first: their clause holds any cue inside it ("rabbis have said that ..., according to
    an organizer" is the organizer's).
    """
    quoted = _inside_quotations(ctx)
    cues = ctx.cues()  # both passes read them
    for backwards in (True, False):
        for c in cues:
            if c in ctx.taken or c in quoted:
                continue
            draft = _reported(ctx, c)
            if draft is None or (draft.content[-1][1] <= ctx.doc[c].idx) != backwards:
                continue
            _absorb_quotations(ctx, draft)
            ctx.drafts.append(draft)
            for piece in draft.content:
                ctx.take_chars(*piece)
            ctx.take(*draft.frame)


def _inside_quotations(ctx: Context) -> set[int]:
    """Tokens inside quotations of four words or more: a cue there is the speaker's own
    ("“I think we will win,” he said"), not the article's."""
    inside: set[int] = set()
    for quotation in ctx.quotations:
        for start, end in quotation.pieces:
            first, last = ctx.token_at(start), ctx.token_at(max(start, end - 1)) + 1
            if _words(ctx.doc, first, last) >= 4:
                inside.update(range(first, last))
    return inside


def sentence_bounds(ctx: Context, c: int) -> tuple[int, int]:
    """Tokens of the sentence around ``c``, kept inside its paragraph."""
    doc = ctx.doc
    sent = doc[c].sent
    par_start, par_end = ctx.paragraph(c)
    return max(sent.start, par_start), min(sent.end, par_end)


def _reported(ctx: Context, c: int) -> Draft | None:
    doc = ctx.doc
    s_start, s_end = sentence_bounds(ctx, c)
    end = s_end
    while end > s_start and (doc[end - 1].is_space or doc[end - 1].text in _SENTENCE_END):
        end -= 1
    if doc[c].lower_ == "according":
        return _according(ctx, c, s_start, end)
    speaker = _frame_speaker(ctx, c) or speaker_of(doc, c, s_start)
    after = cue_end(doc, c)
    if speaker is None:
        inverted = speaker_after(doc, c, end)
        if inverted and _clause_before(ctx, c, s_start, None) and \
                _skip_adjuncts(doc, inverted[1], end) >= end:
            return _content_before(ctx, c, s_start, inverted, inverted[1])
        return None
    tail = _skip_adjuncts(doc, after, end)
    if tail >= end and _clause_before(ctx, c, s_start, speaker):
        return _content_before(ctx, c, s_start, speaker, after)
    start = clause_start(doc, c, after, end)
    end = _next_statement(doc, start, end)
    if _words(doc, start, end) < MIN_CONTENT_WORDS:
        return None
    if any(j in ctx.taken for j in range(start, end)):
        end = min(j for j in range(start, end) if j in ctx.taken)
        if _words(doc, start, end) < MIN_CONTENT_WORDS:
            return None
    span = doc[start:end]
    return Draft((c, after), [(span.start_char, span.end_char)], speaker, False,
                 (min(speaker[0], c), after))


def _next_statement(doc: object, start: int, end: int) -> int:
    """Where a second statement begins: "..., but he said that ..." / "... and warned ..." /
    "..., saying ..." (a participle cue reports a statement of its own)."""
    tokens = doc  # type: ignore[assignment]
    for j in range(start + 1, end):
        if tokens[j].lower_ in _NEXT_CLAUSE and any(  # type: ignore[index]
                is_cue(tokens, k) for k in range(j + 1, min(end, j + 4))):
            return j - 1 if tokens[j - 1].text == "," else j  # type: ignore[index]
        if tokens[j].text == "," and _participle_cue(tokens, j + 1, end):  # type: ignore[index]
            return j
    return end


#: Words that join a second clause ("..., though she noted ...").
_NEXT_CLAUSE = frozenset({"and", "but", "though", "although", "while", "whereas"})

#: Adverbs that may stand between the comma and a participle cue (", even suggesting").
_PARTICIPLE_ADVERBS = frozenset({"even", "also", "again", "instead", "then", "while"})


def _participle_cue(doc: object, i: int, end: int) -> bool:
    """", saying ...", ", even suggesting ...": a cue in -ing right after a comma."""
    tokens = doc  # type: ignore[assignment]
    while i < end and tokens[i].lower_ in _PARTICIPLE_ADVERBS:  # type: ignore[index]
        i += 1
    if i >= end:
        return False
    word = tokens[i]  # type: ignore[index]
    return word.text.islower() and word.lower_.endswith("ing") and word.lower_ != "according" \
        and is_cue(tokens, i)


def _frame_speaker(ctx: Context, c: int) -> tuple[int, int] | None:
    """The speaker of the statement right before ", adding ..." or "... and warned ..."."""
    doc = ctx.doc
    if c >= 1 and doc[c - 1].lower_ in {"and", "but"} and ctx.drafts:
        last = ctx.drafts[-1]
        if last.speaker is not None and 0 <= c - 1 - ctx.token_at(last.content[-1][1] - 1) <= 3:
            return last.speaker
    if not doc[c].lower_.endswith("ing") or c < 2:
        return None
    comma = c - 1
    while comma > 0 and doc[comma].lower_ in _PARTICIPLE_ADVERBS:
        comma -= 1
    if doc[comma].text != ",":
        return None
    if ctx.drafts and ctx.drafts[-1].speaker is not None and \
            ctx.token_at(ctx.drafts[-1].content[-1][1] - 1) == comma - 1:
        return ctx.drafts[-1].speaker  # "Perdue said ..., arguing that ...": the same speaker
    if comma != c - 1:
        return None
    for draft in reversed(ctx.drafts):
        if draft.speaker is not None and draft.frame[0] <= c - 2 and c - draft.frame[1] <= 6 \
                and not any(doc[j].text in _SENTENCE_END for j in range(draft.frame[1], c)):
            return draft.speaker  # "said Senator John McCain of Arizona, referring to ..."
    return None


def _words(doc: object, start: int, end: int) -> int:
    return sum(1 for t in doc[start:end] if t.is_alpha)  # type: ignore[index]


def _skip_adjuncts(doc: object, i: int, end: int) -> int:
    """Past "on Thursday", "in a statement", "to reporters" right after a cue."""
    tokens = doc  # type: ignore[assignment]
    while i < end:
        word = tokens[i].lower_  # type: ignore[index]
        if word in DAY_WORDS or word == ",":
            i += 1
        elif word in _ADJUNCT_STARTS and i + 1 < end and tokens[i + 1].lower_ != "that" \
                and not _infinitive(tokens, i):  # type: ignore[index]
            j = i + 1
            while j < end and not breaks_phrase(tokens[j]) and tokens[j].lower_ != "that" \
                    and j - i <= 5:  # type: ignore[index]
                j += 1
            if j < end and tokens[j].lower_ == "that":  # type: ignore[index]
                return i
            i = j
        else:
            break
    return i


def _infinitive(doc: object, i: int) -> bool:
    """"to focus" (a clause) rather than "to reporters" (a listener)."""
    nxt = doc[i + 1]  # type: ignore[index]
    return doc[i].lower_ == "to" and nxt.text[:1].islower() and \
        nxt.lower_ not in DETERMINERS and nxt.lower_ not in _LISTENER_WORDS  # type: ignore[index]


def clause_start(doc: object, c: int, after: int, end: int) -> int:
    """First token of the reported clause after the cue (listener and adjuncts passed)."""
    tokens = doc  # type: ignore[assignment]
    i = _skip_adjuncts(doc, after, end)
    while i < end and tokens[i].text in {",", ":"}:  # type: ignore[index]
        i += 1
    if tokens[c].lower_ in OBJECT_CUES:  # type: ignore[index]
        for j in range(i, min(i + 8, end)):
            if tokens[j].lower_ == "that":  # type: ignore[index]
                return j
            if breaks_phrase(tokens[j]) and tokens[j].text not in QUOTE_TOKENS or \
                    _infinitive(doc, j):  # type: ignore[index]
                break  # "warned North Korea to refrain from actions that ...": no "that" clause
                # (a listener may be a show: "told MSNBC's “Morning Joe” that ...")
        i = _skip_adjuncts(doc, _skip_listener(doc, i, end), end)
    while i < end and tokens[i].text in {",", ":"}:  # type: ignore[index]
        i += 1
    return i


def _skip_listener(doc: object, i: int, end: int) -> int:
    """Past "reporters", "CNN", "the New York Times", "him" after "told"."""
    tokens = doc  # type: ignore[assignment]
    if i < end and tokens[i].lower_ in DETERMINERS:  # type: ignore[index]
        i += 1
    if i < end and tokens[i].text[:1].isupper():  # type: ignore[index]
        while i < end and (tokens[i].text[:1].isupper() or tokens[i].text in {"’s", "'s"}):  # type: ignore[index]
            i += 1
        return i
    return i + 1 if i < end else i


def _clause_before(ctx: Context, c: int, s_start: int, speaker: tuple[int, int] | None) -> bool:
    """"..., Lavrov said." — a comma (or closing mark) right before the speaker or cue."""
    doc = ctx.doc
    first = speaker[0] if speaker and speaker[0] < c else c
    if first <= s_start:
        return False
    return doc[first - 1].text in {",", "—", "–"} or doc[first - 1].text in QUOTE_TOKENS


def _content_before(
    ctx: Context, c: int, s_start: int, speaker: tuple[int, int], frame_end: int
) -> Draft | None:
    doc = ctx.doc
    first = min(speaker[0], c)
    end = first - 1
    start = s_start
    for j in range(end - 1, s_start - 1, -1):
        if j in ctx.taken:
            start = j + 1
            break
    while start < end and (doc[start].is_space or doc[start].is_punct and
                           doc[start].text not in QUOTE_TOKENS):
        start += 1
    if _words(doc, start, end) < MIN_CONTENT_WORDS:
        return None
    span = doc[start:end]
    return Draft((c, cue_end(doc, c)), [(span.start_char, span.end_char)], speaker, False,
                 (first, frame_end))


def _according(ctx: Context, c: int, s_start: int, end: int) -> Draft | None:
    """"According to X, ..." and "..., according to X". Opening the sentence, the source
    runs to the first comma ("According to early results of exit polls conducted by Edison
    Research, ..."); a source that is no name ("state law") counts too."""
    doc = ctx.doc
    source_end = _source_end(doc, c + 2, end)
    if c == s_start or all(t.is_punct or t.is_space for t in doc[s_start:c]):
        speaker = (c + 2, source_end) if source_end is not None else speaker_after(doc, c, end)
        if speaker is None:
            return None
        start = speaker[1]
        while start < end and doc[start].text in {",", ":"}:
            start += 1
        if _words(doc, start, end) < MIN_CONTENT_WORDS:
            return None
        span = doc[start:end]
        return Draft((c, c + 2), [(span.start_char, span.end_char)], speaker, False,
                     (c, speaker[1]))
    if doc[c - 1].text == ",":
        speaker = speaker_after(doc, c, end)
        if speaker is None:
            last = source_end if source_end is not None else end
            if last <= c + 2 or not any(t.is_alpha for t in doc[c + 2:last]):
                return None
            speaker = (c + 2, last)
        return _content_before(ctx, c, s_start, speaker, speaker[1])
    return None


#: How far an "according to" source may run before its comma.
_MAX_SOURCE_TOKENS = 30


def _source_end(doc: object, start: int, end: int) -> int | None:
    """The comma closing an "according to" source, if one comes soon enough."""
    tokens = doc  # type: ignore[assignment]
    for j in range(start + 1, min(end, start + _MAX_SOURCE_TOKENS)):
        if tokens[j].text == ",":  # type: ignore[index]
            return j
        if breaks_phrase(tokens[j]) and tokens[j].text not in {"(", ")", "'s", "’s"}:  # type: ignore[index]
            return None
    return None


def _absorb_quotations(ctx: Context, draft: Draft) -> None:
    """Quotations inside a reported clause make it a mixed (direct) quote."""
    start, end = draft.content[0]
    for quotation in ctx.quotations:
        if quotation.start >= start and quotation.pieces[0][1] <= end:
            draft.direct = True
