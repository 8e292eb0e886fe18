"""Clipline's own files are found with importlib.resources, from source and in the packaged app.

The packaged app (build.spec) collects the ``resources`` package; the same lookup must work
there, from a checkout and from a zip, and nothing may compute paths from ``__file__``.
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import zipfile
from importlib import resources as importlib_resources
from pathlib import Path

import pytest

from desktop import resources
from tests.conftest import REPO

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    return width, height


def test_resources_package_is_the_repositorys():
    root = importlib_resources.files(resources.PACKAGE)
    assert Path(str(root)).resolve() == REPO / "resources"


def test_app_icon_is_found_and_is_a_square_png():
    data = resources.read_bytes(resources.APP_ICON)
    assert png_size(data) == (256, 256)


def test_resource_path_is_a_real_file():
    path = resources.resource_path(resources.APP_ICON)
    assert path.is_file()
    assert path.read_bytes().startswith(PNG_SIGNATURE)


def test_svg_and_ico_icons_ship_too():
    assert "<svg" in resources.read_text("icons/clipline.svg")
    assert resources.read_bytes("icons/clipline.ico")[:4] == b"\x00\x00\x01\x00"


def test_missing_resource_is_a_clear_error():
    with pytest.raises(FileNotFoundError, match="icons/nope.png"):
        resources.resource("icons/nope.png")


def test_as_file_gives_a_path_for_apis_that_need_one():
    with resources.as_file(resources.APP_ICON) as path:
        assert path.is_file()


def test_lookup_works_from_a_zip_too(tmp_path):
    """importlib.resources, not path arithmetic: the same code works off the file system."""
    archive = tmp_path / "clipline.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in [REPO / "desktop" / "__init__.py", REPO / "desktop" / "resources.py",
                     *sorted((REPO / "resources").rglob("*"))]:
            if path.is_file() and "__pycache__" not in path.parts:
                zipped.write(path, path.relative_to(REPO).as_posix())
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(archive)!r})\n"
        "from desktop import resources\n"
        "assert resources.__file__.startswith(sys.path[0]), resources.__file__\n"
        "data = resources.read_bytes(resources.APP_ICON)\n"
        "path = resources.resource_path(resources.APP_ICON)\n"
        "assert path.read_bytes() == data\n"
        "print(len(data))\n"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", code], cwd=tmp_path, capture_output=True, text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 1000


def test_no_file_path_arithmetic_in_the_app():
    """Paths from ``__file__`` break in the frozen app; use desktop.resources instead."""
    offenders = []
    for package in ("desktop", "db", "resources"):
        for path in sorted((REPO / package).rglob("*.py")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                code = line.split("#", 1)[0]
                if re.search(r"\b__file__\b", code) and "``__file__``" not in line:
                    offenders.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_the_spec_collects_the_resources_package():
    spec = (REPO / "build.spec").read_text(encoding="utf-8")
    assert 'data_files("resources")' in spec
    assert '"resources"' in spec  # a hidden import, so importlib.resources finds the package
