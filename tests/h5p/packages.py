"""Builds .h5p packages in memory for tests, good or deliberately malicious."""

import io
import json
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


PROBE_LIBRARY = "H5P.ProbeXss-1.0"


def probe_package(*, script: bytes = b"window.probed = document.cookie;", patch: int = 0,
                  machine_name: str = "H5P.ProbeXss") -> io.BytesIO:
    """A package that brings its own content type (a new library with preloaded script), as
    an attacker's upload would: `machine_name`-1.0.`patch`, running `script`."""
    folder = f"{machine_name}-1.0"
    library = {"title": "Probe", "machineName": machine_name, "majorVersion": 1,
               "minorVersion": 0, "patchVersion": patch, "runnable": 1,
               "embedTypes": ["iframe"], "preloadedJs": [{"path": "probe.js"}]}
    manifest = {"title": "Probe", "language": "vi", "mainLibrary": machine_name,
                "embedTypes": ["iframe"],
                "preloadedDependencies": [{"machineName": machine_name, "majorVersion": 1,
                                           "minorVersion": 0}]}
    return make_package({
        "h5p.json": json.dumps(manifest).encode(),
        "content/content.json": b"{}",
        f"{folder}/library.json": json.dumps(library).encode(),
        f"{folder}/probe.js": script,
    })


def demo_version(patch: int, *, script: bytes | None = None) -> io.BytesIO:
    """The demo package with its library at 1.0.`patch` (and, optionally, other code)."""
    files = demo_files()
    name = "H5P.HocMoTrueFalse-1.0/library.json"
    library = json.loads(files[name])
    library["patchVersion"] = patch
    files[name] = json.dumps(library).encode()
    if script is not None:
        files["H5P.HocMoTrueFalse-1.0/hocmo-true-false.js"] = script
    return make_package(files)
