"""Document-level passes over the model's spans: one article, one reading of each name.

The small model labels the same string differently from sentence to sentence ("Kiev" as a
person, an organisation and a place in one article) and misses surnames it found in full
earlier. The passes, in order:

1. trim: spans shrink to the name (possessive, titles, punctuation, a line break) or grow
   over a hyphenated given name the model cut ("Wong Kwok-hing"); impossible names go;
2. cues: a title right before a name ("Minister Lavrov", "Mr Smith") or "Anna Petrova said"
   make a person; so do an apposition giving a role ("Paul Dewar, an Ottawa MP,") and a
   list of people ("Ansel Adams, Chuck Close, Walker Evans");
3. not people: platforms and outlets ("Twitter"), names with an organisation or thing word
   ("Space Shuttle Atlantis"), common words the article also writes in lower case
   ("Image:"), and "the X" unless the article shows X is a person;
4. consistency: a full name tagged PERSON (or marked by a cue) makes that name and its
   surname a person everywhere in the article, including mentions the model missed; a
   one-word "person" the article otherwise tags as a place or organisation takes that
   label; a name gets one label among organisation, place and group;
5. headlines and datelines: all-caps words are kept only when the running text confirms
   them ("CUTTITTA" after "Marcello Cuttitta"), and a dateline's opening is a place.

Every rule is about how news is written, never about particular documents or names.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain

from desktop.analysis.entities.cues import (
    NAME_SAID,
    PERSON_NOUN_NAME,
    has_non_person_word,
    is_known_non_person,
    looks_like_person_name,
    title_names,
)
from desktop.analysis.entities.names import (
    is_fragment,
    is_honorific,
    is_shouting,
    surname,
    trim_span,
)
from desktop.analysis.entities.roles import is_title_word, role_after, title_before

SPACY_LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "NORP",
}


#: "-like" in "Warhol-like": a hyphenated word made from a name, not part of the name.
_ADJECTIVE_SUFFIXES = frozenset(
    "like style era led backed based born esque ish type linked made owned run funded allied "
    "friendly appointed controlled inspired related sized era designed leaning aligned".split()
)


#: Role words a company or team can have too ("Morgan Stanley, the lead manager").
_COMPANY_ROLES = frozenset(
    "manager leader owner founder co-founder head representative partner agent counsel "
    "executive official operator sponsor".split()
)


@dataclass
class Span:
    start: int
    end: int
    label: str
    cue: bool = False  # a title or "said" marks it as a person
    determiner: bool = False  # written "the X": a thing or event, unless shown otherwise
    affiliation: bool = False  # "<person> of X": X is what the person belongs to


def _strip_leading_titles(text: str, start: int, end: int) -> int:
    """Move ``start`` past leading titles ("Mr", "Dr.", "Defender", "President") and "the"."""
    while True:
        match = re.match(r"(\S+)\s+(?=\S)", text[start:end])
        if not match:
            return start
        word = match.group(1)
        if not (is_honorific(word) or word in {"the", "The"} or is_title_word(word)):
            return start
        start += match.end()


def extend_name(text: str, start: int, end: int) -> int:
    """The end of a person's name the model cut short at a hyphen ("Wong Kwok" of "Wong
    Kwok-hing") or before a hyphenated given name ("Leung" of "Leung Kwok-hung")."""
    tail = re.match(r"-([^\W\d_][\w’']*)", text[end : end + 20])
    if tail and (
        tail.group(1)[0].isupper()
        or (" " in text[start:end].strip() and tail.group(1) not in _ADJECTIVE_SUFFIXES)
    ):
        return end + tail.end()
    given = re.match(r" ([A-Z][a-z]+-([a-z]+))(?![\w-])", text[end : end + 30])
    if given and given.group(2) not in _ADJECTIVE_SUFFIXES and " " not in text[start:end]:
        return end + given.end()
    return end


_INITIAL_BEFORE = re.compile(r"(?:^|(?<=[\s(]))[A-Z]\.[ \t]?$")


