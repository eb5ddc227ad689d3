"""Vendored scripts whose last line names a source map ship the map too: production's
collectstatic (WhiteNoise's CompressedManifestStaticFilesStorage) follows sourceMappingURL and
fails on a missing file (it did for scorm-again 3.4.3's .min.js)."""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from vendor_assets import FILES  # noqa: E402

SOURCE_MAP = re.compile(rb"//# sourceMappingURL=(\S+)\s*$")


def test_every_named_source_map_is_vendored():
    targets = set(FILES.values())
    missing = []
    for source, target in FILES.items():
        if not target.endswith(".js"):
            continue
        path = ROOT / source
        if not path.exists():  # node_modules not installed: nothing to check
            continue
        found = SOURCE_MAP.search(path.read_bytes()[-300:])
        if found and not found.group(1).startswith(b"data:"):
            wanted = str(Path(target).parent / found.group(1).decode())
            if wanted not in targets:
                missing.append(f"{target} -> {wanted}")
    assert missing == []


def test_scorm_again_runtime_files_are_vendored():
    for name in ("scorm12.min.js", "scorm2004.min.js", "scorm12.min.js.map"):
        assert f"scorm-again/{name}" in FILES.values()
