from django.contrib import admin
from treebeard.admin import TreeAdmin
from treebeard.forms import movenodeform_factory

from .models import Role, Unit, UnitKind


@admin.register(UnitKind)
class UnitKindAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "is_school", "is_class", "sort_order")


@admin.register(Unit)
class UnitAdmin(TreeAdmin):
    form = movenodeform_factory(Unit, exclude=["merged_into", "merged_at"])
    list_display = ("name", "kind", "code", "school_level", "is_active")
    list_filter = ("kind", "school_level", "is_active")
    search_fields = ("name", "code")


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "unit", "created_at", "ended_at")
    list_filter = ("kind",)
    search_fields = ("user__username", "user__full_name", "unit__name")
    raw_id_fields = ("user", "unit")
