from django.urls import path

from . import views, views_judging, views_organiser

app_name = "contests"

urlpatterns = [
    path("", views.index, name="index"),
    path("bai/<int:entry_id>/", views.entry_edit, name="entry"),
    path("bai/<int:entry_id>/xem/", views.entry_view, name="entry_view"),
    path("bai/<int:entry_id>/tu-luu/", views.entry_autosave, name="entry_autosave"),
    path("bai/<int:entry_id>/thanh-vien/", views.member_add, name="member_add"),
    path("bai/<int:entry_id>/thanh-vien/<int:user_id>/bo/", views.member_remove,
         name="member_remove"),
    path("bai/<int:entry_id>/tep/", views.attachment_add, name="attachment_add"),
    path("tep/<int:attachment_id>/", views.attachment_download, name="attachment"),
    path("tep/<int:attachment_id>/xoa/", views.attachment_remove, name="attachment_remove"),
    path("cham/<int:round_unit_id>/", views_judging.judge_round, name="judge_round"),
    path("cham/bai/<int:entry_round_id>/", views_judging.judge_entry, name="judge_entry"),
    path("to-chuc/", views_organiser.organiser_home, name="organiser_home"),
    path("to-chuc/<int:round_unit_id>/", views_organiser.organiser_round,
         name="organiser_round"),
    path("to-chuc/<int:round_unit_id>/giam-khao/", views_organiser.judge_assign,
         name="judge_assign"),
    path("to-chuc/giam-khao/<int:assignment_id>/bo/", views_organiser.judge_unassign,
         name="judge_unassign"),
    path("to-chuc/<int:round_unit_id>/cong-bo/", views_organiser.publish, name="publish"),
    path("to-chuc/<int:round_unit_id>/xuat.xlsx", views_organiser.export_round,
         name="export_round"),
    path("<slug:slug>/", views.contest_detail, name="contest"),
    path("<slug:slug>/ket-qua/", views.results, name="results"),
    path("<slug:slug>/dang-ky/", views.entry_start, name="entry_start"),
    path("<slug:slug>/bao-cao/", views_organiser.contest_report, name="report"),
]
