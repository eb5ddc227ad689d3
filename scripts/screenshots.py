"""Screenshots of each demo role's home at 390 px, in Vietnamese and English (issue 19), saved as
small PNGs in docs/screenshots/ (palette-quantised with Pillow; the set stays well under 2 MB).

    make run                                   # the demo on http://127.0.0.1:8000 (another shell)
    .venv/bin/python scripts/screenshots.py    # --base URL, --out DIR, --full for whole pages

Uses Debian's /usr/bin/chromium through Playwright (never a downloaded browser) and signs in
through the real form with the demo password (HOCMO_DEMO_PASSWORD, default hocmo-demo-2025)."""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}
# (file name, username or None for a visitor, what the home is)
ROLES = [
    ("khach", None, "visitor: the home page"),
    ("hocsinh", "hocsinh", "learner: my learning"),
    ("phuhuynh", "phuhuynh", "parent: my children"),
    ("giaovien", "giaovien", "teacher: my classes"),
    ("hieutruong", "hieutruong", "school head: the school's dashboard"),
    ("canbo-so", "canbo.so", "province officer: the province's dashboard"),
    ("ntd-dien", "ntd.dien", "employer: job postings"),
    ("giamkhao-so", "giamkhao.so", "judge: assigned entries"),
    ("nguoi-hoc-0912000102", "0912000102", "adult learner: my learning"),
]
COLOURS = 64


def save_small(png: bytes, path: Path) -> int:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    small = image.quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT,
                           dither=Image.Dither.NONE)
    small.save(path, format="PNG", optimize=True)
    return path.stat().st_size


def sign_in(page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.locator("main input[name=username]").fill(username)
    page.locator("main input[name=password]").fill(password)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    parser.add_argument("--full", action="store_true", help="whole pages, not the first screen")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    password = os.environ.get("HOCMO_DEMO_PASSWORD", "hocmo-demo-2025")
    total = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        for name, username, what in ROLES:
            for language in ("vi", "en"):
                ctx = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True)
                host = args.base.split("//", 1)[1].split("/", 1)[0].split(":")[0]
                ctx.add_cookies([{"name": "hocmo_lang", "value": language, "domain": host,
                                  "path": "/"}])
                page = ctx.new_page()
                if username:
                    sign_in(page, args.base, username, password)
                else:
                    page.goto(args.base + "/")
                page.wait_for_load_state("networkidle")
                path = out / f"{name}-{language}.png"
                size = save_small(page.screenshot(full_page=args.full), path)
                total += size
                print(f"{path.relative_to(REPO)}  {size / 1024:6.1f} KB  {what} → {page.url}")
                ctx.close()
        browser.close()
    print(f"total {total / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
