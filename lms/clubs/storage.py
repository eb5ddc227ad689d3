"""Club photos live outside MEDIA_ROOT: they show minors, so no web server may serve them
directly; only lms.clubs.views_photos.photo checks who may see one and streams it."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class ClubPhotoStorage(FileSystemStorage):
    """Reads its root from settings on every use, so tests can point it at a temp dir."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        media_root = str(settings.MEDIA_ROOT).rstrip("/")
        return getattr(settings, "HOCMO_CLUBS_PHOTO_ROOT", "") or f"{media_root}-clubs"

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):  # no public URL: always through the view
        raise ValueError("Club photos have no public URL")

    def deconstruct(self):
        return ("lms.clubs.storage.ClubPhotoStorage", (), {})


club_photo_storage = ClubPhotoStorage()
