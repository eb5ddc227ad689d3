"""Signed-in pages kept rendered, with slots for what is the viewer's own (issue 18): the staff
pages (class grid, teacher's class view, officer dashboard) cost more to render — base.html and
the page's own template — than everything else their warm request does.

A page is rendered once per *key*, with two slots left in it — the CSRF token and the viewer's
name — and every later request with the same key fills them into that text: no template runs.
The key is the caller's (everything its context depends on: cache tokens, the viewer's
permissions as they bear on the page, the breadcrumbs shown) plus `viewer_key` (what base.html
shows of the viewer: the language, role flags and the capabilities kept in the session at
sign-in, the host and the full path — the language form's `next`). Callers pass the context as
a function, called only to render.

Never in a skeleton (the same rules as courses/lesson_page.py): anything of one viewer other
than the two slots; messages (a request with messages is rendered in full); CSP nonces (a
render that asked for one is not kept). Skeletons live in the worker's memory and the shared
cache (lms.pagecache.versioning), bounded there."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.contrib.messages import get_messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.crypto import salted_hmac
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from lms.pagecache.versioning import versioned_get, versioned_set

SKELETON_SECONDS = 15 * 60


def _slot(name: str) -> str:
    """A marker no one can type into a name or a title nor guess (derived from SECRET_KEY), and
    the same in every process: a skeleton one worker rendered and put in the shared cache is
    filled by another (random markers per process would leak into its pages unfilled)."""
    return f"hocmo-{name}-" + salted_hmac("lms.pagecache.skeleton", name).hexdigest()[:24]


CSRF_SLOT = _slot("csrf")
NAME_SLOT = _slot("name")
# In every skeleton's cache key: a process whose markers differ (another SECRET_KEY, e.g. after a
# rotation, or a bench's random one) never reads a skeleton it could not fill.
_SLOTS_ID = hashlib.blake2b(f"{CSRF_SLOT}|{NAME_SLOT}".encode(), digest_size=4).hexdigest()


class _NameSlot:
    """The signed-in user as the template sees it while a skeleton renders: everything is the
    user's own (all in viewer_key), except the name, which is left as a slot."""

    def __init__(self, user):
        self._user = user

    def __getattr__(self, name):
        return getattr(self._user, name)

    def get_full_name(self) -> str:
        return NAME_SLOT


def viewer_key(request) -> str:
    """What base.html shows of the viewer besides the slots (see its header cache: a session
    without capabilities is keyed by its user)."""
    user = request.user
    nav = request.session.get("hocmo_nav") or {}
    caps = nav.get("caps")
    navigation = ",".join(caps) if caps is not None else f"user:{user.pk}"
    return (f"{request.get_host()}|{request.get_full_path()}|{get_language()}|"
            f"{user.is_staff:d}{user.is_superuser:d}{bool(nav.get('parent')):d}"
            f"{bool(nav.get('author')):d}|{navigation}")


def _eligible(request) -> bool:
    return (request.method == "GET" and request.user.is_authenticated
            and not get_messages(request))  # loads them, leaves them unread


# Fill slots: one marker per context name.
_fill_slots: dict[str, str] = {}


def _fill_slot(name: str) -> str:
    slot = _fill_slots.get(name)
    if slot is None:
        slot = _fill_slots.setdefault(name, _slot(f"fill-{name}"))
    return slot


def skeleton_response(request, name: str, key: str, template: str,
                      context: Callable[[], dict],
                      fills: dict[str, str] | None = None) -> HttpResponse:
    """`template` rendered with `context()` for `request`, from the skeleton kept under
    (`name`, `key`, the viewer's key) when there is one. `fills`: context names whose values
    (safe HTML, e.g. a body or panels cached elsewhere under their own keys) change more often
    than the page around them: left as slots in the skeleton, filled per request, so they need
    not be in `key`."""
    fills = fills or {}
    if not _eligible(request):
        return render(request, template, {**context(), **{
            k: mark_safe(v) for k, v in fills.items()}})  # noqa: S308 - callers' safe HTML
    digest = hashlib.blake2b(f"{key}|{viewer_key(request)}".encode(),
                             digest_size=16).hexdigest()
    full_key = f"skeleton:{name}:{_SLOTS_ID}:{digest}"
    skeleton = versioned_get(full_key)
    if skeleton is None:
        values = {**context(), "csrf_token": CSRF_SLOT, "user": _NameSlot(request.user),
                  **{k: mark_safe(_fill_slot(k)) for k in fills}}  # noqa: S308 - a marker
        nonce_before = getattr(request, "_csp_nonce", None)
        skeleton = render_to_string(template, values, request=request)
        # A nonce is per response: a page that used one is this request's only.
        if getattr(request, "_csp_nonce", None) is nonce_before is None:
            versioned_set(full_key, skeleton, SKELETON_SECONDS)
    html = skeleton.replace(NAME_SLOT, escape(request.user.get_full_name()))
    if CSRF_SLOT in html:  # as {% csrf_token %} would: the token, and its cookie
        html = html.replace(CSRF_SLOT, get_token(request))
    for slot_name, value in fills.items():  # last: the filled HTML is never scanned for slots
        html = html.replace(_fill_slot(slot_name), value)
    return HttpResponse(html)
