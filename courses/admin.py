from django.contrib import admin

from .models import CourseCompletion, Enrolment, LessonProgress


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    list_display = ("user", "course", "source", "created_at", "last_activity_at")
    list_filter = ("source",)
    raw_id_fields = ("user", "course", "enrolled_by", "via_unit", "last_lesson")


@admin.register(LessonProgress)
class LessonProgressAdmin(admin.ModelAdmin):
    list_display = ("user", "lesson", "percent", "completed_at", "time_spent_seconds")
    raw_id_fields = ("user", "lesson", "course")


@admin.register(CourseCompletion)
class CourseCompletionAdmin(admin.ModelAdmin):
    list_display = ("user", "course", "completed_at")
    raw_id_fields = ("user", "course")
