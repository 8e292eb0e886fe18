"""Which sentences can tell a day on their own: whole reports, not cut-off pieces of one.

A key event's sentence stands alone under its date, so a sentence that is only a piece of
one reads wrong there however typical its words are: a teaser cut off mid-word ("... toppled
into th..."), the tail of a sentence split inside a bracket ("L) massive oil spill ..."), a
continuation ("..., chairman of the committee, said ..."), a line of page furniture glued
together with pipes ("11:28 PM | Report abuse ...") or a reader's signed comment ("At 4:36
pm on 18 Jan 2010, alice wrote: ..."). Some sentences tell a day less well than others: a
quotation tells what someone said, not what happened; someone's own account ("I decided to
go to Haiti") what happened to the writer; a pronoun subject ("On Friday she made an
appeal") needs the sentence before. A chronology's entry ("April 22 – The rig sinks")
tells it best: its writer already said in one line what the day is remembered for (in the
development timelines such entries scored about 2.5 times the average candidate's ROUGE-1
against the journalists' own lines). ``as_told`` is the sentence as shown: without a list mark or
the page's stamp glued before it.
"""

from __future__ import annotations

import re

from desktop.timeline.sentences import strip_dateline

#: A teaser cut short by the page: ends on an ellipsis.
_CUT_OFF = re.compile(r"(?:\.\.\.|\u2026)\s*[\"\u201d\u2019']?\s*$")
#: Starts as no sentence does: lowercase, or punctuation that continues another sentence.
_CONTINUES = re.compile(r"^\s*(?:[a-z]|[,;:)\]}\u2013\u2014-](?!\d))")
_OPEN, _CLOSE = "([{", ")]}"
#: A reader's comment signed with a stamp: "At 4:36 pm on 18 Jan 2010, alice wrote: ...",
#: "high_al at 11:07 am: ...".
_COMMENT_SIGNATURE = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?|\d{1,2}(?:st|nd|rd|th)?)"
    r"\s+(?:19|20)\d\d,\s*[\w.-]+\s+wrote\s*:"
    r"|^[\w.-]+\s+(?:at|@)\s+\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*:"
)
_QUOTED = re.compile(r"[\u201c\"]([^\u201c\u201d\"]*)(?:[\u201d\"]|$)")
_WORD = re.compile(r"[^\W\d_]{2,}")


def closes_unopened_bracket(sentence: str) -> bool:
    """True when a bracket is closed before any was opened: the rest of a sentence cut
    inside a bracket ("L) massive oil spill ...")."""
    depth = 0
    for char in sentence:
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            if depth == 0:
                return True
            depth -= 1
    return False


def is_fragment(sentence: str) -> bool:
    """True when the sentence is only a piece of one, page furniture or a reader's comment:
    it cannot tell a day on its own. A list's mark ("2) ") is no piece of anything."""
    text = without_list_mark(sentence).strip()
    return bool(
        not text
        or _CUT_OFF.search(text)
        or _CONTINUES.match(text)
        or closes_unopened_bracket(text)
        or "|" in text
        or _COMMENT_SIGNATURE.search(text)
    )


def quoted_share(sentence: str) -> float:
    """The share of the sentence's words inside quotation marks (0..1)."""
    words = len(_WORD.findall(sentence))
    if not words:
        return 0.0
    quoted = sum(len(_WORD.findall(m.group(1))) for m in _QUOTED.finditer(sentence))
    return min(1.0, quoted / words)


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
#: A list mark before an entry: "* ", "\* " (escaped), "• ", "2) ".
_LIST_MARK = re.compile(r"^\s*(?:\\?\*|[\u2022\u00b7\u25aa\u25cf]|\(?(?:\d{1,2}|[a-z])\)(?=\s))\s*")
#: A day heading its entry: "April 22 – ", "16 May: ", "Thursday, May 6, 2010 - ".
_DAY_HEADING = re.compile(
    rf"^(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH})"
    rf"(?:,?\s+\d{{4}})?\s*[\u2013\u2014-]+\s+(?=\S)"
)


