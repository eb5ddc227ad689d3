from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("", views.index, name="index"),
    path("moi/", views.plan_create, name="plan_create"),
    path("<int:plan_id>/", views.plan_detail, name="plan_detail"),
    path("<int:plan_id>/sua/", views.plan_edit, name="plan_edit"),
    path("<int:plan_id>/xuat.xlsx", views.export_xlsx, name="export_xlsx"),
    path("<int:plan_id>/xuat.pdf", views.export_pdf, name="export_pdf"),
    path("phu-luc/<int:job_id>/", views.annex_status, name="annex_status"),
    path("phu-luc/<int:job_id>/tai-ve/", views.annex_download, name="annex_download"),
    path("<int:plan_id>/nhiem-vu/moi/", views.task_edit, name="task_create"),
    path("<int:plan_id>/nhiem-vu/<int:task_id>/", views.task_detail, name="task_detail"),
    path("<int:plan_id>/nhiem-vu/<int:task_id>/sua/", views.task_edit, name="task_edit"),
    path("<int:plan_id>/nhiem-vu/<int:task_id>/cap-nhat/", views.task_update,
         name="task_update"),
    path("<int:plan_id>/minh-chung/<int:file_id>/", views.evidence_file, name="evidence_file"),
]
