"""The account's security page (two-step sign-in, recovery codes, password) behind a fresh
re-authentication (reauth.py), and the confirmation page itself: the current password, or a
one-time code sent to the account's phone or email. Failed confirmations count towards the
sign-in lockout like failed sign-ins; every change is recorded and the owner notified."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from lms.http import client_address, safe_next_url
from lms.units.access import signed_in

from . import lockout, reauth
from .forms import CodeForm, ReauthPasswordForm, TwoStepForm
from .models import AccountAction, SignInPreference, SignInPurpose
from .services import passwords, recovery, signin


@sensitive_post_parameters("password", "code")
@signed_in
@never_cache
def confirm(request):
    user = request.user
    next_url = safe_next_url(request, request.POST.get("next") or request.GET.get("next", ""),
                             default=reverse("accounts:security"))
    channel = signin.channel_for(user, signin.two_step_channel(user))
    action = request.POST.get("action", "")
    if request.method == "POST" and not lockout.signin_allowed(request, user.get_username()):
        return lockout.lockout_response(request)
    password_form = ReauthPasswordForm(request.POST if action == "password" else None)
    code_form = CodeForm(request.POST if action == "code" else None)
    code_sent = action in ("send", "code")
    status = 200
    if request.method == "POST":
        if action == "send" and channel:
            if signin.request_allowed(f"user:{user.pk}", client_address(request)):
                signin.code_send(user, purpose=SignInPurpose.REAUTH, channel=channel)
                messages.info(request, _("Đã gửi mã 6 chữ số, có hiệu lực 10 phút."))
            else:
                messages.warning(request, _("Bạn đã yêu cầu mã quá nhiều lần. Vui lòng đợi "
                                            "một phút rồi thử lại."))
        elif action == "password" and password_form.is_valid():
            if user.has_usable_password() and user.check_password(
                    password_form.cleaned_data["password"]):
                reauth.mark_fresh(request)
                return redirect(next_url)
            lockout.signin_failed(request, user.get_username())
            password_form.add_error("password", _("Mật khẩu không đúng."))
            status = 400
        elif action == "code" and code_form.is_valid():
            if signin.code_verify(user, purpose=SignInPurpose.REAUTH,
                                  code=code_form.cleaned_data["code"]):
                reauth.mark_fresh(request)
                return redirect(next_url)
            lockout.signin_failed(request, user.get_username())
            code_form.add_error("code", _("Mã không đúng hoặc đã hết hạn."))
            status = 400
        else:
            status = 400
    return render(request, "accounts/reauth.html", {
        "password_form": password_form, "code_form": code_form, "code_sent": code_sent,
        "channel": channel, "has_password": user.has_usable_password(), "next": next_url},
        status=status)


@signed_in
@never_cache
def security(request):
    """Two-step sign-in on/off, the channel, recovery codes, and the link to change the
    password. Turning two-step on (or asking for new codes) shows ten recovery codes, once."""
    if not reauth.is_fresh(request):
        return reauth.reauth_redirect(request)
    user = request.user
    ip = client_address(request)
    pref = SignInPreference.objects.filter(user=user).first()
    was_on = bool(pref and pref.two_step)
    if request.method == "POST" and request.POST.get("action") == "recovery_new":
        if not was_on:
            return redirect("accounts:security")
        codes = recovery.recovery_codes_issue(user)
        passwords.account_event_record(user, AccountAction.RECOVERY_CODES_NEW, actor=user, ip=ip)
        passwords.security_notify(user, AccountAction.RECOVERY_CODES_NEW)
        return _recovery_codes_page(request, codes)
    initial = {"two_step": was_on, "channel": pref.channel if pref else ""}
    form = TwoStepForm(request.POST or None, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        enabled = form.cleaned_data["two_step"]
        channel = form.cleaned_data.get("channel") or "sms"
        codes = signin.two_step_update(user, enabled=enabled, channel=channel)
        change = _change(was_on, enabled, pref.channel if pref else "", channel)
        if change:
            passwords.account_event_record(user, change, actor=user, ip=ip)
            passwords.security_notify(user, change)
        messages.success(request, _("Đã bật đăng nhập hai bước.") if enabled
                         else _("Đã tắt đăng nhập hai bước."))
        if codes:
            return _recovery_codes_page(request, codes)
        return redirect("accounts:security")
    return render(request, "accounts/security.html", {
        "form": form, "two_step_on": was_on, "has_password": user.has_usable_password(),
        "recovery_left": recovery.recovery_codes_left(user) if was_on else 0},
        status=400 if form.errors else 200)


def _change(was_on: bool, enabled: bool, old_channel: str, channel: str) -> str:
    if was_on != enabled:
        return AccountAction.TWO_STEP_ON if enabled else AccountAction.TWO_STEP_OFF
    if enabled and old_channel != channel:
        return AccountAction.TWO_STEP_CHANNEL
    return ""


def _recovery_codes_page(request, codes: list[str]):
    # Shown once, never cached (never_cache on the view); only their HMACs are kept.
    return render(request, "accounts/recovery_codes.html", {"codes": codes})
