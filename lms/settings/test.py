from .base import *  # noqa: F403
from .base import BASE_DIR, env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = env("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / ".test-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The package content origin is its own host (lms.content_origin); the test client's site is
# http://testserver.
HOCMO_SITE_ORIGIN = "http://testserver"
HOCMO_CONTENT_ORIGIN = "http://noidung.testserver"
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "noidung.testserver"]  # noqa: F405
