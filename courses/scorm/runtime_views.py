"""The site's SCORM endpoints (English URLs under /scorm/): the learner's saved state, read by
the lesson page's player.js, and the runtime commit it posts. Both take the learner from the
session only; the lesson, the package and the attempt number are all a request may name, and
the package must be one the live lesson shows. JSON in and out, never a 500 for bad input."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from courses.models import LessonPage
from courses.services import NotEnrolled, is_enrolled
from lms.jsonio import JSONInputError
from lms.units.access import SIGNED_IN, declare

from .cmi import parse_commit, sco_state
from .selectors import commit_target_kept, learner_state, lesson_course_id, package_for_lesson
from .services import CommitResult, scorm_commit_record
from .services.runtime import AttemptRefused
from .services.runtime_fast import FastResult, scorm_commit_fast


def _learner_only(view):
    """Signed in, else 403 (a commit from a signed-out page is refused, not redirected)."""
    def guarded(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return JsonResponse({"detail": _("Cần đăng nhập.")}, status=403)
        return view(request, *args, **kwargs)
    guarded.__name__ = view.__name__
    guarded.__doc__ = view.__doc__
    return declare(guarded, SIGNED_IN)


def _lesson_and_package(lesson_id: int, package_id: int):
    # The body (read only when the cached list of the lesson's packages is missing) is
    # deferred: commits come many times a minute per learner.
    lesson = get_object_or_404(LessonPage.objects.live().defer("body"), pk=lesson_id)
    package = package_for_lesson(lesson, package_id)
    return lesson, package


def _not_enrolled() -> JsonResponse:
    return JsonResponse({"detail": _("Bạn chưa đăng ký khóa học này.")}, status=403)


@_learner_only
@require_GET
@never_cache
def state(request, lesson_id: int, package_id: int):
    """The learner's own attempt to continue: per-SCO cmi, entry=resume where suspended."""
    lesson, package = _lesson_and_package(lesson_id, package_id)
    if package is None:
        return JsonResponse({"detail": _("Bài học không có gói SCORM này.")}, status=404)
    if not is_enrolled(user=request.user, course_id=lesson_course_id(lesson)):
        return _not_enrolled()
    data = learner_state(user=request.user, lesson_id=lesson.pk, package=package)
    data["learner"] = {"id": f"hocmo-{request.user.pk}",
                       "name": request.user.get_full_name() or request.user.username}
    response = JsonResponse(data)
    response["Cache-Control"] = "private, no-store"
    return response


@_learner_only
@require_POST
def commit(request, lesson_id: int, package_id: int):
    """Body: {attempt, sco, seq, cmi, terminated, initialized}. 200 {stored, seq, percent,
    completed, completion, success}; 400 {detail, fields}; 403 when not enrolled."""
    target = commit_target_kept(lesson_id, package_id)
    if target is not None:
        # The common commit (a SCO saving its place) in one statement; anything else, and
        # every refusal, goes through the full path below (services/runtime_fast.py).
        course_id, version, scos = target
        try:
            data = parse_commit(request.body, version=version,
                                sco_ids={s["identifier"] for s in scos})
        except JSONInputError as exc:
            return JsonResponse({"detail": _("Dữ liệu không hợp lệ."),
                                 "fields": {exc.path: exc.message}}, status=400)
        item = next((i for i in scos if i["identifier"] == data.sco), {})
        fast = scorm_commit_fast(user_id=request.user.pk, lesson_id=lesson_id,
                                 package_id=package_id, course_id=course_id, scos=scos,
                                 commit=data, state=sco_state(version, data.cmi, item))
        if fast is not None:
            return _answer(fast)
    lesson, package = _lesson_and_package(lesson_id, package_id)
    if package is None:
        return JsonResponse({"detail": _("Bài học không có gói SCORM này.")}, status=404)
    try:
        data = parse_commit(request.body, version=package.version,
                            sco_ids={s["identifier"] for s in package.scos})
    except JSONInputError as exc:
        return JsonResponse({"detail": _("Dữ liệu không hợp lệ."),
                             "fields": {exc.path: exc.message}}, status=400)
    try:
        result = scorm_commit_record(user=request.user, lesson=lesson, package=package,
                                     commit=data)
    except NotEnrolled:
        return _not_enrolled()
    except AttemptRefused:
        return JsonResponse({"detail": _("Dữ liệu không hợp lệ."),
                             "fields": {"attempt": _("không phải lần học hiện tại.")}},
                            status=400)
    return _answer(result)


def _answer(result: CommitResult | FastResult) -> JsonResponse:
    attempt = result.attempt
    return JsonResponse({
        "stored": result.stored, "seq": attempt.last_seq, "attempt": attempt.number,
        "percent": result.percent, "completed": result.completed,
        "completion": attempt.completion_status, "success": attempt.success_status,
        "scos": {key: (value or {}).get("completion", "not attempted")
                 for key, value in attempt.runtime.items()},
    })
