"""One-time sign-in codes (6 digits) by SMS or email: after the password for users who turned on
two-step sign-in, or instead of a password ("sign in with a code").

Rules: only an HMAC-SHA256 of the code is stored (keyed by SECRET_KEY and bound to the user and
purpose); a code lives 10 minutes, is used once, allows 5 attempts; a new code retires the
previous one; requests are throttled per identifier (1 a minute, 5 an hour) and per address
(5 a minute, 30 an hour) through the cache; comparisons are constant-time.

No user enumeration: the code-login request path is the same whatever the phone/email — the
view checks the throttle and queues `signin_code_deliver` with the typed identifier; the task
(a Celery worker in production) looks the account up and sends only if there is exactly one.
The code never passes through the broker: the task makes it."""

import datetime
import hashlib
import hmac
import logging
import secrets

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lms import throttle
from lms.common.phone import phone_normalise

from ..backends import identifier_query, user_for_identifier
from ..delivery import DeliveryError, Message, message_send
from ..models import SignInChannel, SignInCode, SignInPreference, SignInPurpose
from .recovery import recovery_codes_forget, recovery_codes_issue

log = logging.getLogger("hocmo.signin")

CODE_TTL_SECONDS = 600
MAX_ATTEMPTS = 5
# (scope, window seconds, most requests in the window)
THROTTLE_RULES = (("id", 60, 1), ("id", 3600, 5), ("ip", 60, 5), ("ip", 3600, 30))


def _digest(user_id: int, purpose: str, code: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"signin:{user_id}:{purpose}:{code}".encode(), hashlib.sha256).hexdigest()


def normalise_code(value: str) -> str:
    return "".join(ch for ch in (value or "") if ch.isdigit())[:6]


# --- Throttle --------------------------------------------------------------------------------


def _throttle_identity(identifier: str) -> str:
    """One key for every spelling of a phone number ("0912 111 222", "+84912111222") or an
    email's case, so a spelling variant does not get a fresh budget."""
    value = identifier.strip().lower()
    prefix, _sep, rest = value.rpartition(":")  # "reset:0912…" → "reset:" + the number
    if "@" not in rest and identifier_query(rest) is not None:
        rest = phone_normalise(rest)
    return f"{prefix}:{rest}" if prefix else rest


def _throttle_keys(identifier: str, ip: str) -> list[tuple[str, int, int]]:
    ident = hashlib.sha256(_throttle_identity(identifier).encode()).hexdigest()[:32]
    values = {"id": ident, "ip": ip or "-"}
    return [(f"signin:req:{scope}:{window}:{values[scope]}", window, limit)
            for scope, window, limit in THROTTLE_RULES]


def request_allowed(identifier: str, ip: str) -> bool:
    """Counts one code request for the identifier and the client address; False (and nothing
    counted) when either is over its limit. The same answer for known and unknown identifiers."""
    keys = _throttle_keys(identifier, ip)
    if any(throttle.attempts(key) >= limit for key, _window, limit in keys):
        return False
    for key, window, _limit in keys:
        throttle.attempt_count(key, window)
    return True


# --- Issue and send --------------------------------------------------------------------------


def channel_for(user, preferred: str = "") -> str | None:
    """The preferred channel if the user has its address, else the other one, else None."""
    order = [preferred] if preferred else []
    order += [SignInChannel.SMS, SignInChannel.EMAIL]
    for channel in order:
        if channel == SignInChannel.SMS and user.phone:
            return SignInChannel.SMS
        if channel == SignInChannel.EMAIL and user.email:
            return SignInChannel.EMAIL
    return None


def code_issue(user, *, purpose: str, channel: str) -> tuple[SignInCode, str]:
    """A new code for `user` (older live codes for the same purpose are retired). Returns the
    row and the plain code, which is only ever handed to the sender."""
    now = timezone.now()
    SignInCode.objects.filter(user=user, purpose=purpose, used_at__isnull=True,
                              expires_at__gt=now).update(expires_at=now)
    code = f"{secrets.randbelow(10 ** 6):06d}"
    row = SignInCode.objects.create(
        user=user, purpose=purpose, channel=channel, code_hash=_digest(user.pk, purpose, code),
        expires_at=now + datetime.timedelta(seconds=CODE_TTL_SECONDS))
    return row, code


