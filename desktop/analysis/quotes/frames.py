"""The frame of a quote: its cue word and the speaker phrase written next to it.

Without a parser (it would double analysis time) the speaker is found by walking from the
cue over the words a noun phrase is made of: to the left for "Foreign Ministry spokeswoman
Maria Zakharova has said", to the right for "said Trump" or "said the spokeswoman".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.analysis.quotes.lexicon import (
    AFTER_SPEAKER_STOPS,
    BETWEEN_SPEAKER_AND_CUE,
    CUE_VERBS,
    DETERMINERS,
    PRONOUNS,
    SPEAKER_STOPS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

QUOTE_TOKENS = frozenset({"“", "”", '"', "''", "``", "‘", "’", "`"})
DAY_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    morning afternoon evening night earlier later week
    """.split()
)
MAX_SPEAKER_TOKENS = 8
#: Prepositions that open an adverbial phrase before a speaker ("In a statement, she").
CLAUSE_PREPOSITIONS = frozenset(
    "in on during after before within with from by to at since following amid despite".split()
)
#: "is saying", "were questioning": the speaker stands before the auxiliary.
PROGRESSIVE = frozenset({"is", "are", "was", "were", "been", "be", "'s", "’s", "'re", "’re"})
#: Words that can be a speaker on their own ("Some say ...", "voters who said ...").
LONE_SPEAKERS = frozenset({"some", "many", "several", "most", "who", "which"})
#: Words that join a sentence to the one before ("And", "But").
CONJUNCTIONS = frozenset({"and", "but", "so", "yet", "however", "still", "then", "also"})
#: Cues that also name things ("a show called “Brokers”").
NAMING_CUES = frozenset({"called", "calls", "dubbed", "titled", "named"})

#: Lower-case words that may open a name's title ("former Sen. Evan Bayh").
TITLE_WORDS = frozenset(
    "former retired longtime late veteran outgoing incoming acting interim then ex".split()
)

TokenRange = tuple[int, int]


def is_cue(doc: Doc, i: int) -> bool:
    """A reporting verb ("said", not "so-called") or the "according" of "according to"."""
    token = doc[i]
    word = token.lower_
    if word == "according":
        return i + 1 < len(doc) and doc[i + 1].lower_ == "to"
    if word not in CUE_VERBS:
        return False
    if i and doc[i - 1].lower_ in _NOUN_BEFORE:
        return False  # "his claims", "the party's preferred nominee": a noun, not a verb
    return not (i and doc[i - 1].text in {"-", "so", "so-"})


#: Words after which a cue word is a noun or adjective ("his claims", "a view").
_NOUN_BEFORE = frozenset({"his", "her", "its", "their", "our", "my", "your", "the", "a", "an"})


def cue_end(doc: Doc, i: int) -> int:
    """Token index after the cue: "according to" is two words."""
    return i + 2 if doc[i].lower_ == "according" else i + 1


def breaks_phrase(token: Token) -> bool:
    """Punctuation, a quotation mark or a line break: no speaker phrase runs across it."""
    if token.is_space:
        return is_break(token)
    if token.text in QUOTE_TOKENS:
        return True
    return token.is_punct and token.text not in {"-", "&"}


def is_break(token: Token) -> bool:
    """A line break (a paragraph ends); other space tokens (no-break spaces) are not."""
    return token.is_space and "\n" in token.text


def skip_between(doc: Doc, i: int, floor: int) -> int:
    """Index of the word before ``i`` once "has", "later", "on Thursday" are passed over."""
    j = i - 1
    while j >= floor:
        word = doc[j].lower_
        if word in BETWEEN_SPEAKER_AND_CUE or (doc[j].is_space and not is_break(doc[j])) or \
                (word.endswith("ly") and doc[j].text.islower() and len(word) > 4):
            j -= 1  # "has", "later", "forcefully"
        elif word == "ago":
            j -= 1
            while j >= floor and (doc[j].like_num or doc[j].lower_ in {
                    "days", "weeks", "months", "years", "day", "week", "month", "year", "a"}):
                j -= 1
        elif word in DAY_WORDS and not breaks_phrase(doc[j]):
            j -= 1
            while j >= floor and doc[j].lower_ in {"on", "last", "this", "in", "the", "late",
                                                  "early"}:
                j -= 1
        else:
            break
    return j


