"""What a relative date is relative to: the publication date, the narrative, the verb's tense.

News text says "Thursday" and means the Thursday before publication when the verb is in the
past ("said on Thursday") and the one after when it looks ahead ("will meet on Thursday").
The verb that counts is the one governing the expression's clause, not merely the nearest:
a reporting verb with its own phrase ("said in a statement Friday") dates the saying, "to"
before a noun is no infinitive ("agreed to the move on Tuesday"), hyphenated participles are
adjectives, a headline's present tense reports the past. `clause_direction` adds the
conditions and possibilities ("would ... if", "can") that make a forward date no plan.
Expressions such as "two days later" or "the next day" move from the date the story has
reached, which is the last fully resolved date before them. Both pieces of state live here so
the normaliser stays a set of pure rules.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

from desktop.analysis.dates.lexicon import MONTH_NAMES, WEEKDAY_NAMES

PAST = "past"
FUTURE = "future"
PRESENT = "present"  # "is payable Jan. 2": neither way, take the nearest
HYPOTHETICAL = "hypothetical"  # "if it failed, BP would install a cap on Monday"

#: A word; a hyphenated compound ("remote-controlled", "so-called") is one word, an adjective.
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?(?:-[A-Za-z]+)*")
#: "15 to 20": the "to" of a range of numbers, no word ("was 15 to 20 miles off" is no
#: "was to", a future in the past).
_NUMBER_RANGE = re.compile(r"(?<=\d)\s+to\s+(?=\d)")
#: Prefixes after which a hyphenated past form is still a verb ("re-elected").
_VERB_PREFIXES = ("re-", "co-", "pre-", "un-", "over-", "out-")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“(]?[A-Z]|\d{1,2}\s+[A-Z][a-z]+\s*:)|\n\s*\n|"
                           r"\n(?=[A-Z])")

_FUTURE_WORDS = frozenset({
    "will", "won't", "won’t", "shall", "would", "wouldn't", "'ll", "’ll", "upcoming",
    "scheduled", "expected", "due", "planning", "intends",
    "tomorrow", "coming", "forthcoming", "soon", "effective",
    "hopes", "aims", "seeks", "proposes", "propose",
})
_MODALS = frozenset({"will", "would", "shall", "could", "might", "should", "may", "must",
                     "to", "'ll", "’ll", "won't", "won’t", "can"})
_PAST_WORDS = frozenset({
    "was", "were", "had", "did", "ago", "yesterday", "earlier",
    "began", "came", "went", "met", "took", "gave", "made", "held", "won", "lost", "left",
    "fell", "rose", "saw", "got", "became", "sent", "paid", "spent", "sold", "bought",
    "found", "thought", "brought", "led", "ran", "struck", "broke", "spoke", "wrote",
    "chose", "drove", "flew", "hit", "kept", "knew", "grew", "shot", "fled",
    "fought", "taught", "caught", "stood", "sat", "sought", "swore", "beat", "bid", "cut",
    "quit", "read", "rang", "sang", "shut", "slid", "spread", "stole", "stuck", "threw",
    "wore", "woke", "hung", "dealt", "felt", "heard", "meant", "lent", "lit", "laid",
    "since", "previously", "former", "recently", "already",
})
_NOT_VERBS = frozenset({
    "united", "red", "bed", "need", "speed", "seed", "feed", "hundred", "indeed", "based",
    "limited", "related", "embed", "wed", "shed", "bred", "fled",
})


def is_past_form(word: str) -> bool:
    """"closed", "went": a verb's past form (a guess from the ending, minus known nouns)."""
    return word in _PAST_WORDS or (
        len(word) > 4 and word.endswith("ed") and word not in _NOT_VERBS
    )


def _words(text: str, lo: int, hi: int) -> list[str]:
    """The words of text[lo:hi], lower-cased; "May" with a capital is the month, no modal."""
    part = _NUMBER_RANGE.sub(" - ", text[lo:hi]) if " to " in text[lo:hi] else text[lo:hi]
    return ["<month>" if w == "May" else w.lower() for w in _TOKEN.findall(part)]


