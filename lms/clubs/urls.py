from django.urls import path

from . import views, views_manage, views_report

app_name = "clubs"

urlpatterns = [
    path("", views.index, name="index"),
    path("cua-toi/", views.mine, name="mine"),
    path("tao-moi/", views_manage.club_create, name="create"),
    path("bao-cao/", views_report.report, name="report"),
    path("bao-cao/xuat.xlsx", views_report.report_export, name="report_export"),
    path("anh/<int:photo_id>/", views.photo, name="photo"),
    path("<slug:slug>/", views.club_detail, name="detail"),
    path("<slug:slug>/xin-tham-gia/", views.join, name="join"),
    path("<slug:slug>/roi/", views.leave, name="leave"),
    path("<slug:slug>/sua/", views_manage.club_edit, name="edit"),
    path("<slug:slug>/thanh-vien/", views_manage.members, name="members"),
    path("<slug:slug>/thanh-vien/<int:membership_id>/duyet/", views_manage.member_decide,
         name="member_decide"),
    path("<slug:slug>/thanh-vien/<int:membership_id>/xoa/", views_manage.member_remove,
         name="member_remove"),
    path("<slug:slug>/hoat-dong/", views_manage.activity_list, name="activities"),
    path("<slug:slug>/hoat-dong/moi/", views_manage.activity_form, name="activity_new"),
    path("<slug:slug>/hoat-dong/<int:activity_id>/", views_manage.activity_form,
         name="activity_edit"),
    path("<slug:slug>/hoat-dong/<int:activity_id>/xoa/", views_manage.activity_delete,
         name="activity_delete"),
    path("<slug:slug>/anh/<int:photo_id>/", views_manage.photo_update, name="photo_update"),
    path("<slug:slug>/anh/<int:photo_id>/xoa/", views_manage.photo_delete, name="photo_delete"),
]
