"""Counts read as a reporter writes them, wherever Clipline prints one."""

from desktop.wording import plural


def test_one_is_singular_and_every_other_count_plural():
    assert plural(1, "article") == "1 article"
    assert plural(0, "article") == "0 articles"
    assert plural(2, "event") == "2 events"


def test_a_count_under_a_long_list_groups_its_thousands():
    assert plural(12400, "event", grouped=True) == "12,400 events"
    assert plural(12400, "event") == "12400 events"
