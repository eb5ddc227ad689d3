"""Forgotten and changed passwords: "Quên mật khẩu?" (a link by email or a code by SMS, the same
answer whether an account exists or not), the link's set-password page (also the parents'
invitation), and "Đổi mật khẩu" (the current password required; a code for accounts that never
had a password). The work is in services/passwords.py."""

import time

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from lms.http import client_address
from lms.units.access import PublicView, public, signed_in

from . import lockout
from .forms import ResetCodeForm, ResetRequestForm
from .reauth import is_fresh, reauth_redirect
from .receivers import MUST_CHANGE_KEY
from .services import passwords

RESET_KEY = "hocmo_reset"
PENDING_SECONDS = 600
MAX_TRIES = 5


def _sent_notice(request) -> None:
    messages.info(request, _("Nếu thông tin bạn nhập có tài khoản HọcMở, chúng tôi vừa gửi "
                             "hướng dẫn đặt lại mật khẩu: một liên kết qua email, hoặc một mã "
                             "6 chữ số qua SMS (hiệu lực 10 phút)."))


@public
@csrf_protect
@never_cache
def reset_request(request):
    form = ResetRequestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            identifier = form.cleaned_data["identifier"]
            if passwords.password_reset_request(identifier, client_address(request)):
                _sent_notice(request)
                if "@" in identifier:
                    return redirect("accounts:login")
                request.session[RESET_KEY] = {"id": identifier, "at": time.time(), "tries": 0}
                return redirect("accounts:password_reset_code")
            form.add_error(None, _("Bạn đã yêu cầu quá nhiều lần. Vui lòng đợi một phút rồi "
                                   "thử lại."))
            status = 429
    return render(request, "accounts/password_reset.html", {"form": form}, status=status)


@public
@sensitive_post_parameters("code", "new_password1", "new_password2")
@csrf_protect
@never_cache
def reset_code(request):
    """The SMS code and the new password. Unknown numbers go through the same checks."""
    pending = request.session.get(RESET_KEY)
    if not pending or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        request.session.pop(RESET_KEY, None)
        messages.warning(request, _("Mã đã hết hạn. Hãy yêu cầu mã mới."))
        return redirect("accounts:password_reset")
    form = ResetCodeForm(None, request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            user = passwords.password_reset_code_check(pending["id"], form.cleaned_data["code"])
            if user is not None:
                form.user = user
                passwords.password_form_save(form)
                passwords.password_reset_done(user, ip=client_address(request))
                request.session.pop(RESET_KEY, None)
                messages.success(request, _("Đã đặt mật khẩu mới. Hãy đăng nhập."))
                return redirect("accounts:login")
            # Not counted towards the sign-in lockout: a reset is how a locked-out owner gets
            # back in. Each code allows 5 tries and codes are throttled (5 an hour).
            pending["tries"] = pending.get("tries", 0) + 1
            request.session[RESET_KEY] = pending
            if pending["tries"] >= MAX_TRIES:
                request.session.pop(RESET_KEY, None)
                messages.error(request, _("Bạn đã nhập sai mã quá nhiều lần. Hãy bắt đầu lại."))
                return redirect("accounts:password_reset")
            form.add_error("code", _("Mã không đúng hoặc đã hết hạn."))
    return render(request, "accounts/password_reset_code.html",
                  {"form": form, "identifier": pending["id"]}, status=status)


class SetPasswordView(PublicView, auth_views.PasswordResetConfirmView):
    """The emailed link (a reset, or a new parent's invitation): Django's one-time token."""

    template_name = "accounts/set_password.html"
    success_url = reverse_lazy("accounts:set_password_done")

    def form_valid(self, form):
        response = super().form_valid(form)
        passwords.password_reset_done(form.user, ip=client_address(self.request))
        return response


@sensitive_post_parameters("old_password", "new_password1", "new_password2")
@signed_in
@never_cache
def password_change(request):
    """The current password is asked for; an account that has none (a parent invited by the
    school who signs in with codes) confirms with a fresh code first (reauth)."""
    user = request.user
    has_password = user.has_usable_password()
    if not has_password and not is_fresh(request):
        return reauth_redirect(request)
    if request.method == "POST" and not lockout.signin_allowed(request, user.get_username()):
        return lockout.lockout_response(request)
    form_class = PasswordChangeForm if has_password else SetPasswordForm
    form = form_class(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        passwords.password_form_save(form)
        update_session_auth_hash(request, form.user)  # this session stays signed in
        passwords.password_changed(form.user, ip=client_address(request))
        request.session.pop(MUST_CHANGE_KEY, None)
        messages.success(request, _("Đã đổi mật khẩu."))
        return redirect("accounts:security")
    if request.method == "POST" and "old_password" in form.errors:
        lockout.signin_failed(request, user.get_username())
    return render(request, "accounts/password_change.html",
                  {"form": form, "has_password": has_password,
                   "must_change": bool(request.session.get(MUST_CHANGE_KEY))},
                  status=400 if form.errors else 200)
