"""Each app's own defaults, one section per app in alphabetical order. Env vars are `HOCMO_<NAME>`
(lms/settings/env.py); settings named before that rule (`NOTIFICATIONS_*`, `H5P_*`,
`XAPI_HOMEPAGE`, `REPORTS_PREPARE_DAYS`) read `HOCMO_<SETTING>`.

Private files (library, plans evidence, contest entries, club photos) live outside MEDIA_ROOT and
are served only by the views that check access (lms/private_storage.py); an empty root means
"<MEDIA_ROOT>-<app>" next to the media folder.
"""

from .env import BASE_DIR, env, renamed, site_base_url

# --- certificates: the signature printed on certificates; empty image means a drawn demo one
CERTIFICATE_SIGNATURE_IMAGE = env("HOCMO_CERTIFICATE_SIGNATURE_IMAGE", default="")
CERTIFICATE_SIGNER_NAME = env("HOCMO_CERTIFICATE_SIGNER_NAME", default="")
CERTIFICATE_SIGNER_TITLE = env("HOCMO_CERTIFICATE_SIGNER_TITLE", default="")
# Open Badges 3.0 signing keys (courses/certificates/signing.py): the password that encrypts the
# stored Ed25519 private keys (empty: derived from SECRET_KEY), and how long verifiers may cache
# a published status list (seconds; a revocation reaches other verifiers within this time).
CERTIFICATE_KEY_PASSWORD = env("HOCMO_CERTIFICATE_KEY_PASSWORD", default="")
CERTIFICATE_STATUS_LIST_MAX_AGE = env.int("HOCMO_CERTIFICATE_STATUS_LIST_MAX_AGE", default=300)

# --- classroom: assignment and hand-in files, served only by lms.classroom.views_files; a
# dotted path to a virus scanner (a callable taking the upload, raising ValidationError)
HOCMO_CLASSROOM_FILES_ROOT = env("HOCMO_CLASSROOM_FILES_ROOT", default="")
HOCMO_CLASSROOM_MAX_UPLOAD_MB = env.int("HOCMO_CLASSROOM_MAX_UPLOAD_MB", default=10)
HOCMO_CLASSROOM_MAX_FILES = env.int("HOCMO_CLASSROOM_MAX_FILES", default=5)
HOCMO_CLASSROOM_FILE_SCANNER = env("HOCMO_CLASSROOM_FILE_SCANNER", default="")

# --- clubs: activity photos (minors) are served only through lms.clubs.views.photo
HOCMO_CLUBS_PHOTO_ROOT = env("HOCMO_CLUBS_PHOTO_ROOT", default="")

# --- contests: entry attachments are served only by lms.contests.views
HOCMO_CONTEST_FILES_ROOT = env("HOCMO_CONTEST_FILES_ROOT", default="")
HOCMO_CONTEST_MAX_UPLOAD_MB = env.int("HOCMO_CONTEST_MAX_UPLOAD_MB", default=20)

# --- demo: the password of every demo account
HOCMO_DEMO_PASSWORD = env("HOCMO_DEMO_PASSWORD", default="hocmo-demo-2025")

# --- families
HOCMO_FAMILIES_LINK_CODE_DAYS = env.int("HOCMO_FAMILIES_LINK_CODE_DAYS", default=14)

# --- h5p: unpacked packages and libraries; a shared volume when there is more than one web node
H5P_ROOT = env("HOCMO_H5P_ROOT", default="") or None  # None → MEDIA_ROOT/h5p
H5P_MAX_UPLOAD_BYTES = env.int("HOCMO_H5P_MAX_UPLOAD_BYTES", default=100 * 1024 * 1024)
H5P_MAX_UNPACKED_BYTES = env.int("HOCMO_H5P_MAX_UNPACKED_BYTES", default=150 * 1024 * 1024)
H5P_MAX_FILES = env.int("HOCMO_H5P_MAX_FILES", default=2000)
H5P_MAX_COMPRESSION_RATIO = env.int("HOCMO_H5P_MAX_COMPRESSION_RATIO", default=100)

# --- library: files are served only by library.views.item_file
HOCMO_LIBRARY_FILES_ROOT = env("HOCMO_LIBRARY_FILES_ROOT", default="")
HOCMO_LIBRARY_MAX_UPLOAD_MB = env.int("HOCMO_LIBRARY_MAX_UPLOAD_MB", default=200)

# --- notifications: in-app, email (Django's EMAIL_* settings), SMS and Zalo


def _notify_env(name: str) -> str:
    """HOCMO_NOTIFICATIONS_<name>, or NOTIFICATIONS_<name> where a deployment still sets that."""
    return renamed(f"HOCMO_NOTIFICATIONS_{name}", f"NOTIFICATIONS_{name}")