def sentence_bounds(text: str, start: int, end: int, reach: int = 160) -> tuple[int, int]:
    """Rough sentence limits around a span, looking at most *reach* characters away."""
    lo = max(0, start - reach)
    left = lo
    # (searched a little past *start*, so a boundary right before the span can look ahead)
    for m in _SENTENCE_END.finditer(text, lo, min(len(text), start + 24)):
        if m.end() <= start:
            left = m.end()
    hi = min(len(text), end + reach)
    m = _SENTENCE_END.search(text, end, hi)
    right = m.start() + 1 if m else hi
    return left, right


def tense_near(text: str, start: int, end: int) -> str | None:
    """PAST, FUTURE, PRESENT or None from the verbs nearest the expression in its sentence.

    A possibility ("could be ready by Monday") looks ahead like a future. See _nearest.
    """
    found = _nearest(text, start, end)
    if found == PRESENT and _in_headline(text, start):
        return PAST  # "Obama visits Gulf coast Friday": headlines tell the past in the present
    return FUTURE if found == _POSSIBLE else found


def _in_headline(text: str, start: int) -> bool:
    """True when *start* lies in a headline: a short first line, no full stop, text after."""
    line_end = text.find("\n")
    if line_end < 0 or start >= line_end:
        return False
    line = text[:line_end].strip()
    return 0 < len(line.split()) <= 16 and not line.endswith((".", "?", "!", ":"))


def tense_reach(text: str, start: int, end: int) -> float:
    """How far the marker that `tense_near` went by lies from the expression, in words
    before it, or 1 + 3 per word after it ("Monday was" 1, "Monday and hopes" 4: a verb
    after a conjunction is another clause's); infinity when the tense is a default.
    A day named far from its verb ("convened a meeting of ... on Thursday") is less sure
    of its direction than one right after "will meet"."""
    _found, reach, after = _nearest_marker(text, start, end)
    return 1 + (reach - 1) * 2 if after else reach


def _nearest(text: str, start: int, end: int) -> str | None:
    """PAST, FUTURE, PRESENT, _POSSIBLE or None: see `_nearest_marker`."""
    return _nearest_marker(text, start, end)[0]


def _nearest_marker(text: str, start: int, end: int) -> tuple[str | None, float, bool]:
    """PAST, FUTURE, PRESENT, _POSSIBLE or None from the verbs nearest the expression, and
    how far the deciding marker lies (infinity for none, or a distant reporting verb) and
    whether it comes after the expression.

    The nearest tense marker wins; a participle after "will be" or "to be" looks ahead, one
    after another modal ("could be located") says nothing. A present tense ("is payable")
    stops the search: the date is then simply the nearest one. A reporting verb ("said")
    decides only when it sits right next to the expression ("said Thursday"); further away it
    is what the sentence reports, not when it happened, so it counts only when nothing else
    does. Markers on the right count a little less than those on the left.
    """
    left_bound, right_bound = sentence_bounds(text, start, end)
    left = _words(text, left_bound, start)
    right = _words(text, end, right_bound)
    fallback: str | None = None
    until = after = False
    best: tuple[float, str | None] | None = None
    for distance, i in enumerate(range(len(left) - 1, -1, -1)):
        found = _classify(left, i)
        if found == _UNTIL:
            # "until Sunday" looks ahead unless a verb says otherwise ("Until Thursday,
            # they had not called him a suspect")
            until = True
            continue
        if found == _SPEECH:
            if distance <= 2:
                best = (distance, PAST)
                break
            if _speech_owns(left, i):
                best = (0, PAST)  # what follows the day is what was said: it cannot win
                break
            fallback = fallback or PAST
            continue
        if found:
            best = (distance, None if found == _STOP else found)
            break
    # "Voser, due to step up ... on July 1, did it on Wednesday": in a clause set off by
    # commas (or dashes: "Hayward - who is to leave in October - accepted"), the verb found
    # before the day within it is the clause's own; the verb after the closing mark belongs
    # to the sentence around it.
    opened = max(text.rfind(mark, left_bound, start) for mark in _CLAUSE_OPENS)
    closed = (best is not None and best[1] is not None and opened >= 0
              and best[0] < len(_words(text, opened, start))
              and _CLAUSE_CLOSES.match(text, end) is not None)
    for distance, i in enumerate(range(len(right))):
        weighted = distance * 1.5 + 1
        if best is not None and (weighted >= best[0] or closed):
            break
        found = _classify(right, i)
        if found == _UNTIL:
            continue  # "Monday until Friday": says nothing of Monday
        if found == _SPEECH:
            if distance == 0 and text[end:right_bound].lstrip()[:1].isalpha():
                # "Bush on Tuesday said ...": the saying is what the day dates, and what
                # was said (often in another tense) is not.
                best, after = (weighted, PAST), True
                break
            fallback = fallback or PAST
            continue
        if found:
            best, after = (weighted, None if found == _STOP else found), True
            break
    if best is not None:
        return best[1], best[0], after
    if until:
        return FUTURE, math.inf, False
    return fallback, math.inf, False


