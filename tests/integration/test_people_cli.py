"""``people`` and the correction commands on a library file (entities given by hand)."""

from __future__ import annotations

import json
from pathlib import Path

from db import Library
from desktop.analysis.entities import Entity
from desktop.people import write_mentions


def make_library(path: Path) -> None:
    text = "Foreign Ministry spokeswoman Maria Zakharova spoke. Zakharova left Kiev."
    found = [
        Entity(29, 44, "Maria Zakharova", "PERSON", "Foreign Ministry spokeswoman"),
        Entity(52, 61, "Zakharova", "PERSON"),
        Entity(67, 71, "Kiev", "PERSON"),
    ]
    assert [text[e.start : e.end] for e in found] == ["Maria Zakharova", "Zakharova", "Kiev"]
    with Library(path) as library:
        library.add_article({"text": text, "original": text, "sha256": "a"},
                            write_with=lambda db, aid: write_mentions(db, aid, found))


def test_people_json_lists_names_aliases_roles_and_counts(tmp_path: Path, cli) -> None:
    path = tmp_path / "lib.db"
    make_library(path)
    status, out, _ = cli("--library", path, "people", "--json")
    assert status == 0
    people = {p["name"]: p for p in json.loads(out)}
    zakharova = people["Maria Zakharova"]
    assert zakharova["aliases"] == ["Zakharova"]
    assert zakharova["roles"] == ["Foreign Ministry spokeswoman"]
    assert (zakharova["mentions"], zakharova["articles"]) == (2, 1)


def test_a_role_written_as_often_in_two_ways_is_listed_as_the_article_first_writes_it(
        tmp_path: Path, cli) -> None:
    text = ("The delegation, led by presidential aide Vladimir Medinsky, met on Monday. "
            "Presidential aide Vladimir Medinsky will once again lead the delegation.")
    first, second = text.index("Vladimir"), text.rindex("Vladimir")
    found = [Entity(first, first + 16, "Vladimir Medinsky", "PERSON", "presidential aide"),
             Entity(second, second + 16, "Vladimir Medinsky", "PERSON", "Presidential aide")]
    path = tmp_path / "lib.db"
    with Library(path) as library:
        library.add_article({"text": text, "original": text, "sha256": "b"},
                            write_with=lambda db, aid: write_mentions(db, aid, found))
    status, out, _ = cli("--library", path, "people", "--json")
    assert status == 0
    (medinsky,) = json.loads(out)
    assert medinsky["roles"][0] == "presidential aide"


def test_corrections_from_the_command_line_stick_and_undo(tmp_path: Path, cli) -> None:
    path = tmp_path / "lib.db"
    make_library(path)
    status, out, _ = cli("--library", path, "not-a-person", "Kiev", "--label", "PLACE")
    assert status == 0 and "no longer a person" in out
    status, out, _ = cli("--library", path, "person-rename", "Zakharova", "Maria V. Zakharova")
    assert status == 0
    status, out, _ = cli("--library", path, "people")
    assert "Maria V. Zakharova" in out and "Kiev" not in out and "1 person" in out
    status, out, _ = cli("--library", path, "people-corrections", "--json")
    rules = json.loads(out)
    assert [r["kind"] for r in rules] == ["not_person", "rename"]
    status, _, _ = cli("--library", path, "people-corrections", "--undo", rules[0]["id"])
    assert status == 0
    status, out, _ = cli("--library", path, "people", "--json")
    assert {p["name"] for p in json.loads(out)} == {"Maria V. Zakharova", "Kiev"}


def test_a_correction_naming_nobody_fails_clearly(tmp_path: Path, cli) -> None:
    path = tmp_path / "lib.db"
    make_library(path)
    status, _, err = cli("--library", path, "person-merge", "Maria Zakharova", "Nobody")
    assert status == 1 and "no person called 'Nobody'" in err


def test_suggested_merges_from_the_command_line(tmp_path: Path, cli) -> None:
    path = tmp_path / "lib.db"
    with Library(path) as library:
        for n, name in enumerate(("Andy Gallacher", "Andy Gallacher", "Andy Gallagher")):
            text = f"{name} reports."
            library.add_article({"text": text, "original": text, "sha256": f"s{n}"},
                                write_with=lambda db, aid, name=name: write_mentions(
                                    db, aid, [Entity(0, len(name), name, "PERSON")]))
    status, out, _ = cli("--library", path, "person-suggestions", "--json")
    assert status == 0
    [suggestion] = json.loads(out)
    assert (suggestion["name"], suggestion["other_name"]) == ("Andy Gallacher", "Andy Gallagher")
    assert suggestion["evidence"]
    status, out, _ = cli("--library", path, "person-suggestions")
    assert f"person-merge {suggestion['person']} {suggestion['other']}" in out
    status, _, _ = cli("--library", path, "person-merge", suggestion["person"], suggestion["other"])
    assert status == 0
    status, out, _ = cli("--library", path, "people", "--json")
    assert [p["name"] for p in json.loads(out)] == ["Andy Gallacher"]
