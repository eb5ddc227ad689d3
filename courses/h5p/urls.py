"""Served on the content origin only (lms.content_origin.urls), never on the site."""

from django.urls import re_path

from . import views

app_name = "h5p"

SHA = r"(?P<sha256>[0-9a-f]{64})"

urlpatterns = [
    re_path(rf"^play/{SHA}/$", views.player_frame, name="player_frame"),
    re_path(rf"^p/{SHA}/libraries/(?P<folder>[A-Za-z][\w\-.]*-\d+\.\d+)/(?P<path>.+)$",
            views.library_file, name="library_file"),
    re_path(rf"^p/{SHA}/(?P<path>.+)$", views.package_file, name="package_file"),
    # Library bundles by content hash, and installed library files by exact version.
    re_path(r"^b/(?P<digest>[0-9a-f]{64})\.(?P<ext>js|css)$", views.bundle_file,
            name="bundle_file"),
    re_path(r"^lib/(?P<key>[A-Za-z][\w\-.]*-\d+\.\d+\.\d+)/(?P<path>.+)$",
            views.library_file_by_key, name="library_file_by_key"),
]
