from django.db import models


class ContentVersion(models.Model):
    """One row whose number goes up on every publish, unpublish, move or delete. Every cached
    page, route and outline is keyed by it, so a published change shows at once on every web
    node, while a request pays one primary-key read to learn it."""

    version = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"content version {self.version}"
