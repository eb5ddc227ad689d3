"""The environment every settings module reads, and the rule its variables are named by.

Env naming rule (docs/architecture.md "Settings"):
- `DJANGO_<SETTING>` for Django's own settings and the site-wide deployment values
  (`DJANGO_SECRET_KEY`, `DJANGO_ALLOWED_HOSTS`, `DJANGO_BASE_URL`, `DJANGO_CACHE_URL`, ...);
- a library's documented names for that library (`DATABASE_URL`, `CELERY_*`, `EMAIL_*`,
  `DEFAULT_FROM_EMAIL`);
- `HOCMO_<NAME>` for everything of the project's own, e.g. `HOCMO_NOTIFICATIONS_SMS_ADAPTER`.
Names from before the rule keep working through `renamed()`.
"""

import os
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

# The site's address, read by several modules (Wagtail admin links, notification links, xAPI
# agents, the CSP site origin).
site_base_url: str = env("DJANGO_BASE_URL", default="http://127.0.0.1:8000")
time_zone = "Asia/Ho_Chi_Minh"  # Django's and Celery's, one value


def renamed(name: str, old: str) -> str:
    """The env var to read for `name`: `old` when a deployment still sets only the old name."""
    return old if name not in os.environ and old in os.environ else name
