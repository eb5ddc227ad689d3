from django.urls import path

from . import views, views_moderation

app_name = "discussions"

# Mounted at the root (lms/urls.py): the lesson's Q&A page sits under the lesson's own address
# (/bai-hoc/<id>/…, as /bai-hoc/<id>/hoan-thanh/), the rest under /hoi-dap/.
urlpatterns = [
    path("bai-hoc/<int:lesson_id>/hoi-dap/", views.lesson, name="lesson"),
    path("hoi-dap/cau-hoi/<int:question_id>/", views.question, name="question"),
    path("hoi-dap/cau-hoi/<int:question_id>/tra-loi/", views.answer, name="answer"),
    path("hoi-dap/cau-hoi/<int:question_id>/bao-cao/", views.report_question,
         name="report_question"),
    path("hoi-dap/cau-hoi/<int:question_id>/an/", views.hide_question, name="hide_question"),
    path("hoi-dap/tra-loi/<int:answer_id>/chap-nhan/", views.accept, name="accept"),
    path("hoi-dap/tra-loi/<int:answer_id>/bao-cao/", views.report_answer, name="report_answer"),
    path("hoi-dap/tra-loi/<int:answer_id>/an/", views.hide_answer, name="hide_answer"),
    path("hoi-dap/kiem-duyet/", views_moderation.queue, name="moderation"),
    path("hoi-dap/bao-cao/<int:report_id>/bo-qua/", views_moderation.dismiss, name="dismiss"),
]
