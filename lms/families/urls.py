from django.urls import path

from . import views, views_admin

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
    # The school admin's linking screen.
    path("truong/", views_admin.schools, name="admin_schools"),
    path("truong/<int:school_id>/", views_admin.school, name="admin_school"),
    path("truong/<int:school_id>/hoc-sinh/<int:learner_id>/", views_admin.learner_link,
         name="admin_learner"),
]
