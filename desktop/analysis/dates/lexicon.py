"""Words that name calendar things in English news: months, weekdays, numbers, units.

Kept apart from the patterns so the regular expressions and the normalisers read the same
tables: a word the patterns accept is always a word the normaliser can turn into a value.
"""

from __future__ import annotations

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

WEEKDAYS = {"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7}
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

PART_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "tonight": "NI", "midday": "MI", "mid-day": "MI",
}

SEASON = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

#: Calendar unit word (singular) -> TIMEX3 unit code and its length in days (for ordering).
UNITS = {
    "second": "S", "minute": "MIN", "hour": "H", "day": "D", "night": "D", "week": "W",
    "fortnight": "W2", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
    "century": "CE", "centurie": "CE", "millennium": "L", "millennia": "L", "weekend": "WE",
}

SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12, "a couple of": 2,
    "a couple": 2, "couple of": 2, "a half": 0.5, "half a": 0.5, "half an": 0.5,
    "a quarter of a": 0.25, "a quarter of an": 0.25,
    "a thousand": 1000, "one thousand": 1000, "two thousand": 2000,
}

#: Quantities that leave the number open: "several years" -> PXY.
VAGUE_NUMBERS = frozenset({
    "a few", "few", "several", "many", "some", "a number of", "dozens of", "hundreds of",
    "thousands of", "the next few", "a couple more",
})

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "final": 4, "last": 4,
}

DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}


def number_value(word: str) -> float | None:
    """"two" -> 2, "2 1/2" -> 2.5, "twenty-five" -> 25, "several" -> None (unknown)."""
    w = " ".join(word.lower().replace(",", "").split())
    if w in SMALL_NUMBERS:
        return SMALL_NUMBERS[w]
    if w in VAGUE_NUMBERS:
        return None
    if " " in w and w.split(" ")[-1] in {"1/2", "half"}:
        head = number_value(w.rsplit(" ", 1)[0].removesuffix(" and a"))
        return None if head is None else head + 0.5
    if "-" in w or " " in w:  # "twenty-five", and "twenty five" as transcripts write it
        tens, _, ones = w.replace("-", " ").partition(" ")
        if tens in SMALL_NUMBERS and ones in SMALL_NUMBERS:
            return SMALL_NUMBERS[tens] + SMALL_NUMBERS[ones]
    try:
        return float(w)
    except ValueError:
        return None
