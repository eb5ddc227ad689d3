"""Sign-in with a one-time code: two-step sign-in after the password, and "sign in with a code
instead of a password". The codes themselves live in lms.accounts.services.signin. Pending
sign-ins are kept in the (pre-login) session for 10 minutes; login() cycles the session key on
success."""

import time

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from lms.http import client_address, safe_next_url
from lms.units.access import PublicView, public

from . import lockout
from .backends import user_for_identifier
from .forms import CodeForm, CodeRequestForm, RecoveryCodeForm
from .models import SignInPurpose, User
from .navigation import signed_in_home
from .services import recovery, signin

TWO_STEP_KEY = "hocmo_two_step"
CODE_LOGIN_KEY = "hocmo_code_login"
PENDING_SECONDS = signin.CODE_TTL_SECONDS
CODE_BACKEND = "lms.accounts.backends.AccountBackend"


def _pending(request, key: str) -> dict | None:
    data = request.session.get(key)
    if not data or time.time() - data.get("at", 0) > PENDING_SECONDS:
        request.session.pop(key, None)
        return None
    return data


def _finish(request, user, backend: str, next_url: str):
    """The real sign-in: user_logged_in fires (navigation flags), the session key changes."""
    login(request, user, backend=backend)
    return redirect(next_url) if next_url else signed_in_home(request)


def _sent_notice(request) -> None:
    messages.info(request, _("Nếu thông tin bạn nhập có tài khoản HọcMở, chúng tôi vừa gửi "
                             "một mã 6 chữ số. Mã có hiệu lực 10 phút."))


def _too_many_requests() -> str:
    return _("Bạn đã yêu cầu mã quá nhiều lần. Vui lòng đợi một phút rồi thử lại.")


