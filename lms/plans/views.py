"""Thin views: permissions.py decides (404 outside the user's reach), selectors read, services
write. Every state change is a POST with CSRF; bad input re-renders the form with HTTP 400."""

from typing import cast

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lms.common.query import param
from lms.units.access import requires
from lms.units.capabilities import Capability
from lms.units.permissions import has_capability

from . import exports, permissions, selectors, services
from .files import evidence_storage
from .forms import PlanForm, TaskForm, TaskUpdateForm
from .models import AnnexExport, EvidenceFile, Plan, PlanTask, TaskStatus


def _require_staff(user) -> None:
    if not has_capability(user, Capability.READ_PLANS):
        raise Http404


@requires(Capability.READ_PLANS)
@require_GET
def index(request):
    _require_staff(request.user)
    plans = selectors.plans_with_counts(permissions.plans_visible_to(request.user))
    return render(request, "plans/index.html", {
        "plans": plans, "can_create": permissions.plan_units_for(request.user).exists()})


@requires(Capability.READ_PLANS)
@require_GET
def plan_detail(request, plan_id):
    plan = permissions.plan_or_404(request.user, plan_id)
    status = param(request.GET, "trang-thai")
    status = status if status in selectors.STATUS_FILTERS else ""
    raw_unit = param(request.GET, "don-vi")
    unit_id = int(raw_unit) if raw_unit.isdigit() else None
    return render(request, "plans/plan_detail.html", {
        "plan": plan, "tasks": selectors.plan_tasks(plan, status=status, unit_id=unit_id),
        "counts": selectors.plan_counts(plan), "figures": selectors.plan_attainments(plan),
        "units": selectors.plan_units(plan), "status": status, "unit_id": unit_id,
        "statuses": TaskStatus.choices, "can_edit": permissions.can_edit_plan(request.user, plan),
        "filtered": bool(status or unit_id)})


def _plan_form(request, plan: Plan | None):
    units = permissions.plan_units_for(request.user)
    if plan is not None:
        units = units | type(plan.issuing_unit).objects.filter(pk=plan.issuing_unit_id)
    form = PlanForm(request.POST or None, instance=plan, units=units.distinct())
    if request.method == "POST":
        if form.is_valid():
            saved = services.plan_save(actor=request.user, plan=form.save(commit=False),
                                       targets=form.cleaned_data["targets"])
            messages.success(request, _("Đã lưu kế hoạch."))
            return redirect("plans:plan_detail", plan_id=saved.pk)
        return render(request, "plans/plan_form.html", {"form": form, "plan": plan}, status=400)
    return render(request, "plans/plan_form.html", {"form": form, "plan": plan})


@requires(Capability.MANAGE_PLANS)
@require_http_methods(["GET", "POST"])
def plan_create(request):
    if not permissions.plan_units_for(request.user).exists():
        raise Http404
    return _plan_form(request, None)


@requires(Capability.MANAGE_PLANS)
@require_http_methods(["GET", "POST"])
def plan_edit(request, plan_id):
    plan = permissions.plan_or_404(request.user, plan_id)
    permissions.require_edit(request.user, plan)
    return _plan_form(request, plan)


@requires(Capability.MANAGE_PLANS)
@require_http_methods(["GET", "POST"])
def task_edit(request, plan_id, task_id=None):
    plan = permissions.plan_or_404(request.user, plan_id)
    permissions.require_edit(request.user, plan)
    task = permissions.task_or_404(request.user, plan, task_id) if task_id else PlanTask(plan=plan)
    form = TaskForm(request.POST or None, instance=task, plan=plan)
    if request.method == "POST":
        if form.is_valid():
            saved = services.task_save(task=form.save(commit=False),
                                       cooperating_units=form.cleaned_data["cooperating_units"])
            messages.success(request, _("Đã lưu nhiệm vụ."))
            return redirect("plans:task_detail", plan_id=plan.pk, task_id=saved.pk)
        status = 400
    else:
        status = 200
    return render(request, "plans/task_form.html", {"form": form, "plan": plan,
                                                    "task": task}, status=status)