def speaker_before(doc: Doc, cue: int, floor: int) -> TokenRange | None:
    """The speaker phrase ending right before the cue, tokens ``floor`` onwards.

    An apposition or a bracket between speaker and cue is passed over: "Small, who attended
    the rally, said" and "Dianne Feinstein (D-Calif.) said" give "Small", "Dianne Feinstein".
    """
    end = skip_between(doc, cue, floor) + 1
    end = _before_aside(doc, end, floor)
    if end > floor and doc[end - 1].lower_ in {"who", "which"} | PRONOUNS:
        return end - 1, end  # a relative or personal pronoun is the speaker as written
    start = end
    while start > floor and end - start < MAX_SPEAKER_TOKENS:
        token = doc[start - 1]
        if breaks_phrase(token) or token.lower_ in SPEAKER_STOPS or is_cue(doc, start - 1):
            break
        start -= 1
    if start == end:
        return None
    if all(t.lower_ in DETERMINERS or not _wordy(t) for t in doc[start:end]) and not (
            end - start == 1 and doc[start].lower_ in LONE_SPEAKERS):
        return None
    start = _after_preposition(doc, _trim_leading(doc, start, end), end)
    if start is None or start >= end:
        return None
    if doc[cue].lower_ in NAMING_CUES and not _names_someone(doc, start, end):
        return None  # "a show called “Brokers”" names a thing; "Trump called it ..." speaks
    return start, end


def _wordy(token: Token) -> bool:
    """Has a letter: "O'Neill" and "U.S." are words, "," is not."""
    return any(ch.isalpha() for ch in token.text)


def _after_preposition(doc: Doc, start: int, end: int) -> int | None:
    """Where the speaker starts after a prepositional phrase ("In an interview he")."""
    cuts = [j for j in range(start, end) if doc[j].lower_ in CLAUSE_PREPOSITIONS]
    if not cuts:
        return None if doc[start].lower_ in _NOT_FIRST else start
    rest = cuts[-1] + 1
    if rest < end and _names_someone(doc, rest, end):
        return rest
    return None if doc[start].lower_ in _NOT_FIRST else start


#: A speaker phrase never starts with these ("of Republican claims", "for his").
_NOT_FIRST = CLAUSE_PREPOSITIONS | {"of", "for", "about", "into", "than"}


def _names_someone(doc: Doc, start: int, end: int) -> bool:
    """A capitalised word or a pronoun: a speaker, not a thing."""
    return any(t.text[:1].isupper() or t.lower_ in PRONOUNS for t in doc[start:end])


def speaker_of(doc: Doc, cue: int, floor: int) -> TokenRange | None:
    """The speaker of a cue: the phrase before it, or for "..., saying" and "went on to say"
    (no subject of their own) the phrase that opens the sentence."""
    word = doc[cue].lower_
    if word == "according":
        return None
    before = doc[cue - 1].lower_ if cue > floor else ""
    if (word.endswith("ing") and before not in PROGRESSIVE) or before == "to":
        return sentence_subject(doc, floor, cue)
    if not word.endswith("ing") and _passive(doc, cue, floor):
        return None  # "Nothing was said", "is expected": the speaker is not the subject
    speaker = speaker_before(doc, cue, floor)
    if speaker is None and doc[cue].text[:1].isupper():
        return speaker_after(doc, cue, min(len(doc), cue + MAX_SPEAKER_TOKENS + 1))  # "Said Ellis:"
    return speaker


def _passive(doc: Doc, cue: int, floor: int) -> bool:
    j = cue - 1
    while j >= floor and (doc[j].lower_.endswith("ly") or doc[j].lower_ in {"also", "not", "widely"}):
        j -= 1
    return j >= floor and doc[j].lower_ in {"was", "were", "is", "are", "been", "be", "being"}


def sentence_subject(doc: Doc, floor: int, cue: int) -> TokenRange | None:
    """The noun phrase opening the sentence that holds ``cue`` (not before ``floor``)."""
    start = max(floor, doc[cue].sent.start)
    i = start
    while i < cue and (doc[i].is_space or doc[i].is_punct or doc[i].lower_ in CONJUNCTIONS):
        if doc[i].text in QUOTE_TOKENS:  # the sentence opens with a quote: its words are not
            closing = next((j for j in range(i + 1, cue) if doc[j].text in QUOTE_TOKENS), cue)
            i = closing  # the subject ("“We will win,” she said, adding ...")
        i += 1
    i = _past_dateline(doc, i, cue)
    if i < cue and (doc[i].lower_ in CLAUSE_PREPOSITIONS | {"for", "of", "as", "while"}
                    or _opens_clause(doc[i])):
        commas = [j for j in range(i, cue) if doc[j].text == ","]
        if not commas:
            return None
        i = commas[0] + 1  # "In May, a judge ruled ..., saying": past the opening phrase
        while i < cue and doc[i].is_space:
            i += 1
    j = i
    determiner = j < cue and doc[j].lower_ in DETERMINERS
    j += determiner
    while j < cue and (doc[j].text[:1].isupper() or doc[j].text in {"’s", "'s"}):
        j += 1
    if determiner and j == i + 1 and j < cue and doc[j].is_alpha:
        j += 1  # "The candidate"
    if j == i and i < cue and doc[i].lower_ in PRONOUNS:
        j = i + 1
    if j == i or not any(t.text[:1].isupper() or t.lower_ in PRONOUNS for t in doc[i:j]):
        return None
    if j - i == 1 and doc[i].is_stop and doc[i].lower_ not in PRONOUNS:
        return None  # "Here", "Even": no one
    return i, j


