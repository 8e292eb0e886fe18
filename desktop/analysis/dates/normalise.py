"""From matched words to a TIMEX3 value: one small rule per shape of expression.

Every rule gets the match and a `Context` (text, publication date, narrative) and returns a
`Resolution` (type, value, what it was resolved against, how sure we are, why) or None when
the words turn out not to be a time expression ("2000 troops"). Values keep the granularity
the text gives: "last month" is a month, never a day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from desktop.analysis.dates import values as V
from desktop.analysis.dates.anchoring import (
    FUTURE,
    PAST,
    PRESENT,
    Narrative,
    describe_day,
    is_past_form,
    tense_near,
    tense_reach,
)
from desktop.analysis.dates.holidays import HOLIDAYS
from desktop.analysis.dates.lexicon import (
    DECADE_WORDS,
    MONTHS,
    ORDINALS,
    PART_OF_DAY,
    SEASON,
    UNITS,
    WEEKDAYS,
    number_value,
)
from desktop.analysis.dates.named_days import counted_day
from desktop.analysis.dates.patterns import SET_TRIGGER, Candidate

DATE, TIME, DURATION, SET = "DATE", "TIME", "DURATION", "SET"
ABSOLUTE, DCT, NARRATIVE, NONE = "absolute", "dct", "narrative", "none"


@dataclass(slots=True)
class Context:
    text: str
    dct: dt.date | None
    narrative: Narrative
    forced_tense: str | None = None  # set by the tagger for a stamp's own words
    reference: str = "publication"  # what *dct* is: publication, or a stamp after it
    _tense: str | None = None
    _tense_for: int = -1

    def tense_reach(self, cand: Candidate) -> float:
        """How far the verb that gave `tense` lies (0 when a stamp forces it)."""
        if self.forced_tense is not None:
            return 0.0
        return tense_reach(self.text, cand.start, cand.end)

    def tense(self, cand: Candidate) -> str | None:
        if self.forced_tense is not None:
            return self.forced_tense
        if self._tense_for != cand.start:
            self._tense = tense_near(self.text, cand.start, cand.end)
            self._tense_for = cand.start
        return self._tense


@dataclass(frozen=True, slots=True)
class Resolution:
    type: str
    value: str
    anchor: str | None = None
    anchor_kind: str = NONE
    confidence: float = 0.9
    explanation: str = ""
    moves: bool = True  # may later expressions count from this one ("two days later")?


def _g(m: re.Match[str], name: str) -> str | None:
    """A named group, or None when the rule has no such group or it did not take part."""
    try:
        return m.group(name)
    except IndexError:
        return None


def _month_number(word: str) -> int:
    return MONTHS[word[:3].lower()]


def _weekday_number(word: str) -> int:
    return WEEKDAYS[word[:3].lower()]


def _year(word: str, dct: dt.date | None) -> int:
    """"1998" -> 1998; "'98" -> the year ending 98 nearest the publication date."""
    digits = word.lstrip("'’")
    if len(digits) == 4:
        return int(digits)
    base = dct.year if dct else 1950
    century = base - base % 100
    year = century + int(digits)
    if year > base + 20:
        year -= 100
    return year


def _dct_anchor(ctx: Context) -> str | None:
    return ctx.dct.isoformat() if ctx.dct else None


def _rel_to_dct(ctx: Context, what: str) -> str:
    assert ctx.dct is not None
    return f"{what}, relative to {ctx.reference} {describe_day(ctx.dct)}"


def _choose(candidates: list[tuple[int, str]], here: int, tense: str | None,
            rel: str | None = None, reach: int | None = None) -> str:
    """Pick among (ordinal, value) candidates around *here* (the publication's ordinal).

    "last"/"past" -> the latest strictly before; "next"/"coming" -> the first strictly after;
    "this" -> the nearest. Otherwise the verb's tense decides (past -> latest not after,
    future -> first not before) as long as that one lies within *reach* of publication: a
    dividend "payable Jan. 2" in a November story is the coming January whatever the verbs
    around it say. Failing that, the nearest.
    """
    rel = (rel or "").lower().removeprefix("the ").strip()
    if rel in {"last", "past", "previous", "this past", "prior", "preceding"}:
        before = [c for c in candidates if c[0] < here]
        if before:
            return max(before)[1]
    if rel in {"next", "coming", "this coming", "following"}:
        after = [c for c in candidates if c[0] > here]
        if after:
            return min(after)[1]
    if rel in {"this", "current"}:
        return min(candidates, key=lambda c: (abs(c[0] - here), c[0]))[1]
    pick: tuple[int, str] | None = None
    if tense == PAST:
        before = [c for c in candidates if c[0] <= here]
        pick = max(before) if before else None
    elif tense == FUTURE:
        after = [c for c in candidates if c[0] >= here]
        pick = min(after) if after else None
    if pick is not None and (reach is None or abs(pick[0] - here) <= reach):
        return pick[1]
    return min(candidates, key=lambda c: (abs(c[0] - here), -c[0]))[1]


def _pod_suffix(word: str | None) -> str:
    return f"T{PART_OF_DAY[word.lower()]}" if word else ""


# --- calendar dates -----------------------------------------------------------------------


def month_day(cand: Candidate, ctx: Context) -> Resolution | None:
    m = cand.match
    mon = _month_number(m["mon"])
    dom = int(m["day"])
    wd = _g(m, "wd")
    year_word = _g(m, "year")
    if year_word:
        year = _year(year_word, ctx.dct)
        d = V.safe_date(year, mon, dom)
        if d is None:
            return None
        if wd and d.isoweekday() != _weekday_number(wd):
            return Resolution(DATE, V.day(d), None, ABSOLUTE, 0.6,
                              f"{describe_day(d)}, as written, but the text says {wd}")
        return Resolution(DATE, V.day(d), None, ABSOLUTE, 0.97, f"{describe_day(d)}, as written")
    if V.safe_date(2000, mon, dom) is None:  # 2000 is a leap year: Feb. 29 passes
        return None
    if ctx.dct is None:
        return Resolution(DATE, f"XXXX-{mon:02d}-{dom:02d}", None, NONE, 0.5,
                          "no year given and no publication date to take it from")
    options = [d for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
               if (d := V.safe_date(y, mon, dom)) is not None]
    if wd:
        agreeing = [d for d in options if d.isoweekday() == _weekday_number(wd)]
        if agreeing:
            d = min(agreeing, key=lambda d: abs((d - ctx.dct).days))
            return Resolution(DATE, V.day(d), _dct_anchor(ctx), DCT, 0.95, _rel_to_dct(
                ctx, f"{cand.match.group(0)} → {describe_day(d)} (the year where the weekday "
                     "agrees)"))
    tense = ctx.tense(cand)
    if tense is None and not _BOUND_OR_RANGE_END.search(ctx.text, 0, cand.start):
        # Without a tense, news looks back, as for a bare month: "down 27 percent from its
        # close on April 20", "the April 20 explosion" in a December story. A bound or the
        # end of a range ("through September 30", "from June 1 to November 30") stays the
        # nearest.
        tense = PAST
    chosen = _choose([(d.toordinal(), V.day(d)) for d in options], ctx.dct.toordinal(),
                     tense, _g(m, "mdrel"), reach=300)
    d = dt.date.fromisoformat(chosen)
    conf = 0.9 if abs((d - ctx.dct).days) < 120 else 0.7
    return Resolution(DATE, chosen, _dct_anchor(ctx), DCT, conf,
                      _rel_to_dct(ctx, f"{cand.match.group(0)} → {describe_day(d)}"))


_BOUND_OR_RANGE_END = re.compile(r"\b(?:until|till|through|thru|by|to|before)\s+(?:the\s+)?\Z",
                                 re.IGNORECASE)


def week_of(cand: Candidate, ctx: Context) -> Resolution | None:
    """"the week of March 6" -> the ISO week of that day."""
    res = month_day(cand, ctx)
    if res is None or not re.match(r"\d{4}-\d\d-\d\d\Z", res.value):
        return res
    value = V.week(dt.date.fromisoformat(res.value))
    return Resolution(DATE, value, res.anchor, res.anchor_kind, res.confidence,
                      f"the week of {res.value}")


def two_quarters(cand: Candidate, ctx: Context) -> Resolution | None:
    """"the first two quarters of 1990" -> 1990-H1, "the last two quarters" -> H2."""
    half = 1 if cand.match["which"].lower() == "first" else 2
    return Resolution(DATE, f"{int(cand.match['year']):04d}-H{half}", None, ABSOLUTE, 0.9,
                      "half a year, as two quarters")


def part_of(cand: Candidate, ctx: Context) -> Resolution | None:
    """"the weekend of June 6" -> the weekend of that day's week."""
    res = month_day(cand, ctx)
    if res is None or not re.match(r"\d{4}-\d\d-\d\d\Z", res.value):
        return res
    d = dt.date.fromisoformat(res.value)
    return Resolution(DATE, V.week(d) + "-WE", res.anchor, res.anchor_kind, res.confidence,
                      f"the weekend of {res.value}")


