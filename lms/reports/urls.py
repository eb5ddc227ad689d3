from django.urls import path

from . import views, views_reorganise

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("don-vi/<int:unit_id>/", views.dashboard, name="dashboard"),
    path("don-vi/<int:unit_id>/chi-tieu/<int:target_id>/chua-dat/", views.not_trained,
         name="not_trained"),
    path("don-vi/<int:unit_id>/chi-tieu/moi/", views.target_edit, name="target_create"),
    path("don-vi/<int:unit_id>/chi-tieu/<int:target_id>/sua/", views.target_edit,
         name="target_edit"),
    path("don-vi/<int:unit_id>/xuat/", views.export_start, name="export_start"),
    path("don-vi/<int:unit_id>/nop-bao-cao/", views.submissions, name="submissions"),
    path("don-vi/<int:unit_id>/nop-bao-cao/nop/", views.submission_submit, name="submit"),
    path("nop-bao-cao/<int:submission_id>/<str:action>/", views.submission_review,
         name="submission_review"),
    path("don-vi/<int:unit_id>/to-chuc-lai/", views_reorganise.reorganise, name="reorganise"),
    path("don-vi/<int:unit_id>/to-chuc-lai/xem-truoc/", views_reorganise.reorganise_preview,
         name="reorganise_preview"),
    path("don-vi/<int:unit_id>/to-chuc-lai/xac-nhan/", views_reorganise.reorganise_confirm,
         name="reorganise_confirm"),
    path("don-vi/<int:unit_id>/lich-su-to-chuc-lai/", views_reorganise.reorganise_history,
         name="reorganise_history"),
    path("lop/<int:unit_id>/", views.class_view, name="class_view"),
    path("lop/<int:unit_id>/xuat.json", views.class_view_json, name="class_view_json"),
    path("lop/<int:unit_id>/xuat.csv", views.class_view_csv, name="class_view_csv"),
    path("xuat/<int:job_id>/", views.export_status, name="export_status"),
    path("xuat/<int:job_id>/tai-ve/", views.export_download, name="export_download"),
]