def _with_initials(text: str, start: int) -> int:
    """Move ``start`` back over initials the model left out ("M. Atherton", "J.R. Smith")."""
    for _ in range(3):
        match = _INITIAL_BEFORE.search(text[max(0, start - 4) : start])
        if not match:
            break
        start = max(0, start - 4) + match.start()
    return start


def clean_spans(text: str, raw: list[tuple[int, int, str]]) -> list[Span]:
    """Trim the model's spans and drop impossible person names (pass 1)."""
    spans: list[Span] = []
    for start, end, label in raw:
        if label == "PERSON":
            start = _strip_leading_titles(text, start, end)
            start = _with_initials(text, start)
        start, end = trim_span(text, start, end)
        if end <= start:
            continue
        if label == "PERSON":
            # "Wong Kwok" of "Wong Kwok-hing": the model stopped at a hyphen.
            end = extend_name(text, start, end)
            if is_fragment(text[start:end]):
                continue
        if label != "PERSON" and not any(c.isalpha() for c in text[start:end]):
            continue
        spans.append(Span(start, end, label))
    return spans


def _overlapping(spans: list[Span], start: int, end: int) -> list[Span]:
    return [s for s in spans if s.start < end and start < s.end]


def _apply_cue(text: str, spans: list[Span], start: int, end: int) -> None:
    """Mark ``text[start:end]`` a person unless a larger non-person span covers it."""
    name = text[start:end]
    if not looks_like_person_name(name) or is_shouting(name):
        return
    hits = _overlapping(spans, start, end)
    for hit in hits:
        inside = start <= hit.start and hit.end <= end
        if not inside and hit.label != "PERSON":
            return  # "Minister Lavrov" inside a longer organisation name: leave it
        if hit.label == "NORP":
            return  # "girl Afghan team": a nationality, not a name
    for hit in hits:
        if hit.label == "PERSON" and hit.start <= start and end <= hit.end:
            hit.cue = True
            return
    for hit in hits:
        spans.remove(hit)
    spans.append(Span(start, end, "PERSON", cue=True))


def apply_cues(text: str, spans: list[Span]) -> None:
    """Titles and reporting verbs make a capitalised name a person (pass 2)."""
    for match in chain(title_names(text), PERSON_NOUN_NAME.finditer(text)):
        start, end = trim_span(text, match.start(1), match.end(1))
        _apply_cue(text, spans, start, end)
    for match in NAME_SAID.finditer(text):
        start, end = trim_span(text, match.start(1), match.end(1))
        # Only where the model saw nothing or a wrong label, never a sentence-initial word
        # glued to a name ("However Smith said").
        hits = _overlapping(spans, start, end)
        if hits and all(h.start == start and h.end == end for h in hits):
            if hits[0].label in {"ORG", "PERSON"}:
                _apply_cue(text, spans, start, end)
        elif not hits and start > 0 and text[start - 1] not in "\n":
            _apply_cue(text, spans, start, end)
    for span in spans:
        if span.label == "PERSON" and not span.cue and title_before(text, span.start):
            span.cue = True


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]+(?![\w-])")


def lowercase_words(text: str) -> set[str]:
    """Words the article writes in lower case (a name is never written so)."""
    return set(_LOWER_WORD.findall(text))


def _starts_sentence(text: str, position: int) -> bool:
    before = text[max(0, position - 3) : position].rstrip(" \t\"“‘'(")
    return not before or before.endswith(("\n", ".", "!", "?", ":"))


def _common_words_trimmed(text: str, span: Span, common: set[str]) -> bool:
    """Trim edge words the article also writes in lower case ("Nonpartisan Paul Tse");
    False when nothing of a name is left ("Election Results", "Image")."""
    parts = list(re.finditer(r"\S+", text[span.start : span.end]))
    keep = [m for m in parts if m.group().casefold() not in common]
    if not keep:
        # One word ("Image", "Wood"): a common word only where its capital is explained by
        # the start of a line or sentence.
        return len(parts) == 1 and not _starts_sentence(text, span.start)
    if len(keep) < 2 <= len(parts):
        return True  # "Mark Taylor" in an article that also says "mark": keep it whole
    first = parts.index(keep[0])
    last = parts.index(keep[-1])
    if first or last < len(parts) - 1:
        span.end = span.start + parts[last].end()
        span.start = span.start + parts[first].start()
    return True


