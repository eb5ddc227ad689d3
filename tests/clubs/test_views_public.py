import pytest
from django.urls import reverse

from lms.clubs.services import club_create, club_update
from lms.clubs.services.activities import activity_save, photo_update

from .conftest import DAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(members, photo_upload):
    w = members
    act = activity_save(actor=w["teacher_b"], club=w["club"], date=DAY, title="Ngày hội khởi nghiệp",
                        present_ids=[w["learner_b"].pk], photos=[photo_upload(), photo_upload()])
    public, private = act.photos.order_by("pk")
    photo_update(actor=w["teacher_b"], photo=public, is_public=True)
    return {"activity": act, "public": public, "private": private}


def test_directory_folded_search_and_filters(client, world):
    club_create(actor=world["teacher_a"], unit=world["school_a"], name="CLB Đổi mới sáng tạo")
    url = reverse("clubs:index")
    html = client.get(url, {"q": "doi moi"}).content.decode()
    assert "CLB Đổi mới sáng tạo" in html and "Ngô Quyền" not in html
    html = client.get(url, {"q": "NGÔ quyen"}).content.decode()
    assert "CLB Khởi nghiệp Ngô Quyền" in html
    html = client.get(url, {"district": world["phong"].pk}).content.decode()
    assert "CLB Đổi mới sáng tạo" in html and "CLB Khởi nghiệp Ngô Quyền" not in html
    html = client.get(url, {"school": world["school_b"].pk}).content.decode()
    assert "CLB Khởi nghiệp Ngô Quyền" in html and "CLB Đổi mới" not in html
    # A school outside the chosen province/district is dropped, not an error.
    response = client.get(url, {"district": world["phong"].pk, "school": world["school_b"].pk})
    assert response.status_code == 200 and "CLB Đổi mới sáng tạo" in response.content.decode()
    # The Vietnamese names (issue 17) filter the same, and the form submits them.
    html = client.get(url, {"huyen-xa": world["phong"].pk}).content.decode()
    assert "CLB Đổi mới sáng tạo" in html and "CLB Khởi nghiệp Ngô Quyền" not in html
    html = client.get(url, {"truong": world["school_b"].pk}).content.decode()
    assert "CLB Khởi nghiệp Ngô Quyền" in html and "CLB Đổi mới" not in html
    for name in ("tinh", "huyen-xa", "truong", "linh-vuc"):
        assert f'name="{name}"' in html


def test_public_page_shows_counts_never_learner_names(client, activity, members):
    html = client.get(reverse("clubs:detail", args=[members["club"].slug])).content.decode()
    assert "Ngày hội khởi nghiệp" in html and "Hoàng Văn Nam" in html  # adviser shown
    assert "<strong>2</strong>" in html  # member count
    assert "Bí Mật" not in html and "Riêng Tư" not in html
    assert reverse("clubs:photo", args=[activity["public"].pk]) in html
    assert reverse("clubs:photo", args=[activity["private"].pk]) not in html


def test_photo_serving(client, activity, members):
    public = reverse("clubs:photo", args=[activity["public"].pk])
    private = reverse("clubs:photo", args=[activity["private"].pk])
    assert client.get(public).status_code == 200
    assert client.get(private).status_code == 404
    client.force_login(members["teacher_a"])
    assert client.get(private).status_code == 404
    client.force_login(members["learner_a"])
    assert client.get(private).status_code == 404
    client.force_login(members["learner_b"])  # a member sees the club's own photos
    response = client.get(private)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    client.force_login(members["teacher_b"])
    assert client.get(private).status_code == 200


def test_unpublished_club_is_hidden(client, activity, members):
    club_update(actor=members["teacher_b"], club=members["club"], is_public=False)
    url = reverse("clubs:detail", args=[members["club"].slug])
    assert client.get(url).status_code == 404
    assert client.get(reverse("clubs:photo", args=[activity["public"].pk])).status_code == 404
    assert "Ngô Quyền" not in client.get(reverse("clubs:index")).content.decode()
    client.force_login(members["learner_b"])
    assert client.get(url).status_code == 200


def test_learner_join_flow_and_my_clubs(client, world):
    client.force_login(world["learner_b"])
    url = reverse("clubs:detail", args=[world["club"].slug])
    assert "Xin tham gia" in client.get(url).content.decode()
    assert client.get(reverse("clubs:join", args=[world["club"].slug])).status_code == 405
    client.post(reverse("clubs:join", args=[world["club"].slug]))
    client.post(reverse("clubs:join", args=[world["club"].slug]))
    assert world["club"].memberships.count() == 1
    html = client.get(reverse("clubs:mine")).content.decode()
    assert "CLB Khởi nghiệp Ngô Quyền" in html and "Chờ duyệt" in html
    client.force_login(world["learner_a"])  # another school's learner: 404, nothing stored
    assert client.post(reverse("clubs:join", args=[world["club"].slug])).status_code == 404
    assert world["club"].memberships.count() == 1


def test_join_needs_csrf(world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(world["learner_b"])
    assert client.post(reverse("clubs:join", args=[world["club"].slug])).status_code == 403
