"""Per-package library bundles (issue 18, H5P row): one script and one stylesheet holding the
preloaded JS/CSS of every installed library a package uses, in dependency order, so the player
loads them in one request each instead of a chain of library.json and file requests.

- Built only from installed libraries (H5PLibrary rows, written by an administrator's install:
  teachers cannot install) and only from the files their validated library.json preloads,
  read from `H5P_ROOT/libraries/<machineName-x.y.z>/` (paths that leave the folder, or files
  without a .js/.css extension, are skipped).
- Stored content-addressed: `H5P_ROOT/bundles/<sha256 of the bytes>.js|.css`, next to
  `.gz` (and `.br` when the brotli module is installed) compressed once at build time. The
  address changes whenever any library file in it changes (an upgraded library is another
  version folder, so its package's bundle is another file), hence served immutable.
- Which bundle a package uses is found by a fingerprint of its ordered library versions
  (`bundles/sets/<fingerprint>.json`, cached), so packages using the same content type share
  one bundle and the browser downloads it once.
- Stylesheet `url(…)`s relative to a library's CSS are rewritten to
  `/h5p/lib/<machineName-x.y.z>/<path>` (the library's own files by exact version)."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import posixpath
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import cache

from .models import H5PLibrary, H5PPackage
from .validation import dependency_folders

FORMAT = "1"  # bump when the bundle's layout changes: every fingerprint changes with it
TTL_SECONDS = 24 * 60 * 60
_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""", re.IGNORECASE)

try:  # whitenoise[brotli] brings it; gzip alone is fine without it
    import brotli
except ImportError:  # pragma: no cover - depends on the environment
    brotli = None


@dataclass(frozen=True)
class Bundle:
    js: str  # sha256 of the script bundle's bytes ("" when the libraries preload no script)
    css: str
    covered: tuple[tuple[str, str], ...]  # (player folder, preloaded path) the bundle holds


def bundles_dir() -> Path:
    from .services import h5p_root

    return h5p_root() / "bundles"


def library_order(package: H5PPackage, libraries: list[H5PLibrary]) -> list[H5PLibrary]:
    """The package's libraries, dependencies before the libraries that need them (the order
    H5P core loads them in), starting from h5p.json's preloadedDependencies."""
    by_folder = {lib.folder: lib for lib in libraries}
    ordered: list[H5PLibrary] = []
    seen: set[str] = set()

    def visit(folder: str) -> None:
        if folder in seen or folder not in by_folder:
            return
        seen.add(folder)
        for dep in dependency_folders(by_folder[folder].definition):
            visit(dep)
        ordered.append(by_folder[folder])

    for folder in dependency_folders(package.manifest):
        visit(folder)
    return ordered


def _preloaded(lib: H5PLibrary, kind: str) -> list[str]:
    key = "preloadedJs" if kind == "js" else "preloadedCss"
    return [str(item["path"]) for item in lib.definition.get(key) or []
            if isinstance(item, dict) and isinstance(item.get("path"), str)]


def _library_file(lib: H5PLibrary, relative: str, kind: str) -> bytes | None:
    from .services import library_dir

    base = library_dir(lib.key).resolve()
    target = (base / relative).resolve()
    if (not str(target).startswith(str(base) + os.sep) or target.suffix.lower() != f".{kind}"
            or not target.is_file()):
        return None
    return target.read_bytes()


def _rewrite_css_urls(css: str, lib: H5PLibrary, relative: str,
                      keys_by_folder: dict[str, str]) -> str:
    directory = posixpath.dirname(relative)

    def absolute(match: re.Match) -> str:
        quote, ref = match.group(1), match.group(2).strip()
        if re.match(r"^([a-z][a-z0-9+.-]*:|/|#)", ref, re.IGNORECASE):
            return match.group(0)  # data:, https:, absolute or fragment: as written
        path = posixpath.normpath(posixpath.join(lib.folder, directory, ref))
        folder, _sep, rest = path.partition("/")
        key = keys_by_folder.get(folder)
        if key is None or not rest or rest.startswith(".."):
            return match.group(0)
        return f"url({quote}/h5p/lib/{key}/{rest}{quote})"

    return _URL.sub(absolute, css)


