from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("ghi-danh/<int:course_id>/", views.enrol, name="enrol"),
    path("bai-hoc/<int:lesson_id>/hoan-thanh/", views.lesson_complete, name="lesson_complete"),
    # A machine endpoint (players post to it): English, like /xapi/ and /api/.
    path("progress/lessons/<int:lesson_id>/", views.progress_report, name="progress_report"),
    path("cua-toi/", views.my_learning, name="my_learning"),
    path("giang-day/lop/", views.teacher_classes, name="teacher_classes"),
    path("giang-day/lop/<int:unit_id>/", views.class_detail, name="class_detail"),
    path("giang-day/lop/<int:unit_id>/ghi-danh/", views.class_enrol, name="class_enrol"),
]