NOTIFICATIONS_BASE_URL = site_base_url
NOTIFICATIONS_EMAIL_DOMAIN = env(_notify_env("EMAIL_DOMAIN"), default="hocmo.local")
_NOTIFY_ADAPTER = {
    "console": "lms.notifications.channels.gateways.ConsoleAdapter",
    "file": "lms.notifications.channels.gateways.FileAdapter",
    "http": "lms.notifications.channels.gateways.HttpAdapter",
}
NOTIFICATIONS_ADAPTERS = {
    "sms": _NOTIFY_ADAPTER[env(_notify_env("SMS_ADAPTER"), default="console")],
    "zalo": _NOTIFY_ADAPTER[env(_notify_env("ZALO_ADAPTER"), default="console")],
}
NOTIFICATIONS_OUTBOX_DIR = env(_notify_env("OUTBOX_DIR"), default=str(BASE_DIR / "var" / "outbox"))
NOTIFICATIONS_FILE_ADAPTER_DELAY = env.float(_notify_env("FILE_ADAPTER_DELAY"), default=0)
# How long a worker's claim on a delivery lasts; after that a crashed send is retried.
NOTIFICATIONS_LEASE_SECONDS = env.int(_notify_env("LEASE_SECONDS"), default=120)
NOTIFICATIONS_SMS_URL = env(_notify_env("SMS_URL"), default="")
NOTIFICATIONS_SMS_TOKEN = env(_notify_env("SMS_TOKEN"), default="")
NOTIFICATIONS_ZALO_URL = env(_notify_env("ZALO_URL"),
                             default="https://openapi.zalo.me/v3.0/oa/message/cs")
NOTIFICATIONS_ZALO_TOKEN = env(_notify_env("ZALO_TOKEN"), default="")

# --- plans: evidence files
HOCMO_PLANS_FILES_ROOT = env("HOCMO_PLANS_FILES_ROOT", default="")
HOCMO_PLANS_EVIDENCE_MAX_MB = env.int("HOCMO_PLANS_EVIDENCE_MAX_MB", default=10)

# --- reports: each unit's annual report (XLSX + PDF) is built this many days before a deadline
REPORTS_PREPARE_DAYS = env.int("HOCMO_REPORTS_PREPARE_DAYS", default=14)

# --- roster import
# A file this large (estimated rows, or bytes) is previewed in a Celery task with a progress bar;
# smaller files are previewed in the request.
HOCMO_ROSTER_PREVIEW_ASYNC_ROWS = env.int("HOCMO_ROSTER_PREVIEW_ASYNC_ROWS", default=5000)
HOCMO_ROSTER_PREVIEW_ASYNC_BYTES = env.int("HOCMO_ROSTER_PREVIEW_ASYNC_BYTES", default=1024 * 1024)
# Report counters after each committed batch: up to this many touched learners are synced one
# by one (reports.learner_sync); more, and the targets concerned are rebuilt once at the end.
HOCMO_ROSTER_SYNC_EACH_MAX = env.int("HOCMO_ROSTER_SYNC_EACH_MAX", default=200)

# --- scorm: unpacked SCORM packages by content hash (a shared volume with several web nodes);
# the zip limits are H5P's unless set (lms/common/zip_packages.py PackageLimits)
SCORM_ROOT = env("HOCMO_SCORM_ROOT", default="") or None  # None → MEDIA_ROOT/scorm
SCORM_MAX_UPLOAD_BYTES = env.int("HOCMO_SCORM_MAX_UPLOAD_BYTES", default=200 * 1024 * 1024)
SCORM_MAX_UNPACKED_BYTES = env.int("HOCMO_SCORM_MAX_UNPACKED_BYTES",
                                   default=300 * 1024 * 1024)
SCORM_MAX_FILES = env.int("HOCMO_SCORM_MAX_FILES", default=5000)

# --- lti (lms/lti, docs/features/interop-lti.md): our issuer as an LTI platform (empty: the
# site origin, HOCMO_SITE_ORIGIN); the secret the private signing keys are encrypted with at rest
# (empty: SECRET_KEY — set it so a leaked database alone does not give the keys).
HOCMO_LTI_ISSUER = env("HOCMO_LTI_ISSUER", default="")
HOCMO_LTI_KEY_SECRET = env("HOCMO_LTI_KEY_SECRET", default="")

# --- search: "database" (SQLite or PostgreSQL) or "elasticsearch" (needs HOCMO_ELASTICSEARCH_URL)
HOCMO_SEARCH_BACKEND = env("HOCMO_SEARCH_BACKEND", default="database")
HOCMO_ELASTICSEARCH_URL = env("HOCMO_ELASTICSEARCH_URL", default="http://127.0.0.1:9200")
HOCMO_ELASTICSEARCH_INDEX = env("HOCMO_ELASTICSEARCH_INDEX", default="hocmo-search")
# Search results are cached per published-content version and index generation.
HOCMO_SEARCH_CACHE_SECONDS = env.int("HOCMO_SEARCH_CACHE_SECONDS", default=300)

# --- xapi: account.homePage of the agents the LRS writes for signed-in learners
XAPI_HOMEPAGE = env("HOCMO_XAPI_HOMEPAGE", default=site_base_url)
