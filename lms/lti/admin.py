"""Registrations are managed by superusers in the Django admin (/django-admin/lti/); the tools
are Wagtail snippets too (wagtail_hooks.py) so editors can choose them in a lesson block."""

from django.contrib import admin

from .models import LtiKey, LtiPlatform, LtiTool, LtiToolLink


@admin.register(LtiPlatform)
class LtiPlatformAdmin(admin.ModelAdmin):
    list_display = ("name", "issuer", "client_id", "unit", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "issuer", "client_id")
    raw_id_fields = ("unit",)


@admin.register(LtiTool)
class LtiToolAdmin(admin.ModelAdmin):
    list_display = ("name", "client_id", "deployment_id", "launch_url", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "client_id")
    readonly_fields = ("client_id", "deployment_id")


@admin.register(LtiToolLink)
class LtiToolLinkAdmin(admin.ModelAdmin):
    list_display = ("tool", "lesson", "url", "title")
    raw_id_fields = ("lesson",)


@admin.register(LtiKey)
class LtiKeyAdmin(admin.ModelAdmin):
    list_display = ("kid", "created_at", "retired_at", "published_until")
    readonly_fields = ("kid", "public_jwk", "created_at", "retired_at", "published_until")

    def has_add_permission(self, request):  # keys are made by lti_key_rotate
        return False
