from django.urls import path

from . import views

app_name = "library"

urlpatterns = [
    path("tep/<int:item_id>/", views.item_file, name="item_file"),
    path("tep/<int:item_id>/<int:file_id>/", views.item_more_file, name="item_more_file"),
    path("tai-lieu/<int:item_id>/danh-sach-doc/", views.reading_list_toggle,
         name="reading_list_toggle"),
    path("tai-lieu/<int:item_id>/tien-do/", views.reading_progress, name="reading_progress"),
    path("tai-lieu/<int:item_id>/trich-xuat/", views.extraction_status, name="extraction_status"),
    path("cua-toi/", views.my_reading_list, name="my_reading_list"),
]
