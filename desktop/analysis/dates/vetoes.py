"""Which pattern matches are not time expressions at all: "2000 troops", "$1999", ages.

The patterns are deliberately generous; these checks run before overlapping matches are
resolved, so a vetoed long match cannot hide a good shorter one inside it.
"""

from __future__ import annotations

import re

from desktop.analysis.dates.patterns import SET_TRIGGER, Candidate

_YEAR_CONTEXT_BAD_BEFORE = re.compile(r"(?:[$£€#¥]|\bNo\.|\bnumber|\bRs\.?|\bUS\$)\s*$", re.I)
_YEAR_CONTEXT_BAD_AFTER = re.compile(
    r"\s*(?:[-–]\s*(?:[a-z]+\b)(?<!old)(?<!era)|[a-z]+s\b(?<!\bis)(?<!\bwas)|"
    r"(?:people|feet|metres|meters|miles|kilometers|km|tons|troops|men|women|children|"
    r"cars|jobs|votes|points|yards|pages|acres|dead|deaths)\b)", re.I)
_DETERMINER = re.compile(r"\b(?:the|its|their|his|her|this|that|our|of|in)\s+$", re.I)
#: Plural nouns a year modifies but never counts: "1998 levels", "2010 elections".
_YEAR_MODIFIES = re.compile(
    r"\s+(?:levels|prices|figures|rates|standards|elections|results|earnings|sales|forecasts|"
    r"estimates|budgets|talks|negotiations|games|olympics|polls|accounts|accords)\b", re.I)
_YEAR_PREP = re.compile(
    r"\b(?:in|since|of|from|until|till|by|before|after|around|circa|c\.|during|to|through|"
    r"between|and|early|late|mid|year|fiscal|the)\s*$", re.I)


def plausible(cand: Candidate, text: str) -> bool:
    """A cheap veto on matches that are numbers, names or words, not times."""
    name = cand.rule.name
    if name == "year":
        m = cand.match
        if _YEAR_CONTEXT_BAD_BEFORE.search(text, max(0, cand.start - 6), cand.start):
            return False
        if m["fiscal"] is None and _YEAR_CONTEXT_BAD_AFTER.match(
                text, cand.end, cand.end + 20) and not \
                _DETERMINER.search(text, max(0, cand.start - 8), cand.start) and not \
                _YEAR_MODIFIES.match(text, cand.end, cand.end + 20):
            return False  # "2000 troops", but "the 1992 elections", "back to 1998 levels"
        if m["mod"] is None and m["fiscal"] is None:
            y = int(m["year"])
            before = text[max(0, cand.start - 12) : cand.start]
            if y < 1900 and not _YEAR_PREP.search(before):
                return False
            if y > 2100:
                return False
            prior = re.search(r"(\d[\d,.]*)\s*(?:to|and|or|-)\s*$", before)
            if prior and not re.fullmatch(r"1[0-9]\d\d|20\d\d", prior.group(1)):
                return False
    elif name == "duration":
        m = cand.match
        if m["num"].lower() in {"a", "an", "some", "many"} and (m["dir"] or m["det"]) is None \
                and m["unit"].lower() in {"second", "minute"} and m["pre"] is None:
            return False
        after = text[cand.end : cand.end + 4]
        if m["num"].lower() == "second" or after.startswith(("’s", "'s")):
            return False
        if m["old"] and m["old"].lower() == "-old" or re.match(r"\s+old\b", after + text[
                cand.end + 4 : cand.end + 8]):
            return False  # an age ("a 6-year-old", "52 years old"), not a stretch of time
        if m["unit"].lower() == "quarter" and m["plural"] and "-" in m.group(0):
            return False  # "three-quarters" of something
        if m["unit"].lower() == "quarter" and m["num"].lower() in {"a", "one", "three"} and \
                _FRACTION_OF.match(text, cand.end, cand.end + 30):
            return False  # "more than a quarter of the market": a share, not three months
        if len(m["num"]) == 4 and m["num"].isdigit() and m["unit"].lower() in {"second",
                                                                                 "minute"}:
            return False
    elif name == "set":
        m = cand.match
        if m["q"] and m["q"].lower() in {"a", "per"} and not m["freq"]:
            if m["q"].lower() == "per" or not SET_TRIGGER.search(
                    text, max(0, cand.start - 25), cand.start):
                return False
    elif name == "ref":
        word = cand.match["word"].lower()
        if word in {"present", "past"} and not text[cand.end : cand.end + 1].isspace():
            return False
        if word == "present" or word == "past":
            return False
        if word.startswith("the") and _COUNT_AFTER.match(text, cand.end, cand.end + 20):
            return False  # "the past three summers": a count of something, not the past
        if word == "current" and False:
            after = text[cand.end : cand.end + 20]
            if not re.match(r"\s+(?:[a-z]+\s+)?(?:year|quarter|month|week|period|season|"
                            r"level|levels|rate|rates|price|prices|situation|crisis|"
                            r"government|administration|term|policy|system|fiscal|"
                            r"conditions|economic|market|state|plan|leader|leaders|"
                            r"environment|talks|round|session|regime|president|contract|"
                            r"rules)", after):
                return False
    elif name == "month":
        m = cand.match
        if m["mon"] in {"March", "May"} and text[cand.end : cand.end + 1] == "-":
            return False
        if m["mon"] == "March" and _MARCH_EVENT.match(text, cand.end, cand.end + 30):
            return False  # "the March for Life", "the March of the Mothers": a march
    if name in {"deictic", "relative_unit", "clock"} and _is_title(cand, text):
        return False
    if name in _NAMED_SHAPES and _is_name(cand, text):
        return False
    return True


