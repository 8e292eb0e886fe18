"""Which sentence tells a key day: a whole report in the reporter's words, a chronology's
entry for the day, never a cut-off teaser or the tail of a split sentence."""

from __future__ import annotations

from desktop.timeline.filters import Filters
from desktop.timeline.keyevents import key_events
from desktop.timeline.telling import (
    as_told,
    in_first_person,
    is_chronology_entry,
    is_fragment,
    opens_with_pronoun,
    quoted_share,
    without_list_mark,
)
from tests.unit.timeline.test_timeline_library import store

MAY = Filters.from_strings(date_from="2025-05-01", date_to="2025-05-31")


def day_told(library, title: str, text: str, report: str) -> list[str]:
    """The sentences that tell 16 May when a clip of 17 May carries *text* and one of
    18 May the plain *report*."""
    store(library, title, text, "2025-05-17", {"May 16": "2025-05-16"})
    store(library, "Summit", f"Summit ends.\n{report}", "2025-05-18", {"May 16": "2025-05-16"})
    (day,) = key_events(library, 1, 1, MAY)
    return day.sentences


def test_pieces_of_sentences_and_furniture_cannot_tell_a_day():
    assert is_fragment("Crews battled rain as the rig that exploded toppled into th...")
    assert is_fragment("Crews battled rain as the rig toppled into the sea\u2026")
    assert is_fragment("L) massive oil spill in the Gulf, the Attorney General said on Tuesday.")
    assert is_fragment(", chairman of the subcommittee, said Wednesday the device failed.")
    assert is_fragment("and then the talks broke down on Friday.")
    assert is_fragment("11:28 PM | Report abuse Dear customers, thank you for your support.")
    assert not is_fragment("BP (BP.L) said on Tuesday the cap held and oil stopped flowing.")
    assert not is_fragment("2) The council voted on Friday to close the schools.")
    assert not is_fragment("The ministers met in Vienna on May 16 and agreed a ceasefire.")
    assert not is_fragment("\u201cWe will stay,\u201d the mayor said on Friday.")


def test_a_readers_signed_comment_cannot_tell_a_day():
    assert is_fragment("At 4:36 pm on 18 Jan 2010, alice_w wrote: China flew out the next day.")
    assert is_fragment("Apr 2009, Nich wrote: The airports are not being screened.")
    assert is_fragment("high_al at 11:07 am: The pipe is larger than 3 inches, I reckon.")
    assert not is_fragment("In 2009, the minister wrote: the plan is ready for the winter.")
    assert not is_fragment("The report, published on May 3 at 10:00, said the cap held.")


def test_quoted_share_is_the_part_of_the_sentence_in_someone_elses_words():
    assert quoted_share("The mayor said on Friday the city would stay open.") == 0
    assert quoted_share(
        "\u201cThere could be oil coming up until August and beyond that,\u201d Browner told CBS."
    ) > 0.6
    mixed = "Obama pledged \u201cevery single available resource\u201d to contain the spreading spill."
    assert 0 < quoted_share(mixed) < 0.5


def test_a_chronology_entry_opens_with_its_day_and_a_dash():
    assert is_chronology_entry("April 22 \u2013 The rig sinks and a five-mile oil slick forms.")
    assert is_chronology_entry("\\* May 5 \u2013 A barge begins towing a containment chamber.")
    assert is_chronology_entry("16 May - A tube is inserted into the leaking pipe.")
    assert is_chronology_entry("April 20, 2010 \u2013 Explosion and fire on the rig kill 11 workers.")
    # a caption's day and colon, a day in passing, a day-less dash: no entries
    assert not is_chronology_entry("April 27: Weathered oil is seen in the Gulf near Louisiana.")
    assert not is_chronology_entry("The rig sank on April 22, two days after the explosion.")
    assert not is_chronology_entry("Mayday \u2013 the crew radioed for help.")
    assert without_list_mark("\u2022 May 5 \u2013 A barge sets off.") == "May 5 \u2013 A barge sets off."


def test_the_chronology_entry_tells_the_day_over_mentions_in_passing(memory_library):
    for n in range(2):
        store(
            memory_library,
            f"Talks stall {n}",
            f"Talks have stalled since the summit in Vienna on May 16 ended, diplomats said in "
            f"report {n}. The two sides have not met again.",
            "2025-05-25",
            {"May 16": "2025-05-16"},
        )
    entry = "May 16 \u2013 Leaders meet at the summit in Vienna and agree a ceasefire."
    store(
        memory_library,
        "Timeline",
        f"How the talks went.\n{entry}\nMay 20 \u2013 Envoys trade accusations.",
        "2025-05-26",
        {"May 16": "2025-05-16", "May 20": "2025-05-20"},
    )
    (day,) = key_events(memory_library, 1, 1, MAY)
    assert (day.date, day.sentences) == ("2025-05-16", [entry])


