"""Thin views over services and selectors. Every state change is a POST with CSRF."""

from django.contrib import messages
from django.http import Http404, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.common.prefetch import prefetched
from lms.jsonio import JSONInputError, json_bool, json_number, json_object
from lms.pagecache.skeleton import skeleton_response
from lms.pagecache.versioning import content_version
from lms.units.access import requires, signed_in
from lms.units.capabilities import Capability
from lms.units.generations import class_tokens, unit_kept
from lms.units.models import Unit
from lms.units.permissions import can_manage_unit, units_visible_to

from . import selectors, services
from .models import CoursePage, LessonPage


def _live_course(course_id: int) -> CoursePage:
    return get_object_or_404(CoursePage.objects.live(), pk=course_id)


def _live_lesson(lesson_id: int) -> LessonPage:
    return get_object_or_404(LessonPage.objects.live(), pk=lesson_id)


@require_POST
@signed_in
def enrol(request, course_id: int):
    course = _live_course(course_id)
    _enrolment, created = services.enrolment_create(user=request.user, course=course)
    if created:
        messages.success(request,
                         _("Bạn đã đăng ký khóa học “%(title)s”.") % {"title": course.title})
    first = selectors.course_lessons(course)
    return redirect(first[0].url if first else course.url)


@require_POST
@signed_in
def lesson_complete(request, lesson_id: int):
    lesson = _live_lesson(lesson_id)
    if selectors.lesson_completed_by_activity(lesson):
        return HttpResponseForbidden(
            _("Bài học này hoàn thành khi bạn đạt bài kiểm tra hoặc hoạt động tương tác."))
    try:
        services.progress_record(user=request.user, lesson=lesson, completed=True,
                                 source="page")
    except services.NotEnrolled:
        return HttpResponseForbidden(_("Bạn cần đăng ký khóa học trước khi học bài này."))
    from .selectors import lesson_outline

    outline = lesson_outline(lesson)
    target = outline.next.url if outline.next else outline.course_url
    return redirect(target)


@signed_in(json=True)
@require_POST
def progress_report(request, lesson_id: int):
    """Runtime endpoint for players (H5P, video, reading time): JSON in, JSON out."""
    if not request.user.is_authenticated:
        return JsonResponse({"detail": _("Cần đăng nhập.")}, status=401)
    lesson = _live_lesson(lesson_id)
    try:
        payload = json_object(request.body, allowed={"percent", "seconds", "completed"})
        percent = int(json_number(payload, "percent", default=0, minimum=0, maximum=100))
        seconds = int(json_number(payload, "seconds", default=0, minimum=0))
        completed = json_bool(payload, "completed", default=False)
    except JSONInputError as exc:  # the field's name, or "body" when the JSON is unreadable
        return JsonResponse({"detail": _("Dữ liệu không hợp lệ."),
                             "fields": {exc.path: exc.message}}, status=400)
    if selectors.lesson_completed_by_activity(lesson):
        # Only the quiz or the H5P statements may complete it; reading time still counts.
        completed, percent = False, min(percent, 99)
    try:
        row = services.progress_record(user=request.user, lesson=lesson, percent=percent,
                                       completed=completed, seconds=seconds, source="runtime")
    except services.NotEnrolled:
        return JsonResponse({"detail": _("Bạn chưa đăng ký khóa học này.")}, status=403)
    return JsonResponse({"lesson": lesson.pk, "percent": row.percent,
                         "completed": row.completed_at is not None,
                         "time_spent_seconds": row.time_spent_seconds})


@signed_in
def my_learning(request):
    return render(request, "courses/my_learning.html",
                  {"items": selectors.my_learning(request.user)})


@signed_in
def teacher_classes(request):
    classes = (units_visible_to(request.user, Capability.TEACH_CLASSES)
               .filter(kind__is_class=True).select_related("kind").order_by("path"))
    return render(request, "courses/teacher_classes.html", {
        "classes": classes,
        "courses": selectors.course_cards(),
    })


@requires(Capability.ENROL_LEARNERS)
def class_detail(request, unit_id: int):
    """The class's roster and the enrolment form. The class comes from this worker's copy under
    the class's tokens (lms/units/generations.py: one cache round trip, bumped by every roster,
    enrolment, rename or unit change), and the page from its skeleton under those tokens, the
    content version (the course list) and what this viewer may open (lms/pagecache/skeleton.py):
    a warm request renders no template and reads only the viewer's roles."""
    tokens = class_tokens(unit_id, prefetched(request))  # usually read with the session
    unit = unit_kept(unit_id, tokens[1])
    if unit is None or not unit.kind.is_class or not can_manage_unit(
            request.user, unit, Capability.ENROL_LEARNERS):
        raise Http404
    # The grid and the families page check these over the class (issue 19 item 4); the
    # template asks {% may_open %} as well, so a link shows only where its view opens.
    may_grid = can_manage_unit(request.user, unit, Capability.VIEW_LEARNER_PERSONAL_DATA)
    may_families = can_manage_unit(request.user, unit, Capability.TEACH_CLASSES)
    # Assignments and the gradebook (lms.classroom): the class's markers.
    may_assignments = can_manage_unit(request.user, unit, Capability.MARK_SUBMISSIONS)
    key = (f"{unit.pk}:{'.'.join(tokens)}:{content_version()}:"
           f"{may_grid:d}{may_families:d}{may_assignments:d}")
    return skeleton_response(request, "class-detail", key, "courses/class_detail.html", lambda: {
        "unit": unit, "roster": selectors.class_roster_rows(unit),
        "courses": selectors.course_cards(), "may_grid": may_grid,
        "may_families": may_families, "may_assignments": may_assignments})


@require_POST
@requires(Capability.ENROL_LEARNERS)
def class_enrol(request, unit_id: int):
    unit = get_object_or_404(Unit, pk=unit_id, kind__is_class=True)
    if not can_manage_unit(request.user, unit, Capability.ENROL_LEARNERS):
        raise Http404
    try:
        course = _live_course(int(request.POST.get("course", "0")))
    except ValueError as exc:
        raise Http404 from exc
    count = services.class_enrol(actor=request.user, class_unit=unit, course=course)
    messages.success(request, _("Đã ghi danh %(count)s học sinh vào “%(title)s”.")
                     % {"count": count, "title": course.title})
    return redirect("courses:class_detail", unit_id=unit.pk)
