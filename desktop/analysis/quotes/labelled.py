"""Labelled paragraphs: "PENCE: Well, the question really should be ..." in a transcript, or
"Politifact: Donald Trump Is Right" in a headline. A paragraph that opens with a speaker's
name and a colon is that speaker's.

The label must be a name: a person or organisation the entity model finds there, or a
transcript's capitals ("WALLACE"), never a heading such as "BREAKING:" or "Q:".
"""

from __future__ import annotations

from desktop.analysis.quotes.draft import Context, Draft
from desktop.analysis.quotes.frames import QUOTE_TOKENS
from desktop.analysis.quotes.marks import paragraphs

MAX_LABEL_TOKENS = 4
#: Capitals that head a paragraph without naming a speaker.
HEADINGS = frozenset(
    """
    breaking update updated watch exclusive busted look boom byline note editor photos photo
    video clarification correction q a related read more advertisement wow bombshell
    revealed source sources live developing
    """.split()
)
NAME_LABELS = frozenset({"PERSON", "ORG"})  # not places: "Iowa:" heads a state's results


def find_labelled(ctx: Context) -> None:
    """A draft for every paragraph a speaker's label opens."""
    doc = ctx.doc
    for p_start, p_end in paragraphs(ctx.text):
        first = ctx.token_at(p_start)
        while first < len(doc) and (doc[first].text in QUOTE_TOKENS or doc[first].is_space):
            first += 1
        colon = next((j for j in range(first, min(len(doc), first + MAX_LABEL_TOKENS + 1))
                      if doc[j].text == ":" or doc[j].idx >= p_end), None)
        if colon is None or colon == first or doc[colon].text != ":" or colon in ctx.taken:
            continue
        if not _names(doc, first, colon):
            continue
        start = colon + 1
        while start < len(doc) and doc[start].is_space and doc[start].idx < p_end:
            start += 1
        if start >= len(doc) or doc[start].idx >= p_end or start in ctx.taken:
            continue
        end_char = p_end
        while end_char > doc[start].idx and ctx.text[end_char - 1] in " \t\"”'":
            end_char -= 1
        if not any(ch.isalpha() for ch in ctx.text[doc[start].idx:end_char]):
            continue
        direct = any(q.start >= doc[start].idx and q.start < end_char for q in ctx.quotations)
        draft = Draft((colon, colon + 1), [(doc[start].idx, end_char)], (first, colon), direct,
                      (first, colon + 1))
        ctx.drafts.append(draft)
        ctx.take_chars(doc[start].idx, end_char)
        ctx.take(first, colon + 1)


def _names(doc: object, first: int, colon: int) -> bool:
    """The tokens before the colon are a name: an entity, or a transcript's capitals."""
    label = doc[first:colon]  # type: ignore[index]
    words = [t for t in label if t.is_alpha]
    if not words or any(t.lower_ in HEADINGS for t in words):
        return False
    if all(t.text.isupper() and len(t.text) >= 2 for t in words):
        return True
    if not all(t.text[:1].isupper() or not t.is_alpha for t in label):
        return False
    return any(ent.label_ in NAME_LABELS and ent.start >= first and ent.end <= colon
               and ent.end - ent.start == colon - first for ent in label.ents)
