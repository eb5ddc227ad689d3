from django.urls import path

from . import views, views_teacher

app_name = "quizzes"

urlpatterns = [
    path("bai/<int:lesson_id>/", views.quiz_home, name="home"),
    path("bai/<int:lesson_id>/bat-dau/", views.quiz_start, name="start"),
    path("luot/<int:attempt_id>/", views.attempt_page, name="attempt"),
    path("luot/<int:attempt_id>/luu/", views.attempt_save, name="save"),
    path("luot/<int:attempt_id>/nop/", views.attempt_submit, name="submit"),
    path("luot/<int:attempt_id>/ket-qua/", views.attempt_result, name="result"),
    path("thong-ke/<int:lesson_id>/", views_teacher.quiz_statistics, name="statistics"),
    path("ngan-hang/<int:course_id>/xuat.xlsx", views_teacher.bank_export, name="bank_export"),
    path("ngan-hang/<int:course_id>/xuat.xml", views_teacher.bank_export_moodle,
         name="bank_export_moodle"),
    path("ngan-hang/<int:course_id>/xuat.zip", views_teacher.bank_export_qti,
         name="bank_export_qti"),
    path("ngan-hang/<int:course_id>/nhap/", views_teacher.bank_import, name="bank_import"),
]
