"""Private file storage shared by every feature that keeps uploads away from the web server:
library files, club photos of minors, contest entries, plan evidence. Files live outside
MEDIA_ROOT and have no public URL; only a view that checks the viewer streams them."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateFileStorage(FileSystemStorage):
    """Root: the setting named `root_setting` when set, else "<MEDIA_ROOT>-<media_suffix>".
    Read on every use, so tests can point it at a temporary directory."""

    root_setting = ""
    media_suffix = "private"

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        media_root = str(settings.MEDIA_ROOT).rstrip("/")
        return getattr(settings, self.root_setting, "") or f"{media_root}-{self.media_suffix}"

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):  # no public URL: always through the view
        raise ValueError(f"{type(self).__name__} files have no public URL")

    def deconstruct(self):
        return (f"{type(self).__module__}.{type(self).__qualname__}", (), {})
