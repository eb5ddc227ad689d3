from django.contrib import admin

from .models import Candidate, Household, HouseholdMember, RecognitionRule


@admin.register(RecognitionRule)
class RecognitionRuleAdmin(admin.ModelAdmin):
    list_display = ("unit", "year", "min_completions", "min_hours", "combine",
                    "family_min_percent", "community_min_percent", "unit_min_percent")
    list_filter = ("year",)
    raw_id_fields = ("unit", "created_by")


class HouseholdMemberInline(admin.TabularInline):
    model = HouseholdMember
    extra = 0
    raw_id_fields = ("user",)


@admin.register(Household)
class HouseholdAdmin(admin.ModelAdmin):
    list_display = ("name", "commune", "head")
    search_fields = ("name",)
    raw_id_fields = ("commune", "head", "created_by")
    inlines = [HouseholdMemberInline]


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):
    list_display = ("display_name", "kind", "year", "status", "scope_unit", "reviewed_at")
    list_filter = ("kind", "year", "status")
    search_fields = ("display_name",)
    raw_id_fields = ("user", "household", "subject_unit", "scope_unit", "commune", "reviewed_by",
                     "certificate")
    readonly_fields = ("subject_key",)