def day_month(cand: Candidate, ctx: Context) -> Resolution | None:
    return month_day(cand, ctx)


def iso(cand: Candidate, ctx: Context) -> Resolution | None:
    m = cand.match
    d = V.safe_date(int(m["year"]), int(m["m"]), int(m["day"]))
    if d is None:
        return None
    if _g(m, "hour"):
        return Resolution(TIME, f"{V.day(d)}T{m['hour']}:{m['min']}", None, ABSOLUTE, 0.97,
                          "as written")
    return Resolution(DATE, V.day(d), None, ABSOLUTE, 0.97, f"{describe_day(d)}, as written")


def numeric(cand: Candidate, ctx: Context) -> Resolution | None:
    """"05/30/2025" (month first, as in US news) or "30/05/2025", "30.05.2025" (day first).

    A slash date is read month first unless the first number cannot be a month; a dotted
    date is always day first (European style).
    """
    m = cand.match
    a, b = int(m["a"]), int(m["b"])
    day_first = m["sep"] == "." or a > 12
    mon, dom = (b, a) if day_first else (a, b)
    d = V.safe_date(int(m["year"]), mon, dom)
    if d is None:
        return None
    order = "day/month/year" if day_first else "month/day/year"
    unambiguous = m["sep"] == "." or a > 12 or b > 12
    conf = 0.9 if unambiguous else 0.7
    return Resolution(DATE, V.day(d), None, ABSOLUTE, conf, f"{describe_day(d)}, read as {order}")


def month_year(cand: Candidate, ctx: Context) -> Resolution | None:
    m = cand.match
    mod = (_g(m, "mod") or "").lower()
    year = _year(m["year"], ctx.dct)
    return Resolution(DATE, V.month(year, _month_number(m["mon"])), None, ABSOLUTE, 0.95,
                      "as written" + (f" ({mod})" if mod else ""))


