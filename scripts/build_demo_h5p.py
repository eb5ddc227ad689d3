"""Builds the demo H5P package (our own H5P.HocMoTrueFalse content type) into a .h5p file.

    .venv/bin/python scripts/build_demo_h5p.py [output.h5p]

Default output: courses/h5p/demo_content/kiem-chung-truoc-khi-chia-se.h5p. Upload it in the
Wagtail admin (Nội dung H5P → Thêm) or let `manage.py load_demo` store it."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from courses.h5p.demo_package import SOURCE, build_demo_package  # noqa: E402

if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE / "kiem-chung-truoc-khi-chia-se.h5p"
    target.write_bytes(build_demo_package())
    print(f"wrote {target} ({target.stat().st_size} bytes)")
