from django.contrib import admin

from .models import Certificate


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["code", "learner_name", "course_title", "issued_at", "revoked_at"]
    search_fields = ["code", "learner_name", "course_title"]
    list_filter = ["course"]
    raw_id_fields = ["user", "course", "issuing_unit", "revoked_by"]
    readonly_fields = ["code", "issued_at"]
