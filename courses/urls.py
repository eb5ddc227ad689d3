from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("courses/<int:course_id>/enrol/", views.enrol, name="enrol"),
    path("lessons/<int:lesson_id>/complete/", views.lesson_complete, name="lesson_complete"),
    path("progress/lessons/<int:lesson_id>/", views.progress_report, name="progress_report"),
    path("my/", views.my_learning, name="my_learning"),
    path("teach/classes/", views.teacher_classes, name="teacher_classes"),
    path("teach/classes/<int:unit_id>/", views.class_detail, name="class_detail"),
    path("teach/classes/<int:unit_id>/enrol/", views.class_enrol, name="class_enrol"),
]
