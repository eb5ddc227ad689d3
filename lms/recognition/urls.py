from django.urls import path

from . import views, views_households, views_review

app_name = "recognition"

urlpatterns = [
    path("", views.index, name="index"),
    path("dang-ky/", views.register, name="register"),
    path("quan-ly/", views_review.manage_home, name="manage"),
    path("quan-ly/<int:unit_id>/<int:year>/", views_review.review, name="review"),
    path("quan-ly/<int:unit_id>/<int:year>/danh-gia/", views_review.evaluate, name="evaluate"),
    path("quan-ly/<int:unit_id>/<int:year>/tieu-chi/", views_review.rule_edit, name="rule"),
    path("quan-ly/<int:unit_id>/<int:year>/so-lieu/", views_review.counts, name="counts"),
    path("quan-ly/<int:unit_id>/<int:year>/so-lieu/xuat.xlsx", views_review.counts_export,
         name="counts_export"),
    path("quan-ly/<int:unit_id>/ho-gia-dinh/", views_households.households, name="households"),
    path("ho-gia-dinh/<int:household_id>/", views_households.household, name="household"),
    path("thanh-vien/<int:member_id>/roi-ho/", views_households.member_leave,
         name="member_leave"),
    path("de-xuat/<int:candidate_id>/", views_review.candidate_detail, name="candidate"),
    path("de-xuat/<int:candidate_id>/cong-nhan/", views_review.confirm, name="confirm"),
    path("de-xuat/<int:candidate_id>/khong-cong-nhan/", views_review.reject, name="reject"),
    # Public list per commune/ward: its unit code (XA-26068) or official ward code (26068).
    path("<str:code>/<int:year>/", views.public_list, name="public_list"),
]
