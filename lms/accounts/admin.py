from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import (
    GuardianContact,
    GuardianLink,
    LearnerProfile,
    SignInCode,
    SignInPreference,
    User,
)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (*BaseUserAdmin.fieldsets,  # type: ignore[misc]  # the stubs allow None
                 ("HọcMở", {"fields": ("full_name", "phone", "preferred_language")}))
    list_display = ("username", "full_name", "email", "phone", "is_staff")
    search_fields = ("username", "full_name", "email", "phone")


class GuardianContactInline(admin.TabularInline):
    model = GuardianContact
    extra = 0


@admin.register(LearnerProfile)
class LearnerProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "learner_code", "sex", "ethnicity", "household_status", "grade")
    list_filter = ("sex", "household_status", "grade")
    search_fields = ("user__full_name", "learner_code")
    inlines = [GuardianContactInline]
    raw_id_fields = ("user",)


@admin.register(GuardianLink)
class GuardianLinkAdmin(admin.ModelAdmin):
    list_display = ("guardian", "learner", "created_at", "revoked_at")
    raw_id_fields = ("guardian", "learner")


@admin.register(SignInCode)
class SignInCodeAdmin(admin.ModelAdmin):
    list_display = ("user", "purpose", "channel", "created_at", "expires_at", "used_at",
                    "attempts")
    raw_id_fields = ("user",)
    exclude = ("code_hash",)

    def has_add_permission(self, request):
        return False


admin.site.register(SignInPreference)
