"""Page furniture inside an article's text: found by its shape (and by repetition across an
outlet's clips), kept in the text, blanked for analysis."""

from __future__ import annotations

from desktop.analysis.dates import tag_dates
from desktop.clipping.furniture import blank_furniture, furniture_spans
from desktop.clipping.repetition import repeated_furniture
from desktop.timeline.events import extract_events

PAGE = """By the CNN Wire Staff
Libyan leader Moammar Gadhafi said Sunday (Updated: 1:09 a.m. Monday, Libya; 6:09 p.m. Sunday ET) that he would stay.
LIBYA, 3:29 p.m. ET, 10:29 p.m. local: Riot police fired on protesters in Tripoli.
March 1, 2011 at 6:20 pm | Yes we should help the people of Libya
Reply
Report abuse
May 5: A platform is surrounded by oil at the mouth of the Mississippi River.
Photo: Martin Harrison A strong aftershock sent panic through the hospital.
To play this content JavaScript must be turned on and the latest Flash player installed.
By Friday, the death toll had risen to 200, officials said.
You can see the damage from the hills above the city, a witness told reporters."""


def found(text: str) -> list[str]:
    return [text[f.start : f.end].strip() for f in furniture_spans(text)]


def test_comments_stamps_bylines_widgets_and_players_are_furniture():
    spans = found(PAGE)
    assert "By the CNN Wire Staff" in spans
    assert "(Updated: 1:09 a.m. Monday, Libya; 6:09 p.m. Sunday ET)" in spans
    assert "LIBYA, 3:29 p.m. ET, 10:29 p.m. local:" in spans
    assert "March 1, 2011 at 6:20 pm | Yes we should help the people of Libya" in spans
    assert "Reply" in spans and "Report abuse" in spans
    assert any("JavaScript" in s for s in spans)
    assert "Photo: Martin Harrison" in spans and "A strong aftershock" not in " ".join(spans)


def test_prose_is_not_furniture():
    spans = " ".join(found(PAGE))
    assert "death toll" not in spans and "witness told reporters" not in spans
    assert "Riot police fired" not in spans and "he would stay" not in spans


def test_a_photos_dated_caption_is_the_storys_and_dates_its_event():
    """A gallery's caption tells what happened on the day it names, as a chronology's line
    does: only a picture agency's label before it is the page's."""
    page = (
        "AP FILE: President Obama talks with the Coast Guard commandant aboard Marine One.\n"
        "May 5: A ship enters the Gulf of Mexico carrying the oil containment vessel to the site.\n"
        "BP hopes the dome will capture most of the leaking oil, officials said."
    )
    assert found(page) == ["AP FILE:"]
    blank = blank_furniture(page, furniture_spans(page))
    events = extract_events(blank, None, tag_dates(blank, "2010-05-06"), [], "2010-05-06")
    assert ("2010-05-05", "May 5: A ship enters the Gulf of Mexico carrying the oil containment "
            "vessel to the site.") in [(e.date, e.text) for e in events]
    assert "President Obama talks" in blank


def test_blanking_keeps_offsets_and_line_breaks():
    spans = furniture_spans(PAGE)
    blank = blank_furniture(PAGE, spans)
    assert len(blank) == len(PAGE) and blank.count("\n") == PAGE.count("\n")
    assert "Report abuse" not in blank and "CNN Wire Staff" not in blank
    assert blank.index("Riot police") == PAGE.index("Riot police")


def test_a_line_recurring_at_the_edges_of_unrelated_clips_of_an_outlet_is_furniture():
    notice = "Your comments may be published on any BBC media worldwide."
    stories = [
        "Quake strikes Haiti\nA powerful earthquake struck Haiti on Tuesday.\nThousands are feared dead.",
        "Aid arrives\nThe first aid flights landed in Port-au-Prince.\nThe airport is congested.",
        "Clinton visits\nHillary Clinton flew to Haiti on Saturday.\nShe met President Preval.",
        "Telethon raises millions\nThe telethon raised $57m on Friday night.\nStars answered phones.",
    ]
    clips = [(i, f"{text}\n{notice}") for i, text in enumerate(stories)]
    found_spans = repeated_furniture(clips)
    assert sorted(found_spans) == [0, 1, 2, 3]
    for article_id, text in clips:
        (span,) = found_spans[article_id]
        assert text[span.start : span.end] == notice


def test_a_background_paragraph_repeated_in_versions_of_one_story_is_not_furniture():
    background = "At least 75,000 bodies have been buried in mass graves, the government said."
    versions = [
        (i, f"Haiti update {i}\nRescue teams searched the rubble.\nAid is arriving slowly.\n"
            f"The UN appealed for $562m.\n{background}")
        for i in range(4)
    ]
    assert repeated_furniture(versions) == {}


def test_a_credit_runs_through_the_agencies_joined_to_it_and_stops_at_the_caption():
    for page, credit in [
        ("Photograph: Stan Honda/AFP/Getty Images BP is using undersea robots to thread a tube.",
         "Photograph: Stan Honda/AFP/Getty Images"),
        ("Photograph : Daniel Beltra\\/Greenpeace The Obama administration waived reviews.",
         "Photograph : Daniel Beltra\\/Greenpeace"),
        ("Photograph: Suzanne Plunkett/Reuters Another $2.4bn was wiped off the value of BP.",
         "Photograph: Suzanne Plunkett/Reuters"),
    ]:
        assert found(page) == [credit]


def test_a_plug_glued_to_varying_last_lines_is_furniture_with_the_teaser_it_ends():
    plug = "Sign up for free e-mail news alerts from Example.com and ExampleBusiness.com ."
    clips = [
        (0, "Rain fell on the valley.\nThe river rose two metres.\n"
            f"Jane Roe contributed to this report {plug}"),
        (1, "Markets fell in Tokyo.\nThe yen rose against the dollar.\n"
            f"Floods Hit the Valley Ten Years Later, Images of the Dam {plug}"),
        (2, "A new mayor was sworn in.\nShe promised cheaper buses.\n"
            f"The mayor left for Paris. A Closer Look at the Budget {plug}"),
    ]
    spans = repeated_furniture(clips)
    text = dict(clips)
    # the teaser ("... Ten Years Later ...") goes with the plug: it never becomes a dated event
    assert [text[1][s.start:s.end] for s in spans[1]] == [
        f"Floods Hit the Valley Ten Years Later, Images of the Dam {plug}"]
    # a finished sentence before the plug on the same line stays story text
    assert [text[2][s.start:s.end] for s in spans[2]] == [f"A Closer Look at the Budget {plug}"]


def test_a_last_sentence_two_clips_end_alike_is_not_furniture():
    ending = "said the spill was the worst environmental disaster in the nation's history."
    clips = [
        (0, f"Oil reached the marsh.\nBoats were idle.\nThe governor {ending}"),
        (1, f"Shares fell again.\nTraders were nervous.\nA senator {ending}"),
        (2, "The hearing opened.\nWitnesses were sworn.\nThe chairman closed the session."),
    ]
    assert repeated_furniture(clips) == {}
