"""The brief Clipline sizes itself: a lead, key events, a capped chronology without repeats,
Background and Ahead; bullets that stand alone."""

from __future__ import annotations

import datetime as dt
import re

from desktop.brief.bullets import clean_bullet
from desktop.brief.markdown import render_brief
from desktop.brief.story import plan_story
from desktop.timeline.timeline_event import Source, TimelineEvent

WORDS = ("protesters", "council", "sanctions", "oil", "refugees", "airport", "embassy", "navy",
         "tanks", "rebels", "court", "envoy", "border", "tribes", "militia", "ports")


def event(n: int, date: str, text: str, *, articles: int = 1, outlets=("CNN",), planned=False,
          people=(), published="2011-02-27") -> TimelineEvent:
    sources = [
        Source(100 * n + i, f"Story {n}.{i}", None, published, outlets[i % len(outlets)], text,
               event_id=100 * n + i, start=0, end=len(text))
        for i in range(articles)
    ]
    return TimelineEvent(f"e{100 * n}", date, "day" if len(date) == 10 else "year", text,
                         list(people), planned, sources)


def busy_story() -> list[TimelineEvent]:
    """Twenty days, each with a dozen different happenings, a few reported widely."""
    events = []
    n = 0
    for day in range(1, 21):
        date = f"2011-02-{day:02d}"
        for k in range(12):
            n += 1
            a, b = WORDS[k % 16], WORDS[(k + day) % 16]
            text = (f"The {a} of crew{n}a reached depot{n}b near river{n}c with convoy{n}d "
                    f"and {b} unit{n}e, said officer{n}f.")
            events.append(event(n, date, text, articles=1 + (k == 0) * 6 + (k == 1) * 2,
                                outlets=("CNN", "Reuters") if k == 0 else ("CNN",)))
    return events


def test_a_busy_story_gets_a_short_brief_with_every_section():
    events = busy_story()
    plan = plan_story(events, {}, date_from=dt.date(2011, 2, 1), date_to=dt.date(2011, 2, 27))
    text = render_brief(events, plan=plan, generated=dt.date(2011, 3, 1))
    assert re.findall(r"^## (.+)$", text, re.M)[:6] == [
        "Scope", "What happened", "Key events", "Chronology", "Background", "Ahead"]
    body = text.split("## Key events", 1)[1].split("## Background", 1)[0]
    assert len(re.findall(r"\w+", re.sub(r"\[\^\d+\]", "", body))) <= 2500
    keys = [line for line in text.split("## Key events")[1].split("## Chronology")[0].splitlines()
            if line.startswith("- **")]
    assert 8 <= len(keys) <= 15
    chronology = text.split("## Chronology", 1)[1].split("## Background", 1)[0]
    days = re.split(r"^### ", chronology, flags=re.M)[1:]
    assert all(len(re.findall(r"^- ", day, re.M)) <= 4 for day in days)
    assert "more reports in the timeline*" in chronology
    # The widely reported happening of a day is told, with its outlets.
    assert "CNN, Reuters \u2014 first reported by" in chronology


def test_background_and_ahead_hold_what_lies_outside_the_span():
    events = [
        event(1, "2011-02-15", "Protesters clashed with police in Benghazi on Tuesday.", articles=3),
        event(2, "1969", "Gaddafi seized power in a coup in 1969.", articles=2),
        event(3, "2011-03-10", "Ministers will meet in Brussels on March 10 to discuss a no-fly zone.",
              planned=True),
    ]
    plan = plan_story(events, {}, date_from=dt.date(2011, 2, 15), date_to=dt.date(2011, 2, 27))
    assert [e.date for e in plan.background] == ["1969"]
    assert [e.date for e in plan.ahead] == ["2011-03-10"]
    assert [e.date for e in plan.chronology] == ["2011-02-15"]


def test_near_duplicate_happenings_are_told_once():
    events = [
        event(1, "2011-02-26", "The Security Council voted to impose sanctions on Libya.", articles=4),
        event(2, "2011-02-27", "The Security Council voted to impose sanctions on Libya on Saturday.",
              articles=2),
    ]
    plan = plan_story(events, {}, date_from=dt.date(2011, 2, 15), date_to=dt.date(2011, 2, 27))
    assert len(plan.chronology) == 1


def test_one_day_does_not_tell_the_same_happening_twice_in_other_words():
    quake = ("The 7.0-magnitude quake, Haiti's worst in two centuries, struck on Tuesday, 15km "
             "south-west of Port-au-Prince and close to the surface.")
    again = ("Thousands are feared dead after the 7.0-magnitude quake, which struck south of the "
             "capital, Port-au-Prince, on Tuesday.")
    rescue = "Rescuers pulled a girl alive from the ruins of a school on Thursday."
    events = [event(1, "2010-01-12", quake, articles=5), event(2, "2010-01-12", again, articles=3),
              event(3, "2010-01-14", rescue, articles=4)]
    plan = plan_story(events, {}, date_from=dt.date(2010, 1, 12), date_to=dt.date(2010, 1, 31), whole=False)
    assert [e.text for e in plan.chronology] == [quake, rescue]
    # As alike on another day, it is a happening of its own.
    events[1] = event(2, "2010-01-13", again, articles=3)
    plan = plan_story(events, {}, date_from=dt.date(2010, 1, 12), date_to=dt.date(2010, 1, 31), whole=False)
    assert [e.text for e in plan.chronology] == [quake, again, rescue]