def month(cand: Candidate, ctx: Context) -> Resolution | None:
    m = cand.match
    mon = _month_number(m["mon"])
    word = m["mon"]
    if word == "May" and not (_g(m, "rel") or _g(m, "mod")):
        before = ctx.text[max(0, cand.start - 30) : cand.start]
        after = ctx.text[cand.end : cand.end + 12]
        # "Theresa May", "May said": a name, not the month.
        if re.search(r"[A-Z][\w.]*\s+$", before) and not re.search(
                r"(?:^|\W)(?:In|Since|Until|By|From|Of|The)\s+$", before) or re.match(
                r"\s+(?:said|says|has|had|is|was|will|would)\b", after):
            return None
    if ctx.dct is None:
        return Resolution(DATE, f"XXXX-{mon:02d}", None, NONE, 0.5, "no year known")
    here = ctx.dct.year * 12 + ctx.dct.month - 1
    options = [(y * 12 + mon - 1, V.month(y, mon))
               for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
    rel = " ".join((_g(m, "rel") or "").lower().split())
    if rel in {"this", "current"}:
        value = V.month(ctx.dct.year, mon)
    else:
        # Without a tense, news looks back: "In January, the company ..." is past.
        tense = ctx.tense(cand) or PAST
        value = _choose(options, here, tense, rel, reach=_month_reach(cand, ctx, tense))
    return Resolution(DATE, value, _dct_anchor(ctx), DCT, 0.8,
                      _rel_to_dct(ctx, f"{cand.match.group(0)} → {value}"))


#: "will stay until March", "run through February": the end of a stretch ahead.
_BOUND_AHEAD = re.compile(r"\b(?:until|till|through|by)\s+$", re.IGNORECASE)
#: "will visit in January": a future verb right before the month.
_FUTURE_VERB_IN = re.compile(r"\b(?:will|shall|to)\s+[a-z]+\s+(?:in|during)\s+$")
#: "closed in December", "was founded in May": the verb governs the month directly.
_VERB_IN = re.compile(r"\b(?P<verb>[a-z]+)\s+(?:in|during)\s+$")


def _month_reach(cand: Candidate, ctx: Context, tense: str) -> int:
    """How many months away the verb's direction may take a bare month.

    Nine, as a rule: a tense read from further away is often another clause's. A whole
    year when the clause governs the month for certain: a bound ahead ("until March" in a
    forward clause), a future or past verb right before it ("will visit in January",
    "closed in December").
    """
    before = ctx.text[max(0, cand.start - 30) : cand.start]
    if tense == FUTURE and (_BOUND_AHEAD.search(before) or _FUTURE_VERB_IN.search(before)):
        return 12
    verb = _VERB_IN.search(before)
    if tense == PAST and verb and is_past_form(verb["verb"]):
        return 12
    return 9


def year(cand: Candidate, ctx: Context) -> Resolution | None:
    m = cand.match
    y = int(m["year"])
    mod = (_g(m, "mod") or "").lower()
    value = f"{y:04d}"
    if "first half" in mod:
        value += "-H1"
    elif "second half" in mod or "last half" in mod:
        value += "-H2"
    else:
        for word, code in SEASON.items():
            if f"the {word} of" in mod:
                value += f"-{code}"
    return Resolution(DATE, value, None, ABSOLUTE, 0.95, "as written")


_TENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
         "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9}


def spelled_year(cand: Candidate, ctx: Context) -> Resolution | None:
    """"nineteen ninety-six" (broadcast transcripts) -> 1996."""
    m = cand.match
    if m["k"]:
        rest = (m["krest"] or "").lower()
        y = 2000 + _TENS.get(rest, _ONES.get(rest, 0))
        return Resolution(DATE, f"{y:04d}", None, ABSOLUTE, 0.85, "as said")
    century = _TENS[m["c"].lower()]
    rest = m["rest"].lower().replace("-", " ").split()
    if rest[0] == "hundred":
        rest = rest[1:] or ["zero"]
    n = 0
    for word in rest:
        n += _TENS.get(word, _ONES.get(word, 0))
    if n >= 100:
        return None
    y = century * 100 + n
    prefix = (m["sm"] or "").lower()
    value = f"{y:04d}"
    if m["mon"]:
        value += f"-{_month_number(m['mon']):02d}"
    for word, code in SEASON.items():
        if word in prefix:
            value += f"-{code}"
    return Resolution(DATE, value, None, ABSOLUTE, 0.85, "as said")


def range_end_year(cand: Candidate, ctx: Context) -> Resolution | None:
    """The second year of "2019-2023"."""
    return Resolution(DATE, cand.match["year"], None, ABSOLUTE, 0.9, "as written")


def range_end_yy(cand: Candidate, ctx: Context) -> Resolution | None:
    """The "11" of "2010-11" or "1998/99": the year after the first, in its century."""
    first = int(ctx.text[cand.start - 5 : cand.start - 1])
    y = first - first % 100 + int(cand.match["yy"])
    if y <= first:
        y += 100
    if y - first > 2:  # "2010-45" is no range of years
        return None
    return Resolution(DATE, f"{y:04d}", None, ABSOLUTE, 0.85,
                      f"{y}, the end of a range starting {first}")


_RANGE_START = re.compile(
    r"(?<![\w.])(?-i:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|"
    r"July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|"
    r"Dec(?:ember|\.)?)\s*(?P<first>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    r"\s*(?:[-–]|and|or|to|through)\s*\Z")


def range_end_day(cand: Candidate, ctx: Context) -> Resolution | None:
    """The 25 of "April 24 and 25": the same month and year as the day before it."""
    m = _RANGE_START.search(ctx.text[max(0, cand.start - 30) : cand.start])
    story = ctx.narrative.day
    if m is None or story is None or ctx.narrative.day_at < cand.start - 30 or \
            story.day != int(m["first"]):
        return None
    d = V.safe_date(story.year, story.month, int(cand.match["day"]))
    if d is None or d <= story:
        return None
    return Resolution(DATE, V.day(d), V.day(story), NARRATIVE, 0.8,
                      f"{describe_day(d)}, the end of a range starting {describe_day(story)}")


def decade(cand: Candidate, ctx: Context) -> Resolution | None:
    m = cand.match
    if m["decw"]:
        if not cand.match.group(0).lower().startswith(("the", "early", "late", "mid")):
            return None
        digit = DECADE_WORDS[m["decw"].lower()]
        century = 19
    elif m["dec2"]:
        digit = int(m["dec2"])
        base = ctx.dct.year if ctx.dct else 1990
        century = base // 100 if digit * 10 <= base % 100 else base // 100 - 1
    else:
        century, digit = int(m["cent"]), int(m["dec"])
    return Resolution(DATE, f"{century:02d}{digit}", None, ABSOLUTE, 0.9, "a decade")


def century(cand: Candidate, ctx: Context) -> Resolution | None:
    word = cand.match["ord"].lower()
    n = int(re.match(r"\d+", word).group(0)) if word[0].isdigit() else ORDINALS.get(word)
    if not n or n > 21:
        return None
    return Resolution(DATE, f"{n - 1:02d}", None, ABSOLUTE, 0.9, "a century")


def holiday(cand: Candidate, ctx: Context) -> Resolution | None:
    m = cand.match
    name = " ".join(m["hol"].lower().replace("’", "'").split())
    rule = HOLIDAYS.get(name)
    if rule is None:
        return None
    # "Easter week": the week the holiday falls in.
    as_value = (lambda d: V.week(d)) if m["hweek"] else V.day
    if m["year"]:
        d = rule(int(m["year"]))
        return Resolution(DATE, as_value(d), None, ABSOLUTE, 0.9, f"{describe_day(d)}")
    if ctx.dct is None:
        return None
    options = [(d.toordinal(), as_value(d)) for d in (rule(y) for y in
               (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1))]
    # A past verb picks the last one only while it is the nearer: "as Easter week began"
    # a week before Easter is this year's Easter, not last year's.
    tense = ctx.tense(cand)
    value = _choose(options, ctx.dct.toordinal(), tense, _g(m, "rel"),
                    reach=200 if tense == PAST else None)
    return Resolution(DATE, value, _dct_anchor(ctx), DCT, 0.8, _rel_to_dct(ctx, value))


# --- weekdays, today, parts of the day ---------------------------------------------------


def weekday(cand: Candidate, ctx: Context) -> Resolution | None:
    m = cand.match
    wd = _weekday_number(m["wd"])
    pod = _g(m, "pod")
    if not (m["plural"] or m["podplural"]) and (
            shared := _COORDINATED_PLURAL.match(ctx.text, cand.end, cand.end + 60)):
        # "on Monday and Tuesday nights": the plural covers both days
        pod = pod or shared["pod"]
        return Resolution(SET, f"XXXX-WXX-{wd}{_pod_suffix(pod)}", None, NONE, 0.7,
                          "every week")
    if m["plural"] or m["podplural"] or m["every"]:  # "Mondays", "every Tuesday night"
        return Resolution(SET, f"XXXX-WXX-{wd}{_pod_suffix(pod)}", None, NONE, 0.8,
                          "every week")
    kind = TIME if pod else DATE
    if ctx.dct is None:
        return Resolution(kind, f"XXXX-WXX-{wd}{_pod_suffix(pod)}", None, NONE, 0.4,
                          "no publication date to place it")
    rel = " ".join((_g(m, "rel") or "").lower().split())
    story = ctx.narrative.day
    if rel in {"the previous", "the prior", "the preceding", "the following"} and \
            story is not None:
        # "down 4.5% from the previous Friday": the one before the day being told about.
        step = -1 if rel != "the following" else 1
        d = story + dt.timedelta(days=step)
        while d.isoweekday() != wd:
            d += dt.timedelta(days=step)
        return Resolution(kind, V.day(d) + _pod_suffix(pod), V.day(story), NARRATIVE, 0.7,
                          f"{cand.match.group(0)} → {describe_day(d)}, from the story's "
                          f"date {describe_day(story)}")
    here = ctx.dct.toordinal()
    options = [(here + k, "") for k in range(-7, 8)
               if (ctx.dct + dt.timedelta(days=k)).isoweekday() == wd]
    tense = ctx.tense(cand)
    if not rel and _possessive(ctx.text, cand.end) and not (
            tense == FUTURE and _SCHEDULED_EVENT.match(ctx.text, cand.end)):
        # "Wednesday's ruling": an event already there to be named. (An event held on a
        # set day, in a clause looking ahead, is awaited: "are due to appear at Friday's
        # telethon".)
        tense = PAST
    if not rel and tense is None:
        tense = PAST  # news mostly reports what happened
    chosen = _choose_day(options, here, tense, rel)
    week = _WEEK_NAMED.match(ctx.text, cand.end)
    if not rel and week:
        # "on Wednesday next week", "Wednesday this week": the week says which one
        shift = {"this": 0, "next": 7, "last": -7}[week["which"].lower()]
        chosen = here - ctx.dct.isoweekday() + wd + shift
    elif not rel and not _g(m, "dba"):
        chosen = _same_day_as_before(ctx, cand, wd, chosen)
    if not _g(m, "dba") and (counted := _counted_in_apposition(ctx, cand)) is not None \
            and counted[0].isoweekday() == wd and _told_by_then(counted[0], cand, ctx):
        # "On Sunday, five days after the quake": the count says which Sunday
        d, noun, base = counted
        return Resolution(kind, V.day(d) + _pod_suffix(pod), V.day(base), NARRATIVE, 0.85,
                          f"{cand.match.group(0)} → {describe_day(d)}, "
                          f"{describe_day(d)} being that many days after the {noun} of "
                          f"{describe_day(base)}")
    # "the day before last Tuesday's hearing": a day either side of it
    chosen += {"before": -1, "after": 1}.get((_g(m, "dba") or "").lower(), 0)
    d = dt.date.fromordinal(chosen)
    value = V.day(d) + _pod_suffix(pod)
    conf = 0.9 if rel or ctx.tense(cand) else 0.7
    return Resolution(kind, value, _dct_anchor(ctx), DCT, conf, _rel_to_dct(
        ctx, f"{cand.match.group(0)} → {describe_day(d)}"))


#: ", five days after": a count set beside a weekday.
_APPOSED_COUNT = re.compile(r"\s*,\s+(?:(?:almost|nearly|about|some|exactly|just)\s+)*"
                            r"(?P<num>\d+|[a-z]+(?:-[a-z]+)?)\s+(?:full\s+)?"
                            r"(?P<unit>days?|weeks?)(?=\s)", re.IGNORECASE)


def _counted_in_apposition(ctx: Context, cand: Candidate) -> tuple[dt.date, str, dt.date] | None:
    """The day counted by ", N days after the <happening>" right after a weekday, if any."""
    m = _APPOSED_COUNT.match(ctx.text, cand.end, cand.end + 40)
    if m is None:
        return None
    return counted_day(ctx.text, m.end(), m["num"], m["unit"], ctx.narrative.happenings())


#: "Tuesday's", and "Tuesday 's" as tokenised corpora (Penn Treebank style) write it.
_POSSESSIVE = re.compile(r" ?['’]s(?![\w])")


#: "'s Hope for Haiti telethon": a possessive day's event held on a set day, which may lie
#: ahead (unlike an earthquake, a ruling or a blast, named once they have happened).
_SCHEDULED_EVENT = re.compile(
    r" ?['’]s\s+(?:(?:[A-Z][\w-]*|for|of|the|and)\s+){0,5}(?:[a-z-]+\s+)?"
    r"(?:telethon|concert|summit|meeting|talks|vote|election|hearing|conference|ceremony|"
    r"awards|match|game|final|deadline|launch|session|debate|rally|visit|speech|premiere|"
    r"auction|opening|funeral|memorial|parade|march|festival|show|gala|broadcast)s?\b")


def _possessive(text: str, end: int) -> bool:
    """True when the word ending at *end* takes a possessive ("Tuesday's earthquake")."""
    return _POSSESSIVE.match(text, end) is not None


#: A verb this many words before a weekday or nearer, or right after it, decides its
#: direction firmly ("are to meet on Thursday", "Monday was"); one this far or further
#: only weakly. (A marker after the day counts 1 + 1.5 per word, see `_nearest_marker`.)
_FIRM_REACH, _WEAK_REACH = 3, 6


#: "Wednesday next week": a weekday placed in a week of its own.
_WEEK_NAMED = re.compile(r",?\s+(?P<which>this|next|last)\s+week\b", re.IGNORECASE)


def _same_day_as_before(ctx: Context, cand: Candidate, wd: int, chosen: int) -> int:
    """One story, one Thursday: a weekday whose direction is only a default (no verb, a
    verb far off, "Thursday's meeting") is the day the same name was firmly given earlier
    ("ministers are to meet on Thursday ... Earlier, the commission convened an emergency
    meeting of the health ministers ... on Thursday to discuss")."""
    assert ctx.dct is not None
    key = (wd, ctx.dct.toordinal())
    reach = ctx.tense_reach(cand)
    possessive = _possessive(ctx.text, cand.end)
    if reach <= _FIRM_REACH and not possessive:
        ctx.narrative.weekdays.setdefault(key, chosen)
        return chosen
    if reach >= _WEAK_REACH or possessive:
        return ctx.narrative.weekdays.get(key, chosen)
    return chosen


_COORDINATED_PLURAL = re.compile(
    r"\s*(?:,|and|or|&)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*,?\s+(?:and\s+)?)*"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:s|\s+(?P<pod>morning|afternoon|evening|night)s)"
    r"(?!\w)")


#: How many days back a "last <weekday>" is still taken to mean the one a week earlier:
#: yesterday is "on Tuesday", so "last Tuesday" written on a Wednesday is the Tuesday
#: before. Two days back, TimeML reads it as the latest ("The day before last Tuesday's
#: hearing" on a Thursday is Monday of the same week).
_PLAIN_WEEKDAY_DAYS = 1


def _choose_day(options: list[tuple[int, str]], here: int, tense: str | None, rel: str) -> int:
    rel = rel.removeprefix("the ").strip()
    if rel in {"this", "current"}:
        # "this Friday": the one in the publication week, else the next.
        week_start = here - dt.date.fromordinal(here).isoweekday() + 1
        inside = [o for o, _ in options if week_start <= o < week_start + 7]
        if inside:
            return inside[0]
        rel = "next"
    if rel in {"last", "past", "previous", "this past"}:
        latest = max(o for o, _ in options if o < here)
        if rel == "last" and here - latest <= _PLAIN_WEEKDAY_DAYS:
            # Yesterday is "on Tuesday"; "last Tuesday" is the one the week before.
            latest -= 7
        return latest
    if rel in {"next", "coming", "this coming", "following"}:
        return min(o for o, _ in options if o > here)
    if tense == FUTURE:
        return min(o for o, _ in options if o >= here)
    if tense == PRESENT:
        return min((o for o, _ in options), key=lambda o: (abs(o - here), o))
    return max(o for o, _ in options if o <= here)


_GENERIC_TODAY = re.compile(
    r"\s?['’]s\s+(?:[a-z]+\s+)?(?:world|youth|society|generation|children|kids|young|teenagers|"
    r"economy|standards|technology|computers|families|students|parents|women|men|people|"
    r"culture|consumers?|workers|workplace|politics|media|military|industry)\b")
_DEICTIC_SHIFT = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "overnight": 0}


