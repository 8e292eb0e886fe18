"""Second hostile pass (issue #16): each test names the numbered defect it holds fixed.

Every test here failed on the code before the fix; the faults are made by the test itself
(files, locks, a local server on 127.0.0.1), never by the network or the machine's state.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import Library
from tests.conftest import article_record as record
from tests.integration.test_backup_restore import count_in, library_with

# -- 3. brief -o / export -o never overwrite the library ------------------------------------


@pytest.mark.parametrize("command", [["brief"], ["export", "--format", "csv"]])
@pytest.mark.parametrize("target", ["library", "wal", "backup"])
def test_output_may_not_be_the_library_its_log_or_a_backup(cli, tmp_path, command, target):
    from db.backup import make_backup

    path = library_with(tmp_path / "story.db", 3)
    with Library(path) as library:
        backup = make_backup(library, path)
    output = {"library": path, "wal": Path(f"{path}-wal"), "backup": backup}[target]
    before = output.read_bytes() if output.exists() else None
    status, out, err = cli("--library", path, *command, "-o", output)
    assert status == 2
    assert err.startswith("error: ") and "library" in err and err.count("\n") == 1
    assert (output.read_bytes() if output.exists() else None) == before
    assert count_in(path) == 3 and count_in(backup) == 3


# -- 9. extreme dates never crash the commands that read the whole library -----------------


def test_articles_and_events_at_the_ends_of_the_calendar_do_not_crash_later_commands(cli, tmp_path):
    lines = tmp_path / "extreme.jsonl"
    lines.write_text(
        '{"text": "Ancient talks\\nThe delegation met in Istanbul on Friday, officials said.",'
        ' "published": "0001-01-01"}\n'
        '{"text": "Future talks\\nThe delegation met in Ankara on Monday, officials said.",'
        ' "published": "9999-12-31"}\n', encoding="utf-8")
    path = tmp_path / "library.db"
    assert cli("--library", path, "import", "--no-analysis", "--jsonl", lines)[0] == 0
    for day in ("0001-01-01", "9999-12-31", "9999-W52", "0001"):
        status, out, err = cli("--library", path, "event-add", "--date", day, "--text", f"Edge {day}")
        assert status == 0, err
    for command in (["brief"], ["key-events"], ["timeline", "--to", "9999"],
                    ["timeline", "--from", "0001", "--to", "9999-12-31"], ["timeline", "--to", "0001-01-01"],
                    ["export", "--format", "csv"], ["export", "--format", "timelinejs"],
                    ["key-events", "--from", "9999-12-31"]):
        status, out, err = cli("--library", path, *command)
        assert status == 0, (command, err)
        assert "Traceback" not in err
    status, out, err = cli("--library", path, "timeline", "--to", "9999")
    assert "Edge 9999-12-31" in out and "Edge 0001-01-01" in out


# -- 5. one item's failure is that item's error line; the items around it are stored -------

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"


class RawServer:
    """A server on 127.0.0.1 that answers each path with the bytes the test gives, as they are.

    ``answers[path]`` is a list of (bytes, pause in seconds before them); http.server can't send
    a broken status line or a header dripped every two seconds, this can.
    """

    def __init__(self, answers: dict[str, list[tuple[bytes, float]]]) -> None:
        import socket
        import threading

        self.answers = answers
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.base = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        import threading

        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn) -> None:  # noqa: ANN001

        conn.settimeout(5)
        try:
            request = conn.recv(65536).decode("latin-1")
            path = request.split(" ")[1] if " " in request else "/"
            for data, pause in self.answers.get(path, [(b"HTTP/1.1 404 Not Found\r\n\r\n", 0)]):
                if self.stopping.wait(pause):
                    return
                conn.sendall(data)
        except OSError:
            pass
        finally:
            conn.close()

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join(5)
        self.sock.close()


def _html_answer(*headers: bytes, body: bytes = b"<html><body><p>Hello.</p></body></html>") -> bytes:
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"".join(headers) + b"\r\n" + body


MALFORMED_ANSWERS = {
    "/bad-status": [(b"SPAM 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>", 0)],
    "/long-header": [(_html_answer(b"X-Long: " + b"a" * 70_000 + b"\r\n"), 0)],
    "/many-headers": [(_html_answer(*[b"X-H%d: v\r\n" % i for i in range(150)]), 0)],
    "/broken-chunk": [(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                       b"zz\r\nnot a chunk\r\n", 0)],
}


@pytest.fixture
def raw_server():
    server = RawServer(MALFORMED_ANSWERS)
    yield server
    server.stop()


def _good(folder: Path, n: int) -> str:
    path = folder / f"good{n}.txt"
    path.write_text(f"Good story {n}\nDelegations met in Istanbul on Friday, round {n}, officials said.",
                    encoding="utf-8")
    return str(path)


def _lines_by_status(out: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {"stored": [], "duplicate": [], "error": []}
    for line in out.splitlines():
        status = line.split(" ", 1)[0]
        if status in found:
            found[status].append(line)
    return found


def test_malformed_http_answers_and_a_broken_url_are_each_one_error_line(cli, tmp_path, raw_server):
    inputs = [_good(tmp_path, 0)]
    for n, path in enumerate(MALFORMED_ANSWERS, start=1):
        inputs += [raw_server.base + path, _good(tmp_path, n)]
    inputs += ["http://[::1", _good(tmp_path, 9)]
    status, out, err = cli("--library", tmp_path / "library.db", "import", "--no-analysis", *inputs)
    lines = _lines_by_status(out)
    assert status == 1 and "Traceback" not in err
    assert len(lines["stored"]) == 6
    assert len(lines["error"]) == 5
    for path in MALFORMED_ANSWERS:
        assert any(raw_server.base + path in line for line in lines["error"]), path
    assert any("http://[::1" in line and "not a valid URL" in line for line in lines["error"])
    assert count_in(tmp_path / "library.db") == 6


def test_a_jsonl_line_with_a_lone_surrogate_or_a_huge_number_fails_alone(cli, tmp_path):
    status, out, err = cli("--library", tmp_path / "library.db", "import", "--no-analysis",
                           "--jsonl", HOSTILE / "surrogates_and_huge_numbers.jsonl")
    lines = _lines_by_status(out)
    assert status == 1 and "Traceback" not in err
    assert [line.split("(")[-1] for line in lines["stored"]] == [
        f"surrogates_and_huge_numbers.jsonl:{n})" for n in (1, 3, 5, 7)]
    assert len(lines["error"]) == 3
    assert "line 2" in lines["error"][0] and "Unicode" in lines["error"][0]
    assert "line 4" in lines["error"][1] and "number" in lines["error"][1]
    assert "line 6" in lines["error"][2] and "Unicode" in lines["error"][2]


def test_a_pdf_that_inflates_past_the_limit_fails_alone(cli, tmp_path):
    import shutil

    folder = tmp_path / "inbox"
    folder.mkdir()
    _good(folder, 1)
    shutil.copy(HOSTILE / "inflates_past_limit.pdf", folder / "b-inflates.pdf")
    (folder / "c.txt").write_text("Last story\nTalks in Ankara ended on Monday, officials said.")
    status, out, err = cli("--library", tmp_path / "library.db", "import", "--no-analysis", folder)
    lines = _lines_by_status(out)
    assert status == 1 and "Traceback" not in err
    assert len(lines["stored"]) == 2
    assert len(lines["error"]) == 1 and "b-inflates.pdf" in lines["error"][0]
    assert "too large" in lines["error"][0]


def test_an_item_whose_storing_raises_is_its_own_error_and_the_batch_is_kept(tmp_path, monkeypatch):
    """A fault nobody foresaw in storing one article must not lose the others in its batch."""
    from desktop.actions import importing as importer
    from desktop.clipping.text import clip_text

    clips = [importer.Clip(f"item{n}", clip_text(f"Story {n}\nTalks went on in Istanbul, round {n}."))
             for n in range(40)]
    real_add = Library.add_article

    def add(self, record, **kwargs):  # noqa: ANN001, ANN003, ANN202
        if record["title"] == "Story 5":
            raise KeyError("unforeseen")
        return real_add(self, record, **kwargs)

    monkeypatch.setattr(Library, "add_article", add)
    with Library(tmp_path / "library.db") as library:
        outcomes = list(importer.store_clips(library, iter(clips)))
    assert [o.status for o in outcomes].count("stored") == 39
    assert outcomes[5].status == "error" and "unforeseen" in outcomes[5].message
    assert count_in(tmp_path / "library.db") == 39


# -- 6. one overall deadline per URL, headers included ---------------------------------------


def test_a_server_dripping_header_lines_is_cut_off_at_the_overall_deadline():
    import time

    from desktop.clipping.errors import ClipError
    from desktop.clipping.url import DOWNLOAD_TIMEOUTS, clip_url

    drip = [(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", 0.0)]
    drip += [(b"X-Slow-%d: still here\r\n" % i, 0.4) for i in range(60)]  # 24 s of headers
    drip += [(b"\r\n<p>finally</p>", 0.0)]
    server = RawServer({"/drip": drip})
    try:
        started = time.monotonic()
        with pytest.raises(ClipError) as caught:
            clip_url(server.base + "/drip", timeout=1.0)
        elapsed = time.monotonic() - started
    finally:
        server.stop()
    assert elapsed < DOWNLOAD_TIMEOUTS * 1.0 + 2
    assert "did not finish" in str(caught.value)


# -- 7. concurrent writers wait their turn: three imports and a window-like writer at once ----

_WINDOW_LIKE_WRITER = """
import sys, time
from db import Library
from tests.conftest import article_record as record
path, count = sys.argv[1], int(sys.argv[2])
done = 0
with Library(path) as library:
    for i in range(count):
        result = library.add_article(record(f"Window clip {i}\\nThe envoy spoke in Geneva, note {i}."))
        library.tag_article(result.article_id, "window")
        library.untag_article(result.article_id, "window")
        library.tag_article(result.article_id, "desk")
        done += 1