_CLAUSE_OPENS = (",", "\u2013", "\u2014", " - ", "--")
_CLAUSE_CLOSES = re.compile(r"[\"”’)]?\s*(?:[,;\u2013\u2014]|--?(?=\s))")
#: Words that open the speech verb's own phrase: "said in a statement Friday", "told
#: reporters on Friday". After them, the day dates the saying, not what was said.
_SPEECH_PHRASE = frozenset({"in", "on", "at", "to", "during", "after", "via", "through",
                            "late", "early", "reporters", "journalists"})
#: Words that open the reported clause ("said that ...", "told him they ...").
_CLAUSE_OPENERS = frozenset({"that", "he", "she", "they", "we", "i", "it", "there", "who",
                             "which", "what", "whether", "if", "when"})
#: Reporting verbs whose object is the listener, not what was said ("told Reuters Friday").
_TELLING = frozenset({"told", "tells"})


def _speech_owns(words: list[str], i: int) -> bool:
    """True when the expression sits in the reporting verb's own phrase, with no verb between.

    "said on state television Friday" dates the saying; "said the talks on Friday would
    resume" does not ("the talks ..." is what was said).
    """
    between = words[i + 1:]
    if len(between) > 6 or not between:
        return False
    if words[i] not in _TELLING and between[0] not in _SPEECH_PHRASE:
        return False
    if any(w in _CLAUSE_OPENERS or w in _MODALS for w in between):
        return False  # "told him that they may soon ...": the reported clause has begun
    return not any(_classify(between, j) for j in range(len(between)))


_CONDITIONAL = re.compile(r"\b(?:if|unless|otherwise)\b", re.IGNORECASE)
_IRREALIS = re.compile(r"\b(?:would|could|might)\b|['’]d\b", re.IGNORECASE)


def clause_direction(text: str, start: int, end: int) -> str | None:
    """Which way the clause governing a time expression looks: PAST, FUTURE, PRESENT,
    HYPOTHETICAL or None (no verb says).

    The timeline asks this to mark an event planned: only a date told looking ahead is, not
    one reported as done ("agreed to the move on Tuesday"), nor a condition ("if that
    happened, BP would install a cap on Monday") or a mere possibility ("tomorrow we can
    speak rationally").
    """
    lo, hi = sentence_bounds(text, start, end)
    sentence = text[lo:hi]
    if _CONDITIONAL.search(sentence) and _IRREALIS.search(sentence):
        return HYPOTHETICAL
    found = _nearest(text, start, end)
    if found == _POSSIBLE:
        return HYPOTHETICAL
    if _AHEAD_WORDS.match(text, start, end):
        return FUTURE  # "next Tuesday", "the coming week" look ahead whatever the verb
    return tense_near(text, start, end)


_AHEAD_WORDS = re.compile(r"(?:the\s+|this\s+)?(?:next|coming)\b", re.IGNORECASE)


