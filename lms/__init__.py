from lms.common import lazy_modules

lazy_modules.install()  # before any app's models import (worker memory, issue 18)

from .celery import app as celery_app  # noqa: E402

__all__ = ("celery_app",)