def _write_once(name: str, data: bytes) -> None:
    """Writes `name` and its compressed forms unless present (content-addressed: the same name
    always holds the same bytes). Each file appears whole, by rename."""
    directory = bundles_dir()
    directory.mkdir(parents=True, exist_ok=True)
    variants = {name: data, f"{name}.gz": gzip.compress(data, 9, mtime=0)}
    if brotli is not None:
        variants[f"{name}.br"] = brotli.compress(data, quality=11)
    for filename, payload in variants.items():
        final = directory / filename
        if final.exists():
            continue
        fd, staging = tempfile.mkstemp(dir=directory, prefix=".tmp-")
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
        os.replace(staging, final)


def bundle_build(package: H5PPackage, libraries: list[H5PLibrary]) -> Bundle:
    """Builds (or finds) the bundle of these installed libraries for the package."""
    ordered = library_order(package, libraries)
    keys_by_folder = {lib.folder: lib.key for lib in ordered}
    scripts: list[bytes] = []
    styles: list[str] = []
    covered: list[tuple[str, str]] = []
    for lib in ordered:
        for relative in _preloaded(lib, "js"):
            data = _library_file(lib, relative, "js")
            if data is not None:
                scripts.append(f"/* {lib.key}/{relative} */\n".encode() + data + b"\n;\n")
                covered.append((lib.folder, relative))
        for relative in _preloaded(lib, "css"):
            data = _library_file(lib, relative, "css")
            if data is not None:
                text = _rewrite_css_urls(data.decode("utf-8", "replace"), lib, relative,
                                         keys_by_folder)
                styles.append(f"/* {lib.key}/{relative} */\n{text}\n")
                covered.append((lib.folder, relative))
    js = css = ""
    if scripts:
        # `void 0;` first: a library file opening with "use strict" must not make the whole
        # bundle strict (a directive counts only at the very start of a script).
        body = b"void 0;\n" + b"".join(scripts)
        js = hashlib.sha256(body).hexdigest()
        _write_once(f"{js}.js", body)
    if styles:
        body = "".join(styles).encode()
        css = hashlib.sha256(body).hexdigest()
        _write_once(f"{css}.css", body)
    return Bundle(js=js, css=css, covered=tuple(covered))


def _fingerprint(package: H5PPackage, libraries: list[H5PLibrary]) -> str:
    ordered = [lib.key for lib in library_order(package, libraries)]
    return hashlib.sha256(json.dumps([FORMAT, ordered]).encode()).hexdigest()


def package_bundle(package: H5PPackage, libraries: list[H5PLibrary] | None = None) -> Bundle:
    """The bundle for a package's installed libraries, built on first use (and at upload)."""
    if libraries is None:
        libraries = list(package.libraries.all())
    fingerprint = _fingerprint(package, libraries)
    cache_key = f"h5p:bundle:{fingerprint}"
    found = cache.get(cache_key)
    if found is not None:
        return Bundle(js=found["js"], css=found["css"],
                      covered=tuple(tuple(pair) for pair in found["covered"]))
    record = bundles_dir() / "sets" / f"{fingerprint}.json"
    bundle = None
    if record.is_file():
        data = json.loads(record.read_text())
        if all((bundles_dir() / f"{h}.{ext}").is_file()
               for h, ext in ((data["js"], "js"), (data["css"], "css")) if h):
            bundle = Bundle(js=data["js"], css=data["css"],
                            covered=tuple(tuple(pair) for pair in data["covered"]))
    if bundle is None:
        bundle = bundle_build(package, libraries)
        record.parent.mkdir(parents=True, exist_ok=True)
        fd, staging = tempfile.mkstemp(dir=record.parent, prefix=".tmp-")
        with os.fdopen(fd, "w") as out:
            json.dump({"js": bundle.js, "css": bundle.css, "covered": bundle.covered}, out)
        os.replace(staging, record)
    cache.set(cache_key, {"js": bundle.js, "css": bundle.css,
                          "covered": [list(pair) for pair in bundle.covered]}, TTL_SECONDS)
    return bundle


def bundle_path(digest: str, ext: str) -> Path:
    return bundles_dir() / f"{digest}.{ext}"
