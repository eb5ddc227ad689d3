"""Packs the demo content type (H5P.HocMoTrueFalse 1.0, written for HọcMở) and its demo
content into a .h5p file. Used by scripts/build_demo_h5p.py, the demo data and the tests."""

import io
import json
import zipfile
from pathlib import Path

SOURCE = Path(__file__).resolve().parent / "demo_content"
LIBRARY_FOLDER = "H5P.HocMoTrueFalse-1.0"


def build_demo_package(*, question: str | None = None, correct: bool | None = None) -> bytes:
    """The .h5p bytes. Members are written in a fixed order with a fixed date, so the same
    sources always give the same file (and the same content hash)."""
    content = json.loads((SOURCE / "content" / "content.json").read_text(encoding="utf-8"))
    if question is not None:
        content["question"] = question
    if correct is not None:
        content["correct"] = correct
    files = {"h5p.json": (SOURCE / "h5p.json").read_bytes(),
             "content/content.json": json.dumps(content, ensure_ascii=False,
                                                indent=2).encode()}
    for path in sorted((SOURCE / LIBRARY_FOLDER).iterdir()):
        files[f"{LIBRARY_FOLDER}/{path.name}"] = path.read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()
