from django.http import JsonResponse
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from oauth2_provider.views import TokenView
from rest_framework.routers import DefaultRouter

from lms.units.access import public

from . import (
    schema,  # noqa: F401  (registers the OpenAPI authentication extension)
    views_courses,
    views_outcomes,
    views_people,
    views_units,
)

app_name = "api"


@public
@csrf_exempt  # it changes nothing; a CSRF 403 page would hide the JSON 404
def api_not_found(request, *args, **kwargs):
    return JsonResponse({"detail": "Không tìm thấy. / Not found."}, status=404)


router = DefaultRouter()
router.register("units", views_units.UnitViewSet, basename="unit")
router.register("classes", views_units.ClassViewSet, basename="class")
router.register("memberships", views_units.MembershipViewSet, basename="membership")
router.register("learners", views_people.LearnerViewSet, basename="learner")
router.register("teachers", views_people.TeacherViewSet, basename="teacher")
router.register("guardians", views_people.GuardianViewSet, basename="guardian")
router.register("courses", views_courses.CourseViewSet, basename="course")
router.register("lessons", views_courses.LessonViewSet, basename="lesson")
router.register("enrolments", views_courses.EnrolmentViewSet, basename="enrolment")
router.register("progress", views_courses.ProgressViewSet, basename="progress")
router.register("completions", views_courses.CompletionViewSet, basename="completion")
router.register("targets", views_outcomes.TargetViewSet, basename="target")
router.register("certificates", views_outcomes.CertificateViewSet, basename="certificate")
router.register("notifications", views_outcomes.NotificationViewSet, basename="notification")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("oauth/token/", TokenView.as_view(), name="token"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its start-up script as a file: no inline script for the CSP.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    # Anything else under /api/ is a JSON 404, never the site's HTML page.
    re_path(r"^.*$", api_not_found),
]
