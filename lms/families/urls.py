from django.urls import path

from . import views

app_name = "families"

urlpatterns = [
    path("", views.home, name="home"),
    path("dang-ky/", views.register, name="register"),
    path("lien-ket/", views.link_add, name="link_add"),
    path("lien-ket/<int:link_id>/huy/", views.link_revoke, name="link_revoke"),
    path("con/<int:learner_id>/", views.child_detail, name="child"),
    path("api/con/<int:learner_id>/", views.child_api, name="child_api"),
    path("lop/<int:unit_id>/", views.class_families, name="class_families"),
    path("lop/<int:unit_id>/ma/<int:learner_id>/", views.link_code_create, name="link_code_create"),
    path("lop/<int:unit_id>/tin/", views.class_news, name="class_news"),
    path("tin/<int:post_id>/go/", views.news_remove, name="news_remove"),
    path("anh/<int:photo_id>/", views.news_photo, name="news_photo"),
]