print(done)
"""


def test_three_imports_and_a_window_writing_at_once_store_every_item_once(tmp_path):
    import json
    import subprocess
    import sys

    from tests.conftest import REPO

    path = tmp_path / "library.db"
    Library(path).close()
    shared = [{"text": f"Shared story {i}\nAll three feeds carry the talks in Istanbul, item {i}."}
              for i in range(20)]
    feeds = []
    for n in range(3):
        own = [{"text": f"Feed {n} story {i}\nDelegates from feed {n} met in Ankara, item {i}."}
               for i in range(60)]
        feed = tmp_path / f"feed{n}.jsonl"
        mixed = own[:30] + shared + own[30:]
        feed.write_text("".join(json.dumps(item) + "\n" for item in mixed), encoding="utf-8")
        feeds.append(feed)
    env = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "CLIPLINE_DATA_DIR": str(tmp_path / "data")}
    processes = [
        subprocess.Popen([sys.executable, "-m", "desktop", "--library", str(path), "import",
                          "--no-analysis", "--jsonl", str(feed)],
                         cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for feed in feeds
    ]
    processes.append(subprocess.Popen([sys.executable, "-c", _WINDOW_LIKE_WRITER, str(path), "40"],
                                      cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      text=True))
    results = [p.communicate(timeout=300) for p in processes]
    for (out, err), process in zip(results[:3], processes[:3], strict=True):
        lines = _lines_by_status(out)
        assert process.returncode == 0, (err, lines["error"][:3])
        assert len(lines["stored"]) + len(lines["duplicate"]) == 80 and not lines["error"]
    assert processes[3].returncode == 0, results[3][1]
    assert results[3][0].strip() == "40"
    stored = sum(len(_lines_by_status(out)["stored"]) for out, _ in results[:3])
    assert stored == 3 * 60 + 20
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT sha256) FROM articles").fetchone() == (240, 240)
        assert conn.execute("SELECT count(*) FROM article_tags").fetchone()[0] == 40
    print(f"concurrency: {stored} stored by 3 imports, 40 by the window-like writer, 240 articles, 0 errors")


# -- 8. a file that is not this version's library is not changed at all ---------------------


def _other_programs_database(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Source A', '+90 555 0100')")
    conn.commit()
    conn.close()
    return path


def _journal_mode(path: Path) -> str:
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as conn:
        return conn.execute("PRAGMA journal_mode").fetchone()[0]


def test_another_programs_database_is_refused_before_anything_changes(cli, tmp_path):
    from db.backup import list_backups

    path = _other_programs_database(tmp_path / "contacts.db")
    before = path.read_bytes()
    status, out, err = cli("--library", path, "articles")
    assert status == 2 and "not a Clipline library" in err and "not changed" in err
    assert path.read_bytes() == before and _journal_mode(path) == "delete"
    assert not Path(f"{path}-wal").exists() and list_backups(path) == []
    with sqlite3.connect(path) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["contacts"]


def test_a_newer_library_keeps_its_journal_mode_when_refused(cli, tmp_path):
    path = library_with(tmp_path / "library.db", 2)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                     " VALUES ('clipline', '9999_future', '2030')")
    before = path.read_bytes()
    status, _, err = cli("--library", path, "articles")
    assert status == 2 and "newer version of Clipline" in err and "not changed" in err
    assert path.read_bytes() == before and _journal_mode(path) == "delete"
    assert not Path(f"{path}-wal").exists()


def test_an_empty_file_and_an_older_library_still_open(tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    with Library(empty) as library:
        assert library.article_count() == 0
    blank = tmp_path / "blank.db"
    sqlite3.connect(blank).close()
    with Library(blank) as library:
        assert library.article_count() == 0


# -- 10. restore FILE takes only a Clipline library this version can open --------------------


def test_restore_refuses_another_programs_database_and_a_newer_library(cli, tmp_path):
    path = library_with(tmp_path / "library.db", 3)
    foreign = _other_programs_database(tmp_path / "contacts.db")
    newer = library_with(tmp_path / "newer.db", 1)
    with sqlite3.connect(newer) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                     " VALUES ('clipline', '9999_future', '2030')")
    blank = tmp_path / "blank.db"
    sqlite3.connect(blank).close()
    for candidate, words in ((foreign, "not a Clipline library"), (newer, "newer version of Clipline"),
                             (blank, "not a Clipline library")):
        status, out, err = cli("--library", path, "restore", candidate)
        assert status == 1 and words in err and "unchanged" in err, err
        assert count_in(path) == 3
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").glob("*-replaced*"))


# -- 1. restore refuses while any other process has the library open, and says who -----------

_HOLDER = """
import sys
from db import Library
from tests.conftest import article_record as record
with Library(sys.argv[1]) as library:
    library.add_article(record("Written by the holder\\nThe envoy spoke in Geneva."))
    print("open", flush=True)
    sys.stdin.read()  # idle between transactions, as a window or a slow import is
    library.add_article(record("Written after the restore was tried\\nThe envoy left Geneva."))
