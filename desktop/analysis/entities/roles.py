"""Roles: the title the text gives a person where it names them.

"Foreign Ministry spokeswoman Maria Zakharova", "Ukrainian Defense Minister Rustem Umerov",
"US Secretary of State Marco Rubio", "Rustem Umerov, Ukraine's defence minister," — the
role is the run of title words right before the name (or in an apposition right after
it) that ends in a role word such as "minister", "spokeswoman" or "aide".
"""

from __future__ import annotations

import re

from desktop.analysis.entities.names import is_honorific

#: Words that head a role ("minister", "spokeswoman"); lower case.
ROLE_HEADS = frozenset(
    """
    president vice-president president-elect minister secretary secretary-general spokesman
    spokeswoman spokesperson aide adviser advisor chancellor premier senator governor mayor
    ambassador envoy chief director director-general chairman chairwoman chairperson ceo cfo
    coo founder co-founder leader commander general judge justice prosecutor attorney lawyer
    official negotiator king queen prince princess pope emperor empress counsel coach manager
    captain head deputy representative congressman congresswoman lawmaker legislator mp mep
    speaker analyst professor economist journalist correspondent editor reporter author writer
    actor actress singer artist scientist researcher officer colonel lieutenant sergeant admiral
    marshal bishop archbishop cardinal rabbi imam cleric executive commissioner inspector
    investigator dean owner boss treasurer diplomat emissary strategist chair candidate nominee
    activist organiser organizer campaigner founder-director superintendent detective constable
    sheriff governor-general ombudsman mufti ayatollah sultan emir crown tsar czar dictator
    spokesmen striker midfielder defender goalkeeper keeper forward winger fullback batsman
    bowler pitcher quarterback rider driver cyclist sprinter jockey referee umpire teammate
    skipper playmaker centre-back full-back opener all-rounder wicketkeeper
    """.split()
)

#: Lower-case words that may sit inside a role ("former deputy foreign minister").
ROLE_MODIFIERS = frozenset(
    """
    former deputy vice acting top senior chief assistant presidential prime foreign defence
    defense interior home finance health justice state federal national regional local
    first second junior associate executive managing general supreme military police
    government opposition party parliamentary principal lead interim caretaker outgoing
    incoming newly-elected elected economic trade education energy environment culture
    culture transport agriculture labour labor security intelligence press ministry
    department office white house team club league de facto long-time longtime veteran
    digital public private communications development
    """.split()
)

#: Words that open a clause or phrase and so cannot start a role.
_STOP = frozenset(
    """
    the a an in on at after before when while but and as by with from to of for said says
    told that this these those his her their its our my your if because since about said
    into over under during than then also has have had is was were be been being will would
    can could may might must should read more said, according
    """.split()
)
_CONNECTORS = frozenset({"of", "for", "and", "the", "on"})
_TOKEN = re.compile(r"[\w][\w’'.&-]*|[^\w\s]")


def is_title_word(word: str) -> bool:
    """A role word such as "Minister" or "spokeswoman"."""
    bare = word.rstrip(".").casefold()
    return bare in ROLE_HEADS


_is_title_word = is_title_word


def _allowed(word: str) -> bool:
    if word.casefold() in _CONNECTORS:
        return True
    if word[0].isupper() or word.isupper():
        return True
    bare = word.casefold()
    if bare.endswith(("’s", "'s")):
        return word[0].isupper()
    return bare in ROLE_HEADS or bare in ROLE_MODIFIERS


def _clean_role(tokens: list[str]) -> str | None:
    # Must contain a head; after the last head only "of/for (the) Capitalised..." may follow.
    heads = [i for i, t in enumerate(tokens) if _is_title_word(t)]
    if not heads:
        return None
    last = heads[-1]
    tail = tokens[last + 1 :]
    if tail:
        if tail[0].casefold() not in {"of", "for"}:
            return None
        rest = [t for t in tail[1:] if t.casefold() != "the"]
        if not rest or not all(t[0].isupper() for t in rest):
            return None
    # "of"/"for" belong after a role word ("Secretary of State"), never before the first
    # one ("Polaroids of author"); "and" joins two phrases, so the role starts after it.
    first = heads[0]
    cut = max((i for i, t in enumerate(tokens[:first]) if t.casefold() in _CONNECTORS),
              default=-1)
    # "President Barack Obama and Secretary of State": the role is the last phrase's, not
    # a neighbouring person's title and name.
    cut = max([cut] + [i for i, t in enumerate(tokens[:last]) if t.casefold() in {"and", "&"}])
    tokens = tokens[cut + 1 :]
    while tokens and (tokens[0].casefold() in _STOP or tokens[0].casefold() in _CONNECTORS):
        tokens = tokens[1:]
    if not tokens or not any(_is_title_word(t) for t in tokens):
        return None
    return " ".join(tokens)


def role_before(text: str, start: int, limit: int = 90) -> str | None:
    """The role written right before a name starting at ``start``, if any."""
    left = text[max(0, start - limit) : start]
    cut = max(left.rfind("\n"), left.rfind(". "), left.rfind("; "), left.rfind(": "))
    if cut >= 0:
        left = left[cut + 1 :]
    tokens = _TOKEN.findall(left)
    chunk: list[str] = []
    for token in reversed(tokens):
        if not token[0].isalnum() or not _allowed(token):
            break
        chunk.append(token)
        if len(chunk) >= 8:
            break
    chunk.reverse()
    while chunk and chunk[0].casefold() in _STOP and not _is_title_word(chunk[0]):
        chunk = chunk[1:]
    if not chunk:
        return None
    # The word right before the name must be a role head or part of "of/for X".
    return _clean_role(chunk)


_APPOSITION = re.compile(r"\s*,\s+((?:[\w’'.&-]+\s+){0,7}?[\w’'.&-]+)\s*(?=[,;.)]|$)")


def role_after(text: str, end: int, limit: int = 90) -> str | None:
    """The role in an apposition right after a name ("Umerov, Ukraine's defence minister,")."""
    match = _APPOSITION.match(text[end : end + limit])
    if not match:
        return None
    tokens = match.group(1).split()
    if tokens and tokens[0].casefold() in {"the", "a", "an"}:
        tokens = tokens[1:]
    if not tokens or not all(_allowed(t) for t in tokens):
        return None
    if not _is_title_word(tokens[-1]) and not any(t.casefold() in {"of", "for"} for t in tokens):
        return None
    return _clean_role(tokens)


def role_of(text: str, start: int, end: int) -> str | None:
    return role_before(text, start) or role_after(text, end)


def title_before(text: str, start: int) -> str | None:
    """A person title right before ``start`` ("Minister", "spokeswoman", "Mr."), if any."""
    left = text[max(0, start - 30) : start]
    match = re.search(r"([\w.-]+)\s+$", left)
    if not match:
        return None
    word = match.group(1)
    if is_honorific(word) or _is_title_word(word):
        return word
    return None
