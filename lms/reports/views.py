"""Thin views: check access with permissions.py (built on lms.units.permissions), call selectors or
services, render. Forbidden units and objects answer 404."""

import csv
import json

from django.contrib import messages
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lms.common.generations import generations_read_together
from lms.common.prefetch import prefetched
from lms.common.query import param
from lms.pagecache.skeleton import skeleton_response
from lms.pagecache.versioning import content_version, versioned_get, versioned_set
from lms.units.access import requires
from lms.units.capabilities import Capability
from lms.units.generations import UNITS, class_tokens, unit_kept
from lms.units.models import Unit
from lms.units.permissions import can_manage_unit, can_reorganise, home_units

from . import selectors
from .class_grid import class_grid, class_grid_head, class_grid_json
from .dashboard import Crumb, dashboard_body, dashboard_generations
from .exports import CONTENT_TYPES
from .forms import ExportForm, ReturnForm, TargetForm
from .models import ExportJob, ReportSubmission, Target
from .panels import dashboard_panels_render
from .permissions import can_edit_targets, can_review_submission, report_unit
from .services import target_save
from .services.exports import export_job_create
from .services.submissions import (
    SubmissionError,
    children_submissions,
    submission_approve,
    submission_create,
    submission_return,
)


@requires(Capability.VIEW_REPORTS)
@require_GET
def index(request):
    units = home_units(request.user, Capability.VIEW_REPORTS)
    if len(units) == 1:
        return redirect("reports:dashboard", unit_id=units[0].pk)
    return render(request, "reports/index.html", {"units": units})


def _top_paths(user):
    return [u.path for u in home_units(user, Capability.VIEW_REPORTS)]


@requires(Capability.VIEW_REPORTS)
@require_GET
def dashboard(request, unit_id):
    """Permission on every request (the user's roles, one query); everything else of a warm
    request comes from this worker's memory after ONE cache round trip: the generation tokens
    of the unit tree (the unit's own row, lms/units/generations.py), of the body (figures,
    children, splits, trend: dashboard.py) and of the panels, read together; the page around
    them is a skeleton (lms/pagecache/skeleton.py) keyed by what this viewer may follow and open.
    Breadcrumbs, links and the export form are the viewer's own. The tokens usually come with
    the session (lms/common/prefetch.py): then no round trip of its own at all."""
    with generations_read_together(dashboard_generations(unit_id),
                                   prefetched(request)) as tokens:
        unit = unit_kept(unit_id, tokens[UNITS])
        if unit is None or not can_manage_unit(request.user, unit, Capability.VIEW_REPORTS):
            raise Http404
        can_edit = can_edit_targets(request.user, unit)
        body = dashboard_body(unit, target=param(request.GET, "chi-tieu"),
                              sort=param(request.GET, "sap-xep", "gap"), can_edit=can_edit)
        panels = "".join(dashboard_panels_render(request, unit))
    # can_manage_unit reads the role paths the permission check above already loaded.
    crumbs = [c for c in body.ancestors  # a Crumb has the path, all that is read
              if can_manage_unit(request.user, c, Capability.VIEW_REPORTS)]  # type: ignore[arg-type]
    may_reorganise = unit.depth > 1 and unit.is_active and can_reorganise(request.user, unit)
    key = (f"{unit.pk}:{tokens[UNITS]}:{body.has_figures:d}:{body.selected_id}:{can_edit:d}"
           f"{may_reorganise:d}:{','.join(str(c.pk) for c in crumbs)}")
    return skeleton_response(request, "dashboard", key, "reports/dashboard.html", lambda: {
        "unit": unit, "has_figures": body.has_figures, "selected_id": body.selected_id,
        "crumbs": crumbs, "can_edit": can_edit, "can_reorganise": may_reorganise},
        fills={"body": body.html, "panels": panels})


@requires(Capability.VIEW_LEARNER_PERSONAL_DATA)
@require_GET
def not_trained(request, unit_id, target_id):
    unit = report_unit(request.user, unit_id, Capability.VIEW_LEARNER_PERSONAL_DATA)
    target = get_object_or_404(selectors.targets_for_unit(unit), pk=target_id)
    # NUL is refused by PostgreSQL in a query parameter: dropped, like extra spaces.
    search = " ".join(param(request.GET, "q").replace("\x00", "").split())[:100]
    page = Paginator(selectors.learners_not_trained(unit, target, search), 50).get_page(
        param(request.GET, "trang"))
    left = selectors.what_is_left(target, [row.learner_id for row in page])
    schools = selectors.schools_of({row.unit.pk: row.unit for row in page}.values())
    for row in page:
        row.left = left.get(row.learner_id, [])
        row.school = schools.get(row.unit_id)
    return render(request, "reports/not_trained.html", {
        "unit": unit, "target": target, "page": page, "q": search,
        "figure": selectors.unit_attainments(unit, [target])[0],
        "crumbs": selectors.breadcrumbs(unit, _top_paths(request.user))})


