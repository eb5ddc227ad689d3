from lms.common import lazy_modules

lazy_modules.install()  # before any app's models import (worker memory, issue 18)

__all__ = ("celery_app",)


def __getattr__(name: str):
    """`lms.celery_app` on first use: loading the project does not import Celery (issue 18);
    the tasks modules import lms.celery themselves."""
    if name == "celery_app":
        from .celery import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
