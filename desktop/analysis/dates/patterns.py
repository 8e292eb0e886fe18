"""Where dates are written: compiled patterns that find candidate time expressions.

Each rule is one regular expression for one shape of expression (a month and day, a weekday,
"three years ago", "the third quarter", ...). The tagger runs every rule over the text, keeps
the longest non-overlapping matches and hands each to the normaliser named by its rule. Spans
follow TimeML: modifiers that change the time ("early", "the past", "nearly") belong to the
expression; prepositions ("on", "in", "for") do not.

Month and weekday names must be capitalised ("may" the verb is not a month); the rest of the
patterns ignore case.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

_B = r"(?<![\w'’.-])"  # start of a word (not inside "1,990" or "mid-")
_E = r"(?![\w])"

MONTH = (
    r"(?P<mon>(?-i:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|"
    r"July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?|"
    r"JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER))"
    r"(?![\w])"
)
#: A month written out in full (or with an abbreviation's full stop): safe on its own.
MONTH_FULL = (
    r"(?P<mon>(?-i:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.))(?![\w])"
)
WEEKDAY = r"(?P<wd>(?-i:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)day)"
DAY = (r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:.]\d)"
       r"(?!,(?!(?:1[0-9]|20)\d\d(?!\d))\d)(?!\w)")
YEAR = r"(?P<year>(?:1[0-9]|20)\d{2}|'\d{2})(?![\d%])(?!\s*(?:%|percent\b|per\s+cent))"
FULL_YEAR = r"(?P<year>(?:1[0-9]|20)\d{2})(?![\d]|[.,]\d)(?!\s*(?:%|percent\b|per\s+cent))"
NUMBER = (
    r"(?P<num>\d+(?:[.,]\d+)?(?:\s+1/2)?|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|"
    r"a\s+couple\s+of|couple\s+of|a\s+few|a\s+dozen|a\s+hundred|one\s+hundred|dozens\s+of|"
    r"hundreds\s+of|thousands\s+of|a\s+number\s+of|two\s+thousand|a\s+thousand|"
    r"a\s+quarter\s+of\s+an?|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|hundred|several|few|many|some|a|an|half\s+an?)"
)
UNIT = (
    r"(?P<unit>second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ie)|"
    r"millenni(?:um|a))"
)
PART_OF_DAY = r"(?P<pod>morning|afternoon|evening|night|overnight)"
MODIFIER = (
    r"(?P<mod>early|late|mid|earlier|later|the\s+(?:end|beginning|start|middle|rest|remainder|"
    r"close|turn|first\s+half|second\s+half|last\s+half|latter\s+part|early\s+part)\s+of|"
    r"the\s+(?:spring|summer|fall|autumn|winter)\s+of)"
)
CLOCK = (
    r"(?:(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>(?-i:[ap]\.m\.|[AP]\.M\.|"
    r"[ap]m|[AP]M)(?!\w)|o'clock)"
    r"|(?P<hour24>[01]?\d|2[0-3]):(?P<min24>[0-5]\d)(?=\s+(?-i:GMT|UTC|CET|CEST|BST)\b|"
    r"\s*(?-i:h|hrs)\b)|(?<=\bat\s)(?P<hour24b>[01]\d|2[0-3]):(?P<min24b>[0-5]\d)"
    r"(?![\d:.,]\d)"
    r"|(?P<noon>noon|midnight|midday|mid[-\s]?afternoon|mid[-\s]?morning))"
    r"(?:\s+(?P<tz>(?-i:[ECMP][SD]T|GMT|UTC|BST|CET|CEST)(?!\w)))?"
)
REL = (
    r"(?P<rel>last|next|this|past|previous|coming|current|this\s+coming|this\s+past|"
    r"the\s+(?:past|previous|following|coming|current|latest|next|same|last|prior|preceding)|"
    r"that)"
)


#: "Saturday Sept. 4, 2010" after a clock time: the date written out after its weekday.
_WRITTEN_AFTER_WEEKDAY = (
    r"(?:,?\s+" + MONTH.replace("(?P<mon>", "(?P<wmon>") + r"\s*"
    + DAY.replace("(?P<day>", "(?P<wday>") + r"(?:,?\s+"
    + FULL_YEAR.replace("(?P<year>", "(?P<wyear>") + r")?)?")


@dataclass(frozen=True, slots=True)
class Rule:
    """One shape of time expression: its name selects the normaliser."""

    name: str
    pattern: re.Pattern[str]
    priority: int  # breaks ties between equally long matches: lower wins
    gate: re.Pattern[str] | None  # a cheap search: no hit, no need to run the full pattern


_MONTH_GATE = (r"(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|"
               r"JUL|AUG|SEP|OCT|NOV|DEC)")
_GATES = {
    "iso": r"\d-[01]\d-[0-3]\d", "numeric": r"\d[/.]\d",
    "clock": r"\d\s*(?:[ap]\.?\s?m|o'clock)|noon|midnight|midday|mid[-\s]?afternoon|mid[-\s]?morning"
             r"|\d:\d\d",
    "month_day": _MONTH_GATE, "week_of": r"week\s+of\s", "part_of": r"weekend\s+of\s",
    "two_quarters": r"two\s+(?:fiscal\s+)?quarters\s+of\s",
    "day_month": _MONTH_GATE, "month_year": _MONTH_GATE,
    "month_rel_year": _MONTH_GATE, "month": _MONTH_GATE,
    "holiday": r"(?-i:Christmas|New Year|Thanksgiving|Easter|Independence|Labor|Memorial|"
               r"Halloween|Valentine|Boxing|Veterans|Election)",
    "year": r"(?:1[0-9]|20)\d\d", "quarter_code": r"(?-i:[QH][1-4])",
    "range_end_year": r"\d[-–][12]\d\d\d", "range_end_yy": r"\d\d[-–/]\d\d(?!\d)",
    "range_end_day": r"\d(?:[-–]|\s(?:and|or|to|through)\s)\d",
    "spelled_year": r"nineteen|eighteen|twenty\s|year\s+two\s+thousand",
    "decade": r"0['’]?s\b|ties\b", "century": r"century", "weekday": r"(?-i:day)",
    "deictic": r"today|yesterday|tomorrow|tonight|overnight",
    "part_of_day": r"morning|afternoon|evening|night",
    "in_the_unit": r"\sthe\s+(?:week|month|year|day|decade)", "anaphoric": r"before|after",
    "quarter": r"quarter|half|period", "year_ago": r"year-",
    "long_unit": r"s?-long", "ordinal_day": r"day\s+(?:of|in|since)\b",
    "bare_units": r"(?:second|minute|hour|day|week|month|quarter|year|decade|centurie)s",
    "the_unit": r"year|week|month",
    "ref": r"now|current|present|recent|lately|these\s+days|past|future|later|term|soon",
    "season": r"spring|summer|fall|autumn|winter",
    "relative_unit": r"week|month|year|quarter|half|decade|century|spring|summer|fall|autumn|"
                     r"winter|day|period",
    "duration": r"second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur|"
                r"millenni",
    "set": r"daily|weekly|monthly|annually|yearly|nightly|hourly|biweekly|every|each|day|week|"
           r"month|year|"
           r"quarter|morning|evening|night|hour|minute|summer|winter|spring|fall",
}
#: How far before and after a gate hit a match may reach.
_BACK, _AHEAD = 90, 90


def _rule(name: str, body: str, priority: int, start: str = _B) -> Rule:
    gate = _GATES.get(name)
    return Rule(name, re.compile(start + body + _E, re.IGNORECASE), priority,
                re.compile(gate, re.IGNORECASE) if gate else None)


RULES: tuple[Rule, ...] = (
    _rule("iso", r"(?P<year>(?:1[0-9]|20)\d{2})-(?P<m>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"
          r"(?:T(?P<hour>[01]\d|2[0-3]):(?P<min>[0-5]\d))?", 0),
    _rule("numeric", r"(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)"
          r"(?P<year>(?:19|20)\d{2})(?![\d.]\d)", 0),
    _rule("clock", r"(?:(?:around|approximately|roughly)\s+)?"
          + CLOCK + r"(?:,?\s+(?:on\s+)?(?:" + WEEKDAY + _WRITTEN_AFTER_WEEKDAY
          + r"|(?P<dword>today|yesterday|tomorrow|tonight)|" + MONTH + r"\s*" + DAY
          + r"(?:(?:\s*,\s*|\s+)" + FULL_YEAR + r")?))?", 1),
    _rule("month_day", r"(?:(?:around|approximately|roughly)\s+)?(?:" + WEEKDAY + r"\s*,?\s+)?(?:" + MODIFIER + r"\s+)?(?:"
          + REL.replace("(?P<rel>", "(?P<mdrel>") + r"\s+)?" + MONTH
          + r"\s*" + DAY + r"(?:(?:\s*,\s*|\s+)" + YEAR + r")?", 1),
    # "the first two quarters of 1990" is its first half.
    _rule("two_quarters", r"(?:at\s+(?:least|most)\s+)?the\s+(?P<which>first|last|second|final)"
          r"\s+two\s+(?:fiscal\s+)?quarters\s+of\s+(?:fiscal\s+)?" + FULL_YEAR, 1),
    # "the weekend of June 6": that day's weekend. ("the night of Oct. 23": TimeML tags the
    # date alone, so that is left to the date rules.)
    _rule("part_of", r"the\s+(?P<we>weekend)\s+of\s+" + MONTH
          + r"\s*" + DAY + r"(?:(?:\s*,\s*|\s+)" + FULL_YEAR + r")?", 1),
    # "the week of March 6": the week that day falls in.
    _rule("week_of", r"the\s+week\s+of\s+" + MONTH + r"\s*" + DAY
          + r"(?:(?:\s*,\s*|\s+)" + FULL_YEAR + r")?", 1),
    _rule("day_month", r"(?:" + WEEKDAY + r"\s*,?\s+)?(?:the\s+)?" + DAY + r"\s+(?:of\s+)?"
          + MONTH + r"(?:(?:\s*,\s*|\s+)" + FULL_YEAR + r")?", 2),
    _rule("month_year", r"(?:" + MODIFIER + r"[\s-]*)?" + MONTH + r",?\s+(?:of\s+)?"
          + FULL_YEAR, 2),
    _rule("month_rel_year", r"(?:" + MODIFIER + r"[\s-]*)?" + MONTH_FULL
          + r",?\s+(?:of\s+)?(?P<rel>last|this|next)\s+year", 2),
    _rule("the_unit", r"(?P<det>the|the\s+full|the\s+fiscal|the\s+whole|the\s+entire)\s+"
          r"(?P<unit>year|week|weekend|month)(?![\w'’-])|(?:around\s+)?(?P<yearend>year[-\s]end|"
          r"year['’]s\s+end)", 8),
    _rule("month", r"(?:" + MODIFIER + r"[\s-]*)?(?:" + REL + r"\s+)?" + MONTH_FULL, 4),
    _rule("holiday", r"(?:" + REL + r"\s+)?(?P<hol>(?-i:Christmas(?:\s+(?:Day|Eve))?|"
          r"New\s+Year['’]s(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|"
          r"Independence\s+Day|Labor\s+Day|Memorial\s+Day|Halloween|Valentine['’]s\s+Day|"
          r"Boxing\s+Day|Veterans\s+Day|Election\s+Day))(?P<hweek>\s+week)?"
          r"(?:,?\s+" + FULL_YEAR + r")?", 3),
    _rule("year", r"(?:" + MODIFIER + r"[\s-]*|(?:pre|post)-)?(?:(?P<fiscal>fiscal(?:\s+year)?|calendar"
          r"(?:\s+year)?|FY|the\s+year|model\s+year)[\s-]*)?" + FULL_YEAR
          , 5),
    _rule("range_end_year", r"(?P<year>(?:1[0-9]|20)\d{2})(?!\d)", 5,
          start=r"(?<=(?<!\d)(?:1[0-9]|20)\d\d[-–])"),
    # The "11" of "the 2010-11 season": the second year of a range, written short.
    _rule("range_end_yy", r"(?P<yy>\d\d)(?![\d%])(?!\s*(?:%|percent\b))", 5,
          start=r"(?<=(?<![\d.,])(?:1[0-9]|20)\d\d[-–/])"),
    # The second day of "April 24 and 25", "June 10-12": the normaliser finds the month.
    _rule("range_end_day", r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d|\s*%)"
          # "May 3 to 5 people" counts people: no lower-case word may follow but a preposition
          r"(?!\s+(?!(?:in|at|on|of|and|or|for|when|with|to|the|a|as|while|after|before|"
          r"until|during|from|by|is|are|was|were|will|would)\b)[a-z])", 5,
          start=r"(?:(?<=\d[-–])|(?<=\d\sand\s)|(?<=\d\sor\s)|(?<=\d\sto\s)|"
                r"(?<=\d\sthrough\s))"),
    _rule("quarter_code", r"(?-i:(?P<half>[QH])(?P<qn>[1-4]))(?:\s+|\s*[-/]\s*|\s+of\s+)"
          r"(?:FY\s*)?(?P<year>(?:19|20)\d{2}|['’]\d{2})(?!\d)", 2),
    _rule("spelled_year", r"(?:(?P<sm>(?:the\s+)?(?:spring|summer|fall|autumn|winter)\s+of)\s+|"
          + MONTH_FULL + r",?\s+(?:of\s+)?|(?P<theyear>the\s+year)\s+)?"
          # "the year two thousand (and one)": only after "the year", as "two thousand"
          # alone is most often a count.
          r"(?:(?<=year\s)(?P<k>two\s+thousand)(?:(?:\s+and)?\s+(?P<krest>one|two|three|four|five|"
          r"six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
          r"seventeen|eighteen|nineteen))?(?![\w-])|"
          r"(?P<c>nineteen|eighteen|twenty)\s+(?P<rest>hundred|(?:hundred\s+(?:and\s+)?)?"
          r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|"
          r"three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|"
          r"fifteen|sixteen|seventeen|eighteen|nineteen|(?<=hundred\s)(?:one|two|three|four|"
          r"five|six|seven|eight|nine))))", 4),
    _rule("decade", r"(?:" + MODIFIER + r"[\s-]*)?(?:the\s+)?(?:(?P<dmod>early|late|mid)[\s-]*)?"
          r"(?:(?P<cent>1[0-9]|20)(?P<dec>\d)0['’]?s|['’](?P<dec2>\d)0['’]?s|"
          r"(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))", 3),
    _rule("century", r"(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|"
          r"fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|"
          r"fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)"
          r"[\s-]+century", 3),
    # "every Sunday night": the whole phrase is one frequency, not a night and a stray "every"
    _rule("weekday", r"(?:(?P<every>every|each)\s+)?(?:the\s+day\s+(?P<dba>before|after)\s+)?(?:(?P<mod>early|late)\s+)?"
          r"(?:" + REL + r"\s+)?" + WEEKDAY
          + r"(?P<plural>s)?(?:\s+" + PART_OF_DAY + r"(?P<podplural>s)?)?", 4),
    _rule("deictic", r"(?:the\s+day\s+(?P<dba>before|after)\s+(?=yesterday|tomorrow))?"
          r"(?:(?P<mod>early|late|earlier|later)\s+)?(?P<word>today|yesterday|"
          r"tomorrow|tonight|overnight)(?:\s+" + PART_OF_DAY + r")?", 4),
    _rule("ref", r"(?P<word>now|currently|nowadays|presently|at\s+present|these\s+days|recently|"
          r"lately|recent|the\s+(?:past|future|present)|(?:then[\s-])?current|"
          r"the\s+(?:near|distant|foreseeable)\s+future|a\s+later\s+date|"
          # "in the long term", but not "the long term trend" (an adjective)
          r"the\s+(?:near|short|long)\s+term(?![\w-])(?!\s+(?!(?:is|are|was|were|will|would|"
          r"and|or|but|as|if|when|because|the|a|in|of|for|to|this|that|it|we|they|he|she|"
          r"i|you|there|its|their|our|my|his|her|remains?|looks?|seems?)\b)[a-z])|"
          # "will soon begin", but not "as soon as", "soon after", "too soon", "sooner"
          r"(?<!\bas\s)(?<!\btoo\s)(?<!\bhow\s)soon(?!\s+(?:as|after|afterwards?|before|"
          r"thereafter|enough\s+to)\b))", 9),
    _rule("part_of_day", r"(?:(?P<mod>early|late|later|earlier)\s+)?(?:(?P<rel>this|last|that|"
          r"the(?=\s+(?:morning|afternoon|evening))|the\s+next|the\s+following|the\s+previous|yesterday|tomorrow)\s+)"
          + PART_OF_DAY, 5),
    _rule("relative_unit", r"(?:" + MODIFIER + r"[\s-]+(?:in\s+)?)?" + REL
          + r"\s+(?P<fiscal>fiscal\s+)?(?P<unit>week|weekend|month|year|quarter|half|decade|"
          r"century|spring|summer|fall|autumn|winter|day|period)", 3),
    # "the summer", "the early summer", "late spring": the season nearest in the verb's
    # direction. "the fall of the Wall" / "the fall in prices" are no season.
    _rule("season", r"(?:(?P<mod>early|late|mid)[\s-]+|the\s+(?:(?P<mod2>early|late)\s+)?)"
          r"(?P<season>spring|summer|winter|autumn|fall(?!\s+(?:of|in|from|to|off|back|below|"
          r"above|on|and|was|is|has|had|would|will)\b))(?![\w-])", 5),
    _rule("in_the_unit", MODIFIER.replace("(?P<mod>", "(?P<mod>earlier\\s+in|later\\s+in|")
          + r"\s+the\s+(?P<unit>week|month|year|day|decade)", 3),
    _rule("anaphoric", r"the\s+(?P<unit>day|week|month|year|night)\s+(?P<dir>before|after)"
          r"(?=\s*[,.;)])", 3),
    _rule("quarter", r"(?:(?P<qdet>the|that|this\s+year['’]s|last\s+year['’]s|"
          r"next\s+year['’]s|this|last|next|(?:the\s+|its\s+)?(?:fiscal\s+)?"
          r"(?:19|20)\d{2}(?:['’]s)?)\s+(?!(?:fiscal[\s-]+)?(?:first|second|third|fourth)-))?(?P<qmods>(?:(?:current|latest|most\s+recent|"
          r"recent|previous|prior|past|year-earlier|year-ago|same|comparable|corresponding|fiscal|calendar|"
          r"first|second|third|fourth|final|last|1st|2nd|3rd|4th|flat|weak|strong|"
          r"disappointing)[\s-]+){0,3})(?P<qunit>quarter|half|period)(?P<qs>s)?"
          r"(?:\s+(?:of\s+)?(?:fiscal\s+)?" + FULL_YEAR
          + r"|\s+of\s+(?P<qrel>next|last|this)\s+(?:fiscal\s+)?year)?"
          r"(?:\s+a\s+year\s+(?P<qago>ago|earlier)|\s+(?P<qly>last\s+year)(?!['’]))?", 2),
    _rule("year_ago", r"(?:the\s+(?=year-\w+\s+(?:quarter|period|nine|six|month|week)))?"
          r"year-(?P<dir>earlier|ago|before)(?:\s+(?P<unit>quarter|"
          r"period|nine\s+months|six\s+months|level|month|week))?", 3),
    _rule("duration", r"(?:(?P<pre>around|nearly|almost|approximately|roughly|some|"
          r"at\s+least|at\s+most|up\s+to|more\s+than|less\s+than|fewer\s+than|"
          r"no\s+more\s+than|no\s+less\s+than|as\s+many\s+as|as\s+much\s+as|as\s+long\s+as|"
          r"all|each\s+of|the\s+better\s+part\s+of)\s+)?"
          r"(?:(?P<det>the\s+(?:past|last|next|first|previous|coming|following|final|latest|"
          r"remaining|entire|whole|full|same|preceding|initial|recent)|past|"
          # "last" the verb ("will last one day") is no determiner
          r"(?<!\bwill\s)(?<!\bto\s)(?<!\bwould\s)(?<!\bcould\s)(?<!\bmay\s)(?<!\bmight\s)"
          r"(?<!\bcan\s)(?<!\bshould\s)(?<!\bmust\s)(?<!\bdid\s)(?<!\bnot\s)last|next|first|"
          r"previous|coming|another|recent|the(?!\s+[\w.,]+-))\s+)?"
          + NUMBER + r"(?:\s+(?:or|to)\s+(?P<num2>\d+|two|three|four|five|six|seven|eight|nine|"
          r"ten|twelve))?(?:(?P<half>\s+and\s+a\s+half)|\s+more)?[\s-]+"
          r"(?:(?:trading|business|working|calendar|school)\s+(?=days?\b))?"
          r"(?:(?:additional|extra|further|full|whole)\s+)?" + UNIT + r"(?P<plural>s)?(?P<frac>\s+and\s+a\s+half)?(?P<old>-(?:long|old))?"
          r"(?P<ortwo>(?<!s)\s+or\s+two(?![\w-]))?"
          # "three weeks earlier than usual": a comparison; the duration stands alone
          r"(?:\s+(?:or\s+so\s+)?(?P<dir>ago|(?:earlier|later)(?!\s+than\b)|from\s+now|hence|"
          r"or\s+so|running|in\s+a\s+row))?", 6),
    # "today is the eighth day of the blockade": the normaliser keeps it only after "is".
    _rule("ordinal_day", r"(?:the\s+)?(?P<ord>first|second|third|fourth|fifth|sixth|seventh|"
          r"eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))\s+(?:(?:straight|consecutive|successive)"
          r"\s+)?day(?=\s+(?:of|in|since)\b)", 6),
    # "a day-long meeting", "a decades-long battle": how long, as a modifier.
    _rule("long_unit", r"(?P<unit>hour|day|week|month|year|decade|centur(?:y|ie))(?P<plural>s)?"
          r"-long", 7),
    _rule("bare_units", r"(?:(?P<det>recent|the\s+coming|coming|the\s+next\s+few|the\s+past\s+few|"
          r"the(?=\s+\w+s\s+(?:ahead|to\s+come)\b)|"
          # "over the years", "in the early years", "in the years that followed"
          r"(?:(?<=\bover\s)|(?<=\bin\s)|(?<=\bduring\s)|(?<=\bthroughout\s))"
          r"the(?:\s+early|\s+later)?(?=\s+years\b(?!\s+(?:before|after|of|ago|to)\b))|"
          r"the\s+last\s+few|the\s+first|the\s+past|the\s+last)\s+|(?<=for\s)|(?<=over\s)|"
          # "for the first time in years", "the highest level in decades"
          r"(?<=\bin\s)(?=(?:years|decades|months)\s*[.,;:!?)])|"
          r"(?<=within\s)|(?<=took\s)|(?<=lasted\s))(?P<unit>second|minute|hour|day|week|month|"
          r"quarter|year|decade|centurie)s"
          r"(?:\s+(?P<dir>ago|earlier|later|ahead|to\s+come))?", 7),
    _rule("set", r"(?:(?P<adv>daily|weekly|monthly|annually|yearly|nightly|hourly|"
          r"semiannually|biweekly)|(?:(?P<freq>once|twice|three\s+times|four\s+times)\s+)?"
          r"(?P<q>every|each|per|a)\s+(?:(?P<other>other|single)\s+)?(?:"
          + NUMBER.replace("(?P<num>", "(?P<snum>") + r"\s+)?(?P<sunit>day|week|month|year|"
          r"quarter|morning|evening|night|hour|minute|weekend|summer|winter|spring|fall|"
          r"(?-i:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)s?|(?:every|each)\s+" + MONTH_FULL + r")",
          8),
)

#: "a day" / "a year" count as a frequency only after these words ("twice a day").
SET_TRIGGER = re.compile(
    r"(?:once|twice|times|\d[\d,.]*\s*(?:million|billion|percent|%)?|cents?|dollars?|"
    r"each|apiece|tons|barrels|hours|miles)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A matched stretch of text and the rule that matched it."""

    start: int
    end: int
    rule: Rule
    match: re.Match[str]


