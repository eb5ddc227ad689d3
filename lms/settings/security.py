"""Sign-in hardening, cookies, security headers, the package content origin and the site's
Content-Security-Policy. docs/security.md says why each value is what it is."""

import datetime as dt
from urllib.parse import urlsplit

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from .env import env, site_base_url

# --- Sign-in lockout: django-axes counts failed passwords and one-time codes (accounts/lockout.py)
HOCMO_SIGNIN_ACCOUNT_FAILURES = env.int("HOCMO_SIGNIN_ACCOUNT_FAILURES", default=10)
HOCMO_SIGNIN_ADDRESS_FAILURES = env.int("HOCMO_SIGNIN_ADDRESS_FAILURES", default=100)
HOCMO_SIGNIN_COOLOFF_MINUTES = env.int("HOCMO_SIGNIN_COOLOFF_MINUTES", default=30)
AXES_HANDLER = "lms.accounts.lockout.SignInLockoutHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = 100  # percent of each limit above (lockout.get_failures scales)
AXES_COOLOFF_TIME = dt.timedelta(minutes=HOCMO_SIGNIN_COOLOFF_MINUTES)
AXES_USERNAME_CALLABLE = "lms.accounts.lockout.account_key"
AXES_CLIENT_IP_CALLABLE = "lms.accounts.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "lms.accounts.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True  # the account's own failures only (SignInLockoutHandler)
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # every failure kept (the audit trail), 1,000 per account
AXES_SENSITIVE_PARAMETERS = ["username", "password", "code", "recovery_code", "old_password",
                             "new_password1", "new_password2", "csrfmiddlewaretoken"]
AXES_VERBOSE = False
# Passwords change only through the site's pages (throttled, locked out, audited, notified).
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False

# --- Cookies: HttpOnly and SameSite=Lax everywhere, Secure in production (production.py)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# HOCMO_LTI_CROSS_SITE_COOKIES=true (HTTPS only): HọcMở opened by an LTI platform inside its
# iframe (another site) needs its session and CSRF cookies there: SameSite=None; Secure. Left
# off, launches still work in a new window (the recommended "launch container"), and the LTI
# state/nonce cookies pylti1p3 sets are SameSite=None; Secure on HTTPS either way
# (docs/features/interop-lti.md).
if env.bool("HOCMO_LTI_CROSS_SITE_COOKIES", default=False):
    SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "None"
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# A form sent without a valid token: the site's page in the visitor's language (lms/errors.py).
CSRF_FAILURE_VIEW = "lms.errors.csrf_failure"

# --- Headers
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_REFERRER_POLICY = "same-origin"

# --- Package content origin
# Package content (H5P, later SCORM) is served only from HOCMO_CONTENT_ORIGIN, a host of its own
# that gets no cookie (lms.content_origin). In development the same server answers on another
# host name: open the site at http://127.0.0.1:8000, packages come from http://localhost:8000.
_site = urlsplit(site_base_url)
HOCMO_SITE_ORIGIN = env("HOCMO_SITE_ORIGIN", default=f"{_site.scheme}://{_site.netloc}")
HOCMO_CONTENT_ORIGIN = env("HOCMO_CONTENT_ORIGIN", default="http://localhost:8000")

# --- Content-Security-Policy (django-csp; lms.csp)
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
