"""Officer pages: role and subtree checks (404 outside), CSRF-protected POSTs, XLSX."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from lms.recognition.models import Candidate, CandidateStatus, RecognitionRule
from lms.recognition.services.evaluation import recognition_evaluate
from tests.concurrency import wait_for
from tests.factories import UserFactory, learner_in

from .factories import at, complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def citizen(tree, courses):
    x = learner_in(tree["class"], username="x", full_name="Trần Văn Xuân")
    complete(x, courses[0], at(2025, 3, 1, 8, 0))
    complete(x, courses[1], at(2025, 4, 1, 8, 0))
    recognition_evaluate(unit=tree["so"], year=2025)
    return Candidate.objects.get(user=x)


def _url(name, *args):
    return reverse(f"recognition:{name}", args=args)


def test_anonymous_is_sent_to_sign_in(client, tree):
    response = client.get(_url("review", tree["xa_a"].pk, 2025))
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


@pytest.mark.parametrize("who,status", [("officer_so", 200), ("officer_a", 200),
                                        ("officer_b", 404), ("teacher", 404),
                                        ("principal", 404)])
def test_review_page_is_scoped_to_the_managed_subtree(client, tree, citizen, who, status):
    client.force_login(tree[who])
    response = client.get(_url("review", tree["xa_a"].pk, 2025))
    assert response.status_code == status
    if status == 200:
        assert "Trần Văn Xuân" in response.content.decode()


def test_principal_sees_their_school_only(client, tree, citizen):
    client.force_login(tree["principal"])
    assert client.get(_url("review", tree["school"].pk, 2025)).status_code == 200
    assert client.get(_url("counts", tree["so"].pk, 2025)).status_code == 404


def test_learner_and_outsiders_cannot_confirm(client, tree, citizen):
    for user in (tree["officer_b"], tree["teacher"], UserFactory(username="nobody"),
                 citizen.user):
        client.force_login(user)
        assert client.post(_url("confirm", citizen.pk)).status_code == 404
        assert client.post(_url("reject", citizen.pk), {"reason": "x"}).status_code == 404
        assert client.get(_url("candidate", citizen.pk)).status_code == 404
    citizen.refresh_from_db()
    assert citizen.status == CandidateStatus.PENDING


def test_confirm_is_post_only_and_needs_csrf(tree, citizen):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(tree["officer_a"])
    assert strict.get(_url("confirm", citizen.pk)).status_code == 405
    assert strict.post(_url("confirm", citizen.pk)).status_code == 403
    citizen.refresh_from_db()
    assert citizen.status == CandidateStatus.PENDING


def test_officer_confirms_and_the_public_list_shows_the_name(client, tree, citizen):
    client.force_login(tree["officer_a"])
    response = client.post(_url("confirm", citizen.pk), {"unit": tree["xa_a"].pk})
    assert response.status_code == 302
    assert response["Location"] == _url("review", tree["xa_a"].pk, 2025)
    citizen.refresh_from_db()
    assert citizen.status == CandidateStatus.CONFIRMED and citizen.certificate is not None
    client.logout()
    page = client.get(_url("public_list", "XA-26068", 2025)).content.decode()
    assert "Trần Văn Xuân" in page
    assert client.get(_url("public_list", "26068", 2025)).status_code == 200


def test_reject_without_reason_changes_nothing(client, tree, citizen):
    client.force_login(tree["officer_a"])
    client.post(_url("reject", citizen.pk), {"reason": ""})
    citizen.refresh_from_db()
    assert citizen.status == CandidateStatus.PENDING
    client.post(_url("reject", citizen.pk), {"reason": "Trùng hồ sơ"})
    citizen.refresh_from_db()
    assert (citizen.status, citizen.reason) == (CandidateStatus.REJECTED, "Trùng hồ sơ")


@pytest.mark.django_db(transaction=True)  # .ci/run's real worker must see the committed data
def test_evaluate_button_runs_the_task(client, tree, courses):
    x = learner_in(tree["class"], username="x")
    complete(x, courses[2], at(2025, 3, 1, 8, 0))
    complete(x, courses[1], at(2025, 3, 1, 9, 0))
    client.force_login(tree["officer_b"])
    assert client.post(_url("evaluate", tree["xa_a"].pk, 2025)).status_code == 404
    client.force_login(tree["officer_a"])
    assert client.get(_url("evaluate", tree["xa_a"].pk, 2025)).status_code == 405
    assert client.post(_url("evaluate", tree["xa_a"].pk, 2025)).status_code == 302
    assert wait_for(Candidate.objects.filter(user=x, year=2025).exists)


def test_rule_form_validates_and_saves(client, tree):
    client.force_login(tree["officer_a"])
    url = _url("rule", tree["xa_a"].pk, 2025)
    assert "value=\"8\"" in client.get(url).content.decode()  # the default in force
    bad = client.post(url, {"min_completions": 1, "min_hours": 4, "combine": "any",
                            "family_min_percent": 120, "family_min_members": 1,
                            "community_min_percent": 50, "unit_min_percent": 50})
    assert bad.status_code == 400 and not RecognitionRule.objects.exists()
    ok = client.post(url, {"min_completions": 1, "min_hours": 4, "combine": "all",
                           "family_min_percent": 60, "family_min_members": 2,
                           "community_min_percent": 50, "unit_min_percent": 50})
    assert ok.status_code == 302
    rule = RecognitionRule.objects.get()
    assert (rule.unit, rule.min_hours, rule.combine) == (tree["xa_a"], 4, "all")
    client.force_login(tree["officer_b"])
    assert client.post(url, {"min_hours": 1}).status_code == 404


def test_counts_per_child_and_xlsx(client, tree, citizen):
    Candidate.objects.filter(pk=citizen.pk).update(status=CandidateStatus.CONFIRMED)
    client.force_login(tree["officer_so"])
    page = client.get(_url("counts", tree["so"].pk, 2025))
    assert page.status_code == 200
    rows = {r["unit"].name: r for r in page.context["rows"]}
    assert rows["UBND Phường Biên Hòa"]["confirmed"]["citizen"] == 1
    assert rows["UBND Phường Trấn Biên"]["confirmed"]["citizen"] == 0
    old = client.get(_url("counts", tree["so"].pk, 2025) + "?dinh-dang=xlsx")
    assert old.status_code == 301  # the export's old address (issue 17)
    assert old["Location"] == _url("counts_export", tree["so"].pk, 2025)
    response = client.get(old["Location"])
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = {row[0]: row for row in sheet.iter_rows(min_row=5, values_only=True)}
    assert values["UBND Phường Biên Hòa"][1] == 1


def test_households_pages_are_scoped(client, tree):
    client.force_login(tree["officer_a"])
    response = client.post(_url("households", tree["xa_a"].pk), {"name": "Hộ bà Tư"})
    assert response.status_code == 302
    household_url = response["Location"]
    response = client.post(household_url, {"full_name": "Bà Tư", "joined_on": "2020-01-01"})
    assert response.status_code == 302
    assert "Bà Tư" in client.get(household_url).content.decode()
    client.force_login(tree["officer_b"])
    assert client.get(household_url).status_code == 404
    assert client.get(_url("households", tree["xa_a"].pk)).status_code == 404
    # Households are created at a commune, not at the province.
    client.force_login(tree["officer_so"])
    assert client.post(_url("households", tree["so"].pk), {"name": "Hộ X"}).status_code == 404


def test_member_leave_is_scoped(client, tree):
    from lms.recognition.services import household_create, household_member_add

    household = household_create(actor=tree["officer_a"], commune=tree["xa_a"], name="Hộ Năm")
    member = household_member_add(actor=tree["officer_a"], household=household,
                                  full_name="Ông Năm", joined_on=at(2020, 1, 1).date())
    client.force_login(tree["officer_b"])
    assert client.post(_url("member_leave", member.pk),
                       {"left_on": "2025-06-01"}).status_code == 404
    client.force_login(tree["officer_a"])
    client.post(_url("member_leave", member.pk), {"left_on": "2025-06-01"})
    member.refresh_from_db()
    assert str(member.left_on) == "2025-06-01"


def test_year_out_of_range_is_404(client, tree):
    client.force_login(tree["officer_a"])
    assert client.get(_url("review", tree["xa_a"].pk, 1999)).status_code == 404
