"""Every file in tests/data/hostile through the real ``import`` command, with its expected outcome.

What each file attacks is in tests/data/hostile/README.md. An outcome is "stored" or
"error: <part of the message>"; every item must also finish quickly, and stored text must be
plain text with nothing of the page's scripts, handlers or links in it.
"""

from __future__ import annotations

import contextlib
import http.server
import io
import json
import re
import shutil
import threading
import time

import pytest

from db import Library
from tests.conftest import DATA

HOSTILE = DATA / "hostile"
#: Seconds one item may take (the slowest legitimate one takes well under one).
MAX_SECONDS_PER_ITEM = 10

EXPECTED: dict[str, str | list[str]] = {
    "script_and_handlers.html": "stored",
    "tracking_pixels.html": "stored",
    "javascript_links.html": "stored",
    "meta_refresh_and_base.html": "stored",
    "frames_and_plugins.html": "stored",
    "conditional_comments.html": "stored",
    "canonical_javascript.html": "stored",
    "billion_laughs.xhtml": "stored",
    "xxe_file.xhtml": "stored",
    "deep_nesting.html": "error: nested too deeply to be read",
    "unclosed_tags.html": "error: nested too deeply",
    "meta_regex_bomb.html": "stored",
    "url_as_content.html": "error: has no article text",
    "empty.html": "error: has no article text",
    "only_markup.html": "error: has no article text",
    "charset_lie.html": "stored",
    "binary_disguised.txt": "error: is binary, not text",
    "nul_bytes.txt": "error: is binary, not text",
    "control_characters.txt": "stored",
    "bidi_and_mixed_scripts.txt": "stored",
    "latin1.txt": "stored",
    "utf16_bom.txt": "stored",
    "fake.pdf": "error: is not a PDF file",
    "broken.pdf": "error: could not be read",
    "markdown_links.md": "stored",
    "program.exe": "error: unknown file type (.exe)",
    "many_dates.txt": "stored",
    "inflates_past_limit.pdf": "error: is too large once uncompressed",
    "surrogates_and_huge_numbers.jsonl": [
        "stored",
        "error: 'text' is not valid Unicode",
        "stored",
        "error: has a number too long to read",
        "stored",
        "error: 'title' is not valid Unicode",
        "stored",
    ],
    "hostile.jsonl": [
        "error: nested too deeply",
        "error: not a JSON object",
        "error: 'text' is missing or empty",
        "error: 'published' is not a date",
        "error: 'published' must be a string",
        "error: 'text' is missing or empty",
        "stored",
        "stored",
        "stored",
        "error: is not UTF-8",
        "error: 'text' is missing or empty",
    ],
}