#: Words that open a sentence with a phrase of time, not its subject ("Hours later, she").
_TIME_OPENERS = DAY_WORDS | frozenset(
    "minutes hours days weeks months years moments shortly soon last next".split())


def _opens_clause(token: Token) -> bool:
    """A sentence's first word that opens a clause or phrase before the subject: "When",
    "Even", "Speaking", "Shortly", "Minutes later"; never a name the model found."""
    if token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
        return False
    word = token.lower_
    if word in PRONOUNS or word in DETERMINERS:
        return False
    return token.is_stop or word in _TIME_OPENERS or (
        len(word) > 4 and word.endswith(("ing", "ly")) and token.is_title)


def _past_dateline(doc: Doc, i: int, cue: int) -> int:
    """Past "WASHINGTON (AP) —" or "DECATUR, Ga. —" opening a story's first sentence."""
    if i >= cue or not (doc[i].text.isupper() and len(doc[i].text) > 2):
        return i
    for j in range(i + 1, min(cue, i + 8)):
        if doc[j].text in {"—", "--", "―", "–"}:
            return j + 1 if j + 1 < cue else i
    return i


def _before_aside(doc: Doc, end: int, floor: int) -> int:
    """Where the phrase really ends when ", apposition," or "(...)" precedes the cue."""
    if end - 1 <= floor:
        return end
    closing = doc[end - 1].text
    opening = {",": ",", ")": "(", "--": "--", "—": "—", "–": "–"}.get(closing)
    if opening is None:
        return end
    for j in range(end - 2, max(floor, end - 30) - 1, -1):
        token = doc[j]
        if is_break(token) or token.text in QUOTE_TOKENS or token.text in {".", ";", ":"}:
            return end
        if token.text == opening:
            if j - 1 < floor or breaks_phrase(doc[j - 1]):
                return end
            return j
    return end


def _trim_leading(doc: Doc, start: int, end: int) -> int:
    """Drop leading words that open a clause ("then", "later") rather than a noun phrase."""
    while start < end - 1 and doc[start].lower_ in BETWEEN_SPEAKER_AND_CUE:
        start += 1
    return start


def speaker_after(doc: Doc, cue: int, ceiling: int) -> TokenRange | None:
    """The speaker phrase right after an inverted cue ("said Trump", "said the aide")."""
    start = cue_end(doc, cue)
    if start >= ceiling or breaks_phrase(doc[start]):
        return None
    first = doc[start]
    titled = first.lower_ in TITLE_WORDS and start + 1 < ceiling and \
        doc[start + 1].text[:1].isupper()  # "said former Gov. Jim Hodges"
    if not (first.text[:1].isupper() or first.lower_ in DETERMINERS or first.lower_ in PRONOUNS
            or titled):
        return None
    end = start
    while end < ceiling and end - start < MAX_SPEAKER_TOKENS:
        token = doc[end]
        if breaks_phrase(token) or (end > start and token.lower_ in AFTER_SPEAKER_STOPS):
            break
        if token.text == "." and token.whitespace_:
            break
        end += 1
    if first.lower_ in PRONOUNS and end - start > 1:
        end = start + 1
    return (start, end) if end > start else None


def paragraph_bounds(doc: Doc, i: int) -> TokenRange:
    """Token range of the paragraph (line) holding token ``i``."""
    start = i
    while start > 0 and not ends_line(doc[start - 1]):
        start -= 1
    end = i
    while end < len(doc) - 1 and not ends_line(doc[end]):
        end += 1
    return start, end + 1


def ends_line(token: Token) -> bool:
    return "\n" in token.whitespace_ or is_break(token)
