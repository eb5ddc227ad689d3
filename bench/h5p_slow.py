#!/usr/bin/env python3
"""Issue 18, H5P row: how long a learner on slow mobile data waits before the H5P exercise of a
lesson is usable.

    .venv/bin/python bench/h5p_slow.py [--checkout DIR] [--runs 2] [--keep]

Steps: a fresh temporary SQLite database, migrate, load_demo (the demo H5P lesson), collectstatic
(in the served checkout: `--checkout` serves another copy of the code, e.g. `git archive <commit>`
unpacked, to measure "before"); gunicorn (2 workers) with lms.settings.production (DEBUG off,
Redis cache in database 4, cached_db sessions, WhiteNoise with its compressed static files) on
127.0.0.1 with the content origin on localhost (same server, another host, as in development).
Then per run, in a fresh browser context (cold cache): Debian chromium signs in as the demo
learner (not throttled), opens the lesson under CDP `Network.emulateNetworkConditions`
(latency 400 ms, 50,000 bytes/s down and up ≈ 400 kbps) and `Emulation.setCPUThrottlingRate` 4,
and records: first contentful paint of the lesson page, and the time from navigation start until
the exercise's first button is present and enabled in the player frame ("usable"), plus the
frame's requests and bytes.

The player frame is on another site (localhost vs 127.0.0.1), which Chromium would put in a
process of its own whose requests the page's CDP session does not throttle; the browser is
therefore started with site isolation off (`--disable-site-isolation-trials`,
`--disable-features=IsolateOrigins,site-per-process,IsolateSandboxedIframes`) so that the
throttling covers the frame too. It changes the process model only: the frame stays sandboxed
(opaque origin) under the same CSP.
"""

# ruff: noqa: S603 - fixed argv of local tools; URLs are always loopback

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serving import (  # noqa: E402
    PROXY_HEADERS,
    PYTHON,
    ROOT,
    BenchError,
    build_env,
    free_port,
    log,
)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync",
                 # one process for page and frame, so the page's throttling covers the frame
                 "--disable-site-isolation-trials",
                 "--disable-features=IsolateOrigins,site-per-process,IsolateSandboxedIframes"]
NETWORK = {"offline": False, "latency": 400, "downloadThroughput": 50_000,
           "uploadThroughput": 50_000}
CPU_RATE = 4
LEARNER = "hocsinh"
CACHE_URL = "rediscache://127.0.0.1:6379/4"


def manage(env: dict, checkout: Path, *args: str) -> str:
    log(f"manage.py {' '.join(args)} ({checkout})")
    proc = subprocess.run([str(PYTHON), "manage.py", *args], cwd=checkout, env=env,
                          capture_output=True, text=True, timeout=1800)
    if proc.returncode:
        raise BenchError(f"manage.py {args[0]} failed:\n{proc.stdout[-2000:]}\n"
                         f"{proc.stderr[-2000:]}")
    return proc.stdout


def lesson_path(env: dict, checkout: Path) -> str:
    code = ("from courses.models import LessonPage\n"
            "for p in LessonPage.objects.live():\n"
            "    if any(b.block_type == 'h5p' for b in p.body):\n"
            "        print(p.url); break\n")
    out = manage(env, checkout, "shell", "-c", code).strip().splitlines()
    if not out:
        raise BenchError("the demo has no lesson with an H5P block")
    return out[-1]


