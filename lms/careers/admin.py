"""Back-office tables (Django admin): employers, postings, applications, outcomes."""

from django.contrib import admin

from .models import Application, Employer, EmployerMember, EmploymentOutcome, JobPosting


class MemberInline(admin.TabularInline):
    model = EmployerMember
    raw_id_fields = ["user"]
    extra = 0


@admin.register(Employer)
class EmployerAdmin(admin.ModelAdmin):
    list_display = ["name", "tax_code", "unit", "approved", "created_at"]
    list_filter = ["approved"]
    search_fields = ["name", "tax_code"]
    raw_id_fields = ["unit", "approved_by"]
    inlines = [MemberInline]


@admin.register(JobPosting)
class JobPostingAdmin(admin.ModelAdmin):
    list_display = ["title", "employer", "kind", "status", "deadline"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "employer__name"]
    raw_id_fields = ["employer", "occupation", "created_by"]
    filter_horizontal = ["required_courses"]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["learner", "posting", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["learner", "posting"]
    filter_horizontal = ["certificates"]


@admin.register(EmploymentOutcome)
class EmploymentOutcomeAdmin(admin.ModelAdmin):
    list_display = ["learner", "status", "employer_name", "date", "source", "recorded_at"]
    list_filter = ["status", "source"]
    raw_id_fields = ["learner", "recorded_by", "occupation"]
