from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("verify/<str:code>/", views.verify, name="verify"),
    path("verify/<str:code>/openbadge.json", views.open_badge, name="open_badge"),
    path("chung-chi/", views.my_certificates, name="mine"),
    path("chung-chi/hoc-vien/<int:user_id>/", views.learner_certificates, name="learner"),
    path("chung-chi/<str:code>/", views.detail, name="detail"),
    path("chung-chi/<str:code>/tai-ve/", views.download, name="download"),
    path("chung-chi/<str:code>/thu-hoi/", views.revoke, name="revoke"),
]
