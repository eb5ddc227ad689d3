"""Production: PostgreSQL, Redis cache and broker, a Celery worker and beat. All from env vars."""

from .base import *  # noqa: F403
from .base import LOCAL_CACHE, env

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")  # no default: refuse to start without a real secret
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
CACHES = {"default": env.cache("DJANGO_CACHE_URL", default="rediscache://127.0.0.1:6379/1"),
          "local": LOCAL_CACHE}
CELERY_TASK_ALWAYS_EAGER = False
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 30)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
LANGUAGE_COOKIE_SECURE = True
