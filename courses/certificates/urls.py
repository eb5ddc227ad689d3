from django.urls import path

from . import views, views_badges

app_name = "certificates"

urlpatterns = [
    path("verify/", views_badges.verify_home, name="verify_home"),
    path("verify/issuer/<str:issuer>/", views_badges.issuer, name="issuer"),
    path("verify/issuer/<str:issuer>/keys.json", views_badges.issuer_keys, name="issuer_keys"),
    path("verify/issuer/<str:issuer>/status/<int:number>/", views_badges.status_list,
         name="status_list"),
    path("verify/<str:code>/", views.verify, name="verify"),
    path("verify/<str:code>/openbadge.json", views_badges.open_badge, name="open_badge"),
    path("chung-chi/", views.my_certificates, name="mine"),
    path("chung-chi/hoc-vien/<int:user_id>/", views.learner_certificates, name="learner"),
    path("chung-chi/<str:code>/", views.detail, name="detail"),
    path("chung-chi/<str:code>/tai-ve/", views.download, name="download"),
    path("chung-chi/<str:code>/huy-hieu/", views_badges.badge_download, name="badge_download"),
    path("chung-chi/<str:code>/thu-hoi/", views.revoke, name="revoke"),
]
