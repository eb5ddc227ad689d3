"""Copy pinned npm packages into static/vendor so pages never load from a CDN."""

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "static" / "vendor"
FILES = {
    "node_modules/htmx.org/dist/htmx.min.js": "htmx/htmx.min.js",
}

# h5p-standalone (issue 5): the player, its iframe bundle, styles and the fonts/images the CSS
# refers to, keeping dist/'s layout so the CSS's relative URLs resolve.
_H5P_DIST = ROOT / "node_modules" / "h5p-standalone" / "dist"
FILES.update({
    str(path.relative_to(ROOT)): f"h5p-standalone/{path.relative_to(_H5P_DIST)}"
    for path in sorted(_H5P_DIST.rglob("*"))
    if path.is_file() and path.suffix in {".js", ".css", ".woff", ".woff2", ".svg", ".gif", ".txt"}
})

# scorm-again (issue 21): the SCORM 1.2 / 2004 runtime APIs the SCORM player exposes to packages,
# plus the cross-frame pair. Each with its source map: the .min.js files end with
# `//# sourceMappingURL=<name>.map`, which collectstatic's manifest storage must resolve
# (production's collectstatic fails on a missing map).
FILES.update({
    f"node_modules/scorm-again/dist/{name}{suffix}": f"scorm-again/{name}{suffix}"
    for name in (
        "scorm-again.min.js",
        "scorm12.min.js",
        "scorm2004.min.js",
        "cross-frame-api.min.js",
        "cross-frame-lms.min.js",
    )
    for suffix in ("", ".map")
})
FILES["node_modules/scorm-again/LICENSE"] = "scorm-again/LICENSE"

# Workbox (issue 22): the loader and the modules the service worker uses (templates/offline/
# sw.js); workbox-sw loads "<modulesPathPrefix>workbox-<module>.prod.js" from static/vendor.
# Each with its source map, which production's collectstatic must resolve (as scorm-again's).
for _suffix in ("", ".map"):
    FILES[f"node_modules/workbox-sw/build/workbox-sw.js{_suffix}"] = (
        f"workbox/workbox-sw.js{_suffix}")
    for _module in ("core", "routing", "strategies", "precaching"):
        FILES[f"node_modules/workbox-{_module}/build/workbox-{_module}.prod.js{_suffix}"] = (
            f"workbox/workbox-{_module}.prod.js{_suffix}")

if __name__ == "__main__":
    for source, target in FILES.items():
        destination = VENDOR / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / source, destination)
        print(f"vendored {source} -> static/vendor/{target}")