def test_bullets_name_the_pronoun_close_quotes_and_drop_stamps():
    named = event(1, "2011-02-22", "In a televised speech, he said he would die a martyr.",
                  people=["Muammar Gaddafi"])
    assert clean_bullet(named) == "In a televised speech, [Gaddafi] said he would die a martyr."
    quoted = event(2, "2011-02-22", "Gaddafi said: \u201cI will fight to the last drop of blood.")
    assert clean_bullet(quoted).count("\u201c") == clean_bullet(quoted).count("\u201d")
    stamped = event(3, "2011-02-21", "LIBYA, 3:29 p.m. ET, 10:29 p.m. local: Riot police fired on crowds.")
    assert clean_bullet(stamped) == "Riot police fired on crowds."
    updated = event(4, "2011-02-21", "(Updated: 1:09 a.m. Monday, Libya; 6:09 p.m. Sunday ET) Jets bombed Tripoli.")
    assert clean_bullet(updated) == "Jets bombed Tripoli."


def test_a_bullet_drops_a_label_naming_its_own_day_only():
    caption = event(5, "2010-05-05", "May 5: A ship enters the Gulf of Mexico carrying the containment vessel.")
    assert clean_bullet(caption) == "A ship enters the Gulf of Mexico carrying the containment vessel."
    chronology = event(6, "2010-04-20", "20 April - The Deepwater Horizon rig explodes, killing 11 workers.")
    assert clean_bullet(chronology) == "The Deepwater Horizon rig explodes, killing 11 workers."
    other_day = event(7, "2010-05-06", "May 5: A ship enters the Gulf of Mexico carrying the containment vessel.")
    assert clean_bullet(other_day) == other_day.text


def test_a_sentence_dated_to_two_days_is_one_key_event_only():
    spill = "The rig exploded on 20 April and sank two days later, officials said."
    events = [
        event(1, "2010-04-20", spill, articles=6),
        event(2, "2010-04-22", spill, articles=6),
        event(3, "2010-04-22", "The Coast Guard searched for the eleven missing workers on Thursday.",
              articles=2),
    ]
    plan = plan_story(events, {"2010-04-20": 5.0, "2010-04-22": 4.0},
                      date_from=dt.date(2010, 4, 20), date_to=dt.date(2010, 4, 30))
    assert [(e.date, e.text) for e in plan.key][:2] == [
        ("2010-04-20", spill),
        ("2010-04-22", "The Coast Guard searched for the eleven missing workers on Thursday."),
    ]


def test_background_and_ahead_tell_one_thing_per_date():
    events = [
        event(1, "2009-04-27", "The WHO raised its pandemic alert to phase four.", articles=3),
        event(2, "1918", "In the 1918 Spanish flu pandemic up to 100 million people died.", articles=3),
        event(3, "1918", "The Spanish flu of 1918 remains the most devastating outbreak of modern times.",
              articles=2),
        event(4, "1968", "An outbreak first detected in Hong Kong in 1968 was caused by the H3N2 strain.",
              articles=2),
        event(5, "2009-05-06", "Schools in Mexico City will stay closed until 6 May.", articles=4,
              planned=True),
        event(6, "2009-05-06", "Hundreds of public events are suspended until 6 May.", articles=3,
              planned=True),
        event(7, "2009-05-11", "Schools across the country will reopen to pupils on 11 May.", articles=3,
              planned=True),
        # A reader's aside, once: far less than the list's first line.
        event(8, "2009-07-01", "A reader wrote that the headline on TV was alarmist.", planned=True),
    ]
    plan = plan_story(events, {}, date_from=dt.date(2009, 4, 20), date_to=dt.date(2009, 5, 4))
    assert [e.date for e in plan.background] == ["1918", "1968"]
    assert [e.text for e in plan.background][0].startswith("In the 1918")
    assert [e.date for e in plan.ahead] == ["2009-05-06", "2009-05-11"]


def test_key_events_the_size_asks_for_are_told_whole():
    from desktop.brief.story import key_count

    # 286 articles ask for sqrt(286) / 1.5 = 11.3 key events: the part is a whole one more.
    # With one day far above the rest (the day every report refers back to), fewer stand out.
    days = {f"2010-01-{d:02d}": (95.0 if d == 12 else 20.0 - d / 2) for d in range(12, 32)}
    assert key_count(286, days) == 12
    assert key_count(225, days) == 10  # exactly 10: no part
    assert key_count(9, {}) == 8 and key_count(10_000, {}) == 15


def test_ahead_tells_only_what_is_planned():
    # After the span: talks announced for 3 March, and a sentence misdated to 2012 ("Insurers
    # already won a round in the drafting of the new law") that nobody planned.
    events = busy_story() + [
        event(900, "2011-03-03", "Envoys will meet rebels for talks in Cairo on 3 March.",
              articles=2, planned=True),
        event(901, "2012", "Insurers already won a round in the drafting of the new law.", articles=3),
    ]
    day_scores = {e.date: float(e.articles) for e in events if len(e.date) == 10}
    plan = plan_story(events, day_scores, date_from=dt.date(2011, 2, 1), date_to=dt.date(2011, 2, 20))
    assert [e.text for e in plan.ahead] == ["Envoys will meet rebels for talks in Cairo on 3 March."]


def test_a_refusal_to_comment_is_no_key_event():
    # The day's most reported happening is only that someone would not comment: the key
    # event tells what happened that day instead.
    events = busy_story()
    day = "2011-02-05"
    events.append(event(950, day, "The council of the rebels refused to comment on the sanctions "
                        "on oil at the airport.", articles=30))
    day_scores = {f"2011-02-{d:02d}": (100.0 if f"2011-02-{d:02d}" == day else 10.0 - d / 10)
                  for d in range(1, 21)}
    plan = plan_story(events, day_scores)
    told = [e.text for e in plan.key if e.date == day]
    assert len(told) == 1 and "refused to comment" not in told[0]
