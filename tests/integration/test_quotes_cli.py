"""``quotes`` and ``quote-fix`` on the sample article, through the command line."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SAMPLE


@pytest.fixture
def library(cli, tmp_path):
    path = tmp_path / "lib.db"
    assert cli("--library", path, "import", SAMPLE)[0] == 0
    return path


def _json(cli, library, *args):
    status, out, err = cli("--library", library, "quotes", "--json", *args)
    assert status == 0, err
    return json.loads(out)


def test_quotes_lists_speaker_date_and_source(cli, library):
    status, out, _ = cli("--library", library, "quotes")
    assert status == 0
    peskov = next(line for line in out.splitlines() if "unconstructive" in line)
    assert "Dmitry Peskov" in peskov and "2025-05-29" in peskov
    assert "Russia reveals team" in peskov
    assert "(published)" not in peskov  # "on Thursday": the text gave the date
    assert out.strip().splitlines()[-1].endswith("quotes")


def test_person_accepts_any_spelling_and_dates_narrow(cli, library):
    for spelling in ("Peskov", "dmitry peskov", "Dmitry Peskov"):
        found = _json(cli, library, "--person", spelling)
        assert found and {q["person"] for q in found} == {"Dmitry Peskov"}
    quote = _json(cli, library, "--person", "Peskov")[0]
    assert set(quote) >= {"id", "person", "speaker", "cue", "content", "direct", "date",
                          "date_from_text", "source"}
    assert quote["source"]["title"].startswith("Russia reveals team")
    on_29 = _json(cli, library, "--from", "2025-05-29", "--to", "2025-05-29")
    assert on_29 and {q["date"] for q in on_29} == {"2025-05-29"}
    assert _json(cli, library, "--person", "Nobody Atall") == []


def test_quote_fix_sticks_through_reanalyse_and_undoes(cli, library):
    peskov = next(q for q in _json(cli, library) if "unconstructive" in q["text"])
    status, out, _ = cli("--library", library, "quote-fix", f"q{peskov['id']}", "--speaker", "Sergey Lavrov")
    assert status == 0 and "Sergey Lavrov" in out
    putin = next(q for q in _json(cli, library) if q["person"] == "Vladimir Putin")
    assert cli("--library", library, "quote-fix", str(putin["id"]), "--not-quote")[0] == 0

    assert cli("--library", library, "reanalyse")[0] == 0

    after = _json(cli, library)
    moved = next(q for q in after if "unconstructive" in q["text"])
    assert moved["person"] == "Sergey Lavrov" and moved["corrected"]
    assert putin["text"] not in [q["text"] for q in after]
    status, out, _ = cli("--library", library, "quote-fix", f"q{moved['id']}", "--undo")
    assert status == 0 and "Dmitry Peskov" in out


def test_quote_fix_bad_input_is_one_clear_line(cli, library):
    status, _, err = cli("--library", library, "quote-fix", "q99999", "--speaker", "X")
    assert status == 2 and err.strip() == "error: no quote 99999"
    status, _, err = cli("--library", library, "quote-fix", "abc", "--not-quote")
    assert status == 2 and "not a quote id" in err
    status, _, err = cli("--library", library, "quote-fix", "1")
    assert status == 2 and "exactly one of" in err