def deictic(cand: Candidate, ctx: Context) -> Resolution | None:
    m = cand.match
    word = m["word"].lower()
    pod = _g(m, "pod")
    if word == "tonight":
        pod = "night"
    if word == "overnight":
        pod = "night"
        if ctx.tense(cand) != FUTURE:
            word = "yesterday"
    kind = TIME if pod else DATE
    story = ctx.narrative.day
    if word == "yesterday" and m["word"].lower() == "overnight" and story is not None and \
            ctx.narrative.day_at >= cand.start - 300 and ctx.dct is not None and \
            0 < (ctx.dct - story).days <= 7:
        # "Friday's trading ... depressed by overnight losses in New York": the night
        # before the day the story is telling about.
        d = story - dt.timedelta(days=1)
        return Resolution(TIME, V.day(d) + "TNI", V.day(story), NARRATIVE, 0.6,
                          f"the night before {describe_day(story)}")
    if ctx.dct is None:
        return Resolution(kind, "PRESENT_REF" if word == "today" else "XXXX-XX-XX", None,
                          NONE, 0.3, "no publication date")
    if word == "today" and not pod and _GENERIC_TODAY.match(ctx.text, cand.end, cand.end + 40):
        # "today's world", "today's youth": the present age, not the day of publication.
        return Resolution(DATE, "PRESENT_REF", _dct_anchor(ctx), DCT, 0.6, "the present day")
    shift = _DEICTIC_SHIFT[word] + {"before": -1, "after": 1}.get((_g(m, "dba") or "").lower(), 0)
    d = ctx.dct + dt.timedelta(days=shift)
    return Resolution(kind, V.day(d) + _pod_suffix(pod), _dct_anchor(ctx), DCT, 0.95,
                      _rel_to_dct(ctx, f"{cand.match.group(0)} → {describe_day(d)}"))


_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "presently": "PRESENT_REF", "at present": "PRESENT_REF", "these days": "PRESENT_REF",
    "current": "PRESENT_REF", "the present": "PRESENT_REF", "present": "PRESENT_REF",
    "then current": "PAST_REF", "then-current": "PAST_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "recent": "PAST_REF",
    "previously": "PAST_REF", "formerly": "PAST_REF", "the past": "PAST_REF",
    "past": "PAST_REF", "soon": "FUTURE_REF", "future": "FUTURE_REF",
    "the future": "FUTURE_REF", "a later date": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
}


def ref(cand: Candidate, ctx: Context) -> Resolution | None:
    word = " ".join(cand.match["word"].lower().split())
    if not word.endswith("term"):
        word = re.sub(r"^in the |^the (?:near|distant|foreseeable) ", "the ", word)
    if "future" in word:
        word = "the future" if word.startswith("the") else "future"
    value = _REFS.get(word)
    if value is None:
        return None
    if word == "soon" and ctx.tense(cand) == PAST:
        return None  # "the trickle soon became a flood": soon after something, not ahead
    return Resolution(DATE, value, _dct_anchor(ctx), DCT if ctx.dct else NONE, 0.6,
                      {"PRESENT_REF": "the present", "PAST_REF": "some time in the past",
                       "FUTURE_REF": "some time in the future"}[value])


def part_of_day(cand: Candidate, ctx: Context) -> Resolution | None:
    m = cand.match
    rel = " ".join(m["rel"].lower().split())
    pod = m["pod"].lower()
    if rel in {"the", "that", "the next", "the following", "the previous"}:
        base = ctx.narrative.day or ctx.dct
        if base is None:
            return None
        shift = {"the next": 1, "the following": 1, "the previous": -1}.get(rel, 0)
        d = base + dt.timedelta(days=shift)
        kind = NARRATIVE if ctx.narrative.day else DCT
        return Resolution(TIME, V.day(d) + _pod_suffix(pod), V.day(base), kind, 0.6,
                          f"{cand.match.group(0)} → {describe_day(d)}, from the story's "
                          f"date {describe_day(base)}")
    if ctx.dct is None:
        return None
    shift = {"yesterday": -1, "tomorrow": 1}.get(rel, 0)
    if rel == "last" and pod in {"night", "evening"}:
        shift = -1
    elif rel == "last":
        return None
    d = ctx.dct + dt.timedelta(days=shift)
    return Resolution(TIME, V.day(d) + _pod_suffix(pod), _dct_anchor(ctx), DCT, 0.9,
                      _rel_to_dct(ctx, f"{cand.match.group(0)} → {describe_day(d)}"))


