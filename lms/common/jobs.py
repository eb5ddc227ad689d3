"""The fields of a file built in the background for one person (a report export, a plan's annex
PDF): its progress for the status page, the bytes once built, or the error. The bytes are kept in
the database, not under MEDIA_URL, so only the checking download view can hand them out."""

from django.db import models


class BuiltFile(models.Model):
    progress = models.PositiveSmallIntegerField(default=0)
    content = models.BinaryField(blank=True, null=True)
    filename = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
