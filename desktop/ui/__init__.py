"""The Qt window: the only package that imports PySide6. Start-up is in ``app``."""