def _class(request, unit_id, capability=Capability.VIEW_LEARNER_PERSONAL_DATA):
    """A class whose grid (learners' names and progress) the user may see, and the class's
    tokens (lms/units/generations.py: read first, one cache round trip; the class row comes
    from this worker's copy under them)."""
    tokens = class_tokens(unit_id, prefetched(request))
    unit = unit_kept(unit_id, tokens[1])
    if unit is None or not unit.kind.is_class or not can_manage_unit(request.user, unit,
                                                                       capability):
        raise Http404
    return unit, ".".join(tokens)


def _course_param(request):
    value = param(request.GET, "khoa-hoc")
    return int(value) if value.isdigit() else None


GRID_CACHE_SECONDS = 600


def _cached_grid(klass, tokens: str, course_id) -> tuple[str, list, bytes]:
    """The grid's rendered HTML body, breadcrumb units and JSON, shared by the page and
    xuat.json under one key: the class's tokens (lms/units/generations.py: every roster,
    enrolment, progress, account or unit change the grid shows bumps them) and the published
    content version (lesson titles), so a reload of either costs one cache round trip and
    nothing else (this worker's memory: the tokens are in the key), and a progress write shows
    at once in both. The day is in the key so "stuck" follows the calendar."""
    key = (f"reports:grid:v2:{klass.pk}:{course_id or 0}:{get_language()}:"
           f"{timezone.localdate():%Y%m%d}:{tokens}:{content_version()}")
    cached = versioned_get(key)
    if cached is None:
        grid = class_grid(klass, head=class_grid_head(klass, course_id))
        body = render_to_string("reports/includes/class_grid_body.html",
                                {"grid": grid, "unit": klass})
        ancestors = [Crumb(u.pk, u.name, u.path) for u in
                     Unit.objects.filter(path__in=klass.ancestor_paths()).order_by("depth")]
        payload = json.dumps(class_grid_json(grid), cls=DjangoJSONEncoder).encode()
        cached = (body, ancestors, payload)
        versioned_set(key, cached, GRID_CACHE_SECONDS)
    return cached


@requires(Capability.VIEW_LEARNER_PERSONAL_DATA)
@require_GET
def class_view(request, unit_id):
    """The teacher's grid. Permission is checked on every request (uncached); the grid itself
    comes from _cached_grid, and the whole page from its skeleton (lms/pagecache/skeleton.py)
    keyed by the grid's key and the breadcrumbs this viewer may follow."""
    klass, tokens = _class(request, unit_id)
    course_id = _course_param(request)
    body, ancestors, _json = _cached_grid(klass, tokens, course_id)
    # can_manage_unit reads the role paths the permission check above already loaded.
    crumbs = [c for c in ancestors if can_manage_unit(request.user, c, Capability.VIEW_REPORTS)]
    # The class gradebook (lms.classroom) is for its markers; the template asks {% may_open %} too.
    may_gradebook = can_manage_unit(request.user, klass, Capability.MARK_SUBMISSIONS)
    key = (f"{klass.pk}:{course_id or 0}:{tokens}:{content_version()}:"
           f"{timezone.localdate():%Y%m%d}:{','.join(str(c.pk) for c in crumbs)}:"
           f"{may_gradebook:d}")
    return skeleton_response(request, "class-grid", key, "reports/class_grid.html", lambda: {
        "grid_body": mark_safe(body),  # noqa: S308 - our own rendered, autoescaped template
        "unit": klass, "crumbs": crumbs, "may_gradebook": may_gradebook})


@requires(Capability.VIEW_LEARNER_PERSONAL_DATA)
@require_GET
def class_view_json(request, unit_id):
    """The grid as JSON, from the same cache entry as the page (issue 18: it used to rebuild
    the grid on every request)."""
    klass, tokens = _class(request, unit_id)
    payload = _cached_grid(klass, tokens, _course_param(request))[2]
    return HttpResponse(payload, content_type="application/json")


@requires(Capability.EXPORT_REPORTS)
@require_GET
def class_view_csv(request, unit_id):
    klass, _tokens = _class(request, unit_id)
    report_unit(request.user, unit_id, Capability.EXPORT_REPORTS)
    grid = class_grid(klass, _course_param(request))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="lop-{klass.pk}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([_("Học sinh"), _("Trạng thái"), _("Hoạt động gần nhất"),
                     _("Được tính ở lớp"), *[lesson.title for lesson in grid["lessons"]]])
    for row in grid["rows"]:
        writer.writerow([row["learner"].get_full_name(), row["state"],
                         row["last_activity"].isoformat() if row["last_activity"] else "",
                         row["counted_in"] or klass.name,
                         *[c["percent"] for c in row["cells"]]])
    return response


