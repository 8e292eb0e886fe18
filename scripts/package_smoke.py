"""Smoke test of the packaged app (``dist/clipline``), as a reporter would use it: ``make package-test``.

Everything runs on a temporary data folder, offline: each command runs in a new network
namespace (``unshare -rn``: no interface but a downed loopback) when the machine allows it, and
always with every proxy variable pointing at a local listener that counts connections, so a
command that tried the network through a proxy is caught even where namespaces are not
available. PATH is only /usr/bin:/bin (no venv) and no PYTHON*/QT_*/CLIPLINE_* variable is passed
on; HOME and the XDG folders are temporary, as on a reporter's fresh laptop.

Checks (qutebrowser's ``build_release.smoke_test`` in spirit):
  1. ``import`` of the sample article succeeds (the first import loads the NER model);
  2. ``people --json`` lists Vladimir Medinsky;
  3. ``timeline --json`` has events on 2025-05-29 and 2025-06-02;
  4. ``brief -o TMP/brief.md`` writes a brief that cites the article;
  5. the window starts offscreen with ``--quit-after 3000``, exits 0, and its stderr holds only
     known harmless Qt lines;
  6. datelines in Turkish, French, German, Russian and Spanish, a saved HTML page (trafilatura,
     htmldate, justext, lxml) and a PDF (pypdf) import with the right date: the data files of
     dateparser and the extractors made it into the build;
  7. no command connected to the (proxy) network.
Prints the unpacked size, the time from start to window shown and the time of the first
import, then ``smoke: N passed, N failed``; exits 1 if anything failed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_APP = ROOT / "dist" / "clipline" / "clipline"
SAMPLES = ROOT / "tests" / "data" / "samples"  # the sample the tests use: no ../shared needed
SAMPLE_GLOB = "istanbul-talks-*.txt"
PERSON = "Vladimir Medinsky"
EVENT_DATES = ("2025-05-29", "2025-06-02")
QUIT_AFTER_MS = 3000
COMMAND_TIMEOUT_S = 300

#: Qt lines on stderr that say nothing is wrong (offscreen platform, headless machine).
HARMLESS_STDERR = [
    re.compile(r"^This plugin does not support propagateSizeHints\(\)$"),
    re.compile(r"^This plugin does not support raise\(\)$"),
    re.compile(r"^This plugin does not support setParent!?$"),
    re.compile(r"^QStandardPaths: (XDG_RUNTIME_DIR not set|wrong permissions on runtime directory)"),
    re.compile(r"^qt\.qpa\.fonts: Populating font family aliases took \d+ ms"),
    re.compile(r"^Fontconfig warning: "),
]
#: Qt's own debug line when a top-level window becomes visible (category qt.widgets.showhide);
#: its arrival times "start to window shown" without any help from the app.
SHOWN_MARKER = "to true via QWidgetWindow::setNativeWindowVisibility"
SHOWHIDE_RULES = "qt.widgets.showhide.debug=true"


#: Pasted articles whose only date is a dateline in another language (dateparser's data), and a
#: saved page whose date and author are in its metadata (trafilatura/htmldate); all 2025-05-30.
BODY = ("Delegations from Russia and Ukraine will meet in Istanbul on Monday, June 2, the "
        "foreign ministry said on Friday. The talks are the second round since May 16.")
LANGUAGE_SAMPLES = {
    "tr.txt": "Ankara'da yeni görüşmeler başladı\nMayıs 30, 2025 - 12:58\n\nDışişleri Bakanı "
              "Hakan Fidan, görüşmelerin İstanbul'da yapılacağını söyledi. Heyetler pazartesi "
              "günü bir araya gelecek ve ateşkes konusunu ele alacak.\n",
    "fr.txt": "Nouvelles négociations à Istanbul\n30 mai 2025\n\nLe ministre a déclaré que les "
              "délégations se réuniraient lundi à Istanbul pour discuter du cessez-le-feu.\n",
    "de.txt": "Neue Gespräche in Istanbul\nVeröffentlicht am 30. Mai 2025\n\nDer Minister sagte, "
              "die Delegationen würden sich am Montag in Istanbul treffen.\n",
    "ru.txt": "Новые переговоры в Стамбуле\n30 мая 2025\n\nМинистр заявил, что делегации "
              "встретятся в понедельник в Стамбуле, чтобы обсудить прекращение огня.\n",
    "es.txt": "Nuevas negociaciones en Estambul\n30 de mayo de 2025\n\nEl ministro dijo que las "
              "delegaciones se reunirán el lunes en Estambul para hablar del alto el fuego.\n",
    "page.html": (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Talks resume in Istanbul | Example News</title>"
        '<meta property="article:published_time" content="2025-05-30T09:15:00Z">'
        '<meta name="author" content="Jane Reporter"></head><body>'
        "<nav>Home | World | Politics</nav><article><h1>Talks resume in Istanbul</h1>"
        f"<p>{BODY}</p><p>Vladimir Medinsky will again lead the Russian delegation, according "
        "to the Kremlin. Kyiv has not yet named its team, officials said on Thursday.</p>"
        "<p>Both sides have exchanged draft memoranda on the terms of a ceasefire, diplomats "
        "familiar with the preparations said.</p></article>"
        "<footer>Copyright 2025 Example News. All rights reserved.</footer></body></html>\n"
    ),
}
LANGUAGE_DATE = "2025-05-30"
HTML_AUTHOR = "Jane Reporter"


@dataclass
class Outcome:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    shown_after: float | None = None  # seconds from start to the first window shown


@dataclass
class Report:
    passed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        (self.passed if ok else self.failed).append(name)
        mark = "ok  " if ok else "FAIL"
        print(f"  {mark} {name}" + (f": {detail}" if detail else ""), flush=True)
        return ok


class ProxyTrap:
    """A local TCP listener used as every proxy: counts who tried to go online."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            conn.close()  # refuse to carry anything

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()


