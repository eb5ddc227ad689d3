"""Public verification, and certificates for learners, their parents and teachers. Anyone may
verify a code; everything else checks lms.units.permissions (can_view_learner)."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.accounts.models import User
from lms.units.access import public, requires, signed_in
from lms.units.capabilities import Capability
from lms.units.permissions import can_view_learner

from . import permissions, selectors, services
from .models import Certificate


@public
def verify(request, code: str):
    certificate = (Certificate.objects.filter(code=code.strip().upper())
                   .only("code", "learner_name", "course_title", "course_id", "issued_at",
                         "revoked_at")
                   .first())
    response = render(request, "certificates/verify.html", {"c": certificate, "code": code},
                      status=200 if certificate else 404)
    response["Cache-Control"] = "no-store"  # a revocation must show at once
    return response


def _visible_certificate(request, code: str) -> Certificate:
    certificate = get_object_or_404(Certificate.objects.select_related("user", "issuing_unit"),
                                    code=code)
    if not (can_view_learner(request.user, certificate.user, Capability.VIEW_CERTIFICATES)
            or permissions.can_revoke(request.user, certificate)):
        raise Http404  # do not reveal that the code exists
    return certificate


@signed_in
def my_certificates(request):
    return render(request, "certificates/list.html", {
        "learner": request.user, "certificates": selectors.certificates_of(request.user),
        "own": True})


@signed_in
def learner_certificates(request, user_id: int):
    learner = get_object_or_404(User, pk=user_id)
    if not can_view_learner(request.user, learner, Capability.VIEW_CERTIFICATES):
        raise Http404
    return render(request, "certificates/list.html", {
        "learner": learner, "certificates": selectors.certificates_of(learner),
        "own": learner.pk == request.user.pk})


@signed_in
def detail(request, code: str):
    certificate = _visible_certificate(request, code)
    return render(request, "certificates/detail.html", {
        "c": certificate, "can_revoke": permissions.can_revoke(request.user, certificate)})


@signed_in
def download(request, code: str):
    certificate = _visible_certificate(request, code)
    if not certificate.is_valid:  # a revoked certificate must not circulate as a clean PDF
        return HttpResponse(_("Chứng chỉ này đã bị thu hồi."), status=410)
    if not certificate.pdf:
        services.certificate_render(certificate)
    return FileResponse(certificate.pdf.open("rb"), as_attachment=True,
                        filename=f"chung-chi-{certificate.code}.pdf",
                        content_type="application/pdf")


@require_POST
@requires(Capability.REVOKE_CERTIFICATES)
def revoke(request, code: str):
    certificate = get_object_or_404(Certificate.objects.select_related("issuing_unit"), code=code)
    if not permissions.can_revoke(request.user, certificate):
        raise Http404
    try:
        services.certificate_revoke(actor=request.user, certificate=certificate,
                                    reason=request.POST.get("reason", ""))
    except ValueError as exc:
        return render(request, "certificates/detail.html", {
            "c": certificate, "can_revoke": True, "reason_error": str(exc)}, status=400)
    messages.success(request, _("Đã thu hồi chứng chỉ %(code)s.") % {"code": certificate.code})
    return redirect("certificates:detail", code=certificate.code)
