"""The clubs' writes (issue 17: writes go through services): `clubs` (clubs and
memberships), `activities` (activities, attendance, photos). The names are re-exported here,
so `from lms.clubs.services import club_create` keeps working."""

from .activities import (
    MAX_PHOTOS_PER_ACTIVITY,
    MAX_PHOTOS_PER_UPLOAD,
    activity_delete,
    activity_save,
    attendance_candidates,
    attendance_set,
    photo_delete,
    photo_update,
)
from .clubs import (
    CLUB_FIELDS,
    club_create,
    club_update,
    members_add,
    membership_decide,
    membership_end,
    membership_request,
)

__all__ = [
    "CLUB_FIELDS",
    "MAX_PHOTOS_PER_ACTIVITY",
    "MAX_PHOTOS_PER_UPLOAD",
    "activity_delete",
    "activity_save",
    "attendance_candidates",
    "attendance_set",
    "club_create",
    "club_update",
    "members_add",
    "membership_decide",
    "membership_end",
    "membership_request",
    "photo_delete",
    "photo_update",
]
