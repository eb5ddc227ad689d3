"""The published-content version bumped on every content change (lms/pagecache/receivers.py),
so cached pages built for the old version are no longer served."""

from django.db.models import F

from .models import ContentVersion
from .versioning import forget_worker_version


def content_version_bump() -> None:
    updated = ContentVersion.objects.filter(pk=1).update(version=F("version") + 1)
    if not updated:
        ContentVersion.objects.get_or_create(pk=1, defaults={"version": 2})
    forget_worker_version()  # this worker sees the publish at once
