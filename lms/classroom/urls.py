from django.urls import path

from . import views, views_files, views_gradebook, views_marking, views_stream

app_name = "classroom"

urlpatterns = [
    path("bai-tap-cua-toi/", views.my_work, name="my_work"),
    path("bai-tap-cua-con/", views.children, name="children"),
    path("bai-tap-cua-con/<int:learner_id>/", views.child_work, name="child_work"),
    path("<int:unit_id>/bai-tap/", views.class_assignments, name="class_assignments"),
    path("<int:unit_id>/bai-tap/moi/", views.assignment_new, name="assignment_new"),
    path("<int:unit_id>/bang-tin/", views_stream.stream, name="stream"),
    path("bang-tin/<int:post_id>/cai-dat/", views_stream.stream_post_set, name="stream_post_set"),
    path("bang-tin/<int:post_id>/binh-luan/", views_stream.stream_comment,
         name="stream_comment"),
    path("bang-tin/binh-luan/<int:comment_id>/an/", views_stream.stream_comment_hide,
         name="stream_comment_hide"),
    path("bang-tin/<int:post_id>/tep/<int:file_id>/", views_stream.stream_file,
         name="stream_file"),
    path("<int:unit_id>/so-diem/", views_gradebook.gradebook_page, name="gradebook"),
    path("<int:unit_id>/so-diem/xuat.csv", views_gradebook.gradebook_csv, name="gradebook_csv"),
    path("<int:unit_id>/so-diem/xuat.xlsx", views_gradebook.gradebook_xlsx,
         name="gradebook_xlsx"),
    path("bai-tap/<int:assignment_id>/", views.assignment_detail, name="assignment"),
    path("bai-tap/<int:assignment_id>/sua/", views.assignment_edit, name="assignment_edit"),
    path("bai-tap/<int:assignment_id>/xoa/", views.assignment_delete, name="assignment_delete"),
    path("bai-tap/<int:assignment_id>/nop/", views.hand_in, name="hand_in"),
    path("bai-tap/<int:assignment_id>/tieu-chi/", views_marking.assignment_rubric,
         name="assignment_rubric"),
    path("bai-tap/<int:assignment_id>/gia-han/", views_marking.assignment_extensions,
         name="assignment_extensions"),
    path("bai-tap/<int:assignment_id>/cham-tren-giay/<int:learner_id>/",
         views_marking.mark_paper, name="mark_paper"),
    path("bai-tap/<int:assignment_id>/tep/<int:file_id>/", views_files.assignment_file,
         name="assignment_file"),
    path("bai-nop/<int:submission_id>/", views.submission_detail, name="submission"),
    path("bai-nop/<int:submission_id>/tep/<int:file_id>/", views_files.submission_file,
         name="submission_file"),
]
