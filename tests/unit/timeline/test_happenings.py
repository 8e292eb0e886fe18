"""Happenings: the sentences of all clips that report one thing on one date, clustered."""

from __future__ import annotations

from desktop.timeline.happenings import Happening, Report, cluster, headline


def report(event_id: int, article: int, outlet: str, text: str, people=(), places=()) -> Report:
    return Report(event_id, article, outlet, f"2011-02-{20 + article % 3:02d}", text,
                  frozenset(people), frozenset(places))


def test_two_outlets_reporting_the_same_thing_make_one_happening():
    reports = [
        report(1, 1, "CNN", "The UN Security Council voted unanimously to impose sanctions on Libya.",
               places={"Libya"}),
        report(2, 2, "Reuters", "The Security Council unanimously imposed sanctions on Libya on Saturday.",
               places={"Libya"}),
        report(3, 3, "CNN", "A blizzard closed schools across Minnesota and the Dakotas.",
               places={"Minnesota"}),
    ]
    happenings = cluster(reports)
    assert sorted(len(h.reports) for h in happenings) == [1, 2]
    (council,) = [h for h in happenings if len(h.reports) == 2]
    assert council.outlets() == ["Reuters", "CNN"] or council.outlets() == ["CNN", "Reuters"]
    assert {r.event_id for r in council.reports} == {1, 2}


def test_different_stories_sharing_a_date_stay_apart():
    reports = [
        report(1, 1, "CNN", "Gaddafi gave a televised speech vowing to fight to the last drop of blood."),
        report(2, 2, "Reuters", "Oil prices rose to a two-year high as traders worried about supply."),
        report(3, 3, "CNN", "The Human Rights Council suspended Libya's membership."),
    ]
    assert len(cluster(reports)) == 3


def test_a_sentence_repeated_within_an_article_collapses_but_other_sentences_do_not():
    reports = [
        report(1, 1, "BBC", "Rescuers pulled a woman alive from the rubble of the cathedral."),
        report(2, 1, "BBC", "Rescuers pulled a woman alive from the rubble of the cathedral on Friday."),
        report(3, 1, "BBC", "Rescuers also searched the rubble of the cathedral for priests."),
    ]
    sizes = sorted(len(h.reports) for h in cluster(reports))
    assert sizes == [1, 2]


def test_the_headline_is_a_sentence_that_stands_alone():
    reports = [
        report(1, 1, "CNN", "He said the council had voted to refer Libya to the court."),
        report(2, 2, "Reuters", "The Security Council voted to refer Libya to the International Criminal Court."),
        report(3, 3, "AP", "The Security Council voted on Saturday to refer Libya to the criminal court."),
        report(4, 4, "BBC", "The council voted to refer Libya to the International Criminal Court."),
    ]
    (happening,) = cluster(reports)
    assert not happening.headline.text.startswith("He ")


def test_a_happening_reported_done_is_not_headlined_by_a_report_that_expected_it():
    expected = Report(1, 1, "Guardian", "2009-04-28",
                      "The WHO is likely to raise its pandemic alert level tomorrow.", planned=True)
    done = Report(2, 2, "BBC", "2009-04-30",
                  "The WHO raised its pandemic alert level to five on Wednesday night.")
    assert headline(Happening([expected, done]), {}, 1.0) is done
    assert headline(Happening([expected]), {}, 1.0) is expected


def test_a_quotation_with_no_speaker_does_not_headline_its_happening():
    alone = Report(1, 1, "BBC", "2010-05-08",
                   "\u201cWhat we tried to do last night with the dome did not work.\u201d")
    # even a report opening on "He" (the bullet can name him) tells more than a bare quote
    told = Report(2, 2, "Reuters", "2010-05-08",
                  "He said BP's attempt to lower a dome over the leak did not work.")
    assert headline(Happening([alone, told]), {}, 1.0) is told
