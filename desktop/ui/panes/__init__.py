"""The panes of the main window: library, reader, timeline, people, brief."""
