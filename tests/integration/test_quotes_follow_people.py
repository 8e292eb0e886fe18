"""Quotes follow the people corrections: a merge, "not a person" and its undo."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SAMPLE


@pytest.fixture
def library(cli, tmp_path):
    path = tmp_path / "lib.db"
    assert cli("--library", path, "import", SAMPLE)[0] == 0
    return path


def quotes(cli, library, *args):
    status, out, err = cli("--library", library, "quotes", "--json", *args)
    assert status == 0, err
    return json.loads(out)


def people(cli, library):
    status, out, err = cli("--library", library, "people", "--json")
    assert status == 0, err
    return {p["name"]: p["id"] for p in json.loads(out)}


def unconstructive(found):
    return next(q for q in found if "unconstructive" in q["text"])


def test_a_merged_away_speaker_hands_their_quotes_to_the_person_kept(cli, library):
    ids = people(cli, library)
    assert unconstructive(quotes(cli, library))["person_id"] == ids["Dmitry Peskov"]
    assert cli("--library", library, "person-merge", "Sergey Lavrov", "Dmitry Peskov")[0] == 0

    quote = unconstructive(quotes(cli, library))
    assert quote["person_id"] == ids["Sergey Lavrov"]  # not the id of a person now gone
    assert quote["person"] == "Sergey Lavrov"
    assert "unconstructive" in " ".join(q["text"] for q in quotes(cli, library, "--person", "Lavrov"))


def test_a_speaker_marked_not_a_person_speaks_for_no_one_until_undone(cli, library):
    assert cli("--library", library, "not-a-person", "Peskov")[0] == 0
    quote = unconstructive(quotes(cli, library))
    assert quote["person"] is None and quote["person_id"] is None

    status, out, _ = cli("--library", library, "people-corrections", "--json")
    assert status == 0
    rule = json.loads(out)[-1]["id"]
    assert cli("--library", library, "people-corrections", "--undo", rule)[0] == 0
    quote = unconstructive(quotes(cli, library))
    assert quote["person"] == "Dmitry Peskov"
    assert quote["person_id"] == people(cli, library)["Dmitry Peskov"]