def clock(cand: Candidate, ctx: Context) -> Resolution | None:
    m = cand.match
    if m["noon"]:
        word = "".join(m["noon"].lower().replace("-", " ").split())
        hhmm = {"noon": "12:00", "midnight": "24:00", "midday": "12:00",
                "midafternoon": "AF", "midmorning": "MO"}[word]
    elif m["hour24"]:
        hhmm = f"{int(m['hour24']):02d}:{m['min24']}"
    elif m["hour24b"]:
        hhmm = f"{int(m['hour24b']):02d}:{m['min24b']}"
    else:
        hour = int(m["hour"])
        ampm = m["ampm"].lower().replace(".", "").replace(" ", "")
        if ampm in {"am", "pm"} and not 1 <= hour <= 12:
            return None
        if ampm == "pm" and hour != 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        hhmm = f"{hour:02d}:{m['min'] or '00'}"
    day_value: str | None = None
    kind, anchor = NONE, None
    if m["wd"] and (written := _written_day(m["wd"], cand, ctx)) is not None:
        # "12:23 a.m. EDT, Saturday Sept. 4, 2010": the date written after the weekday
        day_value, kind, anchor = V.day(written), ABSOLUTE, None
    elif m["wd"]:
        sub = weekday_day(m["wd"], cand, ctx)
        day_value = sub
        kind, anchor = DCT, _dct_anchor(ctx)
    elif m["dword"]:
        if ctx.dct:
            word = m["dword"].lower()
            day_value = V.day(ctx.dct + dt.timedelta(days=_DEICTIC_SHIFT[word]))
            kind, anchor = DCT, _dct_anchor(ctx)
    elif m["mon"]:
        res = month_day(cand, ctx)
        if res:
            day_value, kind, anchor = res.value, res.anchor_kind, res.anchor
    elif ctx.narrative.day is not None:
        day_value = V.day(ctx.narrative.day)
        kind, anchor = NARRATIVE, day_value
    elif ctx.dct is not None:
        day_value = V.day(ctx.dct)
        kind, anchor = DCT, _dct_anchor(ctx)
    value = f"{day_value or 'XXXX-XX-XX'}T{hhmm}"
    return Resolution(TIME, value, anchor, kind, 0.7, f"{cand.match.group(0)} → {value}")


def _written_day(word: str, cand: Candidate, ctx: Context) -> dt.date | None:
    """The date written right after a clock time's weekday, when the weekday agrees."""
    m = cand.match
    if not _g(m, "wmon"):
        return None
    mon, dom = _month_number(m["wmon"]), int(m["wday"])
    years = [int(m["wyear"])] if m["wyear"] else \
        [y for y in ((ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1) if ctx.dct else ())]
    agreeing = [d for y in years if (d := V.safe_date(y, mon, dom)) is not None
                and d.isoweekday() == _weekday_number(word)]
    return agreeing[0] if len(agreeing) == 1 else None


def weekday_day(word: str, cand: Candidate, ctx: Context) -> str | None:
    if ctx.dct is None:
        return None
    here = ctx.dct.toordinal()
    wd = _weekday_number(word)
    options = [(here + k, "") for k in range(-7, 8)
               if (ctx.dct + dt.timedelta(days=k)).isoweekday() == wd]
    return V.day(dt.date.fromordinal(_choose_day(options, here, ctx.tense(cand) or PAST, "")))


# --- units relative to now or to the story -------------------------------------------------


def _unit_code(word: str) -> str:
    w = word.lower().rstrip("s")
    if w.startswith("centur"):
        return "CE"
    if w.startswith("millenni"):
        return "L"
    return UNITS[w]


def _shift_value(unit: str, base: dt.date, n: int) -> str | None:
    """The value n units away from *base*, at that unit's granularity."""
    if unit == "D":
        d = V.shift_days(base, n)
        return V.day(d) if d else None
    if unit == "W":
        d = V.shift_days(base, 7 * n)
        return V.week(d) if d else None
    if unit == "WE":
        d = V.shift_days(base, 7 * n)
        return V.week(d) + "-WE" if d else None
    if unit == "M":
        y, mon = V.add_months(base.year, base.month, n)
        return V.month(y, mon) if 0 < y < 10000 else None
    if unit == "Q":
        y, q = V.add_quarters(*V.quarter_of(base), n)
        return V.quarter(y, q) if 0 < y < 10000 else None
    if unit == "H":
        half = (base.month - 1) // 6 + n
        y = base.year + half // 2
        return f"{y:04d}-H{half % 2 + 1}" if 0 < y < 10000 else None
    if unit == "Y":
        y = base.year + n
        return f"{y:04d}" if 0 < y < 10000 else None
    if unit == "DE":
        y = base.year + 10 * n
        return f"{y // 10:03d}" if 0 < y < 10000 else None
    if unit == "CE":
        y = base.year + 100 * n
        return f"{y // 100:02d}" if 0 < y < 10000 else None
    return None


def _season_value(base: dt.date, season: str, rel: str, tense: str | None) -> str:
    """"last fall", "this summer": the season's instance picked like any other unit.

    December counts with the winter of its own year, so a season's index within the year
    is WI (Dec-Feb), SP, SU, FA.
    """
    codes = ["WI", "SP", "SU", "FA"]
    idx = {c: i for i, c in enumerate(codes)}
    here = base.year * 4 + (base.month % 12) // 3
    options = [(y * 4 + idx[season], f"{y:04d}-{season}")
               for y in (base.year - 1, base.year, base.year + 1)]
    return _choose(options, here, tense, rel)


def season(cand: Candidate, ctx: Context) -> Resolution | None:
    """"the summer", "early spring": the one the verb points to, else the nearest one."""
    if ctx.dct is None:
        return None
    code = SEASON[cand.match["season"].lower()]
    value = _season_value(ctx.dct, code, "", ctx.tense(cand))
    return Resolution(DATE, value, _dct_anchor(ctx), DCT, 0.6, _rel_to_dct(ctx, value))


def relative_unit(cand: Candidate, ctx: Context) -> Resolution | None:
    m = cand.match
    rel = " ".join(m["rel"].lower().split())
    unit_word = m["unit"].lower()
    if unit_word in {"day", "period"} and rel not in {"the same", "that", "the previous",
                                                       "the next", "the following"}:
        return None
    if unit_word == "period":
        # "that period", "the previous period": as long as the story's period, which only
        # the quarter rule can tell ("the same period" after a quarter); no calendar unit.
        return None
    if unit_word in SEASON:
        if ctx.dct is None:
            return None
        value = _season_value(ctx.dct, SEASON[unit_word], rel, ctx.tense(cand))
        return Resolution(DATE, value, _dct_anchor(ctx), DCT, 0.8, _rel_to_dct(ctx, value))
    unit = "H" if unit_word == "half" else _unit_code(unit_word)
    if unit == "Q" and rel in {"the latest", "the past", "the previous", "last", "past",
                               "previous"} and ctx.dct:
        # The latest quarter is the last one reported: the one before publication.
        return _quarter_resolution(V.add_quarters(*V.quarter_of(ctx.dct), -1), ctx, cand)
    story = rel in {"that", "the same", "the following", "the next", "the previous",
                    "the preceding", "the prior"}
    if story:
        base, kind = _story_base(ctx, unit)
        if base is None:
            return None
        shift = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1,
                 "the prior": -1}.get(rel, 0)
        value = _shift_value(unit, base, shift)
        if value is None:
            return None
        return Resolution(DATE, value, V.day(base), kind, 0.6,
                          f"{cand.match.group(0)} → {value}, from the story's date "
                          f"{describe_day(base)}")
    if ctx.dct is None:
        return None
    shift = {"last": -1, "past": -1, "previous": -1, "the past": -1, "the previous": -1,
             "the last": -1, "the prior": -1, "next": 1, "coming": 1, "the coming": 1,
             "this coming": 1, "this past": -1}.get(rel, 0)
    if rel in {"the past", "the last"} and unit == "Y":
        # "over the past year": TimeML reads it as the year before publication.
        value = f"{ctx.dct.year - 1:04d}"
        return Resolution(DATE, value, _dct_anchor(ctx), DCT, 0.6,
                          _rel_to_dct(ctx, f"{cand.match.group(0)} → {value}"))
    if rel in {"the past", "the last"} and unit == "W":
        # "the past week": a week of the calendar, not a duration: the one holding most of
        # the seven days up to publication (the week before when published on a Monday)
        value = V.week(ctx.dct - dt.timedelta(days=3))
        return Resolution(DATE, value, _dct_anchor(ctx), DCT, 0.7,
                          _rel_to_dct(ctx, f"{cand.match.group(0)} → {value}"))
    if rel in {"the past", "the last", "past"} and unit in {"W", "M", "Y", "D", "DE", "CE"} \
            and not (rel == "the last" and unit in {"DE", "CE"}):
        # ("the last decade", like "last year", is the previous one: 198 in 1998)
        # "the past decade" is the stretch up to now; TimeML gives it as a duration.
        value = {"DE": "P10Y", "CE": "P100Y"}.get(unit, f"P1{unit}")
        return Resolution(DURATION, value, None, NONE, 0.6, "a stretch of time ending now")
    value = _shift_value(unit, ctx.dct, shift)
    if value is None:
        return None
    return Resolution(DATE, value, _dct_anchor(ctx), DCT, 0.9,
                      _rel_to_dct(ctx, f"{cand.match.group(0)} → {value}"))