@requires(Capability.MANAGE_REPORTS)
def target_edit(request, unit_id, target_id=None):
    unit = report_unit(request.user, unit_id)
    if not can_edit_targets(request.user, unit):
        raise Http404
    target = get_object_or_404(Target, pk=target_id, unit=unit) if target_id else None
    form = TargetForm(request.POST or None, instance=target, unit=unit, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.unit = unit
        saved.lead_unit = saved.lead_unit or unit
        saved.created_by = saved.created_by or request.user
        lost = target_save(target=saved, courses=form.cleaned_data["courses"],
                           cooperating_units=form.cleaned_data["cooperating_units"],
                           confirm_uncount=form.cleaned_data["confirm_uncount"])
        if form.cleaned_data["confirm_uncount"] or not lost:
            messages.success(request, _("Đã lưu chỉ tiêu và tính lại số liệu."))
            return redirect(f"{unit_url(unit)}?chi-tieu={saved.pk}")
        form.add_error("confirm_uncount", ngettext(
            "Thay đổi này làm %(n)s người đã đạt không còn được tính. Chưa lưu: hãy đánh dấu "
            "xác nhận nếu vẫn muốn lưu.",
            "Thay đổi này làm %(n)s người đã đạt không còn được tính. Chưa lưu: hãy đánh dấu "
            "xác nhận nếu vẫn muốn lưu.", lost) % {"n": lost})
    status = 400 if request.method == "POST" else 200
    return render(request, "reports/target_form.html",
                  {"form": form, "unit": unit, "target": target}, status=status)


def unit_url(unit):
    from django.urls import reverse

    return reverse("reports:dashboard", kwargs={"unit_id": unit.pk})


@requires(Capability.EXPORT_REPORTS)
@require_POST
def export_start(request, unit_id):
    unit = report_unit(request.user, unit_id, Capability.EXPORT_REPORTS)
    form = ExportForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Định dạng xuất không hợp lệ."), status=400)
    job = export_job_create(unit=unit, requested_by=request.user, fmt=form.cleaned_data["fmt"])
    return redirect("reports:export_status", job_id=job.pk)


def _job(request, job_id):
    """The requester's own export, or an annual report prepared for a unit the user manages."""
    job = get_object_or_404(ExportJob.objects.select_related("unit"), pk=job_id)
    # The requester may since have lost the role.
    unit = report_unit(request.user, job.unit_id, Capability.EXPORT_REPORTS)
    if job.requested_by_id != request.user.pk and (
            job.target_id is None or not can_edit_targets(request.user, unit)):
        raise Http404
    return job


@requires(Capability.EXPORT_REPORTS)
@require_GET
def export_status(request, job_id):
    job = _job(request, job_id)
    return render(request, "reports/export_status.html", {"job": job, "unit": job.unit})


@requires(Capability.EXPORT_REPORTS)
@require_GET
def export_download(request, job_id):
    job = _job(request, job_id)
    if not job.finished_at:
        raise Http404
    response = HttpResponse(bytes(job.content), content_type=CONTENT_TYPES[job.fmt])
    response["Content-Disposition"] = f'attachment; filename="{job.filename}"'
    return response


@requires(Capability.VIEW_REPORTS)
def submissions(request, unit_id):
    unit = report_unit(request.user, unit_id)
    periods = sorted({t.period_label for t in selectors.targets_for_unit(unit)})
    period = param(request.GET, "ky") or (periods[-1] if periods else "")
    own = ReportSubmission.objects.filter(unit=unit, period_label=period).first()
    return render(request, "reports/submissions.html", {
        "unit": unit, "periods": periods, "period": period, "own": own,
        "children": children_submissions(unit, period) if period else None,
        "can_submit": can_edit_targets(request.user, unit), "return_form": ReturnForm(),
        "crumbs": selectors.breadcrumbs(unit, _top_paths(request.user))})


@requires(Capability.MANAGE_REPORTS)
@require_POST
def submission_submit(request, unit_id):
    unit = report_unit(request.user, unit_id)
    period = request.POST.get("period", "")
    try:
        submission_create(actor=request.user, unit=unit, period_label=period)
        messages.success(request, _("Đã nộp báo cáo kỳ %(period)s.") % {"period": period})
    except PermissionError:
        raise Http404 from None
    except SubmissionError as exc:
        messages.error(request, str(exc))
    return redirect(f"{unit_url(unit)}nop-bao-cao/?ky={period}")


@requires(Capability.MANAGE_REPORTS)
@require_POST
def submission_review(request, submission_id, action):
    submission = get_object_or_404(ReportSubmission.objects.select_related("unit"),
                                   pk=submission_id)
    if action not in ("approve", "return") or not can_review_submission(request.user,
                                                                         submission.unit):
        raise Http404
    parent = submission.unit.get_parent()
    try:
        if action == "approve":
            submission_approve(actor=request.user, submission=submission)
            messages.success(request, _("Đã duyệt báo cáo."))
        else:
            form = ReturnForm(request.POST)
            if not form.is_valid():
                return HttpResponse(_("Hãy ghi nhận xét khi trả lại báo cáo."), status=400)
            submission_return(actor=request.user, submission=submission,
                              comment=form.cleaned_data["comment"])
            messages.success(request, _("Đã trả lại báo cáo."))
    except SubmissionError as exc:
        messages.error(request, str(exc))
    return redirect(f"{unit_url(parent)}nop-bao-cao/?ky={submission.period_label}")
