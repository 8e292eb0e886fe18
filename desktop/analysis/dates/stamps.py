"""The page's own timing: update stamps, reader-comment headers and datelines.

A stamp says when the text after it was written ("Updated: 1:09 a.m. Monday", "At 3:08 pm
on 15 Jul 2009, helenle wrote:"), never when anything happened: the tagger counts what
follows from it, and the timeline makes no event of it. A dateline ("TRIPOLI, Feb 27
(Reuters) -") gives the day of the report; it dates a sentence only when the sentence gives
no date of its own.
"""

from __future__ import annotations

import datetime as dt
import re

#: Before a page's own time stamp: "Updated: 1:09 a.m. Monday", "Added: Tuesday, 19 January".
_STAMP_BEFORE = re.compile(
    r"(?:\b(?:updated|posted|added|published)\s*:|\blast\s+updated\b|\bfirst\s+published\b)"
    r"[^.\n]{0,35}$", re.IGNORECASE)
#: After a reader comment's header: "At 3:08 pm on 15 Jul 2009, helenle wrote:".
_STAMP_AFTER = re.compile(r"[^.\n;:]{0,40}?\b(?:wrote|writes)\s*:", re.IGNORECASE)
#: How far a stamp may move the reference date past publication (an update, a late comment).
STAMP_REACH = dt.timedelta(days=400)


def is_stamp(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is the page's own timing (an update stamp, a comment's
    header): not an event, but when what follows was written."""
    return bool(_STAMP_BEFORE.search(text, max(0, start - 45), start)
                or _STAMP_AFTER.match(text, end, end + 60))


#: "TRIPOLI, Feb 27 (Reuters) -", "WASHINGTON, March 3 --": a place in capitals opening a
#: line, then the date, then the agency or a dash.
_DATELINE_BEFORE = re.compile(r"(?:^|\n|\)\s|[-–—]\s)\s*[A-Z][A-Z.'’ /-]{2,40}(?:,\s*[A-Z][\w.]*)?,\s*$")
_DATELINE_AFTER = re.compile(r",?\s*(?:(?:19|20)\d\d\s*)?(?:\((?:Reuters|AP|AFP|dpa|UPI|Xinhua|"
                             r"Bloomberg|CNN)\)|[-–—]{1,2}\s)")


def is_dateline(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is the date of a dateline."""
    return bool(_DATELINE_BEFORE.search(text, max(0, start - 60), start)
                and _DATELINE_AFTER.match(text, end, end + 20))


#: How far before publication an entry of a diary or live blog may be dated.
ENTRY_REACH = dt.timedelta(days=31)
#: How many characters an entry's day dates after its heading, when no other heading
#: comes first: about two hundred words, a diary entry's few paragraphs.
ENTRY_LENGTH = 1200
#: An entry heading opens its line (a weekday may come first, in any case: "SUNDAY 17
#: JANUARY") and is set in capitals before a dash or a colon, or stands alone on its line.
_ENTRY_BEFORE = re.compile(r"(?:\A|\n)[ \t]*(?:[A-Za-z]+(?i:day),?[ \t]+)?\Z")
_ENTRY_AFTER_CAPITALS = re.compile(r"[ \t]*[-–—:][ \t]")
_LINE_END = re.compile(r"[ \t]*(?:\n|\Z)")


def is_entry_heading(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is the date heading an entry of a diary, blog or live
    page ("SUNDAY 17 JANUARY - CARWYN HILL This morning I arrived ..."): what follows was
    written that day, so its "this morning" and "today" are that day. A caption's date
    ("Apr. 21 : An oil slick is seen ...") is no heading: it dates its picture only."""
    if not _ENTRY_BEFORE.search(text, max(0, start - 16), start):
        return False
    if _LINE_END.match(text, end):
        return True
    words = text[start:end]
    return words.upper() == words and any(c.isalpha() for c in words) \
        and bool(_ENTRY_AFTER_CAPITALS.match(text, end))
