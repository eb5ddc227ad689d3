from django.contrib import admin

from .models import GuardianLinkEvent, LinkCode, NewsPhoto, NewsPost


@admin.register(LinkCode)
class LinkCodeAdmin(admin.ModelAdmin):
    list_display = ("learner", "created_by", "created_at", "expires_at", "used_at")
    raw_id_fields = ("learner", "created_by", "used_by")
    exclude = ("code_hash",)


class NewsPhotoInline(admin.TabularInline):
    model = NewsPhoto
    extra = 0


@admin.register(NewsPost)
class NewsPostAdmin(admin.ModelAdmin):
    list_display = ("__str__", "unit", "author", "created_at", "removed_at")
    raw_id_fields = ("unit", "author", "removed_by")
    inlines = [NewsPhotoInline]


@admin.register(GuardianLinkEvent)
class GuardianLinkEventAdmin(admin.ModelAdmin):
    """Read-only audit trail of links and revocations."""

    list_display = ("link", "action", "via", "actor", "at")
    list_filter = ("action", "via")
    raw_id_fields = ("link", "actor")

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
