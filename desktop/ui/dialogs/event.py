"""Add or edit a timeline event: a date at the precision the reporter knows, and the text."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.timeline.precision import place


class EventDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, date: str = "", text: str = "",
                 title: str = "Event", source_title: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("eventDialog")
        self.date = QLineEdit(date)
        self.date.setPlaceholderText("2025-06-02, 2025-06 or 2025")
        self.text = QPlainTextEdit(text)
        self.people = QLineEdit()
        self.people.setPlaceholderText("names, comma separated")
        self.is_planned = QCheckBox("Planned (announced, not yet happened)")
        self.source = QCheckBox(f"Source: {source_title}" if source_title else "No article open")
        self.source.setChecked(bool(source_title))
        self.source.setEnabled(bool(source_title))
        self.error = QLabel("")
        self.error.setStyleSheet("color: #c0392b")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Date", self.date)
        form.addRow("What happened", self.text)
        if not text:
            form.addRow("People", self.people)
            form.addRow("", self.is_planned)
            form.addRow("", self.source)
        form.addRow(self.error)
        form.addRow(buttons)

    def date_value(self) -> str:
        return self.date.text().strip()

    def text_value(self) -> str:
        return " ".join(self.text.toPlainText().split())

    def people_value(self) -> list[str]:
        return [p.strip() for p in self.people.text().split(",") if p.strip()]

    def planned(self) -> bool:
        return self.is_planned.isChecked()

    def use_source(self) -> bool:
        return self.source.isChecked()

    def _accept(self) -> None:
        placed = place(self.date_value())
        if placed is None or placed.precision not in ("day", "week", "month", "year"):
            self.error.setText("Give a date as YYYY-MM-DD, YYYY-MM or YYYY")
            return
        if not self.text_value():
            self.error.setText("Say what happened")
            return
        self.accept()