def _story_base(ctx: Context, unit: str) -> tuple[dt.date | None, str]:
    """The date the story has reached, as precise as *unit* needs, else publication."""
    n = ctx.narrative
    notes = [(n.day_at, "day"), (n.month_at, "month"), (n.year_at, "year")]
    coarse_ok = unit in {"Y", "M", "Q", "H", "DE", "CE"}
    for _, kind in sorted(notes, reverse=True):
        if kind == "day" and n.day is not None:
            return n.day, NARRATIVE
        if kind == "month" and n.month is not None and unit not in {"D", "W", "WE"}:
            return dt.date(n.month[0], n.month[1], 1), NARRATIVE
        if kind == "year" and n.year is not None and coarse_ok and unit == "Y":
            return dt.date(n.year, 7, 1), NARRATIVE
    return ctx.dct, DCT


def in_the_unit(cand: Candidate, ctx: Context) -> Resolution | None:
    unit = _unit_code(cand.match["unit"])
    base, kind = _story_base(ctx, unit)
    if kind == NARRATIVE and max(ctx.narrative.day_at, ctx.narrative.month_at,
                                 ctx.narrative.year_at) < cand.start - 250:
        base, kind = ctx.dct, DCT
    if base is None:
        return None
    value = _shift_value(unit, base, 0)
    if value is None:
        return None
    return Resolution(DATE, value, V.day(base), kind, 0.6, f"within {value}")


def anaphoric(cand: Candidate, ctx: Context) -> Resolution | None:
    m = cand.match
    unit = _unit_code(m["unit"])
    base, kind = _story_base(ctx, unit)
    if base is None:
        return None
    value = _shift_value(unit, base, -1 if m["dir"].lower() == "before" else 1)
    if value is None:
        return None
    return Resolution(DATE, value, V.day(base), kind, 0.6,
                      f"{cand.match.group(0)} → {value}, from the story's date "
                      f"{describe_day(base)}")


def _quarter_resolution(yq: tuple[int, int], ctx: Context, cand: Candidate,
                        anchor_kind: str = DCT, moves: bool = True) -> Resolution:
    value = V.quarter(*yq)
    return Resolution(DATE, value, _dct_anchor(ctx), anchor_kind, 0.75,
                      f"{cand.match.group(0)} → {value}", moves)


_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                "fourth": 4, "4th": 4, "final": 4}


