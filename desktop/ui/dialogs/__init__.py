"""Dialogs: new clip, import URL, error details."""
