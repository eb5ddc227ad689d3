"""Issue 19, "What done looks like": every link the site shows leads somewhere, for every demo
role, in Vietnamese and in English. The demo (`manage.py load_demo`) is loaded once for the
module; each role's crawl (tests/demo/crawl.py) starts at the site's home and at the role's own
home (where signing in lands), follows same-site links breadth-first and fails listing
page → link → status for any 4xx/5xx a shown link reached.

Set HOCMO_CRAWL_WIDE=1 for a wider crawl (more addresses per URL pattern)."""

from __future__ import annotations

import os

import pytest
from django.conf import settings
from django.test import Client

from tests.browser.demo_snapshot import demo_data_load

from .crawl import crawl, report

# The demo accounts (README, `make run`): anonymous, then one or more of every role.
ROLES = [
    None,               # anonymous
    "hocsinh",          # learner (class 12A1)
    "phuhuynh",         # parent
    "giaovien",         # teacher (THPT Ngô Quyền)
    "giaovien.gdtx",    # teacher, club adviser
    "hieutruong",       # school admin (head)
    "canbo.bo",         # ministry officer
    "canbo.so",         # province officer (Hải Phòng)
    "canbo.phong",      # district officer
    "canbo.dongnai",    # province officer (2025 shape; recognition, plans)
    "ntd.dien",         # employer (approved)
    "ntd.choduyet",     # employer awaiting approval
    "giamkhao.so",      # contest judge
    "0912000102",       # adult learner of a community learning centre
    "admin",            # platform admin (superuser)
]
WIDE = bool(os.environ.get("HOCMO_CRAWL_WIDE"))


@pytest.fixture
def demo(emptied_for_serialized_rollback, django_db_serialized_rollback, transactional_db):
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    # The tables were emptied and refilled (emptied_for_serialized_rollback): the content type
    # ids this process cached after an earlier flush may now name other models.
    ContentType.objects.clear_cache()
    demo_data_load(connection)


def _client(username: str | None, language: str) -> Client:
    from lms.accounts.models import User

    client = Client(raise_request_exception=False)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    if username:
        client.force_login(User.objects.get(username=username))
    return client


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_link_shown_leads_somewhere(demo, language):
    # English opens each URL pattern once: the links are the language's twins, the words differ
    # (a page that fails only in English fails here).
    per_pattern = (3 if WIDE else 2) if language == "vi" else 1
    failures, opened = [], 0
    for username in ROLES:
        result = crawl(_client(username, language), ["/"] + (
            ["/tai-khoan/"] if username else ["/tai-khoan/dang-nhap/"]), per_pattern=per_pattern)
        opened += result.visited
        assert result.visited > 5, report(f"{username or 'anonymous'} [{language}]", result)
        if result.broken:
            failures.append(report(f"{username or 'anonymous'} [{language}]", result))
    assert not failures, f"{opened} pages opened; links that lead nowhere:\n" + "\n".join(
        failures)
