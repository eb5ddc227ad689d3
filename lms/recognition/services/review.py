"""State changes: rules, review (confirm/reject with certificates) and households."""

import datetime
from typing import cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.certificates.services import award_issue
from lms.notifications.announcements import recognition_notify
from lms.units.models import Unit

from ..generations import recognition_counts_changed
from ..models import (
    Candidate,
    CandidateStatus,
    Household,
    HouseholdMember,
    RecognitionKind,
    RecognitionRule,
)
from ..permissions import can_manage_recognition, can_review
from ..rules import RULE_FIELDS


def rule_save(*, actor, unit: Unit, year: int, values: dict) -> RecognitionRule:
    if not can_manage_recognition(actor, unit):
        raise PermissionDenied
    rule, _created = RecognitionRule.objects.update_or_create(
        unit=unit, year=year,
        defaults={**{f: values[f] for f in RULE_FIELDS if f in values}, "created_by": actor})
    return rule


def _certificate_holder(candidate: Candidate):
    """Citizens get their own certificate; a family's goes to the household head (if they
    have an account); a community or unit is not a person and gets none."""
    if candidate.kind == RecognitionKind.CITIZEN:
        return candidate.user
    if candidate.kind == RecognitionKind.FAMILY:
        return cast(Household, candidate.household).head  # a family always has one
    return None


def _issuing_unit(candidate: Candidate) -> Unit:
    return candidate.commune or candidate.scope_unit


def candidate_confirm(*, actor, candidate: Candidate, render: bool = True) -> Candidate:
    """Confirm once (a conditional UPDATE: a second confirm changes nothing) and issue the
    certificate through award_issue, itself idempotent per holder and award key."""
    if not can_review(actor, candidate):
        raise PermissionDenied
    with transaction.atomic():
        won = Candidate.objects.filter(pk=candidate.pk, status=CandidateStatus.PENDING).update(
            status=CandidateStatus.CONFIRMED, reviewed_by=actor, reviewed_at=timezone.now(),
            reason="")
        candidate.refresh_from_db()
        if not won:
            if candidate.status != CandidateStatus.CONFIRMED:
                raise ValidationError(_("Đề xuất này đã được xét duyệt."))
            return candidate
        recognition_counts_changed()  # the dashboard panel's counts (panels.py)
        holder = _certificate_holder(candidate)
        if holder is not None:
            subject_id = candidate.subject_key.rsplit(":", 1)[1]
            key = f"recognition:{candidate.kind}:{candidate.year}:{subject_id}"
            certificate, _created = award_issue(
                user=holder, award_key=key,
                title=_("%(title)s năm %(year)s") % {"title": candidate.get_kind_display(),
                                                     "year": candidate.year},
                citation=(_("Hộ gia đình %(name)s được công nhận danh hiệu")
                          % {"name": candidate.display_name}
                          if candidate.kind == RecognitionKind.FAMILY
                          else _("được công nhận danh hiệu")),
                issuing_unit=_issuing_unit(candidate), hours=min(candidate.hours, 32767),
                render=render)
            Candidate.objects.filter(pk=candidate.pk).update(certificate=certificate)
            candidate.certificate = certificate
            transaction.on_commit(lambda: recognition_notify(candidate, holder, certificate))
    return candidate


def candidate_reject(*, actor, candidate: Candidate, reason: str) -> Candidate:
    if not can_review(actor, candidate):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Hãy nêu lý do không công nhận.")})
    won = Candidate.objects.filter(pk=candidate.pk, status=CandidateStatus.PENDING).update(
        status=CandidateStatus.REJECTED, reviewed_by=actor, reviewed_at=timezone.now(),
        reason=reason[:300])
    candidate.refresh_from_db()
    if not won and candidate.status != CandidateStatus.REJECTED:
        raise ValidationError(_("Đề xuất này đã được xét duyệt."))
    return candidate


def household_create(*, actor, commune: Unit, name: str, head=None,
                     joined_on: datetime.date | None = None) -> Household:
    """A household; its head (if given, with an account) becomes its first member."""
    if not can_manage_recognition(actor, commune):
        raise PermissionDenied
    with transaction.atomic():
        household = Household.objects.create(name=name.strip(), commune=commune, head=head,
                                             created_by=actor)
        if head is not None:
            household_member_add(actor=actor, household=household, user=head,
                                 relation=_("Chủ hộ"),
                                 joined_on=joined_on or timezone.localdate())
    return household


def household_member_add(*, actor, household: Household, joined_on: datetime.date, user=None,
                         full_name: str = "", relation: str = "") -> HouseholdMember:
    """Add a member (with an account, or a name only). A person who moves in ends their open
    membership elsewhere on the same day, so they are never in two households at once."""
    if not can_manage_recognition(actor, household.commune):
        raise PermissionDenied
    name = (full_name or "").strip() or (user.get_full_name() if user else "")
    if not name:
        raise ValidationError({"full_name": _("Hãy nhập họ tên thành viên.")})
    with transaction.atomic():
        if user is not None:
            current = HouseholdMember.objects.select_for_update().filter(
                user=user, left_on__isnull=True)
            if current.filter(household=household).exists():
                raise ValidationError(_("Người này đã là thành viên của hộ."))
            if current.filter(joined_on__gte=joined_on).exists():
                raise ValidationError({"joined_on": _(
                    "Ngày vào hộ phải sau ngày vào hộ hiện tại của người này.")})
            current.update(left_on=joined_on)
        return HouseholdMember.objects.create(household=household, user=user, full_name=name,
                                              relation=relation.strip(), joined_on=joined_on)


def household_member_leave(*, actor, member: HouseholdMember,
                           left_on: datetime.date) -> HouseholdMember:
    if not can_manage_recognition(actor, member.household.commune):
        raise PermissionDenied
    if member.left_on is not None:
        return member
    if left_on <= member.joined_on:
        raise ValidationError({"left_on": _("Ngày rời hộ phải sau ngày vào hộ.")})
    HouseholdMember.objects.filter(pk=member.pk, left_on__isnull=True).update(left_on=left_on)
    member.refresh_from_db()
    return member
