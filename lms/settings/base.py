"""Settings shared by every environment. Values that differ per deployment come from env vars."""

from pathlib import Path
from typing import Any

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

SECRET_KEY = env("DJANGO_SECRET_KEY", default="dev-only-not-secret")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "lms.units",
    "lms.accounts",
    "lms.pagecache.apps.PageCacheConfig",
    "lms.demo",
    "lms.xapi",
    "lms.reports",
    "lms.notifications",
    "lms.families",
    "lms.api",
    "lms.roster",
    "lms.clubs",
    "lms.contests",
    "lms.careers",
    "lms.recognition",
    "lms.plans",
    "courses",
    "courses.h5p",
    "courses.quizzes",
    "courses.certificates",
    "library",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "treebeard",  # the unit admin's tree change list templates and static files
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    "django_htmx",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # On the package content host: no cookie in or out, only package files (issue 16).
    "lms.content_origin.middleware.ContentOriginMiddleware",
    # Before the page cache, so pages served from it carry the policy too.
    "lms.csp.SiteCSPMiddleware",
    # NUL in the path, query string or a form field: 400 before any cache or database work.
    "lms.middleware.RefuseNulMiddleware",
    # Compresses HTML for slow mobile data (Django adds random padding against BREACH).
    "django.middleware.gzip.GZipMiddleware",
    # Serves anonymous page hits from the versioned page cache before any other work.
    "lms.pagecache.middleware.AnonymousPageCacheMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lms.accounts.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DJANGO_CONN_MAX_AGE", default=60))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the dev server and a Celery task read while another writes.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "/"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

CACHES = {
    "default": env.cache("DJANGO_CACHE_URL", default="locmemcache://hocmo"),
}
# Sessions in signed cookies in the cache-less default would leak nothing but cost no query;
# cached_db keeps server-side revocation and costs no query on a cache hit.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# --- Language: Vietnamese first, English available ---------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "hocmo_lang"
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

WAGTAIL_SITE_NAME = "HọcMở"
WAGTAILADMIN_BASE_URL = env("DJANGO_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# --- Celery -------------------------------------------------------------------------------------
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="memory://localhost/")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=None)
# No broker configured means the embedded default: run tasks in-process.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=CELERY_BROKER_URL.startswith("memory://"))
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE

REST_FRAMEWORK: dict[str, Any] = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # JSON through lms.jsonio (depth limit, finite numbers, no NUL), like every JSON endpoint.
    "DEFAULT_PARSER_CLASSES": ["lms.api.parsers.StrictJSONParser",
                               "rest_framework.parsers.FormParser",
                               "rest_framework.parsers.MultiPartParser"],
}
SPECTACULAR_SETTINGS: dict[str, Any] = {"TITLE": "HọcMở API", "VERSION": "1.0.0"}

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="WARNING")},
}

HOCMO_DEMO_PASSWORD = env("HOCMO_DEMO_PASSWORD", default="hocmo-demo-2025")


AUTHENTICATION_BACKENDS = ["lms.accounts.backends.AccountBackend"]

# --- API (issue 8: REST API, OpenAPI, OAuth2 client credentials) -------------------------------
INSTALLED_APPS += ["oauth2_provider", "drf_spectacular_sidecar"]  # noqa: F405
REST_FRAMEWORK.update({
    # Per client: an integration's service account, or a signed-in person. Used by lms.api only.
    "DEFAULT_THROTTLE_RATES": {
        "api_user": env("HOCMO_API_RATE_USER", default="600/min"),
        "api_anon": env("HOCMO_API_RATE_ANON", default="60/min"),
    },
})
SPECTACULAR_SETTINGS.update({
    "TITLE": "HọcMở API",
    "DESCRIPTION": (
        "API của HọcMở cho tích hợp của Sở, Phòng và trường: đơn vị, người học, lớp, khóa học, "
        "ghi danh và tiến độ. Mọi điểm cuối áp dụng cùng quy tắc vai trò × cây đơn vị như "
        "trang web.\n\n"
        "HọcMở API for province, district and school integrations: units, people, classes, "
        "courses, enrolments and progress. Every endpoint applies the same role × unit-subtree "
        "rules as the web pages."
    ),
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SERVE_INCLUDE_SCHEMA": False,
})
OAUTH2_PROVIDER = {
    "SCOPES": {"read": "Đọc / Read", "write": "Ghi / Write"},
    "DEFAULT_SCOPES": ["read"],
    "ACCESS_TOKEN_EXPIRE_SECONDS": env.int("HOCMO_API_TOKEN_SECONDS", default=3600),
}
# The (unswapped) model Django needs to resolve ApiClient's foreign key to the application.
OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth2_provider.Application"
SPECTACULAR_SETTINGS["PREPROCESSING_HOOKS"] = ["lms.api.schema.only_api_v1"]
SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"] = [
    "drf_spectacular.hooks.postprocess_schema_enums",
    "lms.api.schema.document_errors_and_sparse_fields",
]