_OUTCOME = re.compile(r"^(stored|duplicate|error)\s+(?:#(\d+)\s+)?(.*)$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def outcomes(out: str) -> list[tuple[str, int | None, str]]:
    found = []
    for line in out.splitlines():
        match = _OUTCOME.match(line)
        if match:
            found.append((match[1], int(match[2]) if match[2] else None, match[3]))
    return found


def matches(expected: str, outcome: tuple[str, int | None, str]) -> bool:
    status, _, message = outcome
    if expected == "stored":
        return status == "stored"
    return status == "error" and expected.removeprefix("error: ") in message


def test_the_corpus_has_every_file_in_the_table_and_at_least_twenty():
    files = {p.name for p in HOSTILE.iterdir() if p.name != "README.md"}
    assert files == set(EXPECTED)
    assert len(files) >= 20
    readme = (HOSTILE / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in files)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """Import each corpus file once, in-process, timing each; returns outcomes and the library."""
    from desktop.cli import main

    library = tmp_path_factory.mktemp("hostile") / "library.db"
    results: dict[str, tuple[list[tuple[str, int | None, str]], float]] = {}
    for name in sorted(EXPECTED):
        out = io.StringIO()
        started = time.monotonic()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            try:
                main(["--library", str(library), "import", "--no-analysis", str(HOSTILE / name)])
            except SystemExit:
                pass
        results[name] = (outcomes(out.getvalue()), time.monotonic() - started)
    return results, library


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hostile_file_has_its_expected_outcome_in_bounded_time(imported, name):
    results, _ = imported
    found, seconds = results[name]
    expected = EXPECTED[name]
    expected_list = expected if isinstance(expected, list) else [expected]
    assert len(found) == len(expected_list), found
    for want, got in zip(expected_list, found, strict=True):
        assert matches(want, got), f"{name}: expected {want!r}, got {got}"
    assert seconds < MAX_SECONDS_PER_ITEM * len(expected_list)


def test_stored_text_is_plain_text_without_the_pages_code(imported):
    results, path = imported
    with Library(path) as library:
        for name, (found, _) in results.items():
            for status, article_id, _ in found:
                if status != "stored":
                    continue
                article = library.article(article_id)
                text, title = article["text"], article["title"]
                assert not _CONTROL.search(text) and not _CONTROL.search(title), name
                assert article["url"] is None or article["url"].startswith(("http://", "https://"))
                if name.endswith((".html", ".xhtml")):
                    lowered = text.lower()
                    for code in ("<script", "alert(", "onerror", "onload", "javascript:",
                                 "document.write", "injected", "@import", "<iframe"):
                        assert code not in lowered, f"{name}: {code!r} in the stored text"
                    assert "root:" not in text and "lollollol" not in text, name


def test_what_the_hostile_files_say_comes_through_as_it_was_written(imported):
    results, path = imported
    with Library(path) as library:
        def article(name: str, index: int = 0) -> dict:
            stored = [a for s, a, _ in results[name][0] if s == "stored"]
            return library.article(stored[index])

        assert article("latin1.txt")["title"] == "Négociations à Genève"
        assert "Windows Notepad" in article("utf16_bom.txt")["text"]
        assert "Переговоры возобновились" in article("charset_lie.html")["text"]
        assert "the statement" in article("javascript_links.html")["text"]
        assert "محادثات" in article("bidi_and_mixed_scripts.txt")["title"]
        markup = article("hostile.jsonl", 1)
        assert markup["text"].startswith("<script>alert(1)</script>")  # plain text, kept as typed
        assert markup["url"] is None  # the javascript: url was dropped
        assert article("canonical_javascript.html")["url"] is None


def test_oversized_inputs_made_at_run_time_are_refused_with_a_clear_message(cli, tmp_path):
    one_line = tmp_path / "one_line.txt"
    one_line.write_text("A headline\n" + "word " * 300_000)  # 1.5 MB on one line
    long_text = tmp_path / "long_text.txt"
    long_text.write_text("A headline\n" + ("A sentence of an article. " * 8 + "\n") * 25_000)  # 5 MB
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:  # 51 MB, sparse: never read
        handle.truncate(51 * 1024 * 1024)
    record = tmp_path / "big_record.jsonl"
    with open(record, "w") as handle:
        handle.write(json.dumps({"text": "x" * (17 * 1024 * 1024)}) + "\n")
        handle.write(json.dumps({"text": "Small one\nDelegations met on Friday in Istanbul."}) + "\n")
    started = time.monotonic()
    status, out, _ = cli("--library", tmp_path / "library.db", "import", "--no-analysis",
                         one_line, long_text, huge, record)
    assert time.monotonic() - started < 30
    assert status == 1
    lines = [line for line in out.splitlines() if line.startswith(("stored", "error"))]
    assert "has a line of over" in lines[0]
    assert "is too long" in lines[1]
    assert "is too large" in lines[2]
    assert "line 1 is too long" in lines[3]
    assert lines[4].startswith("stored")


# -- nothing phones home -----------------------------------------------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        type(self).requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<html><body><p>phoned home</p></body></html>")

    do_POST = do_GET  # noqa: N815
    do_HEAD = do_GET  # noqa: N815


def test_importing_the_corpus_requests_nothing_from_the_addresses_in_it(cli, tmp_path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    _Recorder.requests = []
    try:
        corpus = tmp_path / "corpus"
        shutil.copytree(HOSTILE, corpus)
        for path in corpus.iterdir():
            data = path.read_bytes()
            if b"{{SERVER}}" in data:
                path.write_bytes(data.replace(b"{{SERVER}}", base.encode()))
        assert (corpus / "url_as_content.html").read_text().startswith(base)
        cli("--library", tmp_path / "library.db", "import", "--no-analysis", corpus)
        time.sleep(0.2)  # let any request already sent arrive
    finally:
        server.shutdown()
        server.server_close()
    assert _Recorder.requests == []
