"""Draw Clipline's application icon: resources/icons/clipline.svg, .png (256 px) and .ico.

The SVG is written as text (a clipping with a timeline: a paper card, three dated dots on a
line, a paper clip), then rendered with Qt offscreen to PNG and ICO, so the files are
reproducible from this script alone. Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python
scripts/make_icon.py`` and commit the results.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"

SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>Clipline</title>
  <rect x="8" y="8" width="240" height="240" rx="48" ry="48" fill="#1f4e79"/>
  <rect x="52" y="40" width="152" height="176" rx="12" ry="12" fill="#fdfcf7"/>
  <rect x="72" y="66" width="84" height="12" rx="4" fill="#1f4e79"/>
  <rect x="72" y="90" width="112" height="7" rx="3.5" fill="#b8c4d0"/>
  <rect x="72" y="106" width="100" height="7" rx="3.5" fill="#b8c4d0"/>
  <line x1="72" y1="168" x2="184" y2="168" stroke="#1f4e79" stroke-width="6"
        stroke-linecap="round"/>
  <circle cx="84" cy="168" r="11" fill="#e8912d" stroke="#fdfcf7" stroke-width="3"/>
  <circle cx="128" cy="168" r="11" fill="#e8912d" stroke="#fdfcf7" stroke-width="3"/>
  <circle cx="172" cy="168" r="11" fill="#c0392b" stroke="#fdfcf7" stroke-width="3"/>
  <path d="M176 22 v58 a14 14 0 0 1 -28 0 v-46 a8 8 0 0 1 16 0 v40"
        fill="none" stroke="#e8912d" stroke-width="7" stroke-linecap="round"/>
</svg>
"""


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - image plugins need an application
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "clipline.svg").write_text(SVG, encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(SVG.encode("utf-8")))
    if not renderer.isValid():
        print("make_icon: the SVG does not parse", file=sys.stderr)
        return 1
    outputs = {"clipline.png": 256, "clipline.ico": 64}
    for name, size in outputs.items():
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = ICONS / name
        if not image.save(str(target)):
            print(f"make_icon: cannot write {target}", file=sys.stderr)
            return 1
        print(f"wrote {target.relative_to(ICONS.parent.parent)} ({size} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
