"""The window's areas beside its panes: what each does off the GUI thread and how it answers.

``clipping`` (new clip, import, drop), ``people`` (reading people and suggested merges, the
correction dialogs), ``brief`` (render and export on a worker). Each takes the window and calls
its operations and tasks; the window itself only wires them together.
"""

__all__ = ["brief", "clipping", "people"]
