"""Clipline's files that are not code (icons, styles), found with importlib.resources.

A package so that ``importlib.resources.files("resources")`` finds it the same way from source
and in the packaged app; see ``desktop.resources``.
"""