def quarter(cand: Candidate, ctx: Context) -> Resolution | None:
    m = cand.match
    mods = " ".join(m["qmods"].lower().replace("-", " ").split())
    det = (m["qdet"] or "").lower().replace("’", "'")
    unit = m["qunit"].lower()
    words = set(mods.split())
    ordinal = next((_QUARTER_ORD[w] for w in mods.split() if w in _QUARTER_ORD), None)
    # "the year-ago quarter", "the same period a year earlier", "the corresponding period
    # last year", "last year's quarter": the quarter being reported, one year back.
    year_ago = "year earlier" in mods or "year ago" in mods or m["qago"] is not None or \
        m["qly"] is not None or (det == "last year's" and not mods)
    if m["qs"]:
        return None
    if unit == "period" and not (words & {"latest", "recent", "year", "same", "comparable",
                                          "corresponding"}) \
            and not re.search(r"\d{4}", det) and not year_ago:
        return None
    if unit == "half":
        if ordinal not in {1, 2} and "last" not in words:
            return None
        if m["year"]:
            return Resolution(DATE, f"{int(m['year']):04d}-H{ordinal or 2}", None, ABSOLUTE, 0.9,
                              "as written")
        if ctx.dct is None:
            return None
        half = ordinal or 2
        y = ctx.dct.year - (1 if "last year's" in det else 0)
        if m["qrel"]:  # "the first half of next year"
            y = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[m["qrel"].lower()]
        return Resolution(DATE, f"{y:04d}-H{half}", _dct_anchor(ctx), DCT, 0.7, f"{y} H{half}")
    if not (ordinal or det in {"the", "its", "their", "this", "last", "next"} or words
            or re.search(r"\d{4}", det) or year_ago):
        return None
    if ordinal is None and not (words & {"latest", "current", "recent", "previous", "prior",
                                         "past", "year", "same", "comparable", "last",
                                         "corresponding"}) \
            and det not in {"the", "its", "their", "this", "last", "next"} \
            and not re.search(r"\d{4}", det) and not year_ago:
        return None
    det_year = re.search(r"\d{4}", det)
    if m["year"] or det_year:
        y = int(m["year"] or det_year.group(0))
        if ordinal is None:
            nq_any = ctx.narrative.quarter
            if nq_any is not None and ctx.narrative.quarter_at >= cand.start - 600:
                return Resolution(DATE, V.quarter(y, nq_any[1]), None, NARRATIVE, 0.6,
                                  "the same quarter in that year", moves=False)
            return Resolution(DATE, f"{y:04d}", None, ABSOLUTE, 0.7, "as written")
        return Resolution(DATE, V.quarter(y, ordinal), None, ABSOLUTE, 0.9, "as written")
    if ctx.dct is None:
        return None
    if m["qrel"] and ordinal is not None and unit == "quarter":
        # "the first quarter of next year"
        y = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[m["qrel"].lower()]
        return _quarter_resolution((y, ordinal), ctx, cand)
    here = V.quarter_of(ctx.dct)
    nq = ctx.narrative.quarter if ctx.narrative.quarter_at >= cand.start - 600 else None
    if ordinal is not None:
        if "last year's" in det:
            return _quarter_resolution((ctx.dct.year - 1, ordinal), ctx, cand)
        if "next year's" in det:
            return _quarter_resolution((ctx.dct.year + 1, ordinal), ctx, cand)
        if "this year's" in det:
            return _quarter_resolution((ctx.dct.year, ordinal), ctx, cand)
        here_i = here[0] * 4 + here[1] - 1
        options = [(y * 4 + ordinal - 1, V.quarter(y, ordinal))
                   for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
        tense = ctx.tense(cand) or PAST
        value = _choose(options, here_i, tense, det if det in {"last", "next"} else None,
                        reach=3 if tense == PAST else 2)
        if year_ago:
            y, q = value.split("-Q")
            value = V.quarter(int(y) - 1, int(q))
        return Resolution(DATE, value, _dct_anchor(ctx), DCT, 0.75,
                          f"{cand.match.group(0)} → {value}", not year_ago)
    if year_ago:
        base = nq if nq and nq <= here else V.add_quarters(*here, -1)
        return _quarter_resolution((base[0] - 1, base[1]), ctx, cand,
                                   NARRATIVE if nq else DCT, moves=False)
    if unit == "quarter" and nq is None and (ended := _period_end(cand, ctx)) is not None:
        # "the quarter ended July 31": the three months up to that day, named by the
        # calendar quarter most of them fall in. (When the story has already named the
        # quarter, "its fiscal first quarter", that name stands.)
        middle = ended - dt.timedelta(days=45)
        return _quarter_resolution(V.quarter_of(middle), ctx, cand, ABSOLUTE)
    if words & {"current"} or det == "this":
        return _quarter_resolution(here, ctx, cand)
    if det == "next":
        return _quarter_resolution(V.add_quarters(*here, 1), ctx, cand)
    if det == "that" and ctx.narrative.quarter is not None:
        return _quarter_resolution(ctx.narrative.quarter, ctx, cand, NARRATIVE)
    if nq and not words & {"latest", "recent", "previous", "prior", "past", "last"}:
        return _quarter_resolution(nq, ctx, cand, NARRATIVE)
    return _quarter_resolution(V.add_quarters(*here, -1), ctx, cand)


_PERIOD_END = re.compile(
    r"\s+(?:(?:that|which)\s+)?(?P<verb>ended|ending|ends|closed)\s+(?:on\s+)?"
    r"(?P<mon>(?-i:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|"
    r"July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|"
    r"Dec(?:ember|\.)?))\s*(?P<day>3[01]|[12]\d|0?[1-9])\b(?:,?\s+(?P<year>(?:19|20)\d\d))?")


def _period_end(cand: Candidate, ctx: Context) -> dt.date | None:
    """The day a reporting period is said to end on ("... ended Sept. 30"), or None."""
    m = _PERIOD_END.match(ctx.text, cand.end, cand.end + 40)
    if m is None:
        return None
    mon, dom = _month_number(m["mon"]), int(m["day"])
    if m["year"]:
        return V.safe_date(int(m["year"]), mon, dom)
    if ctx.dct is None:
        return None
    options = [d for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
               if (d := V.safe_date(y, mon, dom)) is not None]
    if m["verb"].lower() == "ended":  # already over: the latest such day by publication
        past = [d for d in options if d <= ctx.dct]
        return max(past) if past else None
    return min(options, key=lambda d: abs((d - ctx.dct).days))


def quarter_code(cand: Candidate, ctx: Context) -> Resolution | None:
    """"Q1 2025" -> 2025-Q1, "H2 2024" -> 2024-H2."""
    m = cand.match
    y = _year(m["year"], ctx.dct)
    return Resolution(DATE, f"{y:04d}-{m['half']}{m['qn']}", None, ABSOLUTE, 0.9, "as written")


def year_ago(cand: Candidate, ctx: Context) -> Resolution | None:
    m = cand.match
    unit = (m["unit"] or "").lower()
    if "months" in unit:
        n = number_value(unit.split()[0])
        return Resolution(DURATION, V.duration(n, "M"), None, NONE, 0.5, "a stretch of months")
    if ctx.dct is None:
        return None
    nq = ctx.narrative.quarter if ctx.narrative.quarter_at >= cand.start - 600 else None
    if nq and unit not in {"month", "week"}:
        if nq > V.quarter_of(ctx.dct):
            # The quarter last named is a forecast ("losses through the third quarter of
            # 1990"); a year-ago comparison is with results already reported.
            nq = V.add_quarters(*V.quarter_of(ctx.dct), -1)
        return _quarter_resolution((nq[0] - 1, nq[1]), ctx, cand, NARRATIVE, moves=False)
    return Resolution(DATE, f"{ctx.dct.year - 1:04d}", _dct_anchor(ctx), DCT, 0.6,
                      "the year before publication", moves=False)


# --- durations and frequencies -------------------------------------------------------------


def duration(cand: Candidate, ctx: Context) -> Resolution | None:
    m = cand.match
    unit_word = m["unit"].lower()
    unit = _unit_code(unit_word)
    num_word = m["num"]
    n = number_value(num_word)
    if m["num2"]:
        n = None
    if m["ortwo"] and re.search(r"\bin\s+$", ctx.text[max(0, cand.start - 4) : cand.start]):
        # "in a year or two": some time soon, not a stretch of time
        return Resolution(DATE, "FUTURE_REF", _dct_anchor(ctx), DCT, 0.5, "a little while ahead")
    # otherwise "a month or two" keeps the count it names (P1M), its lower bound
    direction = (m["dir"] or "").lower()
    if not direction and num_word.lower() in {"a", "an"} and \
            cand.match.group(0).lower().startswith(("a ", "an ")):
        before = ctx.text[max(0, cand.start - 25) : cand.start]
        if SET_TRIGGER.search(before):
            return Resolution(SET, f"P1{_duration_unit(unit)}", None, NONE, 0.7, "a frequency")
    if n is not None and n > 10000:
        return None
    if m["frac"] or m["half"]:  # "two years and a half", "two and a half years"
        n = None if n is None else n + 0.5
    det = " ".join((m["det"] or "").lower().split())
    if not direction and not det and not m["num2"] and not m["old"] and \
            (counted := counted_day(ctx.text, cand.end, num_word, unit_word,
                                    ctx.narrative.happenings())) and _told_by_then(counted[0], cand, ctx):
        # "eight days after the quake", the article having dated the quake
        d, noun, base = counted
        return Resolution(DATE, V.day(d), V.day(base), NARRATIVE, 0.75,
                          f"{cand.match.group(0)} after the {noun} of {describe_day(base)}"
                          f" → {describe_day(d)}")
    if direction in {"ago", "earlier", "later", "from now", "hence"}:
        return _offset(cand, ctx, n, unit, direction)
    if cand.match.group(0).lower() == "one day" and \
            _MODAL_BEFORE.search(ctx.text, max(0, cand.start - 12), cand.start):
        # "Islam will one day be ...": some day ahead, not a day long
        return Resolution(DATE, "FUTURE_REF", _dct_anchor(ctx), DCT, 0.5, "some day ahead")
    if unit == "W2":
        unit, n = "W", None if n is None else 2 * n
    if unit in {"DE", "CE", "L"}:
        factor = {"DE": 10, "CE": 100, "L": 1000}[unit]
        unit, n = "Y", None if n is None else n * factor
    if det == "recent":
        return Resolution(DURATION, V.duration(None, _duration_unit(unit)), None, NONE, 0.5,
                          "some recent stretch")
    if (n is None or n == 1) and num_word.lower() in {"some", "many", "a", "an"} and \
            not m["plural"] and num_word.lower() in {"some", "many"}:
        return None
    value = V.duration(n, _duration_unit(unit))
    return Resolution(DURATION, value, None, NONE, 0.8, f"a stretch of {cand.match.group(0)}")


#: "will one day be": "one day" between a modal and its verb is an adverb of time.
_MODAL_BEFORE = re.compile(r"(?:\b(?:will|would|could|may|might|shall|can|should|must|to)|"
                           r"['’]ll)\s+$", re.IGNORECASE)


def _told_by_then(day: dt.date, cand: Candidate, ctx: Context) -> bool:
    """A day counted from a happening lies by the publication date unless the clause looks
    ahead: "almost a week after the earthquake, looting has broken out" past publication
    means the happening's day was misread (a recap repeating last week's "Tuesday")."""
    return ctx.dct is None or day <= ctx.dct or ctx.tense(cand) == FUTURE


def _past_publication(unit: str, base: dt.date, n: int, dct: dt.date) -> bool:
    """Whether n units after *base* lies wholly after publication, at that unit's grain."""
    if unit in {"D", "W", "WE"}:
        d = V.shift_days(base, n * (1 if unit == "D" else 7))
        return d is not None and d > dct
    if unit == "M":
        return V.add_months(base.year, base.month, n) > (dct.year, dct.month)
    if unit in {"Y", "DE", "CE"}:
        return base.year + n * {"Y": 1, "DE": 10, "CE": 100}[unit] > dct.year
    return False


def _duration_unit(unit: str) -> str:
    return {"MIN": "MIN", "WE": "D"}.get(unit, unit)


def _offset(cand: Candidate, ctx: Context, n: float | None, unit: str,
            direction: str) -> Resolution | None:
    """"three years ago" (from publication), "two days later" (from the story's date)."""
    if n is None:
        value = "FUTURE_REF" if direction in {"later", "from now", "hence"} else "PAST_REF"
        return Resolution(DATE, value, _dct_anchor(ctx), DCT, 0.5, "some time away")
    if unit in {"H", "MIN", "S"}:
        return Resolution(DURATION, V.duration(n, unit), None, NONE, 0.5, "a stretch of time")
    if unit == "W2":
        unit, n = "W", 2 * n
    if unit in {"DE", "CE"}:
        unit, n = "Y", n * (10 if unit == "DE" else 100)
    sign = -1 if direction in {"ago", "earlier"} else 1
    if direction == "ago" or direction in {"from now", "hence"}:
        base, kind = ctx.dct, DCT
    else:
        base, kind = _story_base(ctx, unit)
    if base is None or not float(n).is_integer():
        return Resolution(DATE, "PAST_REF" if sign < 0 else "FUTURE_REF", None, NONE, 0.4,
                          "some time away")
    n = int(n)
    if direction == "later" and ctx.dct is not None and _past_publication(unit, base, n, ctx.dct) and \
            ctx.tense(cand) != FUTURE:
        # "Two decades later, they agree ...", counted from a time the article never dated
        # (publication, or the year it stands in): a report in the past or present tense
        # cannot tell what lies after its own publication, so the start was misread.
        return Resolution(DATE, "PAST_REF" if ctx.tense(cand) == PAST else "PRESENT_REF",
                          None, NONE, 0.4, "later than a time the article does not date")
    nq = ctx.narrative.quarter if ctx.narrative.quarter_at >= cand.start - 600 else None
    moves = True
    if unit == "Y" and n == 1 and nq:
        # Financial news: "the third quarter ... a year earlier" is the same quarter before.
        value = V.quarter(nq[0] - 1, nq[1])
        kind, moves = NARRATIVE, False
    else:
        value = _shift_value(unit, base, sign * n)
        # "higher than a year ago": a point of comparison, not where the story now is.
        moves = not (unit == "Y" and n == 1 and sign < 0)
    if value is None:
        return None
    where = "publication" if kind == DCT else "the story's date"
    return Resolution(DATE, value, V.day(base), kind, 0.7,
                      f"{cand.match.group(0)} → {value}, counted from {where} "
                      f"{describe_day(base)}", moves)


def bare_units(cand: Candidate, ctx: Context) -> Resolution | None:
    m = cand.match
    unit = _unit_code(m["unit"])
    if unit == "WE":
        return None
    direction = " ".join((m["dir"] or "").lower().split())
    if direction in {"ahead", "to come"}:  # "the weeks ahead": a stretch of unsaid length
        return Resolution(DURATION, V.duration(None, _duration_unit(unit)), None, NONE, 0.5,
                          "an open stretch of time ahead")
    if m["dir"]:
        value = "PAST_REF" if m["dir"].lower() in {"ago", "earlier"} else "FUTURE_REF"
        return Resolution(DATE, value, _dct_anchor(ctx), DCT if ctx.dct else NONE, 0.5,
                          "some time away")
    if unit in {"DE", "CE", "L"}:
        # TimeML writes decades, centuries and millennia as E, C and L ("for centuries": PXC).
        code = {"DE": "E", "CE": "C", "L": "L"}[unit]
        return Resolution(DURATION, f"PX{code}", None, NONE, 0.5, "an open stretch")
    return Resolution(DURATION, V.duration(None, _duration_unit(unit)), None, NONE, 0.5,
                      "an open stretch of time")


_IS_BEFORE = re.compile(r"(?:\b(?:is|it['’]s|today['’]s|marks)|\bit\s+is)\s*$", re.IGNORECASE)


def ordinal_day(cand: Candidate, ctx: Context) -> Resolution | None:
    """"Today is the eighth day of the blockade", "It's the second day of the offensive".

    In the present tense the day being counted is the day of writing. Said of another time
    ("was the third day of"), the count alone does not place it, so it is not kept.
    """
    if ctx.dct is None or not _IS_BEFORE.search(ctx.text, max(0, cand.start - 12), cand.start):
        return None
    return Resolution(DATE, V.day(ctx.dct), _dct_anchor(ctx), DCT, 0.7,
                      _rel_to_dct(ctx, f"{cand.match.group(0)} is the day of writing"))


def long_unit(cand: Candidate, ctx: Context) -> Resolution | None:
    """"day-long" -> P1D, "decades-long" -> PXY (how many decades is not said)."""
    m = cand.match
    unit = _unit_code(m["unit"])
    n: float | None = None if m["plural"] else 1
    if unit in {"DE", "CE"}:
        unit, n = "Y", None if n is None else n * (10 if unit == "DE" else 100)
    return Resolution(DURATION, V.duration(n, _duration_unit(unit)), None, NONE, 0.7,
                      f"lasting {cand.match.group(0).removesuffix('-long')}")


_ADVERB_SETS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                "yearly": "P1Y", "nightly": "P1D", "hourly": "PT1H", "semiannually": "P6M",
                "biweekly": "P2W"}


