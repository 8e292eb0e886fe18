"""Latest result wins: an answer that arrives after a newer request is never shown."""

from __future__ import annotations

from desktop.ui.latest import Latest


def test_only_the_newest_request_is_current():
    requests = Latest()
    first = requests.ticket()
    second = requests.ticket()
    assert requests.is_current(second) and not requests.is_current(first)


def test_outdate_makes_every_request_in_flight_moot():
    requests = Latest()
    running = requests.ticket()
    requests.outdate()
    assert not requests.is_current(running)
    assert requests.is_current(requests.ticket())
