"""Root pytest configuration: shared fixtures for every app's tests."""

import os

import pytest
from django.conf import settings
from django.core.cache import caches
from django.utils import translation

from lms.pagecache.versioning import forget_worker_version, versioned_local_clear

# Playwright's sync API runs an event loop in the test thread; the ORM calls the browser tests
# make between page actions are still ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _fresh_caches():
    # Rolled-back tests reuse version numbers: no entry of an earlier test may answer.
    # Each test starts in the site's language: a request of an earlier test in English leaves
    # English active in this thread, and strings rendered outside a request would follow it.
    translation.activate(settings.LANGUAGE_CODE)
    for alias in ("default", "local"):
        caches[alias].clear()
    forget_worker_version()
    versioned_local_clear()
    yield
    for alias in ("default", "local"):
        caches[alias].clear()
    forget_worker_version()
    versioned_local_clear()


@pytest.fixture(autouse=True, scope="session")
def _celery_worker_idle_before_flush():
    """With .ci/run's real worker, a transactional test's flush (TRUNCATE) must not race a task
    the test started: the worker may still be writing (a certificate's PDF, a notification)
    after the test saw what it waited for, and the two deadlock. So the flush first waits for
    the worker to be idle. (TestCase overrides this method: rolled-back tests are untouched.)"""
    if not os.environ.get("HOCMO_REQUIRE_CELERY_WORKER"):
        yield
        return
    from django.test import TransactionTestCase

    from tests.concurrency import celery_worker_idle

    flush = TransactionTestCase._fixture_teardown

    def flush_when_worker_idle(self):
        assert celery_worker_idle(), "the Celery worker stayed busy for 2 minutes after the test"
        flush(self)

    TransactionTestCase._fixture_teardown = flush_when_worker_idle
    yield
    TransactionTestCase._fixture_teardown = flush


@pytest.fixture
def school_tree(db):
    """Sở → Phòng → two schools, each with one class."""
    from tests.factories import UnitFactory, UnitKindFactory, class_unit

    so = UnitFactory(name="Sở GD&ĐT Hải Phòng", kind=UnitKindFactory(code="province_department"))
    phong = UnitFactory(parent=so, name="Phòng GD&ĐT Thủy Nguyên",
                        kind=UnitKindFactory(code="district_office"))
    school_a = UnitFactory(parent=phong, name="Trường THCS A",
                           kind=UnitKindFactory(code="school", is_school=True))
    school_b = UnitFactory(parent=so, name="Trường THPT B",
                           kind=UnitKindFactory(code="school", is_school=True))
    class_a = class_unit(school_a, "Lớp 9A")
    class_b = class_unit(school_b, "Lớp 12A1")
    return {"so": so, "phong": phong, "school_a": school_a, "school_b": school_b,
            "class_a": class_a, "class_b": class_b}


@pytest.fixture
def celery_in_process():
    """Runs Celery tasks in this process even when .ci/run points Celery at a real worker: for
    tests whose task reads settings or test servers that only this process has."""
    from lms.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def emptied_for_serialized_rollback(django_db_blocker):
    """Request it *before* `django_db_serialized_rollback`: a transactional test without
    serialized rollback flushes the database when it ends, and post_migrate puts the content
    types and permissions back; Django's serialized rollback then inserts them a second time
    and fails on their unique constraints. Emptying every table first gives it what it expects
    (the state a serialized test leaves), whatever test ran before."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)


# --- What the browser tests measured, in the terminal summary (also under pytest-xdist) -------
# tests/browser/conftest.py collects minor axe findings and page sizes in its module lists; with
# xdist each worker sends its own to the controller, which loads no test conftest and prints them.
_GATHERED: dict = {"axe": [], "bytes": {}}


def _browser_measures() -> tuple[list, dict]:
    import sys

    browser = sys.modules.get("tests.browser.conftest")
    if browser is None:
        return [], {}
    return browser.MINOR_AXE_VIOLATIONS, browser.MEASURED_BYTES


def pytest_sessionfinish(session):
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        axe, sizes = _browser_measures()
        workeroutput["hocmo_axe_minor"] = list(axe)
        workeroutput["hocmo_bytes"] = dict(sizes)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    output = getattr(node, "workeroutput", {}) or {}
    _GATHERED["axe"].extend(output.get("hocmo_axe_minor", []))
    _GATHERED["bytes"].update(output.get("hocmo_bytes", {}))


def pytest_terminal_summary(terminalreporter):
    axe, sizes = _browser_measures()
    axe = [*axe, *_GATHERED["axe"]]
    sizes = {**sizes, **_GATHERED["bytes"]}
    if axe:
        terminalreporter.section("axe-core moderate/minor findings (not failing)")
        for line in axe:
            terminalreporter.write_line(line)
    if sizes:
        terminalreporter.section("bytes transferred per page (first visit, HTTP cache disabled)")
        width = max(len(name) for name in sizes)
        for name, size in sizes.items():
            terminalreporter.write_line(f"{name:<{width}}  {size:>8} B  ({size / 1024:.1f} KB)")
