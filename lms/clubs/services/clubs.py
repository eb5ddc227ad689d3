"""Club and membership changes. Each checks permission itself (views also check, for 404s),
runs in one transaction, and is idempotent: repeating a call leaves the same state."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lms.common.text import vn_fold
from lms.notifications.announcements import club_membership_notify

from ..models import Club, Membership, MembershipStatus
from ..permissions import (
    all_eligible_learners,
    can_create_club_at,
    can_manage_club,
    eligible_advisers,
    is_eligible_learner,
)

CLUB_FIELDS = ("name", "field", "description", "founded_on", "is_public", "closed_on")


def _unique_slug(name: str, exclude_pk=None) -> str:
    base = slugify(vn_fold(name))[:70] or "cau-lac-bo"
    slug, n = base, 2
    while Club.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _check_advisers(unit, advisers) -> list:
    allowed = set(eligible_advisers(unit).values_list("pk", flat=True))
    wrong = [a for a in advisers if a.pk not in allowed]
    if wrong:
        raise ValidationError({"advisers": _("Giáo viên phụ trách phải là giáo viên hoặc cán bộ "
                                             "quản lý của trường (hoặc cấp trên).")})
    return list(advisers)


def club_create(*, actor, unit, name: str, advisers=(), **fields) -> Club:
    if not can_create_club_at(actor, unit):
        raise PermissionError(_("Bạn không thể lập câu lạc bộ ở đơn vị này."))
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Hãy nhập tên câu lạc bộ.")})
    advisers = _check_advisers(unit, advisers)
    with transaction.atomic():
        club = Club(unit=unit, name=name, name_folded=vn_fold(name), created_by=actor,
                    slug=_unique_slug(name),
                    **{k: v for k, v in fields.items() if k in CLUB_FIELDS})
        club.full_clean(exclude=["advisers"])
        club.save()
        # The founder advises the club unless they named other advisers only.
        club.advisers.set(advisers or [actor])
    return club


def club_update(*, actor, club: Club, advisers=None, **fields) -> Club:
    if not can_manage_club(actor, club):
        raise PermissionError(_("Bạn không quản lý câu lạc bộ này."))
    if "name" in fields:
        fields["name"] = (fields["name"] or "").strip()
        if not fields["name"]:
            raise ValidationError({"name": _("Hãy nhập tên câu lạc bộ.")})
    if advisers is not None:
        advisers = _check_advisers(club.unit, advisers)
        if not advisers:
            raise ValidationError(
                {"advisers": _("Câu lạc bộ cần ít nhất một giáo viên phụ trách.")})
    with transaction.atomic():
        for key, value in fields.items():
            if key in CLUB_FIELDS:
                setattr(club, key, value)
        club.name_folded = vn_fold(club.name)
        club.full_clean(exclude=["advisers"])
        club.save()
        if advisers is not None:
            club.advisers.set(advisers)
    return club


def membership_request(*, learner, club: Club) -> Membership:
    """A learner of the club's school asks to join; the adviser decides. Asking again while
    pending, or as a member, changes nothing."""
    if not club.is_open or not is_eligible_learner(learner, club):
        raise PermissionError(_("Bạn không thể tham gia câu lạc bộ này."))
    with transaction.atomic():
        row, created = Membership.objects.select_for_update().get_or_create(
            club=club, user=learner, defaults={"status": MembershipStatus.PENDING})
        if not created and row.status in (MembershipStatus.LEFT, MembershipStatus.DECLINED):
            row.status, row.decided_by = MembershipStatus.PENDING, None
            row.save(update_fields=["status", "decided_by"])
    return row


def membership_decide(*, actor, membership: Membership, accept: bool) -> Membership:
    if not can_manage_club(actor, membership.club):
        raise PermissionError(_("Bạn không quản lý câu lạc bộ này."))
    target = MembershipStatus.ACTIVE if accept else MembershipStatus.DECLINED
    with transaction.atomic():
        # Conditional UPDATE: a second press (or a second adviser) changes nothing.
        updates = {"status": target, "decided_by": actor}
        if accept:
            updates.update(joined_on=timezone.localdate(), left_on=None)
        decided = Membership.objects.filter(
            pk=membership.pk, status=MembershipStatus.PENDING).update(**updates)
        if decided:
            transaction.on_commit(lambda: club_membership_notify(membership, accepted=accept))
    membership.refresh_from_db()
    return membership


def members_add(*, actor, club: Club, learners) -> int:
    """The adviser adds learners directly. Returns how many became members now."""
    if not can_manage_club(actor, club):
        raise PermissionError(_("Bạn không quản lý câu lạc bộ này."))
    learners = list(learners)
    if not all_eligible_learners(learners, club):
        raise ValidationError({"learners": _("Chỉ thêm được học sinh của trường.")})
    added = 0
    today = timezone.localdate()
    with transaction.atomic():
        for learner in learners:
            row, created = Membership.objects.select_for_update().get_or_create(
                club=club, user=learner, defaults={"status": MembershipStatus.ACTIVE,
                                                   "joined_on": today, "decided_by": actor})
            if not created and row.status != MembershipStatus.ACTIVE:
                row.status, row.joined_on, row.left_on = MembershipStatus.ACTIVE, today, None
                row.decided_by = actor
                row.save(update_fields=["status", "joined_on", "left_on", "decided_by"])
                created = True
            added += int(created)
    return added


def membership_end(*, actor, membership: Membership) -> Membership:
    """The learner leaves, or an adviser removes them. The row stays (past terms count it)."""
    if actor.pk != membership.user_id and not can_manage_club(actor, membership.club):
        raise PermissionError(_("Bạn không quản lý câu lạc bộ này."))
    Membership.objects.filter(pk=membership.pk, status__in=[
        MembershipStatus.ACTIVE, MembershipStatus.PENDING]).update(
        status=MembershipStatus.LEFT, left_on=timezone.localdate())
    membership.refresh_from_db()
    return membership