def _affiliations(text: str, spans: list[Span]) -> None:
    """"Raymond Chan of People Power": a name right after a person and "of" is the party,
    outlet or team the person belongs to, not another person."""
    people_ends = {s.end for s in spans if s.label == "PERSON"}
    for span in spans:
        if span.cue:
            continue
        before = re.search(r"(?: ?,)? of (?:the )?$", text[max(0, span.start - 12) : span.start])
        if before and span.start - (len(before.group())) in people_ends:
            span.affiliation = True
            if span.label == "PERSON":
                span.label = "ORG"


def _person_evidence(text: str, spans: list[Span]) -> None:
    """Organisation or place spans that the text shows to be people (pass 2b).

    An apposition giving a role ("Paul Dewar, an Ottawa MP,") or a list of people
    ("Ansel Adams, Chuck Close, Walker Evans") turns a two- or three-word capitalised name
    the model took for an organisation into a person.
    """
    ordered = sorted(spans, key=lambda s: s.start)
    # One-word names the model calls people in this article ("Courtois").
    single_people = {
        text[s.start : s.end] for s in spans
        if s.label == "PERSON" and " " not in text[s.start : s.end].strip()
        and not s.determiner and not is_shouting(text[s.start : s.end])
    }
    for index, span in enumerate(ordered):
        if span.label == "PERSON" or span.affiliation:
            continue
        name = text[span.start : span.end]
        if not 2 <= len(name.split()) <= 3 or not looks_like_person_name(name):
            continue
        if is_shouting(name) or has_non_person_word(name):
            continue
        if name.split()[-1] in single_people:
            span.label = "PERSON"  # "Thibaut Courtois" (ORG) ... "Courtois" (PERSON)
            continue
        role = role_after(text, span.end)
        if role and role.split()[-1].casefold() not in _COMPANY_ROLES:
            span.label, span.cue = "PERSON", True
            continue
        neighbours = 0
        for other in (ordered[index - 1] if index else None,
                      ordered[index + 1] if index + 1 < len(ordered) else None):
            if other is None or other.label != "PERSON":
                continue
            gap = text[min(other.end, span.end) : max(other.start, span.start)]
            if re.fullmatch(r"(?: ?,)? (?:and |& )?", gap):
                neighbours += 1
        if neighbours:
            list_people = sum(1 for s in ordered[max(0, index - 3) : index + 4]
                              if s.label == "PERSON")
            if neighbours == 2 or list_people >= 2:
                span.label = "PERSON"