# --- Library and search (issue 4) ---------------------------------------------------------------
# Library files live outside MEDIA_ROOT (only library.views.item_file serves them); empty means
# "<MEDIA_ROOT>-library" next to the media folder.
HOCMO_LIBRARY_FILES_ROOT = env("HOCMO_LIBRARY_FILES_ROOT", default="")
HOCMO_LIBRARY_MAX_UPLOAD_MB = env.int("HOCMO_LIBRARY_MAX_UPLOAD_MB", default=200)
# "database" (SQLite or PostgreSQL) or "elasticsearch" (needs HOCMO_ELASTICSEARCH_URL).
HOCMO_SEARCH_BACKEND = env("HOCMO_SEARCH_BACKEND", default="database")
HOCMO_ELASTICSEARCH_URL = env("HOCMO_ELASTICSEARCH_URL", default="http://127.0.0.1:9200")
HOCMO_ELASTICSEARCH_INDEX = env("HOCMO_ELASTICSEARCH_INDEX", default="hocmo-search")

# --- Notifications (issue 7: families and notifications) ----------------------------------------
# Email: console in development; set EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend
# plus EMAIL_HOST/EMAIL_PORT/... for real SMTP.
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="HọcMở <khong-tra-loi@hocmo.local>")
NOTIFICATIONS_BASE_URL = env("DJANGO_BASE_URL", default="http://127.0.0.1:8000")
NOTIFICATIONS_EMAIL_DOMAIN = env("NOTIFICATIONS_EMAIL_DOMAIN", default="hocmo.local")
_NOTIFY_ADAPTER = {
    "console": "lms.notifications.channels.gateways.ConsoleAdapter",
    "file": "lms.notifications.channels.gateways.FileAdapter",
    "http": "lms.notifications.channels.gateways.HttpAdapter",
}
NOTIFICATIONS_ADAPTERS = {
    "sms": _NOTIFY_ADAPTER[env("NOTIFICATIONS_SMS_ADAPTER", default="console")],
    "zalo": _NOTIFY_ADAPTER[env("NOTIFICATIONS_ZALO_ADAPTER", default="console")],
}
NOTIFICATIONS_OUTBOX_DIR = env("NOTIFICATIONS_OUTBOX_DIR", default=str(BASE_DIR / "var" / "outbox"))
NOTIFICATIONS_FILE_ADAPTER_DELAY = env.float("NOTIFICATIONS_FILE_ADAPTER_DELAY", default=0)
# How long a worker's claim on a delivery lasts; after that a crashed send is retried.
NOTIFICATIONS_LEASE_SECONDS = env.int("NOTIFICATIONS_LEASE_SECONDS", default=120)
NOTIFICATIONS_SMS_URL = env("NOTIFICATIONS_SMS_URL", default="")
NOTIFICATIONS_SMS_TOKEN = env("NOTIFICATIONS_SMS_TOKEN", default="")
NOTIFICATIONS_ZALO_URL = env("NOTIFICATIONS_ZALO_URL", default="https://openapi.zalo.me/v3.0/oa/message/cs")
NOTIFICATIONS_ZALO_TOKEN = env("NOTIFICATIONS_ZALO_TOKEN", default="")
HOCMO_FAMILIES_LINK_CODE_DAYS = env.int("HOCMO_FAMILIES_LINK_CODE_DAYS", default=14)
from celery.schedules import crontab  # noqa: E402

CELERY_BEAT_SCHEDULE = {
    **globals().get("CELERY_BEAT_SCHEDULE", {}),
    # Sunday 18:00 (Asia/Ho_Chi_Minh): the weekly digest to parents.
    "notifications-weekly-digest": {"task": "lms.notifications.tasks.weekly_digest",
                                    "schedule": crontab(hour=18, minute=0, day_of_week=0)},
    "notifications-deliveries-resume": {"task": "lms.notifications.tasks.deliveries_resume",
                                        "schedule": 60.0},
    "notifications-course-reminders": {"task": "lms.notifications.tasks.course_reminders",
                                       "schedule": crontab(hour=8, minute=0)},
}
AUTHENTICATION_BACKENDS += ["lms.accounts.backends.PhoneOrEmailBackend"]

