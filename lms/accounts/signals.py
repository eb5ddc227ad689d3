"""Signals sent by accounts for the apps above it (received in lms/notifications/events.py)."""

from django.dispatch import Signal

# A security change on an account the owner must hear about: kwargs `user`, `context`
# ({"title", "body", "sms", "url"}) and `channels` (["in_app", "sms", "email"] as available).
security_notice = Signal()