#: Gates searched in the lowercased text without IGNORECASE (ten times faster in ``re``):
#: those written all in lower case with no case-sensitive part.
_FOLDED_GATES = {name: re.compile(gate) for name, gate in _GATES.items()
                 if "(?-i:" not in gate and gate == gate.lower()}
#: Letters IGNORECASE matches to an ASCII letter where ``str.lower`` does not (dotless i,
#: long s); a text holding one is searched the slow way so the hits stay the same.
_FOLD_EXCEPTIONS = re.compile("[\u0131\u017f]")


def _folded(text: str) -> str | None:
    """*text* lowercased, offset for offset, when the folded gates find exactly what the
    IGNORECASE ones would in it; else None."""
    folded = text.lower()
    if len(folded) != len(text) or _FOLD_EXCEPTIONS.search(text):
        return None
    return folded


def _windows(text: str, gate: re.Pattern[str] | None,
             searched: str | None = None) -> list[tuple[int, int]]:
    """Stretches of *text* worth running a rule on: around its gate's hits, merged.

    Full patterns are slow because they can start at any word; the gate (a keyword every
    match must contain) is fast, so only the text near its hits is searched in full. Each
    stretch is widened to word boundaries so no match is cut. *searched* is where the gate
    looks, if not *text* itself (its lowercased copy, same offsets).
    """
    n = len(text)
    if gate is None:
        return [(0, n)]
    spans: list[tuple[int, int]] = []
    for hit in gate.finditer(text if searched is None else searched):
        lo = max(0, hit.start() - _BACK)
        if spans and lo <= spans[-1][1] and min(n, hit.end() + _AHEAD) <= spans[-1][1]:
            continue  # inside the last stretch, which already ends at a space (or the end)
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        hi = min(n, hit.end() + _AHEAD)
        while hi < n and not text[hi].isspace():
            hi += 1
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], hi))
        else:
            spans.append((lo, hi))
    return spans


