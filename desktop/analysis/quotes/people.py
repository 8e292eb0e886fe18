"""Who a speaker is: the person's name, when the article leaves no doubt.

A name ("Peskov") becomes the fullest form the article gives ("Dmitry Peskov"). "He" or
"she" becomes the person of the nearest earlier sentence that names exactly one person
(else the previous quote's speaker, if that sentence names them), passing over the people
the text makes of the other gender ("Ms. Warren" is never "he"). A description ("the
spokeswoman") becomes the one person whose role the article gives with that word. Anything
less clear stays None: a wrong name in a reporter's brief is worse than none.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.analysis.entities import Entity
from desktop.analysis.entities.names import strip_possessive
from desktop.analysis.quotes.draft import Context, Draft
from desktop.analysis.quotes.gender import PRONOUN_GENDER, genders
from desktop.analysis.quotes.lexicon import PERSON_PRONOUNS

#: How many sentences back a pronoun may look for its person.
PRONOUN_REACH = 3


def full_name(name: str, people: Sequence[Entity]) -> str:
    """The longest name in the article that ends with ``name``'s last word."""
    last = strip_possessive(name).split()[-1].casefold()
    fuller = [p.name for p in people if p.name.split()[-1].casefold() == last]
    return max(fuller, key=lambda n: (len(n.split()), -len(n)), default=strip_possessive(name))


def resolve_people(ctx: Context, people: Sequence[Entity]) -> None:
    """Set ``person`` on every draft whose speaker can be named."""
    previous: Draft | None = None
    known = genders(ctx.text, people, lambda name: full_name(name, people))
    for draft in sorted(ctx.drafts, key=lambda d: d.cue[0]):
        if draft.speaker is not None:
            draft.person = _person(ctx, draft, people, previous, known)
        previous = draft


def _person(ctx: Context, draft: Draft, people: Sequence[Entity],
            previous: Draft | None, known: dict[str, str]) -> str | None:
    doc = ctx.doc
    speaker = doc[draft.speaker[0]:draft.speaker[1]]
    named = [p for p in people if p.start < speaker.end_char and p.end > speaker.start_char]
    if named:
        return full_name(named[-1].name, people)
    words = [t.lower_ for t in speaker if t.is_alpha]
    if len(words) == 1 and words[0] in PERSON_PRONOUNS:
        return _antecedent(ctx, speaker.start_char, people, previous,
                           _other_gender(known, PRONOUN_GENDER[words[0]]))
    if words and words[0] in {"the", "a"} and len(words) >= 2:
        return _by_role(words[-1], people)
    return None


def _other_gender(known: dict[str, str], gender: str) -> set[str]:
    """The people the text makes of the other gender than ``gender``."""
    return {name for name, theirs in known.items() if theirs != gender}


def _antecedent(ctx: Context, at: int, people: Sequence[Entity],
                previous: Draft | None, excluded: set[str]) -> str | None:
    """The person a "he"/"she" at ``at`` refers to; ``excluded`` people (of the other
    gender, as the text makes clear) are never it."""
    sentences = [s for s in ctx.sentences() if s[0] <= at]
    sentences.reverse()
    for start, end in sentences[: PRONOUN_REACH + 1]:
        end = min(end, at)
        names = {full_name(p.name, people) for p in people if start <= p.start and p.end <= end}
        names -= excluded
        if len(names) == 1:
            return names.pop()
        if len(names) > 1:
            if previous is not None and previous.person in names:
                return previous.person
            return None
    return None


def _by_role(head: str, people: Sequence[Entity]) -> str | None:
    names = {full_name(p.name, people) for p in people
             if p.role and head in p.role.casefold().split()}
    return names.pop() if len(names) == 1 else None
