from django.urls import path

from . import views

app_name = "roster"

urlpatterns = [
    path("", views.index, name="index"),
    path("imports/<int:pk>/mapping/", views.mapping, name="mapping"),
    path("imports/<int:pk>/preview/", views.preview, name="preview"),
    path("imports/<int:pk>/commit/", views.commit, name="commit"),
    path("imports/<int:pk>/", views.detail, name="detail"),
    path("imports/<int:pk>/status/", views.status, name="status"),
    path("imports/<int:pk>/progress/", views.progress, name="progress"),
    path("imports/<int:pk>/errors.xlsx", views.error_report, name="error_report"),
    path("schools/<int:unit_id>/", views.school_learners, name="school"),
    path("schools/<int:unit_id>/export.xlsx", views.export, name="export"),
]