def without_list_mark(sentence: str) -> str:
    """The sentence without the list mark it was printed under ("* May 5 – ...")."""
    return _LIST_MARK.sub("", sentence, count=1)


def is_chronology_entry(sentence: str) -> bool:
    """True when the sentence opens with its day as a heading and a dash ("April 22 – The
    rig sinks"): an entry of a chronology, where the writer says in one line what the day
    is remembered for."""
    return bool(_DAY_HEADING.match(without_list_mark(sentence).lstrip()))


_ZONE = r"(?:[ECMP][SD]?T|GMT|BST|UTC|CES?T|local)"
_CLOCK = rf"\d{{1,2}}[:.]\d{{2}}\s*(?:[AaPp]\.?\s?[Mm]\.?)?(?:\s*{_ZONE}\b)?"
#: A page's stamp glued before the lead: "Thursday, May 6, 2010; 11:30 AM ", "May 6, 2010
#: 11:30 AM -- ": the day the page was posted, not what happened on it.
_PAGE_STAMP = re.compile(
    rf"^(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH}),?\s+\d{{4}}"
    rf"\s*[;,|]?\s*(?:at\s+)?{_CLOCK}\s*(?:[-\u2013\u2014|:]+\s*)?(?=\S)"
)


def as_told(sentence: str) -> str:
    """The sentence as a key event shows it: without the list mark it was printed under, or
    the page's stamp and the wire's dateline glued before it ("Thursday, May 6, 2010; 11:30
    AM PORT FOURCHON, LA. -- The box arrived ..." is "The box arrived ...")."""
    text = without_list_mark(sentence).strip()
    unstamped = _PAGE_STAMP.sub("", text, count=1)
    if unstamped != text:
        text = strip_dateline(unstamped)
    return text


#: The writer's own voice outside quotation marks: a column, a blog, a reader's account.
_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]y|[Mm]e|[Ww]e|[Oo]ur|us)\b")
#: A sentence whose subject points back to one before it ("By Friday they had made it").
_PRONOUN_LEAD = re.compile(
    r"^(?:(?:On|By|In|At|Late|Early|Earlier|Later|Last|Then|But|And|So)\b[^,]{0,25},?\s+)?"
    r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\b"
)


def unquoted(sentence: str) -> str:
    """The sentence with what is inside quotation marks blanked."""
    return _QUOTED.sub(" ", sentence)


def in_first_person(sentence: str) -> bool:
    """True when the sentence speaks as "I" or "we" outside quotation marks: someone's own
    account ("Last Wednesday I decided to go to Haiti"), not a report of what happened."""
    return bool(_FIRST_PERSON.search(unquoted(sentence)))


def opens_with_pronoun(sentence: str) -> bool:
    """True when the sentence's subject is a pronoun pointing back to a sentence before it
    ("On Friday she made a public appeal"): alone under a date, nobody knows who."""
    return bool(_PRONOUN_LEAD.match(as_told(sentence)))


#: Someone saying nothing: "refused to comment", "declined to comment on the proposal",
#: "could not be reached for comment", "did not respond to requests for comment".
_NO_COMMENT = re.compile(
    r"\b(?:refus\w*|declin\w*|would\s+not|wouldn't|did\s+not|didn't|could\s+not|couldn't|"
    r"(?:was|were)\s+not\s+available|unavailable)\b[^.;:]{0,40}?\bcomment",
    re.I,
)
#: A second clause that may tell what did happen ("..., but shares fell 5%").
_ANOTHER_CLAUSE = re.compile(r";|\b(?:but|while|although|after|as|when|and)\b", re.I)


def only_no_comment(sentence: str) -> bool:
    """True when all the sentence tells is that someone did not comment ("Tony Hayward, BP's
    chief executive, refused to comment on the proposal yesterday."): nothing happened in
    it, so it cannot tell a day. A sentence with another clause ("Shares fell 5% and BP
    declined to comment") tells something besides."""
    text = unquoted(as_told(sentence))
    found = _NO_COMMENT.search(text)
    if not found:
        return False
    rest = text[: found.start()] + " " + text[found.end():]
    return not _ANOTHER_CLAUSE.search(rest)