#: Past forms that point ahead when followed by "to": "agreed to buy ... in February".
_INTENT_VERBS = frozenset({
    "agreed", "decided", "promised", "pledged", "vowed", "threatened", "offered", "hoped",
    "wanted", "intended", "voted", "proposed", "prepared", "arranged",
})
#: What one agrees, decides or promises to do on a given day: an appointment, so the day
#: lies ahead ("agreed to meet on Tuesday"). Other infinitives ("voted to impose sanctions
#: on Saturday") leave the day to the deciding.
_SCHEDULED_ACTS = frozenset({
    "meet", "hold", "visit", "travel", "resume", "return", "start", "begin", "attend", "sign",
    "vote", "launch", "open", "reopen", "host", "fly", "leave", "arrive", "testify", "appear",
    "announce", "publish", "release", "convene", "discuss", "talk", "hear", "decide", "rule",
    "hand", "deliver", "present", "submit", "close", "end", "stop", "lift", "go", "come",
    "buy", "purchase", "acquire", "sell", "pay", "repay", "redeem", "complete", "merge",
    "take", "step", "join", "withdraw", "pull", "transfer",
})
#: Progressive forms that name an arrangement ahead ("is meeting Monday").
_ARRANGED = frozenset({
    "meeting", "leaving", "going", "coming", "travelling", "traveling", "visiting", "holding",
    "launching", "starting", "beginning", "opening", "returning", "flying", "heading",
    "resuming", "hosting", "releasing", "reporting", "voting", "announcing",
})

_SPEECH = "speech"
_POSSIBLE = "possible"
_STOP = "stop"
_UNTIL = "until"


#: Verbs that move something later: "until" after them points ahead of publication.
_DEFERRING = frozenset({
    "postponed", "delayed", "extended", "adjourned", "deferred", "suspended", "recessed",
    "postpone", "delay", "extend", "adjourn", "defer", "suspend", "off", "open", "remain",
    "remains",
})
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this"})
#: No verb follows these directly: a participle after them is an adjective.
_PREPOSITIONS = frozenset({"over", "of", "from", "into", "with", "without", "among", "across",
                           "for", "in", "on", "at", "about", "under", "between"})


_ADVERBS = frozenset({"still", "yet", "now", "once", "well", "long", "much", "so", "too",
                      "very", "already", "just", "ever", "never", "as", "most", "more", "less",
                      "least", "all", "not", "un", "widely", "newly"})


def _after_determiner(before: list[str]) -> bool:
    """True for "the planned ...", "a hastily planned ...", "a still unspecified date":
    a participle used as an adjective, which has no tense."""
    if before[-1:] and before[-1] in _DETERMINERS:
        return True
    return len(before) >= 2 and before[-2] in _DETERMINERS and (
        before[-1].endswith("ly") or before[-1] in _ADVERBS)


#: Modals that put the clause ahead of its own time ("should be working by Monday").
_FORWARD_MODALS = frozenset({"should", "could", "may", "might", "can", "must"})
#: Pronouns and determiners: after "agreed to" they make "to" a preposition ("agreed to the
#: move on Tuesday" is the agreeing, past), not an infinitive ("agreed to meet on Tuesday").
_NOUN_STARTS = frozenset({
    "a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those",
    "it", "them", "him", "us", "me", "you", "my", "your", "some", "any", "all", "such",
})


