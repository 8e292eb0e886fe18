"""The people area: the list and the suggested merges read on workers (newest read wins), and
the corrections the reporter asks for by dialog, each an operation on the writer thread."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog

from desktop.ui import workers
from desktop.ui.latest import Latest
from desktop.ui.models import people as people_model
from desktop.ui.operations import people as people_ops

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

Person = dict[str, Any]


class PeopleArea(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._people = Latest()
        self._suggestions = Latest()

    def load(self) -> None:
        """Read the people on a worker (``list_people`` takes a moment in a large library);
        only the newest read is shown."""
        ticket, path = self._people.ticket(), self.window.library_path

        def read(_state: Any) -> tuple[int, list[Person]]:
            with workers.open_reader(path) as library:
                return ticket, people_model.read_people(library)

        workers.start("Reading people", read, self, on_done=self._read,
                      on_failed=partial(self.window.tasks.failed, "Reading people"))

    def _read(self, result: tuple[int, list[Person]]) -> None:
        ticket, people = result
        if self.window.closed or not self._people.is_current(ticket):
            return  # closed, or a newer read (or a correction) already showed them afresh
        self._show(people)
        self.window.people_read.emit()

    def rebuilt(self, people: list[Person]) -> None:
        """A correction rebuilt the people (read on the writer thread just after it)."""
        self._people.outdate()  # a read started before the correction is out of date
        self._show(people)
        window = self.window
        window.person_events.reload()
        window.timeline.reload()
        if window.current_article is not None:
            window.open_article(window.current_article)

    def _show(self, people: list[Person]) -> None:
        window = self.window
        window.people.set_people(people)
        window.people_loaded = True
        window.refresh_choices()
        self.load_suggestions()

    def load_suggestions(self) -> None:
        """Read the suggested merges on a worker; the pane shows the newest read."""
        ticket, path = self._suggestions.ticket(), self.window.library_path

        def read(_state: Any) -> tuple[int, list[Person]]:
            with workers.open_reader(path) as library:
                return ticket, people_model.read_suggestions(library)

        def done(result: tuple[int, list[Person]]) -> None:
            if not self.window.closed and self._suggestions.is_current(result[0]):
                self.window.people_pane.set_suggestions(result[1])
                self.window.merge_suggestions_read.emit()

        workers.start("Reading suggested merges", read, self, on_done=done,
                      on_failed=partial(self.window.tasks.failed, "Reading suggested merges"))

    def filter_timeline_to(self, person_id: int) -> None:
        """A name clicked in the reader: the timeline of that person."""
        window = self.window
        person = window.people.find(person_id)
        if person is None:
            window.people.reload()
            window.people_loaded = True
            person = window.people.find(person_id)
        if person is None:
            window.statusBar().showMessage("That name is not linked to a person", 5000)
            return
        window.timeline_pane.filter_person(person["name"], person["id"])
        window.tabs.setCurrentIndex(0)
        window.statusBar().showMessage(f"Timeline: events with {person['name']}", 5000)

    # -- corrections, asked by dialog -------------------------------------------------------

    def rename(self, person: Person) -> None:
        name, ok = QInputDialog.getText(self.window, "Rename person", f"New name for {person['name']}:",
                                        text=person["name"])
        if ok and name.strip() and name.strip() != person["name"]:
            self.window.make(people_ops.rename(person, name))

    def merge(self, first: Person, second: Person) -> None:
        self.window.make(people_ops.merge(first, second))

    def accept_suggestion(self, suggestion: dict[str, Any]) -> None:
        """One click: the suggested pair becomes one person (undoable like any merge)."""
        self.merge({"id": suggestion["person"], "name": suggestion["name"]},
                   {"id": suggestion["other"], "name": suggestion["other_name"]})

    def split(self, person: Person) -> None:
        aliases = person.get("aliases") or []
        if not aliases:
            self.window.statusBar().showMessage(f"{person['name']} goes by one name only: nothing to split off", 5000)
            return
        alias, ok = QInputDialog.getItem(self.window, "Split person",
                                         f"Which name is someone other than {person['name']}?", aliases, 0, False)
        if ok and alias:
            self.split_alias(person, alias)

    def split_alias(self, person: Person, alias: str) -> None:
        self.window.make(people_ops.split(person, alias))

    def not_a_person(self, person: Person) -> None:
        self.window.make(people_ops.not_a_person(person))