# --- Reports (issue 6): weekly trend snapshots, tree-change reconcile, deadline reminders
from celery.schedules import crontab as _reports_crontab  # noqa: E402

CELERY_BEAT_SCHEDULE = {
    **globals().get("CELERY_BEAT_SCHEDULE", {}),
    "reports-snapshots-weekly": {"task": "reports.snapshots_take",
                                 "schedule": _reports_crontab(hour=1, minute=0, day_of_week=1)},
    "reports-tree-watch": {"task": "reports.tree_watch", "schedule": 600.0},
    "reports-reconcile-hourly": {"task": "reports.reconcile_all",
                                 "schedule": _reports_crontab(minute=20)},
    "reports-deadline-reminders": {"task": "reports.deadline_reminders",
                                   "schedule": _reports_crontab(hour=7, minute=0)},
}

# --- H5P packages and the xAPI learning record store (issue 5) ----------------------------------
# Unpacked packages and libraries; a shared volume when there is more than one web node.
H5P_ROOT = env("HOCMO_H5P_ROOT", default="") or None  # None → MEDIA_ROOT/h5p
H5P_MAX_UPLOAD_BYTES = env.int("HOCMO_H5P_MAX_UPLOAD_BYTES", default=100 * 1024 * 1024)
H5P_MAX_UNPACKED_BYTES = env.int("HOCMO_H5P_MAX_UNPACKED_BYTES", default=150 * 1024 * 1024)
H5P_MAX_FILES = env.int("HOCMO_H5P_MAX_FILES", default=2000)
H5P_MAX_COMPRESSION_RATIO = env.int("HOCMO_H5P_MAX_COMPRESSION_RATIO", default=100)
# account.homePage of the agents the LRS writes for signed-in learners.
XAPI_HOMEPAGE = env("HOCMO_XAPI_HOMEPAGE", default=WAGTAILADMIN_BASE_URL)

# --- Plans (issue 11): evidence files outside MEDIA_ROOT, size limit, daily overdue reminders
from celery.schedules import crontab as _plans_crontab  # noqa: E402

HOCMO_PLANS_FILES_ROOT = env("HOCMO_PLANS_FILES_ROOT", default="")  # "" → <MEDIA_ROOT>-plans
HOCMO_PLANS_EVIDENCE_MAX_MB = env.int("HOCMO_PLANS_EVIDENCE_MAX_MB", default=10)
CELERY_BEAT_SCHEDULE = {
    **globals().get("CELERY_BEAT_SCHEDULE", {}),
    "plans-overdue-reminders": {"task": "plans.overdue_reminders",
                                "schedule": _plans_crontab(hour=7, minute=30)},
}

# --- Contests (issue: contests) ---
# Entry attachments live outside MEDIA_ROOT (only lms.contests.views serves them); empty means
# "<MEDIA_ROOT>-contests" next to the media folder.
HOCMO_CONTEST_FILES_ROOT = env("HOCMO_CONTEST_FILES_ROOT", default="")
HOCMO_CONTEST_MAX_UPLOAD_MB = env.int("HOCMO_CONTEST_MAX_UPLOAD_MB", default=20)

# --- Search results cache (issue 4): per published-content version and index generation -----
HOCMO_SEARCH_CACHE_SECONDS = env.int("HOCMO_SEARCH_CACHE_SECONDS", default=300)

# --- Recognition: learning citizens (issue 11) ---------------------------------------------------
from celery.schedules import crontab as _recognition_crontab  # noqa: E402

CELERY_BEAT_SCHEDULE = {
    **globals().get("CELERY_BEAT_SCHEDULE", {}),
    # Nightly: candidates for the current year (and, in January, the year just ended).
    "recognition-evaluate-recent": {"task": "recognition.evaluate_recent",
                                    "schedule": _recognition_crontab(hour=2, minute=30)},
}

# --- Start-up clubs (issue: Seed 001 clubs) -------------------------------------------------------
# Club activity photos (minors) live outside MEDIA_ROOT and are served only through
# lms.clubs.views.photo; empty means "<MEDIA_ROOT>-clubs" next to the media folder.
HOCMO_CLUBS_PHOTO_ROOT = env("HOCMO_CLUBS_PHOTO_ROOT", default="")

# --- Reports: prepared annual reports (issue 6) ---
# Each unit's annual report (XLSX + PDF) is built this many days before a target's deadline.
REPORTS_PREPARE_DAYS = env.int("HOCMO_REPORTS_PREPARE_DAYS", default=14)
CELERY_BEAT_SCHEDULE = {
    **globals().get("CELERY_BEAT_SCHEDULE", {}),
    "reports-annual-prepare": {"task": "reports.annual_prepare",
                               "schedule": _reports_crontab(hour=6, minute=30)},
}