def set_(cand: Candidate, ctx: Context) -> Resolution | None:
    m = cand.match
    if m["adv"]:
        return Resolution(SET, _ADVERB_SETS[m["adv"].lower()], None, NONE, 0.7, "a frequency")
    if m["mon"]:
        return Resolution(SET, f"XXXX-{_month_number(m['mon']):02d}", None, NONE, 0.7,
                          "every year")
    q = m["q"].lower()
    unit_word = m["sunit"].lower().rstrip("s") if m["sunit"].lower() != "minutes" else "minute"
    if q == "a" and not m["freq"]:
        before = ctx.text[max(0, cand.start - 25) : cand.start]
        if not SET_TRIGGER.search(before):
            return None
    if q == "per" and not m["freq"]:
        return None
    if unit_word.endswith("day") and unit_word[:3] in WEEKDAYS:
        return Resolution(SET, f"XXXX-WXX-{WEEKDAYS[unit_word[:3]]}", None, NONE, 0.8,
                          "every week")
    if unit_word in SEASON:
        return Resolution(SET, f"XXXX-{SEASON[unit_word]}", None, NONE, 0.7, "every year")
    if unit_word in PART_OF_DAY:
        return Resolution(SET, f"XXXX-XX-XXT{PART_OF_DAY[unit_word]}", None, NONE, 0.7,
                          "every day")
    n = number_value(m["snum"]) if m["snum"] else 1
    unit = _duration_unit(_unit_code(unit_word))
    if m["other"] and m["other"].lower() == "other":
        n = 2
    return Resolution(SET, V.duration(n, unit), None, NONE, 0.7, "a frequency")


def month_rel_year(cand: Candidate, ctx: Context) -> Resolution | None:
    m = cand.match
    if ctx.dct is None:
        return None
    shift = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    value = V.month(ctx.dct.year + shift, _month_number(m["mon"]))
    return Resolution(DATE, value, _dct_anchor(ctx), DCT, 0.9,
                      _rel_to_dct(ctx, f"{cand.match.group(0)} → {value}"))


def the_unit(cand: Candidate, ctx: Context) -> Resolution | None:
    """"the year", "the week", "the weekend": the one the story is in (else publication's)."""
    m = cand.match
    unit = "year" if m["yearend"] else m["unit"].lower()
    if m["yearend"] and ctx.dct is not None:
        return Resolution(DATE, f"{ctx.dct.year:04d}", _dct_anchor(ctx), DCT, 0.6,
                          f"the end of {ctx.dct.year}")
    near = cand.start - 250  # the story's year only while it is still being talked about
    if unit == "weekend":
        if ctx.dct is None:
            return None
        base = ctx.dct
        if ctx.tense(cand) == FUTURE:
            saturday = base + dt.timedelta(days=(6 - base.isoweekday()) % 7)
        else:
            saturday = base - dt.timedelta(days=(base.isoweekday() - 6) % 7 or 7) \
                if base.isoweekday() != 7 else base - dt.timedelta(days=1)
        value = V.week(saturday) + "-WE"
        return Resolution(DATE, value, _dct_anchor(ctx), DCT, 0.6,
                          _rel_to_dct(ctx, f"{cand.match.group(0)} → {value}"))
    if unit == "year" and re.match(r"\s+(?:ended|ending|through|that\s+ended|which\s+ends)\b",
                                   ctx.text[cand.end : cand.end + 24]):
        # "revenue for the year ended March 31": a twelve-month stretch.
        return Resolution(DURATION, "P1Y", None, NONE, 0.6, "a twelve-month period")
    if unit == "year":
        if m["det"].lower() == "the" and ctx.narrative.year is not None and \
                ctx.narrative.year_at >= near:
            y, kind = ctx.narrative.year, NARRATIVE
        elif ctx.dct is not None:
            y, kind = ctx.dct.year, DCT
        else:
            return None
        return Resolution(DATE, f"{y:04d}", None, kind, 0.5, f"{cand.match.group(0)} → {y}")
    if unit == "month":
        if ctx.narrative.month is not None and ctx.narrative.month_at >= near:
            value, kind = V.month(*ctx.narrative.month), NARRATIVE
        elif ctx.dct is not None:
            value, kind = V.month(ctx.dct.year, ctx.dct.month), DCT
        else:
            return None
        return Resolution(DATE, value, None, kind, 0.5, f"{cand.match.group(0)} → {value}")
    if ctx.narrative.day is not None and ctx.narrative.day_at >= near:
        value, kind = V.week(ctx.narrative.day), NARRATIVE
    elif ctx.dct is not None:
        value, kind = V.week(ctx.dct), DCT
    else:
        return None
    return Resolution(DATE, value, None, kind, 0.5, f"{cand.match.group(0)} → {value}")


NORMALISERS: dict[str, Callable[[Candidate, Context], Resolution | None]] = {
    "iso": iso, "numeric": numeric, "clock": clock, "month_day": month_day,
    "day_month": day_month, "week_of": week_of, "part_of": part_of, "two_quarters": two_quarters, "range_end_day": range_end_day, "month_year": month_year, "month": month, "holiday": holiday,
    "year": year, "decade": decade, "century": century, "weekday": weekday,
    "deictic": deictic, "ref": ref, "part_of_day": part_of_day,
    "relative_unit": relative_unit, "season": season, "long_unit": long_unit,
    "ordinal_day": ordinal_day, "in_the_unit": in_the_unit, "anaphoric": anaphoric,
    "quarter": quarter, "year_ago": year_ago, "duration": duration, "bare_units": bare_units,
    "set": set_, "range_end_year": range_end_year, "range_end_yy": range_end_yy, "quarter_code": quarter_code, "spelled_year": spelled_year, "month_rel_year": month_rel_year, "the_unit": the_unit,
}