class SignInView(PublicView, auth_views.LoginView):
    """The password form; users with two-step sign-in on go on to enter a code."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        channel = signin.two_step_channel(user)
        if not channel:
            return super().form_valid(form)
        self.request.session[TWO_STEP_KEY] = {
            "uid": user.pk, "backend": user.backend, "next": self.get_redirect_url(),
            "at": time.time(), "tries": 0}
        # Whoever knows the password may ask for a code; throttled per user and address.
        if signin.request_allowed(f"user:{user.pk}", client_address(self.request)):
            signin.code_request(purpose=SignInPurpose.TWO_STEP, user_id=user.pk)
        return redirect("accounts:two_step")


@public
@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def two_step(request):
    pending = _pending(request, TWO_STEP_KEY)
    if pending is None:
        messages.warning(request, _("Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại."))
        return redirect("accounts:login")
    user = User.objects.filter(pk=pending["uid"], is_active=True).first()
    account = user.get_username() if user else ""
    if request.method == "POST" and not lockout.signin_allowed(request, account):
        return lockout.lockout_response(request)
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and request.POST.get("action") == "resend":
        if signin.request_allowed(f"user:{pending['uid']}", client_address(request)):
            signin.code_request(purpose=SignInPurpose.TWO_STEP, user_id=pending["uid"])
            messages.info(request, _("Đã gửi lại mã."))
        else:
            messages.warning(request, _too_many_requests())
        return redirect("accounts:two_step")
    using_recovery = request.method == "POST" and request.POST.get("action") == "recovery"
    recovery_form = RecoveryCodeForm(request.POST if using_recovery else None)
    if using_recovery:
        form = CodeForm()
        if recovery_form.is_valid():
            if recovery.recovery_code_use(user, recovery_form.cleaned_data["recovery_code"]):
                request.session.pop(TWO_STEP_KEY, None)
                messages.warning(request, _(
                    "Bạn vừa dùng một mã dự phòng (còn %(left)d mã). Nếu bạn mất điện thoại "
                    "hoặc hộp thư, hãy đổi cách nhận mã trong trang Bảo mật đăng nhập.")
                    % {"left": recovery.recovery_codes_left(user)})
                return _finish(request, user, pending["backend"],
                               safe_next_url(request, pending["next"]))
            lockout.signin_failed(request, account)
            response = _wrong_code(request, TWO_STEP_KEY, pending, recovery_form,
                                   "accounts:login", field="recovery_code")
            if response is not None:
                return response
    elif request.method == "POST" and form.is_valid():
        if signin.code_verify(user, purpose=SignInPurpose.TWO_STEP,
                              code=form.cleaned_data["code"]):
            request.session.pop(TWO_STEP_KEY, None)
            return _finish(request, user, pending["backend"],
                           safe_next_url(request, pending["next"]))
        lockout.signin_failed(request, account)
        response = _wrong_code(request, TWO_STEP_KEY, pending, form, "accounts:login")
        if response is not None:
            return response
    if request.method == "POST":
        status = 400
    channel = signin.two_step_channel(user) if user else ""
    return render(request, "accounts/code_enter.html", {
        "form": form, "recovery_form": recovery_form, "title": _("Đăng nhập hai bước"),
        "channel": channel}, status=status)


def _wrong_code(request, key, pending, form, restart_url, field="code"):
    pending["tries"] = pending.get("tries", 0) + 1
    request.session[key] = pending
    if pending["tries"] >= signin.MAX_ATTEMPTS:
        request.session.pop(key, None)
        messages.error(request, _("Bạn đã nhập sai mã quá nhiều lần. Hãy bắt đầu lại."))
        return redirect(restart_url)
    form.add_error(field, _("Mã không đúng hoặc đã hết hạn."))
    return None


@public
@csrf_protect
@never_cache
def code_login(request):
    """Step 1: the phone or email. The answer is the same whether an account exists or not."""
    if request.user.is_authenticated:
        return signed_in_home(request)
    next_url = safe_next_url(request, request.POST.get("next") or request.GET.get("next", ""))
    form = CodeRequestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            identifier = form.cleaned_data["identifier"]
            if signin.request_allowed(identifier, client_address(request)):
                signin.code_request(purpose=SignInPurpose.CODE_LOGIN, identifier=identifier)
                request.session[CODE_LOGIN_KEY] = {"id": identifier, "next": next_url,
                                                   "at": time.time(), "tries": 0}
                _sent_notice(request)
                return redirect("accounts:code_login_verify")
            form.add_error(None, _too_many_requests())
            status = 429
    return render(request, "accounts/code_login.html", {"form": form, "next": next_url},
                  status=status)


@public
@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def code_login_verify(request):
    """Step 2: the code. Unknown identifiers go through the same checks and the same error."""
    pending = _pending(request, CODE_LOGIN_KEY)
    if pending is None:
        messages.warning(request, _("Mã đã hết hạn. Hãy yêu cầu mã mới."))
        return redirect("accounts:code_login")
    if request.method == "POST" and not lockout.signin_allowed(request, pending["id"]):
        return lockout.lockout_response(request)
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and request.POST.get("action") == "resend":
        if signin.request_allowed(pending["id"], client_address(request)):
            signin.code_request(purpose=SignInPurpose.CODE_LOGIN, identifier=pending["id"])
            pending["at"], pending["tries"] = time.time(), 0
            request.session[CODE_LOGIN_KEY] = pending
            _sent_notice(request)
        else:
            messages.warning(request, _too_many_requests())
        return redirect("accounts:code_login_verify")
    if request.method == "POST":
        status = 400
        if form.is_valid():
            user = user_for_identifier(pending["id"])
            if (signin.code_verify(user, purpose=SignInPurpose.CODE_LOGIN,
                                   code=form.cleaned_data["code"])
                    and user is not None and user.is_active):  # a None user never verifies
                request.session.pop(CODE_LOGIN_KEY, None)
                return _finish(request, user, CODE_BACKEND, safe_next_url(request, pending["next"]))
            lockout.signin_failed(request, pending["id"])
            response = _wrong_code(request, CODE_LOGIN_KEY, pending, form, "accounts:code_login")
            if response is not None:
                return response
    return render(request, "accounts/code_enter.html", {
        "form": form, "title": _("Đăng nhập bằng mã"), "identifier": pending["id"]},
        status=status)
