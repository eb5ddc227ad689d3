"""Celery app. Eager in the embedded default; a real broker when CELERY_BROKER_URL is set.

Imported by the tasks modules (`from lms.celery import shared_task`), by `celery -A lms` and by
`lms.celery_app`, not by loading the project: a web worker that sends no task never imports
Celery (≈ 9 MiB a worker, issue 18). The tasks modules are imported where a task is sent, so
this app is the current one before any task is declared or sent."""

import os

from celery import Celery, shared_task
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

__all__ = ("app", "shared_task")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def beat_schedule(entries: dict) -> dict:
    """CELERY_BEAT_SCHEDULE with each dict of crontab fields made a crontab (the settings
    describe it without importing Celery); seconds and schedule objects are kept."""
    return {name: {**entry, "schedule": crontab(**entry["schedule"])}
            if isinstance(entry.get("schedule"), dict) else entry
            for name, entry in entries.items()}


@app.on_after_configure.connect
def _crontabs(sender, **kwargs):
    sender.conf.beat_schedule = beat_schedule(sender.conf.beat_schedule)