def make_consistent(text: str, spans: list[Span]) -> list[Span]:
    """One reading per name across the article (pass 3)."""
    common = lowercase_words(text)
    kept: list[Span] = []
    for span in spans:
        if span.label == "PERSON":
            name = text[span.start : span.end]
            if is_known_non_person(name) or has_non_person_word(name):
                span.label = "ORG"
            elif not span.cue and not is_shouting(name):
                if not _common_words_trimmed(text, span, common):
                    continue
            if span.label == "PERSON" and not span.cue and re.search(
                r"\b[Tt]he\s+$", text[max(0, span.start - 5) : span.start]
            ):
                span.determiner = True
        kept.append(span)
    spans = kept
    _affiliations(text, spans)
    _person_evidence(text, spans)

    names = {id(s): " ".join(text[s.start : s.end].split()) for s in spans}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for span in spans:
        name = names[id(span)]
        if not is_shouting(name):
            votes[_key(name)][span.label] += 1

    # Names the article itself establishes as people.
    full_names: set[str] = set()
    for span in spans:
        name = names[id(span)]
        if span.label != "PERSON" or is_shouting(name) or span.determiner:
            continue
        if (len(name.split()) >= 2 and looks_like_person_name(name)) or span.cue:
            full_names.add(name)
    surnames: set[str] = set()
    for name in full_names:
        last = surname(name)
        if last and any(c.islower() for c in last):
            surnames.add(last)
    # "Warhol Polaroid" after "Andy Warhol": a person's surname used as a modifier.
    compounds = {
        n for n in full_names
        if len(n.split()) >= 2 and n.split()[0] in surnames
        and not any(m != n and m.endswith(" " + n) for m in full_names)
        and _used_alone(text, n.split()[0], " ".join(n.split()[1:]))
    }
    for span in spans:
        name = names[id(span)]
        if name in compounds and span.label == "PERSON":
            first = text[span.start : span.end].split()[0]
            span.end = span.start + len(first)
            names[id(span)] = first
    full_names -= compounds
    surnames = {s for s in surnames if any(surname(n) == s for n in full_names)}
    person_keys = {_key(n) for n in full_names | surnames}

    def non_person_label(key: str) -> str | None:
        others = {k: v for k, v in votes.get(key, Counter()).items() if k != "PERSON"}
        if not others:
            return None
        # Most votes; a tie goes to the place ("Kiev" as both place and organisation).
        return max(others, key=lambda k: (others[k], k == "PLACE", k == "ORG"))

    result: list[Span] = []
    for span in spans:
        name = names[id(span)]
        key = _key(name)
        shouting = is_shouting(name)
        if key in person_keys:
            counts = votes.get(key, Counter())
            places = counts["PLACE"]
            # "Washington" tagged a place again and again stays a place despite "George
            # Washington"; a surname the model called an organisation once or twice is not.
            if shouting or len(name.split()) > 1 or places < 2 or counts["PERSON"] >= places:
                span.label = "PERSON"
        elif span.label == "PERSON":
            if shouting or span.determiner:
                other = non_person_label(key)
                if other is None:
                    continue  # headline noise or "the Hajj", never confirmed as a person
                span.label = other
            elif len(name.split()) == 1 and not span.cue:
                other = non_person_label(key)
                if other is not None:
                    span.label = other
        elif shouting and key in votes and votes[key]:
            span.label = votes[key].most_common(1)[0][0]
        result.append(span)

    _one_label_per_name(text, result)
    _add_missed(text, result, full_names | surnames, common)
    result = _headlines(text, result)
    result.sort(key=lambda s: (s.start, -s.end))
    return result


_DATELINE = re.compile(
    r"^([A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+){0,3})(?=\s*(?:,[^\n,]{1,40})?\s*"
    r"(?:\d{4}-\d\d-\d\d|\d{1,2} [A-Z][a-z]+ \d{4}|\([A-Z][a-z]|[—–-]\s+[A-Z][a-z]))",
    re.MULTILINE,
)


def _headlines(text: str, spans: list[Span]) -> list[Span]:
    """All-caps lines (headlines, datelines): keep only what the running text confirms.

    The model's guesses on shouted words are mostly noise ("DEFEAT" as a place); a shouted
    name the article also writes normally ("CUTTITTA", "JAPAN") gets that name's label, and
    a dateline's opening words ("AL-AIN , United Arab Emirates 1996-12-06") are a place.
    """
    known: dict[str, Counter[str]] = defaultdict(Counter)
    for span in spans:
        name = " ".join(text[span.start : span.end].split())
        if not is_shouting(name):
            known[name.casefold()][span.label] += 1
            last = surname(name) if span.label == "PERSON" else None
            if last:
                known[last.casefold()]["PERSON"] += 1
    datelines = {m.span(1) for m in _DATELINE.finditer(text)}
    result: list[Span] = []
    for span in spans:
        name = text[span.start : span.end]
        if (span.start, span.end) in datelines:
            continue
        if is_shouting(name) and len(name) > 4 and _in_shouting_line(text, span.start):
            labels = known.get(" ".join(name.split()).casefold())
            if not labels:
                continue
            span.label = labels.most_common(1)[0][0]
        result.append(span)
    for start, end in datelines:
        if not any(s.start < end and start < s.end for s in result):
            result.append(Span(start, end, "PLACE"))
    if not known:
        return result
    for line in re.finditer(r"[^\n]+", text):
        if not _is_shouting_line(line.group()):
            continue
        for word in re.finditer(r"[A-Z][A-Z'’.-]*[A-Z](?:\s+[A-Z][A-Z'’.-]*[A-Z]){0,2}", line.group()):
            _add_known(line.start(), word, known, result)
    return result


