from django.urls import path, re_path

from . import views

app_name = "h5p"

SHA = r"(?P<sha256>[0-9a-f]{64})"

urlpatterns = [
    re_path(rf"^p/{SHA}/libraries/(?P<folder>[A-Za-z][\w\-.]*-\d+\.\d+)/(?P<path>.+)$",
            views.library_file, name="library_file"),
    re_path(rf"^p/{SHA}/(?P<path>.+)$", views.package_file, name="package_file"),
]

__all__ = ["path", "urlpatterns"]