def _classify(words: list[str], i: int) -> str | None:
    word = words[i]
    before = words[max(0, i - 3) : i]
    if word in {"said", "says", "told", "tells", "announced", "reported", "added", "stated"}:
        return _SPEECH  # when something was said, it was said by publication
    following = words[i + 1] if i + 1 < len(words) else ""
    if "-" in word and not word.startswith(_VERB_PREFIXES):
        return None  # "remote-controlled", "so-called": adjectives, no tense
    if word in {"planned", "scheduled", "expected", "due", "set", "supposed", "meant"} and (
            "had" in before or before[-1:] in (["previously"], ["originally"])):
        return PAST  # "had been scheduled to expire at midnight Friday": a plan now past
    if word in {"wanted", "hoped", "intended"} and before[-1:] == ["had"]:
        return PAST  # "had wanted to hold a vote Tuesday": a plan given up
    if word == "ahead" and following == "of":
        return FUTURE  # "ahead of Thursday's hearing": what is awaited
    if word == "soon" and before[-1:] == ["as"]:
        return FUTURE  # "as soon as Wednesday"
    if word in _FORWARD_MODALS and following not in {"have", "not", "n't"} \
            and not is_past_form(following):
        # "should be operational by Monday": ahead of the clause's time; "we can speak
        # rationally tomorrow" only a possibility, ahead but no plan
        return _POSSIBLE if word in {"can", "could", "might"} else FUTURE
    if word in {"planned", "scheduled", "expected"} and _after_determiner(before):
        return None  # "the hastily planned trip": an adjective, no verb to take a tense from
    if word == "planned":
        return FUTURE  # what was planned lies after the planning
    if word in {"plan", "plans"} or word in _INTENT_VERBS:
        after_to = words[i + 2] if i + 2 < len(words) else ""
        if following == "to" and after_to not in _NOUN_STARTS and (
                word in {"plan", "plans"} or after_to in _SCHEDULED_ACTS or not after_to):
            return FUTURE  # "agreed to meet on Tuesday": a meeting set for that day
        if following == "to" and after_to and after_to not in _NOUN_STARTS:
            return PAST  # "voted to impose sanctions on Saturday": the day of the vote
        if word in _INTENT_VERBS and following.endswith("ing") and len(following) > 4:
            return FUTURE  # "proposed holding the talks on Monday"
        return PAST if word in _INTENT_VERBS else None
    if word in _ARRANGED and before and before[-1] in {"is", "are", "am", "be", "'s"}:
        return FUTURE  # "is meeting on Monday": an arrangement ahead
    if word == "until" and any(w in _DEFERRING for w in before):
        return FUTURE  # "postponed until Tuesday": put off to a day ahead
    if word in {"until", "till"}:
        return _UNTIL
    if word in {"was", "were"} and following in {"planning", "preparing", "to", "due", "set",
                                                  "scheduled", "slated"}:
        return FUTURE  # "were planning to drive ... on Monday", "was set to meet Thursday"
    if word in {"is", "are", "am", "has", "have"}:
        if following in {"to", "due", "scheduled", "expected", "set", "going", "planning"} \
                or following in _ARRANGED:
            return FUTURE
        if following == "been":
            return PAST
        if before[-1:] and before[-1] in {"will", "shall", "'ll", "’ll"}:
            return FUTURE  # "will have 100 troops there on Thursday"
        return PRESENT
    if word == "coming" and following in _MOVING_ON:
        return None  # "coming after a loss in the second quarter": a participle, no future
    if word in _FUTURE_WORDS:
        if word == "due" and following == "to":
            # "due to step down on July 1" is a schedule; "due to the storm" a cause
            after_to = words[i + 2] if i + 2 < len(words) else ""
            return FUTURE if after_to in _SCHEDULED_ACTS else None
        return FUTURE
    if word == "set" and i + 1 < len(words) and words[i + 1] in {"to", "for"}:
        return FUTURE
    if is_past_form(word):
        if word.endswith("ed") and (_after_determiner(before) or before[-1:] and
                                    before[-1] in _PREPOSITIONS):
            # "the troubled region", "an unnamed official", "over affected areas": adjectives
            return None
        if before[-1:] and before[-1] in {"is", "are", "am", "'s", "’s"}:
            return PRESENT  # "when the case is heard in May": a passive in the present
        # "to" is a modal only before an auxiliary ("to be signed"); in "loyal to the
        # leader shelled" it is a preposition
        modals = [j for j, w in enumerate(before) if w in _MODALS and (
            w != "to" or before[j + 1 : j + 2] in (["be"], ["have"], ["get"], ["been"]))]
        if not modals:
            return PAST
        modal, chain = before[modals[-1]], before[modals[-1] + 1:]
        if word.endswith("ed") and not all(w in _AUXILIARY_CHAIN or w.endswith("ly")
                                           for w in chain):
            # "may lift bans placed on pork by June 1": the participle describes "bans";
            # the modal's own verb says which way the clause looks
            return None
        if "have" in chain or "has" in chain:
            at = i - len(before) + modals[-1]  # where the modal stands in *words*
            if modal in {"will", "shall", "'ll", "’ll"} or (
                    modal == "to" and at > 0 and words[at - 1] in _AHEAD_OF_INFINITIVE):
                # "will have finished by Monday", "hopes to have sent ... by 25 January":
                # done by a day ahead
                return FUTURE
            return PAST  # "could have been held", "is said to have left on Monday"
        return FUTURE if modal in {"will", "would", "'ll", "’ll", "shall", "to"} else _STOP
    return None


