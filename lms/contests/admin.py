"""Back-office set-up of contests: rounds per level with dates and promotion counts, and each
round's rubric. Entries and round units are listed for support, not edited here."""

from django.contrib import admin

from .models import Contest, Criterion, Entry, JudgeAssignment, Round, RoundUnit


class RoundInline(admin.TabularInline):
    model = Round
    extra = 0
    fields = ["order", "name", "level", "submission_deadline", "judging_deadline",
              "results_date", "promote_count", "normalisation"]
    show_change_link = True


@admin.register(Contest)
class ContestAdmin(admin.ModelAdmin):
    list_display = ["title", "year", "organiser_unit", "is_published"]
    list_filter = ["year", "is_published"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["organiser_unit"]
    inlines = [RoundInline]


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 1
    fields = ["order", "name", "description", "weight", "min_score", "max_score"]


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["name", "contest", "order", "level", "submission_deadline",
                    "judging_deadline", "promote_count", "normalisation"]
    list_filter = ["contest", "level"]
    inlines = [CriterionInline]


class JudgeInline(admin.TabularInline):
    model = JudgeAssignment
    fk_name = "round_unit"
    extra = 0
    raw_id_fields = ["judge", "assigned_by"]


@admin.register(RoundUnit)
class RoundUnitAdmin(admin.ModelAdmin):
    list_display = ["round", "unit", "published_at"]
    list_filter = ["round__contest", "round"]
    raw_id_fields = ["unit", "published_by"]
    inlines = [JudgeInline]


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    list_display = ["title", "contest", "school", "status", "submitted_at", "updated_at"]
    list_filter = ["contest", "status"]
    search_fields = ["title"]
    raw_id_fields = ["school", "mentor", "created_by"]
    readonly_fields = ["submitted_at"]
