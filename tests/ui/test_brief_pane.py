"""The brief pane: live preview that loads nothing remote, escaped article text, exports."""

from __future__ import annotations

import csv
import io
import json

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument


def _show_brief(window, qtbot) -> str:
    with qtbot.waitSignal(window.brief_updated, timeout=20_000) as blocker:
        window.tabs.setCurrentIndex(2)
    return blocker.args[0]


def test_preview_follows_title_and_scope(window, qtbot):
    markdown = _show_brief(window, qtbot)
    assert markdown.startswith("# Brief")
    assert "Maria Zakharova said on Thursday" in window.brief_pane.preview.toPlainText()
    with qtbot.waitSignal(window.brief_updated, timeout=20_000) as blocker:
        window.brief_pane.title.setText("Istanbul talks")
    assert blocker.args[0].startswith("# Istanbul talks")
    assert window.brief_pane.preview.toPlainText().startswith("Istanbul talks")
    # Scope: the timeline's filters by default; the whole library on request.
    window.timeline_pane.filter_person("Sergey Lavrov")
    with qtbot.waitSignal(window.brief_updated, timeout=20_000) as blocker:
        window.refresh_brief()
    assert "Maria Zakharova said" not in blocker.args[0]
    with qtbot.waitSignal(window.brief_updated, timeout=20_000) as blocker:
        window.brief_pane.scope.setCurrentIndex(1)
    assert "Maria Zakharova said" in blocker.args[0]


def test_article_html_is_escaped_and_nothing_remote_is_loaded(window, qtbot):
    from db.events import add_manual_event
    from desktop.timeline.precision import place
    from tests.ui.conftest import writable

    with writable(window) as library, library.transaction() as db:
        add_manual_event(db, place("2025-06-04"), '<img src="http://tracker.example/x.png"> <b>bold</b> claim',
                         url="http://example.org/page")
    window.refresh_timeline()
    _show_brief(window, qtbot)
    preview = window.brief_pane.preview
    assert '<img src="http://tracker.example/x.png">' in preview.toPlainText()
    assert "tracker.example" not in "".join(preview.blocked)  # escaped: never even asked for
    # Asked anyway, it answers a blank image of its own: None would let Qt open the file (#16).
    for name in ("http://tracker.example/x.png", "file:///etc/passwd"):
        blank = preview.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        assert blank.size().width() == 1 and blank.pixelColor(0, 0).alpha() == 0
    assert not preview.openLinks()


def test_only_web_links_open_and_only_on_click(window, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString())))
    preview = window.brief_pane.preview
    preview.anchorClicked.emit(QUrl("file:///etc/passwd"))
    preview.anchorClicked.emit(QUrl("javascript:alert(1)"))
    preview.anchorClicked.emit(QUrl("https://example.org/story"))
    assert opened == ["https://example.org/story"]


def test_exports(window, qtbot, tmp_path):
    paths = {}
    for kind, name in (("md", "brief.md"), ("csv", "events.csv"), ("json", "events.json"),
                       ("timelinejs", "timelinejs.json")):
        with qtbot.waitSignal(window.export_finished, timeout=20_000):
            window.export_to(kind, tmp_path / name)
        paths[kind] = tmp_path / name
    assert paths["md"].read_text(encoding="utf-8").startswith("# Brief")
    rows = list(csv.DictReader(io.StringIO(paths["csv"].read_text(encoding="utf-8"))))
    assert {r["date"] for r in rows} >= {"2025-05-29", "2025-06-02", "2024"}
    events = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert any(e["planned"] for e in events)
    timeline = json.loads(paths["timelinejs"].read_text(encoding="utf-8"))
    assert timeline["events"]
    assert not list(tmp_path.glob("*.part"))
    assert window.brief_pane.status.text() == "Saved timelinejs.json"


def test_a_footnote_link_scrolls_to_its_note(window, qtbot):
    _show_brief(window, qtbot)
    preview = window.brief_pane.preview
    preview.resize(400, 200)
    preview.setHtml("<p>Claim<sup><a href='#fn:1'>1</a></sup></p>" + "<p>filler</p>" * 80
                    + "<ol><li id='fn:1'>The source.</li></ol>")
    assert preview.verticalScrollBar().value() == 0
    preview.anchorClicked.emit(QUrl("#fn:1"))
    assert preview.verticalScrollBar().value() > 0


def test_ctrl_e_asks_where_and_saves_the_brief_as_markdown(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "my brief.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    with qtbot.waitSignal(window.export_finished, timeout=20_000):
        window.export_action.trigger()
    assert target.read_text(encoding="utf-8").startswith("# Brief")
    assert f"Exported {target}" in window.statusBar().currentMessage()
