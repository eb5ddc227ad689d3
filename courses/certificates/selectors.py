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
