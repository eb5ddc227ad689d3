from django.contrib import admin

from .models import CourseCompletion, Enrolment, LessonProgress
from .progress_cache import learner_progress_bump


class _BumpsProgressGeneration(admin.ModelAdmin):
    """Deleting enrolments or progress here changes what the learners' lesson pages show: their
    progress generations are replaced (courses/progress_cache.py; saves bump through
    courses/receivers.py)."""

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        learner_progress_bump([obj.user_id])

    def delete_queryset(self, request, queryset):
        user_ids = list(queryset.values_list("user_id", flat=True).distinct())
        super().delete_queryset(request, queryset)
        learner_progress_bump(user_ids)


@admin.register(Enrolment)
class EnrolmentAdmin(_BumpsProgressGeneration):
    list_display = ("user", "course", "source", "created_at", "last_activity_at")
    list_filter = ("source",)
    raw_id_fields = ("user", "course", "enrolled_by", "via_unit", "last_lesson")


@admin.register(LessonProgress)
class LessonProgressAdmin(_BumpsProgressGeneration):
    list_display = ("user", "lesson", "percent", "completed_at", "time_spent_seconds")
    raw_id_fields = ("user", "lesson", "course")


@admin.register(CourseCompletion)
class CourseCompletionAdmin(admin.ModelAdmin):
    list_display = ("user", "course", "completed_at")
    raw_id_fields = ("user", "course")
