from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("da-doc/", views.mark_read, name="mark_read"),
    path("cai-dat/", views.preferences, name="preferences"),
    path("huy-dang-ky/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
