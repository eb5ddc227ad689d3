"""Club photos live outside MEDIA_ROOT: they show minors, so no web server may serve them
directly; only lms.clubs.views.photo checks who may see one and streams it."""

from lms.private_storage import PrivateFileStorage


class ClubPhotoStorage(PrivateFileStorage):
    root_setting = "HOCMO_CLUBS_PHOTO_ROOT"
    media_suffix = "clubs"


club_photo_storage = ClubPhotoStorage()
