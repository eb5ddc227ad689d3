import os

# pytest-xdist (`make test` and .ci/run run the suite on two processes): each process has its own
# broker, result backend and cache where .ci/run names one per worker (`CELERY_BROKER_URL_GW0`…),
# so one process clearing its cache or waiting for its Celery worker never touches the other's.
# Read before base settings, which build CACHES and the Celery block from these variables.
_XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
_PER_WORKER = (
    "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "DJANGO_CACHE_URL", "DJANGO_MEDIA_ROOT",
)
for _name in _PER_WORKER:
    _own = os.environ.get(f"{_name}_{_XDIST_WORKER.upper()}") if _XDIST_WORKER else None
    if _own:
        os.environ[_name] = _own

from .base import *  # noqa: E402, F403
from .base import BASE_DIR, env  # noqa: E402

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = env("DJANGO_MEDIA_ROOT",
                 default=str(BASE_DIR / ".test-media" / (_XDIST_WORKER or "main")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The package content origin is its own host (lms.content_origin); the test client's site is
# http://testserver.
HOCMO_SITE_ORIGIN = "http://testserver"
HOCMO_CONTENT_ORIGIN = "http://noidung.testserver"
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "noidung.testserver"]  # noqa: F405
