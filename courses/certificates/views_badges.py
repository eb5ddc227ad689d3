"""Open Badges 3.0 endpoints: the issuer profile, its published keys and status lists (English
machine URLs under /verify/, public), checking a pasted or uploaded credential on /verify/, and
the learner's download of their signed credential."""

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from lms.units.access import public, signed_in

from . import openbadges, selectors, services, verification
from .models import Certificate

JWT_TYPE = "application/vc+jwt"


def _issuer_name(issuer: str) -> str:
    name = selectors.issuer_name(issuer)
    if name is None:
        raise Http404
    return name


def _json(data: dict, max_age: int) -> JsonResponse:
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = f"public, max-age={max_age}"
    return response


@public
def issuer(request, issuer: str):
    return _json(openbadges.issuer_profile(issuer, _issuer_name(issuer)), 3600)


@public
def issuer_keys(request, issuer: str):
    """The JWKS verifiers check signatures with: the signing key and every retired one."""
    _issuer_name(issuer)
    keys = selectors.published_keys() or [services.issuer_key_signing()]
    return _json({"keys": [key.public_jwk for key in keys]}, 300)


@public
def status_list(request, issuer: str, number: int):
    """The issuer's Bitstring Status List credential, signed; verifiers may cache it for
    CERTIFICATE_STATUS_LIST_MAX_AGE seconds (also its `ttl`)."""
    name = _issuer_name(issuer)
    if number >= openbadges.MAX_LISTS:
        raise Http404
    token = services.status_list_sign(issuer, number, name)
    response = HttpResponse(token, content_type=JWT_TYPE)
    response["Cache-Control"] = f"public, max-age={settings.CERTIFICATE_STATUS_LIST_MAX_AGE}"
    return response


def _submitted_text(request) -> tuple[str, str]:
    """(text, error) from the form: the pasted text or the uploaded file, size-limited."""
    upload = request.FILES.get("file")
    if upload is not None:
        if upload.size > verification.MAX_BYTES:
            return "", _("Tệp quá lớn (tối đa 64 KB).")
        try:
            return upload.read(verification.MAX_BYTES + 1).decode("utf-8"), ""
        except UnicodeDecodeError:
            return "", _("Tệp không phải văn bản UTF-8.")
    text = request.POST.get("credential", "")
    if not text.strip():
        return "", _("Hãy dán chứng nhận hoặc chọn tệp.")
    return text, ""


@public
def verify_home(request):
    """/verify/: look a code up, or check a credential (pasted JSON/JWT or an uploaded file)."""
    if request.method == "GET" and request.GET.get("code", "").strip():
        code = request.GET["code"].strip().upper()[:40]
        if code.isascii() and code.isalnum():
            return redirect("certificates:verify", code=code)
    outcome, error, status = None, "", 200
    if request.method == "POST":
        text, error = _submitted_text(request)
        if error:
            status = 400
        else:
            outcome = verification.check(text)
    elif request.method != "GET":
        return HttpResponse(status=405)
    response = render(request, "certificates/verify_home.html",
                      {"outcome": outcome, "error": error}, status=status)
    response["Cache-Control"] = "no-store"
    return response


def _own_certificate(request, code: str) -> Certificate:
    from .views import _visible_certificate

    return _visible_certificate(request, code)


@signed_in
def badge_download(request, code: str):
    """The learner's signed credential (VC-JWT) to put in a wallet or send to a school."""
    certificate = _own_certificate(request, code)
    if not certificate.is_valid:
        return HttpResponse(_("Chứng chỉ này đã bị thu hồi."), status=410)
    response = HttpResponse(services.credential_sign(certificate), content_type=JWT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="chung-chi-{certificate.code}.jwt"'
    response["Cache-Control"] = "private, no-store"
    return response


@public
def open_badge(request, code: str):
    """The signed credential in its JSON form (a VC 2.0 `EnvelopedVerifiableCredential`): the
    same facts as the public verify page, for systems that read JSON."""
    certificate = get_object_or_404(Certificate, code=code.strip().upper()[:20])
    data = {"@context": [openbadges.VC_CONTEXT], "type": "EnvelopedVerifiableCredential",
            "id": verification.ENVELOPE_PREFIX + services.credential_sign(certificate)}
    response = JsonResponse(data)
    response["Cache-Control"] = "no-store"
    return response