def _task_page(request, plan, task, form=None, status=200):
    units = permissions.update_units(request.user, task)
    if form is None and units:
        form = TaskUpdateForm(units=units, initial={"status": task.status})
    task.overdue = selectors.task_is_overdue(task)
    task.days_overdue = (selectors.today() - task.deadline).days if task.overdue else 0
    history = list(selectors.task_history(task))
    return render(request, "plans/task_detail.html", {
        "plan": plan, "task": task, "form": form, "history": history,
        "latest": selectors.latest_by_unit(task, history),
        "status_text": selectors.task_status_text(task),
        "cooperating": exports.cooperating_label(task), "deadline": exports.deadline_label(task),
        "can_edit": permissions.can_edit_plan(request.user, plan)}, status=status)


@requires(Capability.READ_PLANS)
@require_GET
def task_detail(request, plan_id, task_id):
    plan = permissions.plan_or_404(request.user, plan_id)
    return _task_page(request, plan, permissions.task_or_404(request.user, plan, task_id))


@requires(Capability.MANAGE_PLANS)
@require_POST
def task_update(request, plan_id, task_id):
    plan = permissions.plan_or_404(request.user, plan_id)
    task = permissions.task_or_404(request.user, plan, task_id)
    units = permissions.update_units(request.user, task)
    if not units:
        raise Http404
    form = TaskUpdateForm(request.POST, request.FILES, units=units)
    if not form.is_valid():
        return _task_page(request, plan, task, form=form, status=400)
    data = form.cleaned_data
    _update, created = services.task_update_post(
        actor=request.user, task=task, unit=data["unit"], status=data["status"],
        note=data["note"], links=data["links"], files=data["files"], token=data["token"])
    if created:
        messages.success(request, _("Đã ghi nhận cập nhật của %(unit)s.")
                         % {"unit": data["unit"].name})
    return redirect("plans:task_detail", plan_id=plan.pk, task_id=task.pk)


@requires(Capability.READ_PLANS)
@require_GET
def evidence_file(request, plan_id, file_id):
    plan = permissions.plan_or_404(request.user, plan_id)
    evidence = get_object_or_404(EvidenceFile, pk=file_id, update__task__plan=plan)
    try:
        handle = evidence_storage.open(cast(str, evidence.file.name), "rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=True, filename=evidence.name,
                            content_type=evidence.content_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@requires(Capability.READ_PLANS)
@require_GET
def export_xlsx(request, plan_id):
    plan = permissions.plan_or_404(request.user, plan_id)
    return _download(exports.annex_xlsx(plan), exports.XLSX_TYPE,
                     f"phu-luc-{plan.code}.xlsx")


@requires(Capability.READ_PLANS)
@require_http_methods(["GET", "POST"])
def export_pdf(request, plan_id):
    """The annex PDF is built by a Celery task (issue 19 item 13): a POST asks for it and leads
    to its status page; a GET (an old link or bookmark) shows the button that asks."""
    plan = permissions.plan_or_404(request.user, plan_id)
    if request.method == "POST":
        job = services.annex_export_create(actor=request.user, plan=plan,
                                           language=get_language() or "vi")
        return redirect("plans:annex_status", job_id=job.pk)
    return render(request, "plans/annex_export.html", {"plan": plan, "job": None})


def _annex_job(request, job_id) -> AnnexExport:
    """The requester's own job, on a plan they may still read."""
    job = get_object_or_404(AnnexExport.objects.select_related("plan"), pk=job_id,
                            requested_by=request.user)
    permissions.plan_or_404(request.user, job.plan_id)
    return job


@requires(Capability.READ_PLANS)
@require_GET
def annex_status(request, job_id):
    job = _annex_job(request, job_id)
    return render(request, "plans/annex_export.html", {"plan": job.plan, "job": job})


@requires(Capability.READ_PLANS)
@require_GET
def annex_download(request, job_id):
    job = _annex_job(request, job_id)
    if not job.finished_at:
        raise Http404
    response = _download(bytes(job.content or b""), "application/pdf", job.filename)
    response["Cache-Control"] = "private, no-store"
    return response
