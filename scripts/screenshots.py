"""Render the window's panes offscreen from the sample library into docs/*.png (for the README).

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [OUT_DIR]
Imports the sample article (with the real analysis) into a temporary library first.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "tests" / "data" / "samples" / "istanbul-talks-2025-05-30.txt"
sys.path.insert(0, str(REPO))


class _State:
    cancelled = False

    def progress(self, done: int, total: int, message: str = "") -> None:
        pass


def dark_palette():  # noqa: ANN201 (Qt is imported late)
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#e6e6e6"),
                         (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.AlternateBase, "#262626"),
                         (QPalette.ColorRole.Text, "#e6e6e6"), (QPalette.ColorRole.Button, "#353535"),
                         (QPalette.ColorRole.ButtonText, "#e6e6e6"), (QPalette.ColorRole.Highlight, "#2f65ca"),
                         (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.Link, "#8ab4f8"),
                         (QPalette.ColorRole.PlaceholderText, "#8a8a8a")):
        palette.setColor(role, QColor(colour))
    return palette


def main(out: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = Path(tempfile.mkdtemp(prefix="clipline-shots-"))
    os.environ["CLIPLINE_DATA_DIR"] = str(tmp)
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from db.library import Library
    from desktop.ui import tasks
    from desktop.ui.main_window import MainWindow

    library_path = tmp / "library.db"
    report = tasks.import_inputs(library_path, [str(SAMPLE)], ("Ukraine talks",), _State())
    if not report.stored:
        print(f"the sample was not imported: {report.summary()} {report.errors}", file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication(sys.argv)
    library = Library(library_path)
    window = MainWindow(library, warm_up=False)
    window.resize(1440, 860)
    window.show()
    window.library_pane.select_article(report.stored[0])
    app.processEvents()
    out.mkdir(parents=True, exist_ok=True)

    def shot(name: str, widget: object = None) -> None:
        app.processEvents()
        target = widget or window
        image = target.grab().toImage()  # type: ignore[attr-defined]
        if image.width() > 1100:
            image = image.scaledToWidth(1100, Qt.TransformationMode.SmoothTransformation)
        # 256 colours: a screenshot of text and flat colours stays readable at a third the size.
        image = image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.AvoidDither)
        image.save(str(out / f"{name}.png"), "PNG", 9)
        print(out / f"{name}.png")

    window.tabs.setCurrentIndex(0)
    shot("window-timeline")
    shot("reader", window.reader)
    shot("timeline", window.timeline_pane)
    window.tabs.setCurrentIndex(1)
    window.people_pane.table.selectRow(0)
    shot("people", window.people_pane)
    window.tabs.setCurrentIndex(2)
    done = []
    window.brief_updated.connect(lambda _md: done.append(True))
    window.refresh_brief()
    while not done:
        app.processEvents()
    shot("brief", window.brief_pane)
    window.library_pane.search.setText("memorandum")
    window.library_pane._run_search()
    shot("library-search", window.library_pane)
    window.library_pane.search.clear()
    window.library_pane._run_search()
    window.library_pane.select_article(report.stored[0])
    # The same window in a dark colour scheme (it follows the system's; the offscreen platform
    # has none, so a dark palette stands in for it).
    app.setStyle("Fusion")
    app.setPalette(dark_palette())
    window.tabs.setCurrentIndex(0)
    window.apply_colour_scheme()
    shot("window-dark")
    window.close()
    library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs"))