def code_message(user, row: SignInCode, code: str) -> Message:
    with translation.override(getattr(user, "preferred_language", "") or "vi"):
        text = _("HọcMở: mã đăng nhập của bạn là %(code)s, có hiệu lực 10 phút. "
                 "Không chia sẻ mã này với ai.") % {"code": code}
        subject = _("Mã đăng nhập HọcMở: %(code)s") % {"code": code}
        body = _("Xin chào %(name)s,\n\nMã đăng nhập HọcMở của bạn là: %(code)s\n\n"
                 "Mã có hiệu lực 10 phút và chỉ dùng được một lần. Nếu bạn không yêu cầu "
                 "mã này, hãy bỏ qua thư; không ai có thể đăng nhập nếu không có mã.") % {
            "name": user.get_full_name(), "code": code}
    key = f"signin:{row.pk}"
    if row.channel == SignInChannel.SMS:
        return Message("sms", key, user.phone, subject, text)  # the transport folds it
    return Message("email", key, user.email, subject, body)


def code_send(user, *, purpose: str, channel: str) -> bool:
    """Issues and sends a code at once through the notifications adapter (not the delivery
    queue: a sign-in code must not wait for quiet hours or retries, nor be kept in plain text
    in a notification row). Returns False when the send failed (the user can ask again)."""
    row, code = code_issue(user, purpose=purpose, channel=channel)
    try:
        message_send(code_message(user, row, code))
    except DeliveryError as exc:
        log.warning("sign-in code %s not sent: %s", row.pk, exc)
        return False
    return True


def code_deliver(*, purpose: str, identifier: str = "", user_id: int | None = None) -> bool:
    """What the task does: find the account (by identifier for code login, by id for two-step)
    and send it a code. Unknown, ambiguous or inactive accounts get nothing, silently."""
    from lms.accounts.models import User

    if user_id is not None:
        user = User.objects.filter(pk=user_id).first()
        preferred = two_step_channel(user) if user else ""
    else:
        user = user_for_identifier(identifier)
        preferred = SignInChannel.EMAIL if "@" in identifier else SignInChannel.SMS
    if user is None or not user.is_active:
        return False
    channel = channel_for(user, preferred)
    if channel is None or (user_id is None and channel != preferred):
        return False  # code login answers on the channel that was typed, nothing else
    return code_send(user, purpose=purpose, channel=channel)


def code_request(*, purpose: str, identifier: str = "", user_id: int | None = None) -> None:
    from ..tasks import signin_code_deliver

    signin_code_deliver.delay(purpose=purpose, identifier=identifier, user_id=user_id)


# --- Verify ----------------------------------------------------------------------------------


def code_verify(user, *, purpose: str, code: str) -> bool:
    """True once for the right code of the user's newest live code. Every try counts (a
    conditional UPDATE, so parallel guesses cannot exceed the limit)."""
    code = normalise_code(code)
    now = timezone.now()
    if user is None:
        hmac.compare_digest(_digest(0, purpose, code), _digest(0, purpose, "x"))
        return False
    expected = _digest(user.pk, purpose, code)
    row = (SignInCode.objects.filter(user=user, purpose=purpose, used_at__isnull=True,
                                     expires_at__gt=now).order_by("-created_at").first())
    if row is None:
        hmac.compare_digest(expected, expected)
        return False
    counted = SignInCode.objects.filter(pk=row.pk, used_at__isnull=True,
                                        attempts__lt=MAX_ATTEMPTS).update(
        attempts=F("attempts") + 1)
    if not counted or not hmac.compare_digest(row.code_hash, expected) or len(code) != 6:
        return False
    return bool(SignInCode.objects.filter(pk=row.pk, used_at__isnull=True).update(used_at=now))


# --- Two-step preference ---------------------------------------------------------------------


def two_step_channel(user) -> str:
    """The channel for the user's two-step codes, or "" when two-step is off (or impossible)."""
    pref = SignInPreference.objects.filter(user=user, two_step=True).first()
    if pref is None:
        return ""
    return channel_for(user, pref.channel) or ""


def two_step_update(user, *, enabled: bool, channel: str) -> list[str]:
    """Turns two-step sign-in on or off. Turning it on (from off) makes ten recovery codes and
    returns them, to be shown once; turning it off deletes them. Otherwise returns []."""
    with transaction.atomic():
        was_on = SignInPreference.objects.filter(user=user, two_step=True).exists()
        SignInPreference.objects.update_or_create(
            user=user, defaults={"two_step": enabled, "channel": channel})
        if not enabled:
            recovery_codes_forget(user)
        elif not was_on:
            return recovery_codes_issue(user)
    return []


__all__ = ["SignInPurpose", "code_deliver", "code_request", "code_verify", "request_allowed"]