def test_a_cut_off_teaser_never_tells_the_day(memory_library):
    teaser = (
        "Leaders meeting at the summit in Vienna on May 16 agreed a ceasefire after talks "
        "that ran through the night and into the ea..."
    )
    report = "The summit in Vienna on May 16 agreed a ceasefire between the two sides."
    assert day_told(memory_library, "Teasers", f"Latest news\n{teaser}", report) == [report]


def test_the_report_tells_the_day_over_the_quote(memory_library):
    quote = (
        "\u201cThe summit in Vienna agreed a ceasefire and we expect it to hold,\u201d "
        "an envoy said on May 16."
    )
    report = "The summit in Vienna on May 16 agreed a ceasefire between the two sides."
    assert day_told(memory_library, "Envoy", f"Envoy speaks.\n{quote}", report) == [report]


def test_a_key_event_is_shown_without_the_pages_stamp_or_list_mark():
    assert as_told(
        "Thursday, May 6, 2010; 11:30 AM PORT FOURCHON, LA. -- The box arrived at the site."
    ) == "The box arrived at the site."
    assert as_told("\\* May 5 \u2013 A barge sets off.") == "May 5 \u2013 A barge sets off."
    entry = "April 20, 2010 \u2013 Explosion and fire on the rig kill 11 workers."
    assert as_told(entry) == entry  # a chronology's day is no stamp


def test_the_stamped_lead_tells_the_day_without_its_stamp(memory_library):
    lead = "The envoys met in Vienna on May 16 and agreed a ceasefire between the two sides."
    store(
        memory_library,
        "Ceasefire",
        f"Ceasefire agreed\nFriday, May 16, 2025; 11:30 PM VIENNA -- {lead}",
        "2025-05-16",
        {"May 16": "2025-05-16"},
    )
    (day,) = key_events(memory_library, 1, 1, MAY)
    assert day.sentences == [lead]


def test_a_readers_comment_never_tells_the_day(memory_library):
    comment = (
        "At 4:36 pm on 17 May 2025, alice_w wrote: The summit in Vienna on May 16 agreed a "
        "ceasefire at last and the summit was a triumph for the summit's hosts."
    )
    report = "Envoys at the summit in Vienna on May 16 signed a ceasefire deal."
    assert day_told(memory_library, "Comments", f"Have your say\n{comment}", report) == [report]


def test_an_own_account_and_a_pronoun_subject_are_told_apart_from_a_report():
    assert in_first_person("Last Wednesday, after the earthquake, I decided to go to Haiti.")
    assert in_first_person("Today French doctors joined the team, allowing us to open 14 stations.")
    assert not in_first_person("\u201cWe will rebuild,\u201d the president said on Monday.")
    assert not in_first_person("US troops landed at the airport on Monday.")
    assert opens_with_pronoun("On Friday she made a public appeal for her relatives.")
    assert opens_with_pronoun("He said American officials were arriving on Wednesday.")
    assert not opens_with_pronoun("This week the WHO raised its alert to phase five.")
    assert not opens_with_pronoun("The president made a public appeal on Friday.")


def test_the_report_tells_the_day_over_an_own_account(memory_library):
    account = (
        "On May 16 I flew to Vienna, where the summit agreed a ceasefire, and I watched the "
        "leaders sign the ceasefire."
    )
    report = "The summit in Vienna on May 16 agreed a ceasefire between the two sides."
    assert day_told(memory_library, "Diary", f"My diary\n{account}", report) == [report]


def test_a_named_report_tells_the_day_over_one_whose_subject_is_a_pronoun(memory_library):
    pronoun = "On May 16 she told the summit in Vienna that the ceasefire agreed there would hold."
    named = "Anna Berg said on May 16 the Vienna truce would hold."
    assert day_told(memory_library, "Envoy", f"Envoy speaks.\n{pronoun}", named) == [named]


def test_the_reporters_pinned_sentence_tells_its_day_however_it_is_cut(memory_library):
    from desktop.timeline import corrections
    from desktop.timeline.query import build_timeline

    store(
        memory_library,
        "Summit",
        "Summit ends.\nThe summit in Vienna on May 16 agreed a ceasefire between the two sides.",
        "2025-05-18",
        {"May 16": "2025-05-16"},
    )
    (event,) = [e for e in build_timeline(memory_library) if e.date == "2025-05-16"]
    corrections.edit(memory_library, event.id, text="ceasefire agreed in Vienna (see notes...")
    corrections.pin(memory_library, event.id)
    (day,) = key_events(memory_library, 1, 1, MAY)
    assert (day.date, day.sentences) == ("2025-05-16", ["ceasefire agreed in Vienna (see notes..."])


def test_a_sentence_saying_only_that_someone_did_not_comment():
    from desktop.timeline.telling import only_no_comment

    assert only_no_comment("Tony Hayward, BP's chief executive, refused to comment on the proposal yesterday.")
    assert only_no_comment("A spokesman could not be reached for comment.")
    assert not only_no_comment("Shares fell 5% and BP declined to comment.")
    assert not only_no_comment("The president declined to visit the site.")
