import pytest
from django.urls import reverse

from lms.accounts.models import LearnerProfile
from lms.recognition.models import Candidate, CandidateStatus
from lms.recognition.selectors import recognition_counts
from lms.recognition.services.evaluation import recognition_evaluate
from tests.factories import learner_in

from .factories import at, complete

pytestmark = pytest.mark.django_db


def test_public_list_shows_name_only_and_confirmed_only(client, tree, courses):
    x = learner_in(tree["class"], username="x", full_name="Đặng Thị Xuân", phone="0987654321")
    y = learner_in(tree["class"], username="y", full_name="Đặng Văn Yên")
    LearnerProfile.objects.filter(user=x).update(date_of_birth="1990-07-15")
    for user in (x, y):
        complete(user, courses[0], at(2025, 3, 1, 8, 0))
        complete(user, courses[1], at(2025, 4, 1, 8, 0))
    recognition_evaluate(unit=tree["so"], year=2025)
    Candidate.objects.filter(user=x).update(status=CandidateStatus.CONFIRMED)
    page = client.get(reverse("recognition:public_list", args=["XA-26068", 2025]))
    html = page.content.decode()
    assert page.status_code == 200 and "Đặng Thị Xuân" in html
    assert "Đặng Văn Yên" not in html  # still pending
    for private in ("0987654321", "15/07/1990", "1990-07-15", "1990"):
        assert private not in html
    assert recognition_counts(tree["so"], 2025)["citizen"] == 1
    assert recognition_counts(tree["xa_b"], 2025)["citizen"] == 0
    index = client.get(reverse("recognition:index")).content.decode()
    assert reverse("recognition:public_list", args=["XA-26068", 2025]) in index


def test_public_list_404_for_unknown_or_non_commune(client, tree):
    assert client.get(reverse("recognition:public_list", args=["XA-0", 2025])).status_code == 404
    tree["school"].code = "DN-THCS-BH"
    tree["school"].save()
    assert client.get(reverse("recognition:public_list",
                              args=["DN-THCS-BH", 2025])).status_code == 404


def test_index_links_managers_to_review(client, tree):
    client.force_login(tree["officer_a"])
    html = client.get(reverse("recognition:index")).content.decode()
    assert f"/cong-dan-hoc-tap/quan-ly/{tree['xa_a'].pk}/" in html