#: After "coming", these make it a verb of motion or sequence, not "the coming week".
_MOVING_ON = frozenset({"after", "from", "as", "out", "back", "under", "amid", "off", "into",
                        "through", "down", "up", "on", "just", "only", "days", "weeks"})
#: What may stand between a modal and its participle: "will not have been closed".
_AUXILIARY_CHAIN = frozenset({"be", "been", "being", "have", "has", "get", "got", "not",
                              "n't", "also", "still", "already", "soon", "then", "now",
                              "never", "just", "even", "all", "first", "again", "ever"})
#: Words after which "to have done" is done by a day ahead, not already done.
_AHEAD_OF_INFINITIVE = frozenset({
    "hopes", "hope", "hoping", "expects", "expect", "expecting", "expected", "aims", "aim",
    "aiming", "plans", "plan", "planning", "intends", "intend", "wants", "want", "due", "set",
    "scheduled", "likely", "promises", "promise", "pledges", "vows", "needs", "need",
})


def describe_day(d: dt.date) -> str:
    """"Fri 30 May 2025": how dates read in explanations shown to the reporter."""
    return f"{WEEKDAY_NAMES[d.weekday()]} {d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


@dataclass(slots=True)
class Narrative:
    """The date the story has reached, updated as resolved dates go by.

    *day* is the last day-precise date, *quarter* the last quarter named (financial news says
    "the third quarter ... a year earlier"), with the offset where each was seen so stale
    references can be ignored. *weekdays* holds the days a weekday name was firmly resolved
    to (a verb right by it): one story names one Thursday, so a later "Thursday" whose
    verb is far off or silent is the same day.
    """

    day: dt.date | None = None
    day_at: int = -1
    quarter: tuple[int, int] | None = None
    quarter_at: int = -1
    year: int | None = None
    year_at: int = -1
    month: tuple[int, int] | None = None
    month_at: int = -1
    #: (weekday 1-7, reference ordinal) -> the ordinal of the day it was firmly resolved to
    weekdays: dict[tuple[int, int], int] = field(default_factory=dict)
    #: a happening's head noun -> the day the article gave it ("the January 12 quake"), for
    #: counts from it ("eight days after the quake"): see named_days.py
    named: dict[str, dt.date] = field(default_factory=dict)
    #: the same, as the whole article gives them (from an earlier reading): a happening
    #: dated only further on ("Eight days after the quake ... the 12 January earthquake")
    named_later: dict[str, dt.date] = field(default_factory=dict)

    def happenings(self) -> dict[str, dt.date]:
        """The days of the article's happenings: as dated so far, else as dated later."""
        return {**self.named_later, **self.named}

    def note(self, value: str, at: int) -> None:
        """Remember a resolved value as the point the narrative has reached."""
        m = _VALUE_PARTS.match(value)
        if not m:
            return
        year = int(m["y"])
        self.year, self.year_at = year, at
        if m["q"]:
            self.quarter, self.quarter_at = (year, int(m["q"])), at
        elif m["m"]:
            mon = int(m["m"])
            self.month, self.month_at = (year, mon), at
            if m["d"]:
                try:
                    self.day, self.day_at = dt.date(year, mon, int(m["d"])), at
                except ValueError:
                    pass


_VALUE_PARTS = re.compile(r"(?P<y>\d{4})(?:-Q(?P<q>[1-4])|-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?")
