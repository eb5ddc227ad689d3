"""The site's SCORM runtime endpoints (machine endpoints: English URLs)."""

from django.urls import path

from . import runtime_views

app_name = "scorm_runtime"

urlpatterns = [
    path("state/<int:lesson_id>/<int:package_id>/", runtime_views.state, name="state"),
    path("commit/<int:lesson_id>/<int:package_id>/", runtime_views.commit, name="commit"),
]
