"""Activities, attendance and photos. Photos go through lms.families.images.photo_prepare
(decoded, resized to ≤ 1280 px, re-encoded as JPEG without EXIF/GPS) before anything is
written; they start private and an adviser marks the ones fit for the public page."""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.families.images import photo_prepare

from ..models import Activity, ActivityPhoto, Attendance, Club, Membership, MembershipStatus
from ..permissions import can_manage_club

MAX_PHOTOS_PER_UPLOAD = 6
MAX_PHOTOS_PER_ACTIVITY = 30


def _check(actor, club: Club) -> None:
    if not can_manage_club(actor, club):
        raise PermissionError(_("Bạn không quản lý câu lạc bộ này."))


def _prepare_photos(photos, already: int = 0) -> list:
    photos = list(photos or [])
    if len(photos) > MAX_PHOTOS_PER_UPLOAD:
        raise ValidationError({"photos": _("Tối đa %(n)s ảnh mỗi lần tải lên.")
                               % {"n": MAX_PHOTOS_PER_UPLOAD}})
    if already + len(photos) > MAX_PHOTOS_PER_ACTIVITY:
        raise ValidationError({"photos": _("Mỗi hoạt động có tối đa %(n)s ảnh.")
                               % {"n": MAX_PHOTOS_PER_ACTIVITY}})
    prepared = []
    for upload in photos:  # validate every photo before writing anything
        try:
            prepared.append(photo_prepare(upload))
        except ValidationError as exc:
            raise ValidationError({"photos": exc.messages}) from exc
    return prepared


def _check_date(club: Club, day: datetime.date) -> None:
    if day > timezone.localdate():
        raise ValidationError({"date": _("Chỉ ghi nhận hoạt động đã diễn ra.")})
    if day < club.founded_on:
        raise ValidationError({"date": _("Ngày hoạt động trước ngày thành lập câu lạc bộ.")})


def attendance_candidates(club: Club, day: datetime.date, activity: Activity | None = None):
    """Members who can be ticked: the club's members on `day`, plus anyone already marked."""
    from lms.accounts.models import User

    on_day = Membership.objects.filter(
        club=club, joined_on__lte=day, status__in=[MembershipStatus.ACTIVE,
                                                   MembershipStatus.LEFT]
    ).exclude(left_on__lt=day)
    query = Q(pk__in=on_day.values("user_id"))
    if activity is not None and activity.pk:
        query |= Q(pk__in=Attendance.objects.filter(activity=activity).values("user_id"))
    return User.objects.filter(query).order_by("name_key", "username")


def attendance_set(*, actor, activity: Activity, present_ids) -> int:
    """Replaces the set of present members: saving the same list twice is a no-op."""
    _check(actor, activity.club)
    present = {int(pk) for pk in present_ids}
    allowed = set(attendance_candidates(activity.club, activity.date, activity)
                  .values_list("pk", flat=True))
    if present - allowed:
        raise ValidationError({"present": _("Chỉ điểm danh được thành viên câu lạc bộ.")})
    with transaction.atomic():
        Attendance.objects.filter(activity=activity).exclude(user_id__in=present).delete()
        Attendance.objects.bulk_create(
            [Attendance(activity=activity, user_id=pk) for pk in sorted(present)],
            ignore_conflicts=True)
    return len(present)


def _write_photos(activity: Activity, prepared, alt: str, public: bool) -> None:
    for content, width, height in prepared:
        photo = ActivityPhoto(activity=activity, width=width, height=height, alt=alt[:200],
                              is_public=public)
        photo.image.save(f"{uuid.uuid4().hex}.jpg", content, save=False)
        photo.save()


def activity_save(*, actor, club: Club, activity: Activity | None = None, date, title: str,
                  description: str = "", location: str = "", present_ids=(), photos=(),
                  alt: str = "", photos_public: bool = False) -> Activity:
    """Creates (activity=None) or updates an activity with its attendance and new photos, all
    or nothing."""
    _check(actor, club)
    if activity is not None and activity.club_id != club.pk:
        raise PermissionError(_("Hoạt động không thuộc câu lạc bộ này."))
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Hãy nhập tên hoạt động.")})
    _check_date(club, date)
    already = activity.photos.count() if activity else 0
    prepared = _prepare_photos(photos, already)
    with transaction.atomic():
        if activity is None:
            activity = Activity(club=club, created_by=actor)
        activity.date, activity.title = date, title[:200]
        activity.description, activity.location = description[:4000], location[:200]
        activity.save()
        attendance_set(actor=actor, activity=activity, present_ids=present_ids)
        _write_photos(activity, prepared, alt, photos_public)
    return activity


def activity_delete(*, actor, activity: Activity) -> None:
    _check(actor, activity.club)
    with transaction.atomic():
        for photo in activity.photos.all():
            photo.image.delete(save=False)
        activity.delete()


def photo_update(*, actor, photo: ActivityPhoto, is_public: bool, alt: str | None = None):
    _check(actor, photo.activity.club)
    photo.is_public = is_public
    if alt is not None:
        photo.alt = alt[:200]
    photo.save(update_fields=["is_public", "alt"])
    return photo


def photo_delete(*, actor, photo: ActivityPhoto) -> None:
    _check(actor, photo.activity.club)
    photo.image.delete(save=False)
    photo.delete()
