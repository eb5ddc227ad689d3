"""Teacher views: item statistics and attempts for a class they manage; question bank export
and import for course authors (Wagtail page permission on the course)."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from courses.models import CoursePage, LessonPage
from lms.common.files import XLSX, ZIP, sniff_mime
from lms.units.access import requires, signed_in
from lms.units.capabilities import Capability
from lms.units.models import Unit
from lms.units.permissions import can_manage_unit, units_visible_to

from . import selectors, services, statistics, xlsx

MAX_IMPORT_BYTES = 5 * 1024 * 1024
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@requires(Capability.VIEW_REPORTS)
def quiz_statistics(request, lesson_id: int):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    quiz = selectors.quiz_for_lesson(lesson)
    classes = list(units_visible_to(request.user, Capability.VIEW_REPORTS)
                   .filter(kind__is_class=True).order_by("path")[:200])
    if quiz is None or not classes:
        raise Http404
    try:
        unit_id = int(request.GET.get("lop") or classes[0].pk)
    except ValueError as exc:
        raise Http404 from exc
    unit = get_object_or_404(Unit, pk=unit_id)
    if not can_manage_unit(request.user, unit, Capability.VIEW_REPORTS):
        raise Http404
    attempts = statistics.unit_attempts(lesson, unit)
    return render(request, "quizzes/statistics.html", {
        "lesson": lesson, "quiz": quiz, "unit": unit, "classes": classes,
        "attempts": attempts, "items": statistics.item_statistics(attempts),
    })


def _course_for_author(request, course_id: int) -> CoursePage:
    course = get_object_or_404(CoursePage, pk=course_id)
    if not course.permissions_for_user(request.user).can_edit():
        raise Http404
    return course


@signed_in
def bank_export(request, course_id: int):
    course = _course_for_author(request, course_id)
    response = HttpResponse(xlsx.questions_export(course), content_type=XLSX_MIME)
    response["Content-Disposition"] = f'attachment; filename="cau-hoi-{course.slug}.xlsx"'
    return response


@signed_in
def bank_export_moodle(request, course_id: int):
    from .moodle_xml import questions_moodle_xml

    course = _course_for_author(request, course_id)
    response = HttpResponse(questions_moodle_xml(course), content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="cau-hoi-{course.slug}.xml"'
    return response


@signed_in
def bank_export_qti(request, course_id: int):
    from .qti import questions_qti_package

    course = _course_for_author(request, course_id)
    response = HttpResponse(questions_qti_package(course), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="cau-hoi-{course.slug}-qti.zip"'
    return response


def _import_upload(course, upload) -> dict:
    """XLSX, or a QTI package (zip) / item (XML), told apart by content, never by the name."""
    mime = sniff_mime(upload)
    if mime == XLSX:
        return services.questions_import(course, upload.read())
    head = upload.read(512)
    upload.seek(0)
    if mime == ZIP or head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return services.questions_import_qti(course, upload.read())
    raise xlsx.ImportError_([_("Tệp không phải bảng tính XLSX hay gói QTI hợp lệ.")])


@signed_in
def bank_import(request, course_id: int):
    course = _course_for_author(request, course_id)
    errors = []
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            errors = [_("Hãy chọn tệp XLSX hoặc gói QTI.")]
        elif upload.size > MAX_IMPORT_BYTES:
            errors = [_("Tệp quá lớn (tối đa 5 MB).")]
        else:
            try:
                result = _import_upload(course, upload)
            except xlsx.ImportError_ as exc:
                errors = exc.errors
            else:
                messages.success(request, _("Đã nhập %(c)s câu hỏi, bỏ qua %(s)s câu đã có.")
                                 % {"c": result["created"], "s": result["skipped"]})
                return redirect("quizzes:bank_import", course_id=course.pk)
    return render(request, "quizzes/bank_import.html", {"course": course, "errors": errors},
                  status=400 if errors else 200)

