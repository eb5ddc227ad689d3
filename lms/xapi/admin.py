from django.contrib import admin

from .models import Client, LessonScore, Statement


@admin.register(Client)
class ClientAdmin(admin.ModelAdmin):
    """Create tools with `manage.py xapi_client_create` (it prints the secret once)."""

    list_display = ["name", "key", "scopes", "records_progress", "is_active", "created_at"]
    readonly_fields = ["key", "secret_hash"]


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["id", "actor_key", "verb_id", "activity_id", "stored", "voided"]
    list_filter = ["voided"]
    search_fields = ["actor_key", "activity_id"]
    show_full_result_count = False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(LessonScore)
class LessonScoreAdmin(admin.ModelAdmin):
    list_display = ["user", "lesson", "best_scaled", "attempts", "updated_at"]
    raw_id_fields = ["user", "lesson"]