# --- roster import (issue 8) ---
# A file this large (estimated rows, or bytes) is previewed in a Celery task with a progress bar;
# smaller files are previewed in the request.
HOCMO_ROSTER_PREVIEW_ASYNC_ROWS = env.int("HOCMO_ROSTER_PREVIEW_ASYNC_ROWS", default=5000)
HOCMO_ROSTER_PREVIEW_ASYNC_BYTES = env.int("HOCMO_ROSTER_PREVIEW_ASYNC_BYTES", default=1024 * 1024)
# Report counters after each committed batch: up to this many touched learners are synced one
# by one (reports.learner_sync); more, and the targets concerned are rebuilt once at the end.
HOCMO_ROSTER_SYNC_EACH_MAX = env.int("HOCMO_ROSTER_SYNC_EACH_MAX", default=200)

# --- Accounts and sign-in hardening (issue 16) ----------------------------------------------------
import datetime as _dt  # noqa: E402

# django-axes counts failed sign-ins (passwords and one-time codes); see lms/accounts/lockout.py.
INSTALLED_APPS += ["axes"]
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", *AUTHENTICATION_BACKENDS]
MIDDLEWARE.insert(MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
                  "lms.accounts.middleware.PrivateResponseMiddleware")
MIDDLEWARE.insert(MIDDLEWARE.index("lms.accounts.middleware.PrivateResponseMiddleware") + 1,
                  "lms.accounts.middleware.PasswordChangeRequiredMiddleware")
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
HOCMO_SIGNIN_ACCOUNT_FAILURES = env.int("HOCMO_SIGNIN_ACCOUNT_FAILURES", default=10)
HOCMO_SIGNIN_ADDRESS_FAILURES = env.int("HOCMO_SIGNIN_ADDRESS_FAILURES", default=100)
HOCMO_SIGNIN_COOLOFF_MINUTES = env.int("HOCMO_SIGNIN_COOLOFF_MINUTES", default=30)
AXES_HANDLER = "lms.accounts.lockout.SignInLockoutHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = 100  # percent of each limit above (lockout.get_failures scales)
AXES_COOLOFF_TIME = _dt.timedelta(minutes=HOCMO_SIGNIN_COOLOFF_MINUTES)
AXES_USERNAME_CALLABLE = "lms.accounts.lockout.account_key"
AXES_CLIENT_IP_CALLABLE = "lms.accounts.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "lms.accounts.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True  # the account's own failures only (SignInLockoutHandler)
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # every failure kept (the audit trail), 1,000 per account
AXES_SENSITIVE_PARAMETERS = ["username", "password", "code", "recovery_code", "old_password",
                             "new_password1", "new_password2", "csrfmiddlewaretoken"]
AXES_VERBOSE = False
# The language cookie: HttpOnly and SameSite=Lax everywhere, Secure in production.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Passwords change only through the site's pages (throttled, locked out, audited, notified).
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False

# --- Package content origin and Content-Security-Policy (issue 16) ------------------------------
# Package content (H5P, later SCORM) is served only from HOCMO_CONTENT_ORIGIN, a host of its own
# that gets no cookie (lms.content_origin). In development the same server answers on another
# host name: open the site at http://127.0.0.1:8000, packages come from http://localhost:8000.
from urllib.parse import urlsplit as _urlsplit  # noqa: E402

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE  # noqa: E402

_base = _urlsplit(WAGTAILADMIN_BASE_URL)
HOCMO_SITE_ORIGIN = env("HOCMO_SITE_ORIGIN", default=f"{_base.scheme}://{_base.netloc}")
HOCMO_CONTENT_ORIGIN = env("HOCMO_CONTENT_ORIGIN", default="http://localhost:8000")
ALLOWED_HOSTS += [_urlsplit(HOCMO_CONTENT_ORIGIN).hostname or ""]
# No avatars from gravatar.com in the Wagtail admin: staff email hashes stay here, and img-src
# stays 'self'.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # Nonces for the few inline scripts (request.csp_nonce in the template).
        "script-src": [SELF, NONCE],
        # Inline style attributes (Wagtail's rich text, chart sizes); no script can hide there.
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "media-src": [SELF, "blob:"],
        "worker-src": [SELF, "blob:"],
        # lms.csp adds HOCMO_CONTENT_ORIGIN (the H5P player frames); video embeds in lessons.
        "frame-src": [SELF, *env.list("HOCMO_CSP_FRAME_SRC", default=[
            "https://www.youtube.com", "https://www.youtube-nocookie.com",
            "https://player.vimeo.com"])],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}
