"""Issue 18: a worker reads the content version at most once per HOCMO_CONTENT_VERSION_MAX_AGE
outside transactions (a page request then pays no query for it); a publish on this worker is
seen at once; a version read inside a transaction (maybe an uncommitted bump) is never shared."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.pagecache.services import content_version_bump
from lms.pagecache.versioning import content_version, forget_request_version, forget_worker_version

pytestmark = pytest.mark.django_db(transaction=True)


def _reads() -> tuple[int, int]:
    forget_request_version()  # a new request
    with CaptureQueriesContext(connection) as ctx:
        version = content_version()
    return version, len(ctx.captured_queries)


def test_a_worker_reads_the_version_once_a_second(settings):
    settings.HOCMO_CONTENT_VERSION_MAX_AGE = 60
    forget_worker_version()
    first, queries = _reads()
    assert queries == 1
    assert _reads() == (first, 0)  # the next request: no query
    content_version_bump()  # a publish on this worker: seen by its next request
    bumped, queries = _reads()
    # a new version (first + 1, or 2 when a flushed database had no version row yet)
    assert bumped > first and queries == 1


def test_max_age_zero_reads_every_request(settings):
    settings.HOCMO_CONTENT_VERSION_MAX_AGE = 0
    forget_worker_version()
    assert _reads()[1] == 1
    assert _reads()[1] == 1


def test_a_version_read_inside_a_transaction_is_not_shared(settings):
    from django.db import transaction

    settings.HOCMO_CONTENT_VERSION_MAX_AGE = 60
    forget_worker_version()
    with transaction.atomic():
        content_version_bump()
        forget_request_version()
        content_version()  # the uncommitted bump
        transaction.set_rollback(True)
    assert _reads()[1] == 1  # read again, not taken from the rolled-back transaction


def test_versioned_entries_answer_from_the_worker_and_stay_bounded(monkeypatch):
    from django.core.cache import cache

    from lms.pagecache import versioning

    versioning.versioned_set("route:7:x", 42, 60)
    cache.clear()  # the shared cache lost it: this worker still answers
    assert versioning.versioned_get("route:7:x") == 42
    monkeypatch.setattr(versioning, "LOCAL_MAX_ENTRIES", 3)
    for n in range(5):
        versioning.versioned_set(f"route:7:{n}", n, 60)
    assert len(versioning._local) == 3
    cache.clear()
    assert versioning.versioned_get("route:7:0") is None  # the oldest were dropped
    assert versioning.versioned_get("route:7:4") == 4
