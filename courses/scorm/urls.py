"""Served on the content origin only (lms.content_origin.urls), never on the site."""

from django.urls import re_path

from . import views

app_name = "scorm"

SHA = r"(?P<sha256>[0-9a-f]{64})"

urlpatterns = [
    re_path(rf"^play/{SHA}/$", views.player_frame, name="player_frame"),
    re_path(rf"^p/{SHA}/(?P<path>.+)$", views.package_file, name="package_file"),
]
