from django.contrib import admin

from .models import DeadLetter, Delivery, Notification, Preference


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("title", "user", "event", "created_at", "read_at")
    list_filter = ("event",)
    raw_id_fields = ("user",)


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ("idempotency_key", "channel", "state", "attempts", "sent_at")
    list_filter = ("channel", "state")
    raw_id_fields = ("notification",)


@admin.register(DeadLetter)
class DeadLetterAdmin(admin.ModelAdmin):
    list_display = ("delivery", "created_at")
    raw_id_fields = ("delivery",)


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "in_app", "email", "sms", "zalo", "weekly_digest")
    raw_id_fields = ("user",)
