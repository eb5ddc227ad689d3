"""The settings modules (issue 17 item 4): one beat schedule naming registered tasks, one task
naming rule, env names by the rule with the older names still read."""

import importlib
import sys

import pytest
from django.conf import settings

from lms.celery import app


def test_every_scheduled_task_is_registered_by_its_explicit_name():
    app.loader.import_default_modules()
    for entry, spec in settings.CELERY_BEAT_SCHEDULE.items():
        assert spec["task"] in app.tasks, entry


def test_every_project_task_is_named_app_label_dot_action():
    """`reports.snapshots_take` for snapshots_take_task: the function's name, without the `_task`
    suffix or the app's prefix."""
    app.loader.import_default_modules()
    ours = [task for name, task in app.tasks.items() if not name.startswith("celery.")]
    assert len(ours) > 20
    for task in ours:
        label, _, action = task.name.partition(".")
        assert task.run.__module__.split(".")[-2] == label or label in task.run.__module__, task.name
        assert task.run.__name__.removesuffix("_task").endswith(action), task.name


def _features(monkeypatch, **environ):
    for key, value in environ.items():
        monkeypatch.setenv(key, value)
    sys.modules.pop("lms.settings.features", None)
    try:
        return importlib.import_module("lms.settings.features")
    finally:
        sys.modules.pop("lms.settings.features", None)


@pytest.mark.parametrize("name", ["HOCMO_NOTIFICATIONS_LEASE_SECONDS", "NOTIFICATIONS_LEASE_SECONDS"])
def test_notifications_env_new_name_and_the_older_one(monkeypatch, name):
    monkeypatch.delenv("HOCMO_NOTIFICATIONS_LEASE_SECONDS", raising=False)
    monkeypatch.delenv("NOTIFICATIONS_LEASE_SECONDS", raising=False)
    assert _features(monkeypatch, **{name: "7"}).NOTIFICATIONS_LEASE_SECONDS == 7


def test_the_new_env_name_wins_over_the_older_one(monkeypatch):
    features = _features(monkeypatch, HOCMO_NOTIFICATIONS_SMS_ADAPTER="http",
                         NOTIFICATIONS_SMS_ADAPTER="file")
    assert features.NOTIFICATIONS_ADAPTERS["sms"].endswith("HttpAdapter")


def test_no_settings_module_over_400_lines():
    from pathlib import Path

    for path in Path(settings.BASE_DIR, "lms", "settings").glob("*.py"):
        assert len(path.read_text().splitlines()) <= 400, path


def test_app_code_reads_settings_without_a_second_default():
    """A setting's default lives in lms/settings only: `getattr(settings, "X", default)` in app
    code for a defined X would be a second default that can drift."""
    import re
    from pathlib import Path

    pattern = re.compile(r"getattr\(settings,\s*\"([A-Z0-9_]+)\"")
    offenders = []
    for top in ("lms", "courses", "library", "search"):
        for path in Path(settings.BASE_DIR, top).rglob("*.py"):
            if "settings" in path.parts or "migrations" in path.parts:
                continue
            for name in pattern.findall(path.read_text(encoding="utf-8")):
                if hasattr(settings, name) and name.startswith(
                        ("HOCMO_", "NOTIFICATIONS_", "H5P_", "XAPI_", "REPORTS_", "CERTIFICATE_")):
                    offenders.append(f"{path.relative_to(settings.BASE_DIR)}: {name}")
    assert not offenders, offenders
