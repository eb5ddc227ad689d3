"""Old paths kept alive after a page moved to its Vietnamese address (docs/architecture.md,
URLs): a permanent redirect to the named URL, with the captured arguments and the query string.

GET and HEAD answer 301; any other method 308, so a form posted to an old address (a page
open in a tab since before the move, a bookmarked form) is re-sent, body and all, to the new
one instead of turning into a GET."""

from django.http.response import HttpResponseRedirectBase
from django.urls import URLPattern, path
from django.views.generic import RedirectView

from lms.units.access import public


class HttpResponsePermanentRedirectKeepMethod(HttpResponseRedirectBase):
    status_code = 308


class MovedView(RedirectView):
    permanent = True
    query_string = True

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if request.method in ("GET", "HEAD") or response.status_code != 301:
            return response
        return HttpResponsePermanentRedirectKeepMethod(response["Location"])


def moved(route: str, name: str) -> URLPattern:
    """`route` (the old path) now lives at the URL named `name`."""
    return path(route, public(MovedView.as_view(pattern_name=name)))


# (old route, new URL name): every path that moved when the site took Vietnamese addresses for
# the pages people see (issue 17). tests/test_urls_language.py requests each one.
MOVED = [
    # accounts (Django's own password_reset/ path included)
    ("accounts/login/", "accounts:login"),
    ("accounts/logout/", "accounts:logout"),
    ("accounts/home/", "accounts:home"),
    ("accounts/password_reset/", "accounts:password_reset"),
    *((f"accounts/{route}", f"accounts:{name}") for route, name in (
        ("hai-buoc/", "two_step"), ("dang-nhap-bang-ma/", "code_login"),
        ("dang-nhap-bang-ma/nhap-ma/", "code_login_verify"), ("bao-mat/", "security"),
        ("xac-nhan/", "reauth"), ("doi-mat-khau/", "password_change"),
        ("quen-mat-khau/", "password_reset"), ("quen-mat-khau/nhap-ma/", "password_reset_code"),
        ("dat-mat-khau/<uidb64>/<token>/", "set_password"),
        ("dat-mat-khau/xong/", "set_password_done"), ("hoc-sinh/", "admin_classes"),
        ("hoc-sinh/lop/<int:unit_id>/", "admin_class"), ("khoa-dang-nhap/", "admin_lockouts"))),
    # courses: the learner's and the teacher's core flow
    ("my/", "courses:my_learning"),
    ("courses/<int:course_id>/enrol/", "courses:enrol"),
    ("lessons/<int:lesson_id>/complete/", "courses:lesson_complete"),
    ("teach/classes/", "courses:teacher_classes"),
    ("teach/classes/<int:unit_id>/", "courses:class_detail"),
    ("teach/classes/<int:unit_id>/enrol/", "courses:class_enrol"),
    ("lang/<str:code>/", "language_switch"),
    # roster imports
    ("roster/", "roster:index"),
    ("roster/imports/<int:pk>/mapping/", "roster:mapping"),
    ("roster/imports/<int:pk>/preview/", "roster:preview"),
    ("roster/imports/<int:pk>/commit/", "roster:commit"),
    ("roster/imports/<int:pk>/", "roster:detail"),
    ("roster/imports/<int:pk>/status/", "roster:status"),
    ("roster/imports/<int:pk>/progress/", "roster:progress"),
    ("roster/imports/<int:pk>/errors.xlsx", "roster:error_report"),
    ("roster/schools/<int:unit_id>/", "roster:school"),
    ("roster/schools/<int:unit_id>/export.xlsx", "roster:export"),
    # quizzes
    ("quiz/bai/<int:lesson_id>/", "quizzes:home"),
    ("quiz/bai/<int:lesson_id>/bat-dau/", "quizzes:start"),
    ("quiz/luot/<int:attempt_id>/", "quizzes:attempt"),
    ("quiz/luot/<int:attempt_id>/luu/", "quizzes:save"),
    ("quiz/luot/<int:attempt_id>/nop/", "quizzes:submit"),
    ("quiz/luot/<int:attempt_id>/ket-qua/", "quizzes:result"),
    ("quiz/thong-ke/<int:lesson_id>/", "quizzes:statistics"),
    ("quiz/ngan-hang/<int:course_id>/xuat.xlsx", "quizzes:bank_export"),
    ("quiz/ngan-hang/<int:course_id>/moodle.xml", "quizzes:bank_export_moodle"),
    ("quiz/ngan-hang/<int:course_id>/nhap/", "quizzes:bank_import"),
    # exports: one shape, `<page>/xuat.<ext>`
    ("bao-cao/lop/<int:unit_id>/luoi.csv", "reports:class_view_csv"),
    ("bao-cao/lop/<int:unit_id>/luoi.json", "reports:class_view_json"),
    ("cau-lac-bo/bao-cao/xlsx/", "clubs:report_export"),
    ("huong-nghiep/ty-le-viec-lam/<int:unit_id>/xlsx/", "careers:rates_export"),
    ("ke-hoach/<int:plan_id>/phu-luc.xlsx", "plans:export_xlsx"),
    ("ke-hoach/<int:plan_id>/phu-luc.pdf", "plans:export_pdf"),
]

urlpatterns = [moved(route, name) for route, name in MOVED]