print("closed", flush=True)
"""


def test_restore_is_refused_while_another_process_has_the_library_open_and_names_it(cli, tmp_path):
    import subprocess
    import sys

    from db.backup import make_backup
    from tests.conftest import REPO

    path = library_with(tmp_path / "library.db", 3)
    with Library(path) as library:
        make_backup(library, path)
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path)], cwd=REPO,
                              env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        status, out, err = cli("--library", path, "restore")
        assert status == 1 and "in use" in err and f"pid {holder.pid}" in err
        assert "Traceback" not in err
    finally:
        out, _ = holder.communicate("", timeout=60)
    assert out.strip() == "closed"
    assert count_in(path) == 5  # nothing the holder reported stored went astray
    status, out, err = cli("--library", path, "restore")
    assert status == 0, err
    assert count_in(path) == 3


def test_opening_during_a_restore_is_refused_in_words_then_works(tmp_path, monkeypatch):
    from db import LibraryError, session

    path = library_with(tmp_path / "library.db", 2)
    monkeypatch.setattr(session, "OPEN_WAIT_SECONDS", 0.2)
    with session.SessionLock(path, exclusive=True):
        with pytest.raises(LibraryError, match="being restored"):
            Library(path)
    with Library(path) as library:
        assert library.article_count() == 2


# -- 2. a lock held by another program is "busy, try again", never damage ---------------------


@pytest.fixture
def locked_by_another_program(tmp_path, monkeypatch):
    """A library another program holds an EXCLUSIVE lock on (short busy timeout for the test)."""
    import db.integrity

    monkeypatch.setattr(db.integrity, "BUSY_TIMEOUT_SECONDS", 0.3)
    path = library_with(tmp_path / "library.db", 4)
    with Library(path) as library:
        from db.backup import make_backup

        make_backup(library, path)
    other = sqlite3.connect(path, timeout=0)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("INSERT INTO tags (name) VALUES ('held')")
    yield path
    other.rollback()
    other.close()


def test_a_locked_library_is_busy_not_damaged_on_the_command_line(cli, locked_by_another_program):
    path = locked_by_another_program
    for command in (["articles"], ["check"]):
        status, out, err = cli("--library", path, *command)
        assert status == 2, (command, out, err)
        assert "busy" in err and "try again" in err
        assert "damaged" not in out + err and "restore" not in out + err
    assert not any((path.parent / "backups").glob("*-replaced*"))


# -- 11. disk full or a read-only library: one clear line; a read-only folder opens read-only --


@pytest.mark.parametrize("fault, words", [("PRAGMA query_only = ON", "read-only"),
                                          ("full", "disk is full")])
def test_write_commands_on_a_full_disk_or_read_only_library_say_so_in_one_line(cli, tmp_path, monkeypatch,
                                                                               fault, words):
    path = library_with(tmp_path / "library.db", 2)
    assert cli("--library", path, "event-add", "--date", "2025-05-30", "--text", "Talks resumed")[0] == 0
    real_init = Library.__init__

    def faulty_init(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        real_init(self, *args, **kwargs)
        if fault == "full":  # no page beyond those the file has: any growth is "disk full"
            pages = self.db.execute("PRAGMA page_count").fetchone()[0]
            self.db.execute(f"PRAGMA max_page_count = {pages}")
            self.db.execute("PRAGMA cache_size = 1")
        else:
            self.db.execute(fault)

    monkeypatch.setattr(Library, "__init__", faulty_init)
    commands = [["tag", "1", "x" * 20000], ["event-add", "--date", "2025-06-01", "--text", "y" * 20000],
                ["event-edit", "m1", "--text", "z" * 20000]]
    if fault != "full":  # these fit in the pages the file has: only a read-only library refuses them
        commands += [["event-hide", "m1"], ["event-pin", "m1"], ["delete", "1"]]
    for command in commands:
        status, out, err = cli("--library", path, *command)
        assert status == 1, (command, out, err)
        assert err.startswith("error: ") and words in err and err.count("\n") == 1, (command, err)
        assert "Traceback" not in err
    monkeypatch.setattr(Library, "__init__", real_init)
    assert count_in(path) == 2


def _in_a_read_only_folder(folder: Path, *command: str) -> tuple[int, str, str]:
    """Run the CLI with ``folder`` read-only: a read-only bind mount for root (whom permissions
    don't stop), the folder's permissions for anyone else."""
    import os
    import shlex
    import subprocess
    import sys

    from tests.conftest import REPO

    cli_line = shlex.join([sys.executable, "-m", "desktop", *command])
    if os.geteuid() == 0:
        quoted = shlex.quote(str(folder))
        script = f"mount --bind {quoted} {quoted} && mount -o remount,ro,bind {quoted} && {cli_line}"
        argv = ["unshare", "-m", "sh", "-c", script]
    else:
        folder.chmod(0o555)
        argv = ["sh", "-c", cli_line]
    try:
        done = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, timeout=120,
                              env=dict(os.environ, PYTHONPATH=str(REPO)))
    finally:
        folder.chmod(0o755)
    return done.returncode, done.stdout, done.stderr


def test_a_library_in_a_read_only_folder_is_listed_and_checked_read_only(tmp_path):
    folder = tmp_path / "cd-rom"
    folder.mkdir()
    path = library_with(folder / "library.db", 3)
    status, out, err = _in_a_read_only_folder(folder, "--library", str(path), "articles")
    assert status == 0, err
    assert "Story 2" in out and "read-only" in err and "Traceback" not in err
    status, out, err = _in_a_read_only_folder(folder, "--library", str(path), "check")
    assert status == 0 and out.startswith("ok: "), (out, err)
    assert "damaged" not in out + err
    status, out, err = _in_a_read_only_folder(folder, "--library", str(path), "tag", "1", "story")
    assert status == 1 and "read-only" in err and err.strip().count("\n") <= 1, err
    assert "Traceback" not in err
    assert count_in(path) == 3


# -- 13. the smaller ones ---------------------------------------------------------------------


def test_13_a_device_as_the_library_is_one_clear_line(cli, tmp_path):
    status, out, err = cli("--library", "/dev/null", "articles")
    assert status == 2 and err.startswith("error: ") and "not a library file" in err
    assert err.count("\n") == 1 and not Path("/dev/null.lock").exists()


def test_13_file_urls_and_names_with_control_characters_are_reported_plainly(cli, tmp_path):
    odd = tmp_path / "evil\x1b]0;owned\x07\nstored     #99  fake (x).txt"
    odd.write_text("Odd name\nTalks resumed in Istanbul on Friday, officials said.", encoding="utf-8")
    status, out, err = cli("--library", tmp_path / "library.db", "import", "--no-analysis",
                           f"file://{tmp_path}/story.txt", odd)
    assert "\x1b" not in out + err and "\x07" not in out + err
    lines = out.splitlines()
    assert not any(line.startswith("stored     #99") for line in lines)
    assert len(lines) == 3  # one line per item, and the summary
    assert "file://" in lines[0] and "give its path" in lines[0]
    assert lines[1].startswith("stored ") and "\\x1b" in lines[1] and "\\n" in lines[1]


def test_13_restoring_a_missing_file_says_so(cli, tmp_path):
    path = library_with(tmp_path / "library.db", 1)
    status, out, err = cli("--library", path, "restore", tmp_path / "no-such-backup.db")
    assert status == 1 and "no such file" in err and "damaged" not in err


def test_13_the_library_file_alone_holds_everything_once_a_command_ends(tmp_path):
    import shutil

    path = library_with(tmp_path / "library.db", 1)
    with Library(path) as window:  # the window keeps the library open all along
        with Library(path) as command:
            command.add_article(record("Late story\nFiled while the window was open."))
        copy = tmp_path / "copy.db"
        shutil.copy(path, copy)  # the file alone, as a reporter copies it
        assert count_in(copy) == 2
        assert window.article_count() == 2


def test_13_a_very_long_search_is_capped(fresh_library):
    from db.library import MAX_SEARCH_WORDS, to_fts_query

    fresh_library.add_article(record("Ceasefire\nA ceasefire was agreed in Istanbul."))
    query = "ceasefire " + " ".join(f"word{i}" for i in range(50_000))
    assert to_fts_query(query).count('"') <= 2 * MAX_SEARCH_WORDS
    assert fresh_library.search(query) == []
    assert [r["title"] for r in fresh_library.search("ceasefire " * 10_000)] == ["Ceasefire"]


def test_13_a_page_with_a_15_mb_attribute_says_why_it_has_no_text(tmp_path):
    from desktop.clipping.errors import ClipError
    from desktop.clipping.html import clip_html

    body = "".join(f"<p>Delegations met again, round {i}, and officials said progress was slow.</p>"
                   for i in range(6))
    page = ('<html><body><img alt="x" src="data:image/png;base64,' + "A" * 15_000_000
            + f'"><article><h1>Talks</h1>{body}</article></body></html>')
    with pytest.raises(ClipError, match="attribute of over") as caught:
        clip_html(page, what="saved.html")
    assert "no article text" not in str(caught.value)
