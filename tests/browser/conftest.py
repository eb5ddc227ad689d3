"""Browser-test fixtures: Debian chromium driven by Playwright, axe-core checks and byte budgets.

The browser is the system's /usr/bin/chromium (Playwright never downloads its own browser here). Tests
here run against pytest-django's `live_server` (requests and the test thread take turns on a shared
SQLite connection: shared_connection.py), with the demo data loaded once and copied back for each test (demo_snapshot.py).
"""

from __future__ import annotations

import os
from pathlib import Path
from unittest import mock

import pytest

from .demo_snapshot import demo_data_load
from .shared_connection import TurnTakingLiveServerThread, test_thread_turns

REPO_ROOT = Path(__file__).resolve().parents[2]
AXE_PATH = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_PATH = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BLOCKING_IMPACTS = ("serious", "critical")
LEARNER_PAGE_BUDGET_BYTES = 150 * 1024


# --- Browser -------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser(_serialized_db_contents):
    if not CHROMIUM_PATH.exists():
        pytest.skip(f"Browser tests need Debian chromium at {CHROMIUM_PATH} "
                    "(install it with `make browser`; Playwright must not download its own).")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is a dev dependency
        pytest.skip("Browser tests need the `playwright` Python package (pip install -e '.[dev]').")
    playwright = sync_playwright().start()
    try:  # chromium present but failing to start is an error, not a skip
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM_PATH),
                                             args=CHROMIUM_ARGS)
    except BaseException:
        playwright.stop()
        raise
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 800})
    ctx.set_default_timeout(15_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    yield page
    page.close()


# --- Server and data ----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def _serialized_db_contents(django_db_setup, django_db_blocker):
    """What migrations put in the test database (Wagtail's root page, root collection, locale),
    as Django serialized it for `serialized_rollback`, captured before Playwright starts.

    Playwright's sync API switches greenlets, and Django's per-context connection handler can
    then hand the test a fresh DatabaseWrapper without `_test_serialized_contents`; the flush
    after a transactional test would then leave the next one with no Wagtail root page."""
    from django.db import connections

    with django_db_blocker.unblock():
        return {alias: connections[alias]._test_serialized_contents
                for alias in connections
                if hasattr(connections[alias], "_test_serialized_contents")}


@pytest.fixture
def _restore_serialized_contents(_serialized_db_contents):
    from django.db import connections

    for alias, contents in _serialized_db_contents.items():
        if not hasattr(connections[alias], "_test_serialized_contents"):
            connections[alias]._test_serialized_contents = contents


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server (same address option), whose requests and the test thread take
    turns when they share the in-memory SQLite connection (see shared_connection.py)."""
    from pytest_django.live_server_helper import LiveServer

    addr = (request.config.getvalue("liveserver")
            or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost")
    with mock.patch("django.test.testcases.LiveServerThread", TurnTakingLiveServerThread):
        server = LiveServer(addr)
    # Package content comes from a host of its own (lms.content_origin): the same server
    # under the other loopback name, so the browser shares no cookie between the two.
    from django.test.utils import override_settings

    content = (server.url.replace("localhost", "127.0.0.1") if "localhost" in server.url
               else server.url.replace("127.0.0.1", "localhost"))
    origins = override_settings(HOCMO_SITE_ORIGIN=server.url, HOCMO_CONTENT_ORIGIN=content)
    origins.enable()
    try:
        if server.thread.connections_override:
            with test_thread_turns():
                yield server
        else:
            yield server
    finally:
        origins.disable()
        server.stop()


@pytest.fixture
def demo_server(_restore_serialized_contents, django_db_serialized_rollback, transactional_db,
                live_server):
    """The live server with `manage.py load_demo` data. Transactional tests flush the database
    afterwards; serialized rollback restores what migrations created, which load_demo needs."""
    from django.db import connection

    demo_data_load(connection)
    return live_server


# Moderate/minor axe findings (not failures), shown in pytest's terminal summary.
MINOR_AXE_VIOLATIONS: list[str] = []


# --- axe-core -----------------------------------------------------------------------------------


def axe_check(page, *, label: str | None = None) -> list[dict]:
    """Runs axe-core on the current page and fails listing every serious or critical violation.
    Returns all violations (any impact) so callers may report minor ones."""
    if not AXE_PATH.exists():
        pytest.fail(f"axe-core not found at {AXE_PATH}: run `make assets` (npm ci).")
    # Evaluated through the DevTools protocol, not added as an inline <script>: the page's
    # Content-Security-Policy (rightly) refuses inline scripts without its nonce.
    page.evaluate(AXE_PATH.read_text(encoding="utf-8") + "\n;void 0")
    result = page.evaluate("async () => await axe.run(document)")
    violations = result.get("violations", [])
    for v in violations:
        if v.get("impact") not in BLOCKING_IMPACTS:
            targets = ", ".join(str(n.get("target")) for n in v.get("nodes", []))
            MINOR_AXE_VIOLATIONS.append(f"{label or page.url}: [{v.get('impact')}] {v['id']} "
                                        f"({v['help']}) at {targets}")
    blocking = [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]
    if blocking:
        lines = [f"axe: {len(blocking)} serious/critical violation(s) on "
                 f"{label or page.url}:"]
        for v in blocking:
            lines.append(f"- [{v['impact']}] {v['id']}: {v['help']} ({v.get('helpUrl', '')})")
            for node in v.get("nodes", []):
                lines.append(f"    target={node.get('target')} html={node.get('html', '')[:200]}")
        pytest.fail("\n".join(lines), pytrace=False)
    return violations


@pytest.fixture
def axe():
    return axe_check


# --- Bytes transferred --------------------------------------------------------------------------


class TransferMeter:
    """Counts bytes on the wire (response headers + encoded body) for every request the page
    makes, as Chromium reports them through Playwright's `request.sizes()`."""

    def __init__(self, page):
        self.page = page
        self._requests: list = []
        page.on("requestfinished", self._on_request_finished)

    def _on_request_finished(self, request) -> None:
        self._requests.append(request)

    def reset(self) -> None:
        self._requests.clear()

    def total(self) -> tuple[int, list[tuple[str, int]]]:
        rows = []
        for request in list(self._requests):
            sizes = request.sizes()
            rows.append((request.url,
                         sizes.get("responseBodySize", 0) + sizes.get("responseHeadersSize", 0)))
        return sum(size for _, size in rows), rows

    def measure(self, url: str, **goto_kwargs) -> tuple[int, list[tuple[str, int]]]:
        """Loads `url` with the HTTP cache bypassed (a first visit: the worst case) and returns
        (total bytes, [(url, bytes), ...])."""
        cdp = self.page.context.new_cdp_session(self.page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        # A first visit has no service worker either. Answered by the offline worker
        # (lms/offline), a response reports its headers but no body: pages "weighed" 751 B.
        cdp.send("Network.setBypassServiceWorker", {"bypass": True})
        try:
            self.reset()
            response = self.page.goto(url, wait_until="load", **goto_kwargs)
            self.page.wait_for_load_state("networkidle")
            body = response.request.sizes().get("responseBodySize", 0) if response else 0
            assert body > 0, f"{url}: no body bytes measured for the document"
            return self.total()
        finally:
            cdp.send("Network.setBypassServiceWorker", {"bypass": False})
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})
            cdp.detach()


