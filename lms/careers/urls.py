from django.urls import path

from . import views, views_jobs, views_outcomes

app_name = "careers"

urlpatterns = [
    path("", views.index, name="index"),
    path("nghe/<slug:slug>/", views.occupation, name="occupation"),
    path("trac-nghiem/", views.questionnaire, name="questionnaire"),
    path("trac-nghiem/ket-qua/<int:result_id>/", views.result, name="result"),
    # Job and apprenticeship board
    path("viec-lam/", views_jobs.board, name="board"),
    path("viec-lam/<int:posting_id>/", views_jobs.posting_detail, name="posting"),
    path("viec-lam/<int:posting_id>/ung-tuyen/", views_jobs.posting_apply, name="apply"),
    path("ho-so-ung-tuyen/", views_jobs.my_applications, name="my_applications"),
    path("doanh-nghiep/", views_jobs.employer_home, name="employer_home"),
    path("doanh-nghiep/dang-ky/", views_jobs.employer_register, name="employer_register"),
    path("doanh-nghiep/tin/moi/", views_jobs.posting_edit, name="posting_new"),
    path("doanh-nghiep/tin/<int:posting_id>/sua/", views_jobs.posting_edit, name="posting_edit"),
    path("doanh-nghiep/tin/<int:posting_id>/ung-vien/", views_jobs.posting_applicants,
         name="posting_applicants"),
    path("doanh-nghiep/ho-so/<int:application_id>/trang-thai/", views_jobs.application_status,
         name="application_status"),
    path("duyet-doanh-nghiep/", views_jobs.employer_approvals, name="employer_approvals"),
    path("duyet-doanh-nghiep/<int:employer_id>/", views_jobs.employer_approve,
         name="employer_approve"),
    # Employment outcomes
    path("tinh-trang-viec-lam/", views_outcomes.my_outcome, name="my_outcome"),
    path("theo-doi/", views_outcomes.tracking_home, name="tracking"),
    path("theo-doi/lop/<int:unit_id>/", views_outcomes.class_outcomes, name="class_outcomes"),
    path("theo-doi/lop/<int:unit_id>/hoc-vien/<int:learner_id>/",
         views_outcomes.learner_outcome, name="learner_outcome"),
    path("ty-le-viec-lam/", views_outcomes.rates_home, name="rates_home"),
    path("ty-le-viec-lam/<int:unit_id>/", views_outcomes.rates_page, name="rates"),
    path("ty-le-viec-lam/<int:unit_id>/xuat.xlsx", views_outcomes.rates_export,
         name="rates_export"),
]
