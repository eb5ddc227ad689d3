"""Draw the web app icons (issue 22) from static/favicon.svg with Debian chromium: 192 and 512
px, and a 512 px maskable one (the mark inside the central 80 % safe zone on a full-bleed
background, so Android's round or squircle mask never cuts it). The PNGs are committed; run
again after changing the favicon: `.venv/bin/python scripts/make_icons.py`."""

from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "static" / "favicon.svg"
OUT = ROOT / "static" / "offline" / "icons"


def maskable_svg(svg: str) -> str:
    # Full-bleed square (no rounded corners), the mark scaled to 60 % in the middle.
    inner = svg.split(">", 1)[1].rsplit("</svg>", 1)[0].replace('rx="6" ', "")
    background = '<rect width="32" height="32" fill="#0b5cad"/>'
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' + background
            + '<g transform="translate(6.4 6.4) scale(0.6)">' + inner + "</g></svg>")


def draw(page, svg: str, size: int, target: Path) -> None:
    page.set_viewport_size({"width": size, "height": size})
    page.set_content('<html><body style="margin:0;background:transparent">'
                     f'<div style="width:{size}px;height:{size}px">'
                     + svg.replace("<svg ", f'<svg width="{size}" height="{size}" ', 1)
                     + "</div></body></html>")
    page.screenshot(path=str(target), omit_background=True,
                    clip={"x": 0, "y": 0, "width": size, "height": size})


def main() -> None:
    svg = SOURCE.read_text()
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page()
        draw(page, svg, 192, OUT / "icon-192.png")
        draw(page, svg, 512, OUT / "icon-512.png")
        draw(page, maskable_svg(svg), 512, OUT / "icon-maskable-512.png")
        browser.close()
    for path in sorted(OUT.glob("*.png")):
        print(path.relative_to(ROOT), path.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
