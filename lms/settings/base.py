"""Settings shared by every environment: Django and Wagtail themselves. Values that differ per
deployment come from env vars named by the rule in lms/settings/env.py.

One module per concern, all gathered here (dev, test and production import this module):
api.py (REST API, OpenAPI, OAuth2), celery.py (Celery and the beat schedule), features.py
(each app's own defaults), security.py (sign-in hardening, cookies, Content-Security-Policy).
"""

from urllib.parse import urlsplit

from .api import *  # noqa: F403
from .celery import *  # noqa: F403
from .env import BASE_DIR, env, site_base_url, time_zone
from .features import *  # noqa: F403
from .ops import *  # noqa: F403
from .ops import HOCMO_LOG_FORMAT, logging_config, ops_apps, ops_middleware
from .security import *  # noqa: F403
from .security import HOCMO_CONTENT_ORIGIN

SECRET_KEY = env("DJANGO_SECRET_KEY", default="dev-only-not-secret")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = [
    *env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"]),
    urlsplit(HOCMO_CONTENT_ORIGIN).hostname or "",  # package content comes from a host of its own
]
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# --- Apps ------------------------------------------------------------------------------------
# Project apps first: their ready() hooks, templates and static files come before the libraries'.
PROJECT_APPS = [
    "lms.units",
    "lms.accounts",
    "lms.pagecache.apps.PageCacheConfig",
    "lms.demo",
    "lms.xapi",
    "lms.offline",
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
    "lms.classroom",
    "lms.discussions",
    "lms.lti",
    "courses",
    "courses.h5p",
    "courses.scorm",
    "courses.quizzes",
    "courses.certificates",
    "library",
    "search",
]
THIRD_PARTY_APPS = [
    "wagtail.contrib.forms",
    # Wagtail's apps without its (unmounted) API's registration: lms/common/wagtail_apps.py.
    "lms.common.wagtail_apps.RedirectsConfig",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "lms.common.wagtail_apps.SnippetsConfig",
    "lms.common.wagtail_apps.DocumentsConfig",
    "lms.common.wagtail_apps.ImagesConfig",
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
]
DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]
# Libraries whose settings live in their own module (security.py, api.py); listed last, as they
# always were, so the app order (ready() hooks, admin registration) stays the same.
SECURITY_AND_API_APPS = [
    "csp",
    "oauth2_provider",
    "drf_spectacular_sidecar",
    "axes",  # counts failed sign-ins; see lms/accounts/lockout.py
]
INSTALLED_APPS = ops_apps(PROJECT_APPS + THIRD_PARTY_APPS + DJANGO_APPS + SECURITY_AND_API_APPS)

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # On the package content host: no cookie in or out, only package files.
    "lms.content_origin.middleware.ContentOriginMiddleware",
    # Before the page cache, so pages served from it carry the policy too.
    "lms.csp.SiteCSPMiddleware",
    # NUL in the path, query string or a form field: 400 before any cache or database work.
    "lms.middleware.RefuseNulMiddleware",
    # Compresses HTML for slow mobile data (Django adds random padding against BREACH).
    "django.middleware.gzip.GZipMiddleware",
    # Marks the learner pages the service worker may keep on the device (issue 22); outside the
    # page cache so that its hits carry the mark as its misses do.
    "lms.offline.middleware.OfflinePagesMiddleware",
    # Serves anonymous page hits from the versioned page cache before any other work.
    "lms.pagecache.middleware.AnonymousPageCacheMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lms.accounts.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, reading the user's generation with the session (lms/accounts/usercache.py).
    "lms.accounts.middleware.AuthenticationMiddleware",
    # Signed-in pages are private (no-store); a printed password must be changed first.
    "lms.accounts.middleware.PrivateResponseMiddleware",
    "lms.accounts.middleware.PasswordChangeRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]
# Request id, then /healthz, /readyz, /metrics ahead of all the above (lms/settings/ops.py).
MIDDLEWARE = ops_middleware(MIDDLEWARE)

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

# --- Database, cache, sessions ---------------------------------------------------------------
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

# "local": each worker's own memory, only for entries whose key holds a version (content
# version, grid version) and so never change under it — see lms.pagecache.versioning. Bounded:
# a few hundred pages' worth, culled oldest first (worker memory, issue 18).
LOCAL_CACHE = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
               "LOCATION": "hocmo-local", "TIMEOUT": 900, "OPTIONS": {"MAX_ENTRIES": 400}}
CACHES = {
    "default": env.cache("DJANGO_CACHE_URL", default="locmemcache://hocmo"),
    "local": LOCAL_CACHE,
}
# Sessions in signed cookies in the cache-less default would leak nothing but cost no query;
# cached_db keeps server-side revocation and costs no query on a cache hit.
# cached_db that also reads the signed-in user's generation token in the same round trip.
SESSION_ENGINE = "lms.accounts.sessions.cached_db"

# --- Accounts --------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "/"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First: a locked-out account is refused before any password check.
    "axes.backends.AxesStandaloneBackend",
    "lms.accounts.backends.AccountBackend",
    "lms.accounts.backends.PhoneOrEmailBackend",
]

# --- Language: Vietnamese first, English available ------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = time_zone
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "hocmo_lang"
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# --- Static files and media ------------------------------------------------------------------
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

# --- Wagtail ---------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "HọcMở"
# ASCII slugs (issue 19 item 10): the admin's JS slugify then folds accents; server side see
# lms/common/slugs.py.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_BASE_URL = site_base_url
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# --- Email: console in development; EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend
# plus EMAIL_HOST/EMAIL_PORT/... for real SMTP ----------------------------------------------
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="HọcMở <khong-tra-loi@hocmo.local>")

LOGGING = logging_config(HOCMO_LOG_FORMAT, env("DJANGO_LOG_LEVEL", default="WARNING"))