def network_jail() -> list[str]:
    """``unshare -rn`` if this machine lets an unprivileged process drop its network."""
    unshare = shutil.which("unshare")
    if not unshare:
        return []
    try:
        probe = subprocess.run([unshare, "-rn", "true"], capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return [unshare, "-rn"] if probe.returncode == 0 else []


def offline_env(tmp: Path, proxy_port: int) -> dict[str, str]:
    """A reporter's laptop: no venv on PATH, a fresh home, every proxy a dead end."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV", "CONDA", "QT_", "CLIPLINE_"))
        and key.lower() not in ("http_proxy", "https_proxy", "all_proxy", "no_proxy")
    }
    home = tmp / "home"
    runtime = tmp / "runtime"
    for folder in (home, runtime):
        folder.mkdir(mode=0o700, exist_ok=True)
    proxy = f"http://127.0.0.1:{proxy_port}"
    env.update(
        PATH="/usr/bin:/bin",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(runtime),
        CLIPLINE_DATA_DIR=str(tmp / "data"),
        QT_QPA_PLATFORM="offscreen",
    )
    for name in ("http_proxy", "https_proxy", "all_proxy", "ftp_proxy"):
        env[name] = env[name.upper()] = proxy
    env["no_proxy"] = env["NO_PROXY"] = ""
    return env


def run(
    command: list[str], env: dict[str, str], *, watch_window: bool = False
) -> Outcome:
    """Run one command; with ``watch_window`` note when Qt reports the window shown."""
    start = time.monotonic()
    process = subprocess.Popen(
        command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace",
    )
    shown: list[float] = []
    err_lines: list[str] = []
    out_chunks: list[str] = []

    def read_stderr() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            if watch_window and not shown and SHOWN_MARKER in line:
                shown.append(time.monotonic() - start)
            err_lines.append(line)

    def read_stdout() -> None:
        assert process.stdout is not None
        out_chunks.append(process.stdout.read())

    readers = [threading.Thread(target=read_stderr, daemon=True),
               threading.Thread(target=read_stdout, daemon=True)]
    for reader in readers:
        reader.start()
    try:
        process.wait(timeout=COMMAND_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        err_lines.append(f"(killed after {COMMAND_TIMEOUT_S} s)\n")
    seconds = time.monotonic() - start
    for reader in readers:
        reader.join(timeout=10)
    stdout = "".join(out_chunks)
    return Outcome(
        process.returncode, stdout, "".join(err_lines), seconds, shown[0] if shown else None
    )


def unpacked_size(folder: Path) -> int:
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total


def find_sample(samples: Path) -> Path | None:
    matches = sorted(samples.glob(SAMPLE_GLOB))
    if matches:
        return matches[0]
    for path in sorted(samples.glob("*")):
        if path.is_file() and PERSON in path.read_text(encoding="utf-8", errors="replace"):
            return path
    return None


def load_json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def dicts(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in ``value``, however the command nests them."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from dicts(item)
    elif isinstance(value, list):
        for item in value:
            yield from dicts(item)


def lists_person(people: Any, name: str) -> bool:
    for item in dicts(people):
        names = [item.get("name")] + list(item.get("aliases") or [])
        if name in names:
            return True
    return False


def event_dates(timeline: Any) -> set[str]:
    return {
        item["date"] for item in dicts(timeline)
        if isinstance(item.get("date"), str) and ("text" in item or "sources" in item)
    }


def unexpected_stderr(stderr: str) -> list[str]:
    lines = []
    for line in stderr.splitlines():
        line = line.rstrip()
        if not line or line.startswith("qt.widgets.showhide:"):
            continue
        if any(pattern.search(line) for pattern in HARMLESS_STDERR):
            continue
        lines.append(line)
    return lines


def tail(text: str, lines: int = 12) -> str:
    return "\n".join("      " + line for line in text.strip().splitlines()[-lines:])


def command_ok(report: Report, name: str, outcome: Outcome) -> bool:
    ok = outcome.returncode == 0
    detail = f"exit {outcome.returncode}, {outcome.seconds:.1f} s"
    report.check(name, ok, detail)
    if not ok:
        print(tail(outcome.stderr or outcome.stdout), flush=True)
    return ok


def check_languages(report: Report, base: list[str], env: dict[str, str], folder: Path) -> None:
    """Datelines in five languages, a saved page and a PDF: dateparser's and the extractors' data."""
    folder.mkdir()
    for name, text in LANGUAGE_SAMPLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    sys.path.insert(0, str(ROOT))
    from tests.pdf_maker import make_pdf  # the tests' own tiny PDF writer (pypdf reads it)

    (folder / "talks.pdf").write_bytes(make_pdf([f"Talks resume in Istanbul\nMay 30, 2025\n\n{BODY}"]))
    expected = len(LANGUAGE_SAMPLES) + 1
    if not command_ok(report, "import datelines in 5 languages, an HTML page and a PDF",
                      run([*base, "import", str(folder)], env)):
        return
    articles = list(dicts(load_json(run([*base, "articles", "--json"], env).stdout)))
    wrong = [f"{a.get('title')!r}: {a.get('published')}" for a in articles
             if not str(a.get("published") or "").startswith(LANGUAGE_DATE)]
    report.check(f"every one dated {LANGUAGE_DATE}",
                 len(articles) == expected and not wrong,
                 f"{len(articles)} articles" + (": " + "; ".join(wrong) if wrong else ""))
    authors = [a.get("author") for a in articles]
    report.check("the page's metadata read (trafilatura)", HTML_AUTHOR in authors,
                 f"authors: {authors}")


def smoke(app: Path, samples: Path, use_namespace: bool = True) -> Report:
    report = Report()
    size = unpacked_size(app.parent)
    report.figures.append(f"unpacked size of {app.parent}: {size / 1e6:.0f} MB ({size} bytes)")
    jail = network_jail() if use_namespace else []
    print(
        "network: " + ("none (each command in its own network namespace, unshare -rn)"
                       if jail else "namespaces unavailable; proxies point at a local trap"),
        flush=True,
    )
    sample = find_sample(samples)
    if not report.check("sample found", sample is not None, str(sample or samples)):
        return report
    assert sample is not None

    trap = ProxyTrap()
    with tempfile.TemporaryDirectory(prefix="clipline-smoke-") as name:
        tmp = Path(name)
        env = offline_env(tmp, trap.port)
        library = tmp / "lib.db"
        base = [*jail, str(app), "--library", str(library)]

        outcome = run([*base, "import", str(sample)], env)
        if command_ok(report, "import the sample", outcome):
            report.figures.append(f"first import (model load included): {outcome.seconds:.1f} s")

        outcome = run([*base, "people", "--json"], env)
        if command_ok(report, "people --json", outcome):
            people = load_json(outcome.stdout)
            report.check(f"people lists {PERSON}", lists_person(people, PERSON))

        outcome = run([*base, "timeline", "--json"], env)
        if command_ok(report, "timeline --json", outcome):
            dates = event_dates(load_json(outcome.stdout))
            for date in EVENT_DATES:
                on_day = sorted(d for d in dates if d.startswith(date))
                report.check(f"timeline has events on {date}", bool(on_day),
                             ", ".join(on_day) or "dates seen: " + ", ".join(sorted(dates)[:12]))

        brief = tmp / "brief.md"
        outcome = run([*base, "brief", "-o", str(brief)], env)
        if command_ok(report, "brief -o brief.md", outcome):
            articles = load_json(run([*base, "articles", "--json"], env).stdout) or []
            titles = [a.get("title") for a in dicts(articles) if a.get("title")]
            text = brief.read_text(encoding="utf-8") if brief.is_file() else ""
            cited = [t for t in titles if t in text]
            report.check("brief cites the article", bool(cited),
                         repr(cited[0]) if cited else f"titles {titles} not in the brief")

        check_languages(report, [*jail, str(app), "--library", str(tmp / "langs.db")], env,
                        tmp / "langs")

        window_env = dict(env, QT_LOGGING_RULES=SHOWHIDE_RULES)
        outcome = run(
            [*jail, str(app), "--data-dir", str(tmp / "data"), "--library", str(library),
             "--quit-after", str(QUIT_AFTER_MS)],
            window_env, watch_window=True,
        )
        command_ok(report, f"window --quit-after {QUIT_AFTER_MS}", outcome)
        noise = unexpected_stderr(outcome.stderr)
        report.check("window stderr holds only known harmless lines", not noise,
                     "; ".join(noise[:8]))
        window_expected = (ROOT / "desktop" / "ui" / "app.py").is_file()
        if outcome.shown_after is not None:
            report.figures.append(f"start to window shown: {outcome.shown_after:.2f} s")
            report.check("window shown", True)
        elif window_expected:
            report.check("window shown", False, "Qt never showed a top-level window "
                         "(did desktop.ui.app fail to import in the frozen app?)")
        else:
            report.figures.append("start to window shown: n/a (desktop/ui/app.py is not in the "
                                  "tree yet; the default command printed the library summary)")

        trap.close()
        report.check("no command tried the network", trap.connections == 0,
                     f"{trap.connections} connection(s) to the proxy trap")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, default=DEFAULT_APP, help="the frozen executable")
    parser.add_argument("--samples", type=Path, default=SAMPLES, help="folder of sample articles")
    parser.add_argument("--no-netns", action="store_true",
                        help="don't use a network namespace (test the proxy-trap fallback)")
    args = parser.parse_args(argv)
    app = args.app.resolve()
    if not os.access(app, os.X_OK):
        print(f"smoke: no packaged app at {app}; run `make package` first", file=sys.stderr)
        return 2
    print(f"smoke test of {app}", flush=True)
    report = smoke(app, args.samples, use_namespace=not args.no_netns)
    for figure in report.figures:
        print(f"  {figure}")
    if report.failed:
        print("failed: " + "; ".join(report.failed))
    print(f"smoke: {len(report.passed)} passed, {len(report.failed)} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
