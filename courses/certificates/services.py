"""Issuing and revoking certificates. Issuing is idempotent (unique user+course): only the call
that creates the row renders the PDF's first copy and announces `certificate_issued`, on commit."""

import secrets

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import CourseCompletion, CoursePage
from lms.units.models import Role, RoleKind, Unit

from .models import Certificate
from .permissions import can_revoke
from .signals import certificate_issued, certificate_revoked

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read aloud


def certificate_code() -> str:
    return "HM" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))


def issuing_unit_for(user) -> Unit | None:
    """The learner's school: the parent of their current class (newest learner role)."""
    role = (Role.objects.filter(user=user, kind=RoleKind.LEARNER, ended_at__isnull=True)
            .select_related("unit").order_by("-created_at").first())
    if role is None:
        return None
    return role.unit.get_parent() if role.unit.kind.is_class else role.unit


def certificate_issue(*, user, course: CoursePage, require_quizzes: bool = True,
                      render: bool = True) -> tuple[Certificate | None, bool]:
    """Issue the learner's certificate for a completed course. Returns (certificate, created);
    (None, False) when the course is not completed or a required quiz is not passed yet."""
    existing = Certificate.objects.filter(user=user, course=course).first()
    if existing is not None:  # the download view renders a missing PDF on first use
        return existing, False
    completion = CourseCompletion.objects.filter(user=user, course=course).first()
    if completion is None:
        return None, False
    if require_quizzes:
        from courses.quizzes.selectors import quiz_lessons_passed

        if not quiz_lessons_passed(user, course):
            return None, False
    unit = issuing_unit_for(user)
    certificate, created = _create_once(
        {"user": user, "course": course},
        learner_name=user.get_full_name(), course_title=course.title,
        hours=course.estimated_hours, issuing_unit=unit,
        issuing_unit_name=unit.name if unit else "")
    if not created:
        return certificate, False
    if render:
        certificate_render(certificate)
    transaction.on_commit(
        lambda: certificate_issued.send(sender=Certificate, certificate=certificate))
    return certificate, True


def award_issue(*, user, award_key: str, title: str, citation: str, issuing_unit: Unit | None,
                hours: int = 0, render: bool = True) -> tuple[Certificate, bool]:
    """Issue an award (a certificate without a course): a contest prize, a recognition title.
    Idempotent per (user, award_key); returns (certificate, created). `title` is the big line of
    the PDF (e.g. "Giải Nhất — Cuộc thi …"), `citation` the line above it (e.g. "đã đạt")."""
    if not award_key:
        raise ValueError("award_key is required")
    existing = Certificate.objects.filter(user=user, award_key=award_key).first()
    if existing is not None:
        return existing, False
    certificate, created = _create_once(
        {"user": user, "award_key": award_key}, course=None, citation=citation[:300],
        learner_name=user.get_full_name() or user.get_username(), course_title=title[:255],
        hours=hours, issuing_unit=issuing_unit,
        issuing_unit_name=issuing_unit.name if issuing_unit else "")
    if not created:
        return certificate, False
    if render:
        certificate_render(certificate)
    return certificate, True


def _create_once(lookup: dict, **fields) -> tuple[Certificate, bool]:
    """Creates the certificate `lookup` names (unique per learner and course or award key);
    when a concurrent task created it first (or, very rarely, a code clashed), returns that one."""
    try:
        with transaction.atomic():
            return Certificate.objects.create(**lookup, **fields, code=certificate_code(),
                                              issued_at=timezone.now()), True
    except IntegrityError:
        existing = Certificate.objects.filter(**lookup).first()
        if existing is None:
            raise
        return existing, False


def certificate_render(certificate: Certificate) -> Certificate:
    """(Re)render the PDF and store it; the stored file is what learners download."""
    from .pdf import certificate_pdf

    data = certificate_pdf(certificate)
    if certificate.pdf:
        certificate.pdf.delete(save=False)
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(data), save=False)
    Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)
    return certificate


def certificate_revoke(*, actor, certificate: Certificate, reason: str) -> bool:
    """Revoke with a reason (school admins or officers over the issuing unit). Returns True if
    this call revoked it; revoking twice keeps the first reason."""
    if not can_revoke(actor, certificate):
        raise PermissionError(_("Bạn không có quyền thu hồi chứng chỉ này."))
    reason = (reason or "").strip()
    if not reason:
        raise ValueError(_("Cần ghi lý do thu hồi."))
    done = Certificate.objects.filter(pk=certificate.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=actor, revoke_reason=reason[:300])
    certificate.refresh_from_db()
    if done == 1:
        transaction.on_commit(
            lambda: certificate_revoked.send(sender=Certificate, certificate=certificate))
    return done == 1


# --- Open Badges 3.0: the key ring and signed documents (see signing.py, openbadges.py) ---

def issuer_key_signing():
    """The key that signs now: the newest not retired; the first one is made on first use."""
    from . import signing
    from .models import IssuerKey

    key = IssuerKey.objects.filter(retired_at__isnull=True, withdrawn_at__isnull=True).first()
    if key is None:
        kid, public, pem = signing.new_key_pair()
        key = IssuerKey.objects.create(kid=kid, public_jwk=public, private_pem=pem)
    return key


def issuer_key_rotate():
    """A new signing key; the old ones stop signing but stay published, so every credential
    they signed keeps verifying."""
    from .models import IssuerKey

    IssuerKey.objects.filter(retired_at__isnull=True).update(retired_at=timezone.now())
    return issuer_key_signing()


def issuer_key_withdraw(kid: str) -> bool:
    """A compromised key: no longer published, so whatever it signed stops verifying
    (re-download the credentials to have them signed again by the current key)."""
    from .models import IssuerKey

    now = timezone.now()
    return IssuerKey.objects.filter(kid=kid, withdrawn_at__isnull=True).update(
        withdrawn_at=now, retired_at=now) == 1


def _sign(payload: dict, issuer: str) -> str:
    from . import signing
    from .openbadges import keys_url

    key = issuer_key_signing()
    try:
        private = signing.private_key(key.private_pem)
    except ValueError:  # the key password changed: the stored key cannot be opened any more
        key = issuer_key_rotate()  # its public half stays published
        private = signing.private_key(key.private_pem)
    return signing.sign(payload, key=private, kid=f"{keys_url(issuer)}#{key.kid}")


def credential_sign(certificate: Certificate) -> str:
    """The certificate's OpenBadgeCredential as a VC-JWT (compact JWS)."""
    from .openbadges import credential, issuer_of

    return _sign(credential(certificate), issuer_of(certificate))


def status_list_sign(issuer: str, number: int, name: str) -> str:
    """The issuer's Bitstring Status List credential `number`, signed, as of now."""
    from .openbadges import status_list_credential
    from .selectors import revoked_indexes

    return _sign(status_list_credential(issuer, number, name, revoked_indexes(issuer, number),
                                        timezone.now()), issuer)
