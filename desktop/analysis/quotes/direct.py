"""Direct quotes: a quotation and the cue written right after it or right before it.

“A,” he said — “A,” said Trump — Trump said: “A” — Trump: “A” — and the same quote split
around its cue (“A,” he said, “B.”). A quotation opened mid-sentence ("The plan is “a
disaster,” Trump said") is a mixed quote: its content starts where the sentence does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.analysis.quotes.draft import Context, Draft
from desktop.analysis.quotes.frames import (
    breaks_phrase,
    cue_end,
    is_break,
    is_cue,
    sentence_subject,
    speaker_after,
    speaker_before,
    speaker_of,
)
from desktop.analysis.quotes.lexicon import OBJECT_CUES, PRONOUNS
from desktop.analysis.quotes.marks import Quotation
from desktop.analysis.quotes.reported import clause_start

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: How many words may stand between a quotation and its cue on either side.
RIGHT_REACH = 30
LEFT_REACH = 40
_SENTENCE_END = {".", "?", "!", ";"}
_CLAUSE_BREAKS = {",", ";", "—", "―", "–"}
_DASHES = {"—", "―", "–", "-", "--"}


def attribute_direct(ctx: Context) -> None:
    """Give each quotation the cue around it; split quotes become one draft."""
    joined: set[int] = set()
    for index, quotation in enumerate(ctx.quotations):
        if index in joined or _title(ctx, quotation):
            continue
        draft = _right_frame(ctx, quotation) or _left_frame(ctx, quotation)
        if draft is None:
            continue
        ctx.drafts.append(draft)
        for piece in draft.content:
            ctx.take_chars(*piece)
        ctx.take(*draft.frame)
        following = index + 1
        if following < len(ctx.quotations) and _continues(ctx, draft, ctx.quotations[following]):
            nxt = ctx.quotations[following]
            draft.content.extend(nxt.pieces)
            ctx.take_chars(nxt.start, nxt.end)
            joined.add(following)


#: At most this many words make a title ("MSNBC's “Morning Joe”"), not a quote.
TITLE_WORDS = 6


def _title(ctx: Context, quotation: Quotation) -> bool:
    """A short quotation right after a possessive names a show, book or slogan of someone's
    ("told MSNBC's “Morning Joe”", "on CBS's “Face the Nation,”"): no one said it there."""
    i = ctx.token_at(quotation.start)
    if i == 0 or ctx.doc[i - 1].text not in {"'s", "’s"}:
        return False
    return sum(1 for t in ctx.doc[i:ctx.token_at(quotation.end - 1) + 1] if t.is_alpha) <= TITLE_WORDS


def _right_frame(ctx: Context, quotation: Quotation) -> Draft | None:
    """“A,” he said / “A,” said Trump / “A?” Trump asked."""
    doc, text = ctx.doc, ctx.text
    k = ctx.token_at(quotation.end)
    glued = k < len(doc) and doc[k].idx < quotation.end and doc[k].text[-1:] in _DASHES
    while k < len(doc) and (doc[k].idx < quotation.end or doc[k].is_space and not is_break(doc[k])):
        k += 1  # past a token holding the closing mark (''') and past no-break spaces
    if k >= len(doc) or is_break(doc[k]):
        return None
    _, par_end = ctx.paragraph(k)
    if doc[k].text in _DASHES or glued:  # “A.” ― Name, or “A.”― Name (mark and dash one token)
        signed = _signature(ctx, quotation, k - glued, par_end)
        if signed is not None:
            return signed
    inside = text[quotation.start:quotation.end].rstrip("”\"'’ ")
    if inside.endswith(".") and not doc[k].text[:1].islower() and doc[k].text not in {",", "—"}:
        return None
    first = k + 1 if doc[k].text in {",", "—", "–", "-"} else k
    c = first
    while c < min(first + RIGHT_REACH, par_end):
        if doc[c].lower_ in {"who", "which"} and c > first and doc[c - 1].text == ",":
            c = _after_clause(doc, c, par_end)  # “A,” Warren, who has not endorsed, told
            continue
        if is_cue(doc, c):
            break
        if doc[c].text in _SENTENCE_END or breaks_phrase(doc[c]) and doc[c].text not in "(),":
            return None  # commas and brackets may hold an apposition: “A,” Mr. X, of Y, said
        c += 1
    else:
        return None
    if c == first:
        speaker = speaker_after(doc, c, par_end)
        if speaker is None and doc[c].lower_.endswith("ing"):
            return None  # “Morning Joe,” adding, “...”: a title, then the next quote's cue
        frame_end = speaker[1] if speaker else cue_end(doc, c)
    else:
        speaker = speaker_before(doc, c, first)
        if speaker is None or speaker[0] != first and not _only_fillers(doc, first, speaker[0]):
            return None
        frame_end = cue_end(doc, c)
    content = [*_with_lead_in(ctx, quotation)]
    return Draft((c, cue_end(doc, c)), content, speaker, True, (first, frame_end))


def _signature(ctx: Context, quotation: Quotation, dash: int, end: int) -> Draft | None:
    """“...” ― Oscar P. Quintero: a dash and a name closing the paragraph sign the quote."""
    doc = ctx.doc
    while end > dash + 1 and (doc[end - 1].is_space or doc[end - 1].text in _SENTENCE_END):
        end -= 1
    first = dash + 1
    while first < end and doc[first].is_space:
        first += 1
    name = doc[first:end]
    if not 1 <= len(name) <= 6 or not all(t.text[:1].isupper() or t.is_punct for t in name):
        return None
    if not any(ch.isalpha() for ch in name.text):
        return None
    return Draft((dash, dash + 1), list(quotation.pieces), (first, end), True, (dash, end))


def _after_clause(doc: Doc, c: int, end: int) -> int:
    """The comma that closes a relative clause opened at ``c``."""
    for j in range(c, min(end, c + 20)):
        if doc[j].text == ",":
            return j
        if doc[j].text in _SENTENCE_END:
            break
    return end


def _only_fillers(doc: object, start: int, end: int) -> bool:
    return all(t.is_punct for t in doc[start:end])  # type: ignore[index]


def _with_lead_in(ctx: Context, quotation: Quotation) -> list[tuple[int, int]]:
    """The quotation's pieces; a mixed quote's first piece starts where its sentence does."""
    pieces = list(quotation.pieces)
    doc = ctx.doc
    i = ctx.token_at(quotation.start)
    start = i
    while start > 0:
        token = doc[start - 1]
        if is_break(token) or token.text in _SENTENCE_END or token.text in {":", "—"} or \
                (start - 1) in ctx.taken:
            break
        if token.text in {"”", '"', "''", "’"} and start - 1 < i:
            break
        start -= 1
    if start < i and any(t.is_alpha for t in doc[start:i]):
        lead = doc[start:i]
        if not any(is_cue(doc, j) for j in range(start, i)) and lead[0].text[:1].isupper():
            pieces[0] = (lead.start_char, pieces[0][1])
    return pieces


def _left_frame(ctx: Context, quotation: Quotation) -> Draft | None:
    """Trump said: “A” / he told reporters, “A” / Trump: “A” / called it “a disaster”."""
    doc = ctx.doc
    i = ctx.token_at(quotation.start)
    par_start, _ = ctx.paragraph(i)
    before = i - 1
    colon = _colon_above(doc, par_start) if i == par_start else None
    if colon is not None:  # "Caddell continued:" ending the paragraph above the quote
        before, (par_start, _) = colon, ctx.paragraph(colon)
    floor = max(par_start, before + 1 - LEFT_REACH)
    if before >= par_start and doc[before].text == ":" and not any(
        is_cue(doc, j) for j in range(max(par_start, before - 4), before)
    ):
        speaker = speaker_before(doc, before, par_start)
        if speaker and _looks_like_name(doc, speaker):
            return Draft((before, i), list(quotation.pieces), speaker, True, (speaker[0], i))
    cues = []
    for j in range(before, floor - 1, -1):
        token = doc[j]
        if is_break(token) or token.text in _SENTENCE_END or j in ctx.taken:
            break
        if token.text in {"”", "''"} and j < before:
            break
        if is_cue(doc, j):
            cues.append(j)
    # The first cue of the sentence reports the rest, inner cues included ("he said he
    # hopes “...”"); a cue with no speaker of its own ("saying") may still be the one.
    framed = [j for j in cues if speaker_of(doc, j, par_start) is not None]
    if not framed:
        return _introduced(ctx, quotation, before, par_start) if not cues else None
    c = framed[0]
    for j in framed[1:]:
        if any(t.text in _CLAUSE_BREAKS for t in doc[j:c]):
            break  # "When Clinton noted ..., Trump boasted, “...”": the nearer clause's cue
        c = j
    according = doc[c].lower_ == "according"
    speaker = speaker_after(doc, c, i) if according else speaker_of(doc, c, par_start)
    if speaker is None:
        return None
    after = speaker[1] if speaker[0] > c else cue_end(doc, c)  # "Said Ellis: “...”"
    start_tok = speaker[1] if according else clause_start(doc, c, after, i)
    if doc[c].lower_ in OBJECT_CUES and doc[i - 1].text in {",", ":"}:
        start_tok = i  # "she told the mayors who gathered there, “...”"
    if any(t.is_alpha and t.lower_ != "that" for t in doc[start_tok:i]):
        return None  # words between cue and quotation: a mixed quote, found as reported speech
    while start_tok < i and (doc[start_tok].text in {":", ","} or doc[start_tok].is_space):
        start_tok += 1
    start = doc[start_tok].idx if start_tok < i else quotation.start
    content = [(start, quotation.pieces[0][1]), *quotation.pieces[1:]]
    frame = (min(speaker[0], c), cue_end(doc, c))
    return Draft((c, cue_end(doc, c)), content, speaker, True, frame)


def _colon_above(doc: Doc, par_start: int) -> int | None:
    """The colon that ends the paragraph right above ``par_start``, if it does."""
    j = par_start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return j if j >= 0 and doc[j].text == ":" else None


def _introduced(ctx: Context, quotation: Quotation, colon: int, floor: int) -> Draft | None:
    """"The piece used her words as its headline: “...”": a sentence with no cue that a
    colon ends introduces the quote; its subject is the speaker, the colon the cue."""
    doc = ctx.doc
    if colon < floor or doc[colon].text != ":":
        return None
    speaker = sentence_subject(doc, floor, colon)
    if speaker is None or speaker[1] >= colon:
        return None
    return Draft((colon, colon + 1), list(quotation.pieces), speaker, True, (speaker[0], colon + 1))


def _looks_like_name(doc: object, speaker: tuple[int, int]) -> bool:
    tokens = doc[speaker[0]:speaker[1]]  # type: ignore[index]
    if len(tokens) == 1 and tokens[0].lower_ in PRONOUNS:
        return True
    return all(t.text[:1].isupper() for t in tokens if t.is_alpha)


def _continues(ctx: Context, draft: Draft, nxt: Quotation) -> bool:
    """“A,” he said, “B.” or “A,” she said, clapping. “B.”: a quotation later in the
    paragraph with no frame of its own, opening a sentence or clause, goes on the quote."""
    doc = ctx.doc
    frame_end = doc[draft.frame[1] - 1].idx + len(doc[draft.frame[1] - 1].text)
    if draft.frame[1] <= ctx.token_at(draft.content[-1][1] - 1) or nxt.start < frame_end:
        return False
    if "\n" in ctx.text[frame_end:nxt.start]:
        return False
    first, last = draft.frame[1], ctx.token_at(nxt.start)
    if last > first and doc[last - 1].text not in _SENTENCE_END | {",", ":"}:
        return False
    if any(not _passed_over(t) for t in doc[first:last][:2]):
        return False
    return _right_frame(ctx, nxt) is None and _left_frame(ctx, nxt) is None


def _passed_over(token: Token) -> bool:
    """A word the frame may run on with ("in an interview", "Gonzalez, 55, of Brigantine"),
    not a clause of its own ("meaning that ...")."""
    word = token.lower_
    return word not in {"that", "which", "who"} and not (word.endswith("ing") and word.islower())
