"""Reads for the notification pages."""

from .models import Notification


def notifications_for(user, limit: int = 50) -> list[Notification]:
    return list(Notification.objects.filter(user=user).only(
        "id", "title", "body", "url", "created_at", "read_at", "event")[:limit])


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