@pytest.fixture
def transfer_meter(page):
    return TransferMeter(page)


# Page sizes measured during the run, shown in pytest's terminal summary.
MEASURED_BYTES: dict[str, int] = {}


@pytest.fixture
def byte_budget(transfer_meter):
    """`byte_budget(name, url)` loads `url` cold, records its size and asserts it is within the
    learner-page budget (150 KB); returns the byte count."""

    def check(name: str, url: str, budget: int = LEARNER_PAGE_BUDGET_BYTES) -> int:
        total, rows = transfer_meter.measure(url)
        MEASURED_BYTES[name] = total
        detail = "\n".join(f"    {size:>8} B  {row_url}" for row_url, size in rows)
        assert total > 0, f"No bytes measured for {name} ({url})"
        assert total <= budget, (f"{name} ({url}) transferred {total} B > budget {budget} B:\n"
                                 f"{detail}")
        return total

    return check


def log_in(page, base: str, username: str, next_url: str = "", password: str | None = None):
    """Signs in through the real login form (demo password unless given) and waits for the
    redirect; `next_url` is where the form sends the user afterwards."""
    from django.conf import settings

    page.goto(f"{base}/tai-khoan/dang-nhap/" + (f"?next={next_url}" if next_url else ""))
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password or settings.HOCMO_DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Đăng nhập").click()