def find_candidates(
    text: str, plausible: Callable[[Candidate, str], bool] | None = None
) -> list[Candidate]:
    """All rule matches, reduced to the longest non-overlapping ones, in text order.

    *plausible* vetoes a match before it can shadow shorter ones ("2000 people" is no year,
    so a shorter match inside it may still win).
    """
    taken = bytearray(len(text))
    kept: list[Candidate] = []
    for cand in _matches(text):
        if any(taken[cand.start : cand.end]):
            continue
        if plausible is not None and not plausible(cand, text):
            continue
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return kept


@lru_cache(maxsize=2)
def _matches(text: str) -> tuple[Candidate, ...]:
    """Every rule's matches in *text*, longest first. Cached: the tagger asks again for the
    same text after its normalisers reject a match, and only the vetoes differ."""
    folded = _folded(text)
    found: list[Candidate] = []
    # Rules that share a gate (the five month rules) share its windows: found once.
    windows: dict[tuple[str, int, bool], list[tuple[int, int]]] = {}
    for rule in RULES:
        gate, searched = rule.gate, None
        if folded is not None and rule.name in _FOLDED_GATES:
            gate, searched = _FOLDED_GATES[rule.name], folded
        key = ("", 0, True) if gate is None else (gate.pattern, gate.flags, searched is None)
        if key not in windows:
            windows[key] = _windows(text, gate, searched)
        for lo, hi in windows[key]:
            for m in rule.pattern.finditer(text, lo, hi):
                found.append(Candidate(m.start(), m.end(), rule, m))
    found.sort(key=lambda c: (-(c.end - c.start), c.rule.priority, c.start))
    return tuple(found)
