"""Settings of the second HọcMở (the LTI tool) that tests/browser/test_browser_lti.py starts as
a subprocess: its own SQLite file, tables made without migrations (fast), its own cookie
names (both sites are on `localhost`, and cookies ignore ports), Celery eager, its own cache."""

import os

from lms.settings.test import *  # noqa: F403


class _NoMigrations(dict):
    def __contains__(self, item):
        return True

    def __getitem__(self, item):
        return None


DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3",
                         "NAME": os.environ["HOCMO_LTI_SECOND_DB"]}}
MIGRATION_MODULES = _NoMigrations()
HOCMO_SITE_ORIGIN = os.environ["HOCMO_LTI_SECOND_ORIGIN"]
SESSION_COOKIE_NAME = "tool_sessionid"
CSRF_COOKIE_NAME = "tool_csrftoken"
CELERY_BROKER_URL = "memory://"
CELERY_TASK_ALWAYS_EAGER = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                      "LOCATION": "lti-second"},
          "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                    "LOCATION": "lti-second-local"}}