#: Rules whose match can be part of a name rather than a date.
_NAMED_SHAPES = frozenset({"weekday", "month_day", "day_month", "month"})
#: "Bloody Sunday", "Super Tuesday", "Fox News Sunday": a day with a name of its own.
_DAY_NAME_BEFORE = re.compile(
    r"(?-i:\b(?:Bloody|Black|Super|Ash|Good|Holy|Maundy|Palm|Cyber|Shrove|Whit|Low|Fat|Blue|"
    r"Giving|News|Manic|Mad))\s+$")
#: "the Sunday Times", "the Mail on Sunday": newspapers and programmes.
_DAY_NAME_AFTER = re.compile(
    r"\s+(?-i:Times|Telegraph|Mirror|Express|Herald|Post|Mail|Tribune|Independent|Observer|Star|"
    r"Sport|People|Business|Night\s+Football|Politics|Edition|Show)\b")
_ON_DAY_PAPER = re.compile(r"(?-i:\b(?:Mail|Independent|Scotland|Wales)\s+on)\s+$")
#: "the February 17 Uprising", "the April 6 Youth Movement": movements, places, accords.
_DATE_NAME_AFTER = re.compile(
    r"(?:th|st|nd|rd)?\s+(?-i:(?:Youth\s+|Revolutionary\s+|Student\s+)?(?:Movement|Uprising|"
    r"Revolution|Alliance|Coalition|Group|Brigades?|Bloc|Front|Party|Youth|Martyrs|Square|"
    r"Street|Avenue|Bridge|Stadium|University|Accords?|Agreement|Declaration|Manifesto|Club|"
    r"Massacre|Incident|Memorial|Commission|Committee|Generation|Coup|Intifada|Brigade)\b)")
#: "September 11 attacks", "post-September 11": the attacks' name, not a date in the story.
_NINE_ELEVEN = re.compile(r"(?-i:Sept(?:ember|\.)?)\s*11(?:th)?\Z")
_NINE_ELEVEN_AFTER = re.compile(
    r"\s+(?:attacks?|attackers|hijack\w*|terror\w*|victims?['’]?s?|famil\w+|commission|plot\w*|"
    r"mastermind|era|generation|memorial|museum|widows?|responders|world|style|report)\b",
    re.IGNORECASE)
#: "April crude", "December futures", "for March delivery": a contract month, not a date.
_CONTRACT_AFTER = re.compile(
    r"\s+(?:(?:Brent|WTI|light\s+sweet|sweet)\s+)?(?:crude|futures|contracts?|delivery|options|"
    r"Brent|WTI|gasoline|heating\s+oil|natural\s+gas|gas\s+oil|gold|silver|copper|corn|wheat|"
    r"soybeans?|sugar|coffee|cocoa|cotton|cattle|hogs|T-bonds?|bonds?\s+futures)\b",
    re.IGNORECASE)


_DAY_AFTER_MONTH = re.compile(r"\s*\d{1,2}(?!\d)")


def _is_name(cand: Candidate, text: str) -> bool:
    """A weekday or a month/day that is part of a name: a day with its own name ("Bloody
    Sunday"), a newspaper ("Sunday Times"), a movement ("February 17 Uprising"), the
    September 11 attacks, or a futures contract's month ("April crude")."""
    words = text[cand.start : cand.end]
    before = text[max(0, cand.start - 16) : cand.start]
    after = text[cand.end : cand.end + 40]
    name = cand.rule.name
    if name == "weekday":
        return bool(_DAY_NAME_BEFORE.search(before) or _DAY_NAME_AFTER.match(after)
                    or _ON_DAY_PAPER.search(before))
    if name == "month":
        if _CONTRACT_AFTER.match(after):
            return True
        day = _DAY_AFTER_MONTH.match(after)
        if day is None:
            return False
        # "February" of a "February 17 Uprising" whose longer match was already refused
        words, after = words + day.group(0), text[cand.end + day.end() : cand.end + 60]
    if _NINE_ELEVEN.search(words) and (_NINE_ELEVEN_AFTER.match(after)
                                        or before.lower().endswith(("post-", "pre-"))):
        return True
    return bool(_DATE_NAME_AFTER.match(after))


_FRACTION_OF = re.compile(r"\s+of\b(?!\s+(?:an?\s+|the\s+)?(?:century|hour|year|decade)\b)",
                          re.IGNORECASE)
_COUNT_AFTER = re.compile(
    r"\s+(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"few|several|many|couple)\b)", re.IGNORECASE)
_MARCH_EVENT = re.compile(r"\s+(?:for|of|on)\s+(?:the\s+)?[A-Z]")
_ACRONYM_BEFORE = re.compile(r"(?<![\w.])[A-Z]{2,5}(?:-[A-Z]+)?\s$")
_TITLE_CLOSES = re.compile(r"(?:\s+[A-Z][\w.'’-]*){0,5}[,.!?]?[\"”'’]")
_QUOTE_OPENED_MIDSENTENCE = re.compile(r"[a-z,'’]\s+(?:``|[\"“])$")


def _is_title(cand: Candidate, text: str) -> bool:
    """"USA Today", ABC's "This Week," "high noon": names and idioms, not times.

    Only capitalised words count: after an acronym ("VOA Today"), or opening a short quoted
    title in the middle of a sentence that closes right after its capitalised words.
    """
    words = text[cand.start : cand.end]
    if words.lower() == "noon" and text[max(0, cand.start - 5) : cand.start].lower() == "high ":
        return True  # "high noon": the showdown, not the hour
    if not words[:1].isupper():
        return False
    before = text[max(0, cand.start - 12) : cand.start]
    if _ACRONYM_BEFORE.search(before):
        return True
    return bool(_QUOTE_OPENED_MIDSENTENCE.search(before)) and bool(
        _TITLE_CLOSES.match(text, cand.end, cand.end + 60))
