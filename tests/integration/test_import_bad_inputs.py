"""Bad input: one clear line per item, exit status 1, and the library exactly as it was."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from db import Library
from desktop.clipping import limits
from tests.conftest import SAMPLE


@pytest.fixture
def lib(cli, tmp_path) -> Path:
    """A library holding the sample, so 'unchanged' means something."""
    path = tmp_path / "lib.db"
    assert cli("--library", path, "import", "--no-analysis", SAMPLE)[0] == 0
    return path


def snapshot(path: Path) -> list[tuple]:
    with Library(path) as library:
        return list(library.db.execute("SELECT * FROM articles ORDER BY id")) + list(
            library.db.execute("SELECT * FROM article_tags")
        )


def import_one(cli, lib: Path, *args) -> tuple[int, str]:
    before = snapshot(lib)
    status, out, err = cli("--library", lib, "import", "--no-analysis", *args)
    assert snapshot(lib) == before, "a failed import changed the library"
    return status, out


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty.txt: empty.txt is empty"),
        ("blank.txt", b"  \n\t\n   \n", "blank.txt: blank.txt is empty"),
        ("photo.txt", bytes(range(256)) * 40, "photo.txt: photo.txt is binary, not text"),
        ("nothing.html", b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>",
         "nothing.html: nothing.html has no article text"),
        ("slides.pptx", b"PK\x03\x04 not really", "unknown file type (.pptx)"),
        ("fake.pdf", b"just text pretending", "fake.pdf is not a PDF file"),
        ("scan.pdf", None, "has no text layer"),
    ],
)
def test_bad_files(cli, lib, tmp_path, name, content, message):
    path = tmp_path / name
    if content is None:
        from tests.pdf_maker import make_pdf

        content = make_pdf([""])
    path.write_bytes(content)
    status, out = import_one(cli, lib, path)
    assert status == 1
    error_lines = [line for line in out.splitlines() if line.startswith("error")]
    assert len(error_lines) == 1 and message in error_lines[0], out
    assert out.splitlines()[-1] == "0 stored, 0 already in the library, 1 failed"


def test_file_over_the_size_cap(cli, lib, tmp_path, monkeypatch):
    monkeypatch.setattr("desktop.clipping.files.MAX_FILE_BYTES", 1000)
    path = tmp_path / "huge.txt"
    path.write_text("Title\n\n" + "word " * 1000)
    status, out = import_one(cli, lib, path)
    assert status == 1 and "huge.txt is too large" in out


def test_text_over_the_length_cap(cli, lib, tmp_path, monkeypatch):
    monkeypatch.setattr("desktop.clipping.text.MAX_TEXT_CHARS", 100)
    path = tmp_path / "long.txt"
    path.write_text("Title\n\n" + "word " * 100)
    status, out = import_one(cli, lib, path)
    assert status == 1 and "too long" in out
    assert limits.MAX_TEXT_CHARS > 1_000_000  # the real cap leaves room for any article


def test_undecodable_bytes_are_refused_but_other_encodings_are_detected(cli, lib, tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Café crème\n\nLe président a déclaré jeudi que les négociations étaient terminées. "
                      "Les délégations se sont séparées à Genève.".encode("cp1252"))
    status, out, _ = cli("--library", lib, "import", "--no-analysis", latin)
    assert status == 0, out
    with Library(lib) as library:
        assert library.search("président")[0]["title"] == "Café crème"
    garbage = tmp_path / "garbage.txt"
    random = __import__("random").Random(7)
    garbage.write_bytes(bytes(random.randrange(0x80, 0xC0) for _ in range(3000)))
    status, out = import_one(cli, lib, garbage)
    assert status == 1
    assert "garbage.txt is not readable text (no text encoding fits it)" in out


def test_unreachable_url(cli, lib):
    url = f"http://127.0.0.1:{closed_port()}/story"
    status, out = import_one(cli, lib, url)
    assert status == 1
    assert f"error      {url}: {url} is unreachable" in out


def test_missing_path(cli, lib, tmp_path):
    status, out = import_one(cli, lib, tmp_path / "gone.txt")
    assert status == 1 and "gone.txt: no such file or folder" in out


def test_malformed_json_lines_report_their_line_numbers(cli, lib, tmp_path):
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text(
        json.dumps({"text": "Good one\nA council vote on Monday."}) + "\n"
        + "{not json\n"
        + json.dumps({"title": "no text"}) + "\n"
        + json.dumps({"text": "Dated\nBody.", "published": "yesterday"}) + "\n"
        + "[1, 2]\n"
    )
    before = len(snapshot(lib))
    status, out, _ = cli("--library", lib, "import", "--no-analysis", "--jsonl", jsonl)
    assert status == 1
    assert "batch.jsonl:2: line 2 is not valid JSON" in out
    assert "batch.jsonl:3: line 3: 'text' is missing or empty" in out
    assert "batch.jsonl:4: line 4: 'published' is not a date: 'yesterday'" in out
    assert "batch.jsonl:5: line 5: line is not a JSON object" in out
    assert out.splitlines()[-1] == "1 stored, 0 already in the library, 4 failed"
    assert len(snapshot(lib)) == before + 1  # the good line went in, nothing else


def test_a_batch_stores_the_good_and_reports_the_bad(cli, lib, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Budget\n\nThe budget passed on Friday.")
    bad = tmp_path / "bad.txt"
    bad.write_text("")
    status, out, _ = cli("--library", lib, "import", "--no-analysis", good, bad)
    assert status == 1
    assert out.splitlines()[-1] == "1 stored, 0 already in the library, 1 failed"
