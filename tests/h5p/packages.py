"""Builds .h5p packages in memory for tests, good or deliberately malicious."""

import io
import zipfile

from courses.h5p.demo_package import build_demo_package


def demo_files() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(build_demo_package())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def make_package(files: dict[str, bytes], *, compression=zipfile.ZIP_DEFLATED) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = compression
            archive.writestr(info, data)
    buffer.seek(0)
    return buffer


def demo_with(**changes) -> io.BytesIO:
    """The demo package with files added (name=bytes) or removed (name=None)."""
    files = demo_files()
    for name, data in changes.items():
        if data is None:
            files.pop(name, None)
        else:
            files[name] = data
    return make_package(files)
