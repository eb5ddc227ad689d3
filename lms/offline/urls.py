from django.urls import path

from . import views

app_name = "offline"

urlpatterns = [
    # At the root: a service worker controls only pages under its own path.
    path("sw.js", views.service_worker, name="service_worker"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("ngoai-tuyen/", views.offline_page, name="offline_page"),
    path("offline/me.json", views.me, name="me"),
    path("offline/courses/<int:course_id>/files.json", views.course_files, name="course_files"),
]
