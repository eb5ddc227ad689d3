from django.contrib import admin

from .models import Activity, ActivityPhoto, Club, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ("user", "decided_by")


@admin.register(Club)
class ClubAdmin(admin.ModelAdmin):
    list_display = ("name", "unit", "field", "is_public", "founded_on", "closed_on")
    list_filter = ("field", "is_public")
    search_fields = ("name", "name_folded")
    raw_id_fields = ("unit", "created_by")
    filter_horizontal = ("advisers",)
    exclude = ("name_folded",)
    inlines = [MembershipInline]


class ActivityPhotoInline(admin.TabularInline):
    model = ActivityPhoto
    extra = 0
    fields = ("alt", "is_public", "width", "height")
    readonly_fields = ("width", "height")


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ("title", "club", "date")
    raw_id_fields = ("club", "created_by")
    inlines = [ActivityPhotoInline]
