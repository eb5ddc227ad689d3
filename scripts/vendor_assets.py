"""Copy pinned npm packages into static/vendor so pages never load from a CDN."""

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "static" / "vendor"
FILES = {
    "node_modules/htmx.org/dist/htmx.min.js": "htmx/htmx.min.js",
}

if __name__ == "__main__":
    for source, target in FILES.items():
        destination = VENDOR / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / source, destination)
        print(f"vendored {source} -> static/vendor/{target}")
