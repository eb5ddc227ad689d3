from django.urls import path

from . import views, views_oneroster

app_name = "roster"

urlpatterns = [
    path("", views.index, name="index"),
    path("nhap/<int:pk>/ghep-cot/", views.mapping, name="mapping"),
    path("nhap/<int:pk>/xem-truoc/", views.preview, name="preview"),
    path("nhap/<int:pk>/xac-nhan/", views.commit, name="commit"),
    path("nhap/<int:pk>/", views.detail, name="detail"),
    path("nhap/<int:pk>/trang-thai/", views.status, name="status"),
    path("nhap/<int:pk>/tien-do/", views.progress, name="progress"),
    path("nhap/<int:pk>/xuat.xlsx", views.error_report, name="error_report"),
    path("truong/<int:unit_id>/", views.school_learners, name="school"),
    path("truong/<int:unit_id>/xuat.xlsx", views.export, name="export"),
    path("trao-doi/", views_oneroster.oneroster_page, name="oneroster"),
    path("trao-doi/<int:unit_id>/xuat.zip", views_oneroster.oneroster_export,
         name="oneroster_export"),
]
