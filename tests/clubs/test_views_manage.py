import pytest
from django.urls import reverse

from lms.clubs.models import Activity, Club, Membership, MembershipStatus

from .conftest import DAY

pytestmark = pytest.mark.django_db


def _urls(club, activity=None, photo=None, membership=None):
    urls = [reverse("clubs:edit", args=[club.slug]), reverse("clubs:members", args=[club.slug]),
            reverse("clubs:activities", args=[club.slug]),
            reverse("clubs:activity_new", args=[club.slug])]
    if activity:
        urls += [reverse("clubs:activity_edit", args=[club.slug, activity.pk])]
    return urls


@pytest.mark.parametrize("who", ["teacher_a", "teacher_b2", "learner_b", "officer_so"])
def test_non_advisers_get_404_everywhere(client, members, who):
    w = members
    activity = Activity.objects.create(club=w["club"], date=DAY, title="Tọa đàm")
    row = Membership.objects.get(user=w["learner_b"])
    client.force_login(w[who])
    for url in _urls(w["club"], activity):
        assert client.get(url).status_code == 404, url
    posts = [reverse("clubs:activity_edit", args=[w["club"].slug, activity.pk]),
             reverse("clubs:activity_delete", args=[w["club"].slug, activity.pk]),
             reverse("clubs:member_remove", args=[w["club"].slug, row.pk]),
             reverse("clubs:edit", args=[w["club"].slug])]
    for url in posts:
        assert client.post(url, {"date": DAY.isoformat(), "title": "X",
                                 "present": [w["learner_b"].pk], "name": "X"}).status_code == 404
    assert activity.attendance.count() == 0 and Activity.objects.filter(title="Tọa đàm").exists()
    assert Membership.objects.get(pk=row.pk).status == MembershipStatus.ACTIVE
    assert Club.objects.get(pk=w["club"].pk).name == "CLB Khởi nghiệp Ngô Quyền"


def test_anonymous_is_sent_to_login(client, world):
    response = client.get(reverse("clubs:members", args=[world["club"].slug]))
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


def test_adviser_records_activity_with_attendance_and_photo(client, members, photo_upload):
    w = members
    client.force_login(w["teacher_b"])
    url = reverse("clubs:activity_new", args=[w["club"].slug])
    html = client.get(url).content.decode()
    assert "Bí Mật" in html  # the adviser ticks members by name
    data = {"date": DAY.isoformat(), "title": "Ngày hội khởi nghiệp", "location": "Sân trường",
            "present": [w["learner_b"].pk], "photos": [photo_upload()], "alt": "Gian hàng",
            "photos_public": "on"}
    response = client.post(url, data)
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert list(activity.attendance.values_list("user_id", flat=True)) == [w["learner_b"].pk]
    assert activity.photos.get().is_public
    edit = reverse("clubs:activity_edit", args=[w["club"].slug, activity.pk])
    data.pop("photos")
    data["present"] = [w["learner_b"].pk, w["learner_b2"].pk]
    client.post(edit, data)
    client.post(edit, data)  # the same save twice: same state
    assert activity.attendance.count() == 2 and activity.photos.count() == 1
    photo = activity.photos.get()
    client.post(reverse("clubs:photo_update", args=[w["club"].slug, photo.pk]), {"alt": "Ảnh"})
    photo.refresh_from_db()
    assert photo.is_public is False and photo.alt == "Ảnh"


def test_bad_activity_input_is_400_with_messages(client, members):
    client.force_login(members["teacher_b"])
    url = reverse("clubs:activity_new", args=[members["club"].slug])
    response = client.post(url, {"date": "2025-09-01", "title": "Trước khi lập",
                                 "present": [members["learner_a"].pk]})
    assert response.status_code == 400
    assert not Activity.objects.exists()
    response = client.post(url, {"date": DAY.isoformat(), "title": ""})
    assert response.status_code == 400 and "errorlist" in response.content.decode()


def test_members_page_accept_and_add(client, world):
    w = world
    Membership.objects.create(club=w["club"], user=w["learner_b"])
    client.force_login(w["teacher_b"])
    url = reverse("clubs:members", args=[w["club"].slug])
    assert "Trần Thị Bí Mật" in client.get(url).content.decode()
    row = Membership.objects.get()
    client.post(reverse("clubs:member_decide", args=[w["club"].slug, row.pk]),
                {"decision": "accept"})
    row.refresh_from_db()
    assert row.status == MembershipStatus.ACTIVE
    listed = client.get(url, {"lop": w["class_b"].pk}).content.decode()
    assert "Lê Văn Riêng Tư" in listed
    client.post(f"{url}?lop={w['class_b'].pk}", {"learners": [w["learner_b2"].pk]})
    assert w["club"].memberships.filter(status=MembershipStatus.ACTIVE).count() == 2
    # A learner of another school is not a valid choice.
    response = client.post(f"{url}?lop={w['class_b'].pk}", {"learners": [w["learner_a"].pk]})
    assert response.status_code == 400
    assert not w["club"].memberships.filter(user=w["learner_a"]).exists()


def test_create_club_only_at_own_units(client, world):
    client.force_login(world["teacher_a"])
    url = reverse("clubs:create")
    html = client.get(url).content.decode()
    assert world["school_a"].name in html and world["school_b"].name not in html
    response = client.post(url, {"unit": world["school_b"].pk, "name": "Lạ", "field": "stem",
                                 "founded_on": "2025-09-10"})
    assert response.status_code == 400 and not Club.objects.filter(name="Lạ").exists()
    response = client.post(url, {"unit": world["school_a"].pk, "name": "CLB STEM A",
                                 "field": "stem", "founded_on": "2025-09-10",
                                 "is_public": "on"})
    club = Club.objects.get(name="CLB STEM A")
    assert response.status_code == 302 and list(club.advisers.all()) == [world["teacher_a"]]
    client.force_login(world["learner_a"])
    assert client.get(url).status_code == 404
