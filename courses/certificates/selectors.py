"""Reads for certificates: a learner's list, counts for reports."""

from .models import Certificate


def certificates_of(user):
    return list(Certificate.objects.filter(user=user).select_related("course")
                .order_by("-issued_at"))


def certified_learner_ids(course_ids=None, *, include_revoked: bool = False):
    """Learners holding a (valid) certificate; reports can count them without raw progress."""
    rows = Certificate.objects.filter(course__isnull=False)  # awards are not course training
    if not include_revoked:
        rows = rows.filter(revoked_at__isnull=True)
    if course_ids is not None:
        rows = rows.filter(course_id__in=course_ids)
    return rows.values_list("user_id", flat=True).distinct()


def issuer_name(issuer: str) -> str | None:
    """The name an Open Badges issuer id stands for: HọcMở itself, or an existing unit (by id);
    None for anything else (unknown issuer)."""
    from lms.units.models import Unit

    from .openbadges import SITE_ISSUER, SITE_NAME

    if issuer == SITE_ISSUER:
        return SITE_NAME
    if not (issuer.isascii() and issuer.isdigit()) or len(issuer) > 12:
        return None
    return Unit.objects.filter(pk=int(issuer)).values_list("name", flat=True).first()


def published_keys():
    """Every key that verifiers may use: the signing one and the retired ones, not withdrawn."""
    from .models import IssuerKey

    return list(IssuerKey.objects.filter(withdrawn_at__isnull=True))


def published_key(kid: str):
    from .models import IssuerKey

    return IssuerKey.objects.filter(kid=kid, withdrawn_at__isnull=True).first()


def revoked_indexes(issuer: str, number: int) -> list[int]:
    """Bits set in the issuer's status list `number`: its revoked certificates in that range."""
    from .openbadges import LIST_SIZE, SITE_ISSUER

    rows = Certificate.objects.filter(revoked_at__isnull=False, pk__gte=number * LIST_SIZE,
                                      pk__lt=(number + 1) * LIST_SIZE)
    rows = (rows.filter(issuing_unit__isnull=True) if issuer == SITE_ISSUER
            else rows.filter(issuing_unit_id=int(issuer)))
    return [pk % LIST_SIZE for pk in rows.values_list("pk", flat=True)]