def start_server(env: dict, checkout: Path, port: int, logfile: Path) -> subprocess.Popen:
    gunicorn = Path(PYTHON).parent / "gunicorn"
    cmd = [str(gunicorn), "lms.wsgi:application", "-w", "2", "-b", f"127.0.0.1:{port}",
           "--timeout", "60", "--log-level", "warning"]
    proc = subprocess.Popen(cmd, cwd=checkout, env=env, stdout=logfile.open("wb"),
                            stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise BenchError(f"gunicorn exited:\n{logfile.read_text()[-2000:]}")
        try:
            req = urllib.request.Request(f"http://127.0.0.1:{port}/", headers=PROXY_HEADERS)
            with urllib.request.urlopen(req, timeout=2) as r:  # noqa: S310
                if r.status == 200:
                    return proc
        except OSError:
            pass
        time.sleep(0.5)
    raise BenchError("gunicorn did not answer")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


def one_run(browser, base: str, lesson: str, password: str) -> dict:
    # No proxy header from the browser: an extra header would turn the player's cross-origin
    # fetches into preflighted requests. Plain http with the SSL redirect off instead.
    context = browser.new_context(locale="vi-VN", viewport={"width": 412, "height": 915})
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(f"{base}/tai-khoan/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill(LEARNER)
        page.get_by_label("Mật khẩu").fill(password)
        with page.expect_navigation():
            page.locator("main").get_by_role("button", name="Đăng nhập").click()
        frame_requests: list = []
        page_requests: list = []  # the lesson page's own (for the timeline)
        # The player frame's document and everything it loads.
        page.on("requestfinished", lambda r: (
            frame_requests if r.frame != page.main_frame else page_requests).append(r))
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", NETWORK)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_RATE})
        console: list[str] = []
        page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
        page.on("requestfailed", lambda r: console.append(f"failed: {r.url} {r.failure}"))
        start, start_epoch_ms = time.monotonic(), time.time() * 1000
        page.goto(f"{base}{lesson}", wait_until="commit")
        frame = page.frame_locator(".h5p-activity iframe.h5p-frame")
        button = frame.locator("button").first
        try:
            button.wait_for(state="visible", timeout=90_000)
        except Exception:
            shot = Path(tempfile.gettempdir()) / "h5p_slow_failure.png"
            page.screenshot(path=str(shot), full_page=True)
            log(f"no button in the player: {page.url}, screenshot {shot}\n" + "\n".join(console))
            raise
        deadline = time.monotonic() + 60
        while not button.is_enabled() and time.monotonic() < deadline:
            time.sleep(0.02)
        usable = time.monotonic() - start
        paint = page.evaluate(
            "() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime")
        page.wait_for_timeout(500)
        def size(r) -> int:
            try:
                return r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]
            except Exception:  # noqa: BLE001 - a request without sizes counts as 0
                return 0
        sizes = [size(r) for r in frame_requests]
        # When each of the frame's requests started, connected and ended (s from navigation):
        # the round trips on the critical path.
        timeline = []
        for r, n_bytes in [*zip(frame_requests, sizes, strict=True),
                        *((r, size(r)) for r in page_requests)]:
            t = r.timing
            at = (t["startTime"] - start_epoch_ms) / 1000
            timeline.append((at, at + max(t["connectEnd"], 0) / 1000 if t["connectStart"] >= 0
                             else None, at + t["responseEnd"] / 1000, n_bytes,
                             [("frame " if r.frame != page.main_frame else "page ")
                              + r.url.split("?")[0].rsplit("/", 2)[-2]]
                             + r.url.split("?")[0].rsplit("/", 2)[-1:]))
        return {"usable_s": usable, "fcp_s": (paint or 0) / 1000, "timeline": sorted(timeline),
                "h5p_requests": len(frame_requests), "h5p_bytes": sum(sizes)}
    finally:
        context.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--checkout", type=Path, default=ROOT, help="the code to serve")
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--dir", type=Path, help="work in this directory and keep it; its database "
                    "and media are reused when a run already set them up")
    ap.add_argument("--setup-only", action="store_true")
    ap.add_argument("--wait-pid", type=int, action="append", default=[],
                    help="set up, then wait for this process (e.g. another run) to end "
                         "before measuring: both use Redis database 4")
    ap.add_argument("--timeline", action="store_true",
                    help="print when each of the frame's requests started and ended")
    ap.add_argument("--port", type=int, help="serve on this port (default: a free one)")
    args = ap.parse_args()
    checkout = args.checkout.resolve()
    if args.dir:
        args.dir.mkdir(parents=True, exist_ok=True)
        args.keep = True
    tmp = args.dir.resolve() if args.dir else Path(tempfile.mkdtemp(prefix="hocmo-h5p-slow-"))
    ready = tmp / "ready"
    port_file = tmp / "port"  # the demo was loaded for this site origin: keep it on reuse
    port = (int(port_file.read_text()) if port_file.exists() else args.port or free_port())
    port_file.write_text(str(port))
    env = build_env(tmp, production=True)
    env.update({"DJANGO_CACHE_URL": os.environ.get("DJANGO_CACHE_URL", CACHE_URL),
                "DJANGO_BASE_URL": f"http://127.0.0.1:{port}",
                "HOCMO_SITE_ORIGIN": f"http://127.0.0.1:{port}",
                "HOCMO_CONTENT_ORIGIN": f"http://localhost:{port}",
                "DJANGO_SECURE_SSL_REDIRECT": "false",
                # the browser speaks http to 127.0.0.1 while the proxy header says https
                "DJANGO_CSRF_TRUSTED_ORIGINS": f"http://127.0.0.1:{port}"})
    setup = {**env, "DJANGO_SETTINGS_MODULE": "lms.settings.dev"}
    server = None
    try:
        if not ready.exists():
            manage(setup, checkout, "migrate", "--noinput")
            manage(setup, checkout, "load_demo")
            manage(setup, checkout, "collectstatic", "--noinput", "-v", "0")
            ready.write_text("migrate, load_demo, collectstatic done\n")
        if args.setup_only:
            return 0
        lesson = lesson_path(setup, checkout)
        password = manage(setup, checkout, "shell", "-c",
                          "from django.conf import settings; "
                          "print(settings.HOCMO_DEMO_PASSWORD)").strip().splitlines()[-1]
        for pid in args.wait_pid:
            log(f"waiting for process {pid} to end")
            while Path(f"/proc/{pid}").exists():
                time.sleep(2)
        manage(env, checkout, "shell", "-c", "from django.core.cache import cache; cache.clear()")
        server = start_server(env, checkout, port, tmp / "gunicorn.log")
        base = f"http://127.0.0.1:{port}"
        log(f"serving {checkout} on {base}, content origin http://localhost:{port}; "
            f"lesson {lesson}; load {os.getloadavg()[0]:.1f}")
        from playwright.sync_api import sync_playwright

        results = []
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                one_run(browser, base, lesson, password)  # warm the server (not counted)
                for n in range(args.runs):
                    result = one_run(browser, base, lesson, password)
                    results.append(result)
                    log(f"run {n + 1}: first paint {result['fcp_s']:.2f} s, exercise usable "
                        f"{result['usable_s']:.2f} s, {result['h5p_requests']} H5P requests, "
                        f"{result['h5p_bytes']:,} bytes")
                    if args.timeline:
                        for at, connected, end, size, name in result["timeline"]:
                            log(f"  {at:5.2f} → {end:5.2f} s "
                                f"{'new connection ' if connected else ''}{size:7,} B "
                                f"{'/'.join(name)[-60:]}")
            finally:
                browser.close()
        print(f"\n{checkout}: load {os.getloadavg()[0]:.1f}")
        print("| run | first paint | exercise usable | H5P requests | H5P bytes |")
        print("|---|---:|---:|---:|---:|")
        for n, r in enumerate(results, 1):
            print(f"| {n} | {r['fcp_s']:.2f} s | {r['usable_s']:.2f} s | {r['h5p_requests']} | "
                  f"{r['h5p_bytes']:,} |")
        return 0
    finally:
        if server is not None:
            stop_server(server)
        if args.keep:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
