"""Roster pages: upload → mapping → preview → commit → progress and result. Thin views."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.units.access import requires
from lms.units.capabilities import Capability
from lms.units.models import Unit

from . import selectors, services
from .forms import MappingForm, UploadForm
from .models import ImportStatus
from .parsing import RosterFileError
from .reports import roster_xlsx
from .services import previews


def _import_for(request, pk: int):
    return get_object_or_404(selectors.imports_visible_to(request.user), pk=pk)


@requires(Capability.MANAGE_ROSTER)
def index(request):
    schools = selectors.schools_importable_by(request.user)
    if not schools.exists():
        raise Http404
    form = UploadForm(request.POST or None, request.FILES or None, schools=schools)
    if request.method == "POST" and form.is_valid():
        try:
            imp = services.roster_import_create(
                actor=request.user, school=form.cleaned_data["school"],
                uploaded_file=form.cleaned_data["file"],
                school_year=form.cleaned_data["school_year"])
        except RosterFileError as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("roster:mapping", pk=imp.pk)
    return render(request, "roster/index.html", {
        "form": form, "schools": schools,
        "imports": selectors.imports_visible_to(request.user)[:20],
    })


@requires(Capability.MANAGE_ROSTER)
def mapping(request, pk: int):
    imp = _import_for(request, pk)
    if imp.in_progress:
        return redirect(_progress_page(imp))
    form = MappingForm(request.POST or None, headers=imp.headers, initial_mapping=imp.mapping)
    if request.method == "POST" and form.is_valid():
        services.roster_mapping_set(imp=imp, mapping=form.mapping())
        if previews.preview_in_background(imp):
            previews.roster_preview_start(imp=imp)  # large file: a Celery task, progress bar
            return redirect("roster:preview", pk=imp.pk)
        try:
            previews.roster_preview(imp=imp)
        except RosterFileError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("roster:preview", pk=imp.pk)
    return render(request, "roster/mapping.html", {"imp": imp, "form": form})


def _progress_page(imp) -> str:
    """Where a page showing this import's progress leads once nothing runs any more."""
    if imp.is_previewing or imp.status == ImportStatus.PREVIEWED:
        return reverse("roster:preview", args=[imp.pk])
    if imp.status == ImportStatus.UPLOADED:
        return reverse("roster:mapping", args=[imp.pk])
    return reverse("roster:detail", args=[imp.pk])


@requires(Capability.MANAGE_ROSTER)
def preview(request, pk: int):
    imp = _import_for(request, pk)
    if imp.status == ImportStatus.UPLOADED:
        return redirect("roster:mapping", pk=imp.pk)
    if imp.is_previewing:
        return render(request, "roster/previewing.html", {"imp": imp})
    return render(request, "roster/preview.html", {"imp": imp})


@require_POST
@requires(Capability.MANAGE_ROSTER)
def commit(request, pk: int):
    imp = _import_for(request, pk)
    if imp.is_previewing:
        return redirect("roster:preview", pk=imp.pk)
    if imp.valid_rows == 0:
        messages.error(request, _("Không có dòng hợp lệ nào để nhập."))
        return redirect("roster:preview", pk=imp.pk)
    services.roster_commit_start(imp=imp)
    return redirect("roster:detail", pk=imp.pk)


@requires(Capability.MANAGE_ROSTER)
def detail(request, pk: int):
    imp = _import_for(request, pk)
    if imp.is_previewing:
        return redirect("roster:preview", pk=imp.pk)
    missing = imp.missing.select_related("user", "user__learner_profile", "class_unit")[:200]
    return render(request, "roster/detail.html", {"imp": imp, "missing": missing})


@requires(Capability.MANAGE_ROSTER)
def status(request, pk: int):
    imp = _import_for(request, pk)
    return JsonResponse({"status": imp.status, "status_label": imp.get_status_display(),
                         "percent": imp.percent, "processed": imp.processed_rows,
                         "total": imp.progress_total, "running": imp.in_progress})


@requires(Capability.MANAGE_ROSTER)
def progress(request, pk: int):
    """The progress bar fragment htmx polls every 2 s; once the task is done it sends the page
    on (HX-Redirect). Without JavaScript the page refreshes itself (a meta refresh)."""
    imp = _import_for(request, pk)
    response = render(request, "roster/includes/progress.html", {"imp": imp})
    if not imp.in_progress:
        response["HX-Redirect"] = _progress_page(imp)
    return response


@requires(Capability.MANAGE_ROSTER)
def error_report(request, pk: int):
    imp = _import_for(request, pk)
    if not imp.error_report:
        raise Http404
    return FileResponse(imp.error_report.open("rb"), as_attachment=True,
                        filename=f"loi-nhap-{imp.pk}.xlsx")


@requires(Capability.MANAGE_ROSTER)
def school_learners(request, unit_id: int):
    school = get_object_or_404(selectors.schools_importable_by(request.user), pk=unit_id)
    records = list(selectors.roster_records(school))
    return render(request, "roster/school.html", {"school": school, "records": records[:1000],
                                                   "count": len(records)})


@requires(Capability.MANAGE_ROSTER)
def export(request, unit_id: int):
    school: Unit = get_object_or_404(selectors.schools_importable_by(request.user), pk=unit_id)
    content = roster_xlsx(selectors.roster_records(school))
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-"
                            "officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="danh-sach-{school.pk}.xlsx"'
    return response
