"""The signed-in learner's lesson page from a rendered skeleton (issue 18).

Rendering lesson_page.html and base.html cost more than everything else a signed-in lesson
request does. Everything on the page except two values is the same for every learner who shares
the page's published version, the language, the navigation the header shows (role flags and the
capabilities kept in the session at sign-in, as base.html's header cache) and the state of the
progress panel (not enrolled / the "complete" form / completed by an activity / done). So the
page is rendered once per such key, with two slots left in it — the CSRF token and the person's
name — and every later request fills the slots into that text: no template runs.

What is never in a skeleton: anything of one learner (the name and the CSRF token are slots,
filled per request; the panel's state is part of the key, read per request — kept in the
worker's memory under the learner's progress generation, courses/progress_cache.py),
messages (a request with messages is rendered in full) and CSP nonces (a render that asked for
one is not kept). A request with a query string is rendered in full (`next=` in the language
form holds the whole path). Skeletons are keyed by the content version like the lesson body,
so a publish is visible at once; kept in the worker's memory and the shared cache
(lms.pagecache.versioning). A request that accepts gzip gets the body spliced from the
skeleton's runs compressed once per worker (courses/lesson_gzip.py), not compressed again."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.messages import get_messages
from django.http import HttpResponse
from django.middleware.csrf import CSRF_TOKEN_LENGTH, get_token
from django.middleware.gzip import re_accepts_gzip
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.crypto import salted_hmac
from django.utils.html import escape
from django.utils.translation import get_language
from wagtail.models import Page

from lms.common.save_data import save_data
from lms.pagecache.versioning import (
    LOCAL_MAX_ENTRIES,
    content_version,
    versioned_get,
    versioned_set,
)

from .lesson_gzip import Prepared
from .selectors import lesson_context_for

SKELETON_TTL_SECONDS = 15 * 60


def _slot(kind: str) -> str:
    """Derived from SECRET_KEY: no author can type it into a lesson, no request can guess it,
    and every worker and node with the same key uses the same one. (They were random per
    process: a skeleton another gunicorn worker had put in the shared cache then came out with
    its slots unfilled — its marker instead of the name, a CSRF token no form could post.)"""
    return f"hocmo-{kind}-" + salted_hmac("courses.lesson_page.slot", kind).hexdigest()[:24]


CSRF_SLOT = _slot("csrf")
NAME_SLOT = _slot("name")


class _NameSlot:
    """The signed-in user as the template sees it while a skeleton renders: everything is the
    user's own, except the name, which is left as a slot."""

    def __init__(self, user):
        self._user = user

    def __getattr__(self, name):
        return getattr(self._user, name)

    def get_full_name(self) -> str:
        return NAME_SLOT


def panel_state(context: dict) -> str:
    """Which progress panel the learner gets: all the page knows of their progress."""
    if not context["enrolled"]:
        return "enrol"
    if context["progress"]["completed_at"]:
        return "done"
    return "activity" if context["completed_by_activity"] else "form"


def skeleton_key(request, lesson, state: str, version: int) -> str:
    """Everything the rendered page depends on besides the two slots (see base.html's header
    cache: a session without capabilities is keyed by its user)."""
    user = request.user
    nav = request.session.get("hocmo_nav") or {}
    caps = nav.get("caps")
    navigation = ",".join(caps) if caps is not None else f"user:{user.pk}"
    # The slots too: a skeleton holds the markers it was rendered with (SECRET_KEY rotated).
    raw = (f"{request.get_host()}|{request.path}|{get_language()}|{user.is_staff:d}"
           f"{user.is_superuser:d}{bool(nav.get('parent')):d}|{navigation}|{state}|{save_data(request):d}"
           f"|{CSRF_SLOT}|{NAME_SLOT}")
    digest = hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()
    return f"lesson-skeleton:{version}:{lesson.pk}:{digest}"


def eligible(request) -> bool:
    return (request.method == "GET"
            and not request.META.get("QUERY_STRING")
            and request.user.is_authenticated
            and not get_messages(request))  # loads them, leaves them unread


def lesson_response(lesson, request) -> HttpResponse | None:
    """The page for a signed-in learner from its skeleton; None when the request must be
    rendered in full (the caller falls back to Wagtail's serve)."""
    if not eligible(request):
        return None
    request.is_preview = False
    context = lesson_context_for(lesson=lesson, user=request.user, session=request.session)
    version = content_version()
    key = skeleton_key(request, lesson, panel_state(context), version)
    skeleton = versioned_get(key)
    if skeleton is None:
        skeleton, keep = _render_skeleton(lesson, request, context)
        if keep:
            versioned_set(key, skeleton, SKELETON_TTL_SECONDS)
    name = escape(request.user.get_full_name())
    if _wants_gzip(request):
        body = _prepared(key, skeleton).gzip({
            NAME_SLOT: name.encode(),
            # as {% csrf_token %} would: the token, and its cookie (only when a form is shown)
            CSRF_SLOT: (get_token(request).encode() if CSRF_SLOT in skeleton
                        else b"-" * CSRF_TOKEN_LENGTH)})
        if body is not None:
            response = HttpResponse(body)
            response["Content-Encoding"] = "gzip"  # GZipMiddleware leaves it as it is
            patch_vary_headers(response, ("Accept-Encoding",))
            return response
    html = skeleton.replace(NAME_SLOT, name)
    if CSRF_SLOT in html:  # as {% csrf_token %} would: the token, and its cookie
        html = html.replace(CSRF_SLOT, get_token(request))
    return HttpResponse(html)


GZIP_MIDDLEWARE = "django.middleware.gzip.GZipMiddleware"
# key -> (the skeleton text it was made from, its compressed runs)
_prepared_skeletons: dict[str, tuple[str, Prepared]] = {}


def _wants_gzip(request) -> bool:
    """What GZipMiddleware would decide for this page (it is always over 200 bytes)."""
    return (GZIP_MIDDLEWARE in settings.MIDDLEWARE
            and re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) is not None)


def _prepared(key: str, skeleton: str) -> Prepared:
    """The skeleton's fixed runs compressed once per worker (courses/lesson_gzip.py), under the
    skeleton's own key (it holds the content version)."""
    # Only for this very skeleton text: a key can come back with another text when version
    # numbers repeat (a restored database; rolled-back tests), and the old runs would serve an
    # older page (a lesson's previous blocks).
    kept = _prepared_skeletons.get(key)
    if kept is not None and kept[0] == skeleton:  # identity first: a few µs at most
        return kept[1]
    if len(_prepared_skeletons) >= LOCAL_MAX_ENTRIES:
        _prepared_skeletons.clear()
    prepared = Prepared(skeleton, (NAME_SLOT, CSRF_SLOT), {CSRF_SLOT: CSRF_TOKEN_LENGTH})
    _prepared_skeletons[key] = (skeleton, prepared)
    return prepared


def _render_skeleton(lesson, request, context: dict) -> tuple[str, bool]:
    full = {**Page.get_context(lesson, request), **context,
            "csrf_token": CSRF_SLOT, "user": _NameSlot(request.user),
            "save_data": save_data(request)}
    nonce_before = getattr(request, "_csp_nonce", None)
    html = render_to_string(lesson.get_template(request), full, request=request)
    # A nonce is per response: a page that used one is this request's only.
    keep = getattr(request, "_csp_nonce", None) is nonce_before is None
    return html, keep
