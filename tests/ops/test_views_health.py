"""/healthz and /readyz: answered before sessions and the page cache, never cached, and a
backend that cannot be reached is named in a 503."""

import copy
import json

import pytest
from django.db import connections
from django.test import override_settings
from django.urls import reverse


def test_healthz_alive_without_database(client):
    # No django_db mark: any database access here would raise.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies  # no session, no language cookie, no CSRF cookie
    assert reverse("ops:healthz") == "/healthz"


def test_healthz_answers_any_host_and_no_redirect(client):
    # A load balancer probes by address: not in ALLOWED_HOSTS, plain HTTP.
    response = client.get("/healthz", HTTP_HOST="10.1.2.3:8000")
    assert response.status_code == 200


@pytest.mark.django_db
def test_readyz_names_each_check(client):
    response = client.get("/readyz")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"] == "ok"
    assert body["checks"]["broker"] in ("ok", "in-process")
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_unreachable_cache_is_503_naming_it(client):
    broken = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": "redis://127.0.0.1:1/0",
                          "OPTIONS": {"socket_connect_timeout": 0.5}},
              "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with override_settings(CACHES=broken):
        response = client.get("/readyz")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["failed"] == ["cache"]
    assert body["checks"]["cache"].startswith("failed: ")
    assert body["checks"]["database"] == "ok"


@pytest.mark.django_db
def test_readyz_unreachable_database_is_503_naming_it(client, settings, monkeypatch, tmp_path):
    broken = copy.deepcopy(connections.settings["default"])
    broken["ENGINE"] = "django.db.backends.sqlite3"
    broken["NAME"] = str(tmp_path / "no-such-dir" / "db.sqlite3")  # cannot be opened
    broken["OPTIONS"] = {}
    monkeypatch.setitem(connections.settings, "replica", broken)
    monkeypatch.setitem(settings.DATABASES, "replica", broken)
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["failed"] == ["database:replica"]
    assert body["checks"]["database"] == "ok"


@pytest.mark.django_db
def test_readyz_unreachable_broker_is_503_naming_it(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    settings.HOCMO_READYZ_TIMEOUT = 1.0
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["broker"]