def _add_known(offset: int, match: re.Match[str], known: dict[str, Counter[str]],
               spans: list[Span]) -> None:
    words = list(re.finditer(r"\S+", match.group()))
    # Longest known run of words first ("UNITED ARAB EMIRATES" before "UNITED").
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            phrase = " ".join(w.group() for w in words[i:j]).casefold()
            labels = known.get(phrase)
            if labels:
                start = offset + match.start() + words[i].start()
                end = offset + match.start() + words[j - 1].end()
                if not any(s.start < end and start < s.end for s in spans):
                    spans.append(Span(start, end, labels.most_common(1)[0][0]))
                i = j - 1
                break
        i += 1


def _is_shouting_line(line: str) -> bool:
    if line.isascii() and sum(w.isupper() for w in line.split()) < 2:
        return False  # fewer than two words without a lower-case letter: no 60% shouting
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    return len(words) >= 2 and sum(is_shouting(w) for w in words) / len(words) >= 0.6


def _in_shouting_line(text: str, position: int) -> bool:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return _is_shouting_line(text[start : end if end >= 0 else len(text)])


def _one_label_per_name(text: str, spans: list[Span]) -> None:
    """A name the article calls a place more often than an organisation or a group (or
    any other way round) is that everywhere in it ("Kiev", "Ukrainian")."""
    kinds = {"ORG", "PLACE", "NORP"}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for span in spans:
        if span.label in kinds:
            votes[_key(text[span.start : span.end])][span.label] += 1
    for span in spans:
        if span.label in kinds:
            counts = votes[_key(text[span.start : span.end])]
            best = max(counts, key=lambda k: (counts[k], k == span.label))
            if counts[best] > counts[span.label]:
                span.label = best


def _used_alone(text: str, first: str, rest: str) -> bool:
    """Whether ``rest`` also occurs in the text without ``first`` right before it."""
    for match in re.finditer(r"(?<![\w-])" + re.escape(rest) + r"(?![\w-])", text):
        if not text[: match.start()].rstrip().endswith(first):
            return True
    return False


def _add_missed(text: str, spans: list[Span], names: set[str], common: set[str]) -> None:
    """Mentions of the article's people that the model did not tag at all."""
    if not names:
        return
    ordered = sorted(names, key=len, reverse=True)
    # Characters already in a span, one byte each: the overlap test costs the length of the
    # name, not the number of spans (which made a 50,000-line text quadratic).
    taken = bytearray(len(text) + 1)
    for span in spans:
        taken[span.start : span.end] = b"\x01" * (span.end - span.start)
    for start, end in _whole_names(text, ordered):
        if text[start:end].casefold() in common and _starts_sentence(text, start):
            continue  # "Young people ..." in an article about Neil Young
        end = extend_name(text, start, end)
        if taken.find(1, start, end) != -1:
            continue
        spans.append(Span(start, end, "PERSON"))
        taken[start:end] = b"\x01" * (end - start)


def _word_char(char: str) -> bool:
    """What ``\\w`` matches in a ``str`` pattern: a letter, a digit or "_"."""
    return char.isalnum() or char == "_"


def _whole_names(text: str, ordered: list[str]) -> Iterator[tuple[int, int]]:
    """Where ``(?<![\\w’'-])(name|...)(?![\\w-])`` matches in ``text``, names tried longest
    first: the same matches, in order, without compiling a pattern of the article's names
    (``re.compile`` of that alternation cost more than the rest of the pass). A name is
    found with ``str.find``; at each place, in reading order and past the last match, the
    first name (longest) standing as a whole word is the match."""
    at: dict[int, list[str]] = {}
    for name in ordered:
        i = text.find(name)
        while i != -1:
            at.setdefault(i, []).append(name)
            i = text.find(name, i + 1)
    after = 0
    for start in sorted(at):
        if start < after:
            continue
        if start and (_word_char(text[start - 1]) or text[start - 1] in "’'-"):
            continue
        for name in at[start]:
            end = start + len(name)
            if end < len(text) and (_word_char(text[end]) or text[end] == "-"):
                continue
            yield start, end
            after = end
            break

