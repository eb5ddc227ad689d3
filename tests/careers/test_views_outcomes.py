import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from courses.models import CourseCompletion
from lms.careers.models import EmploymentOutcome
from lms.careers.services import outcome_record
from tests.factories import UserFactory, course_with_lessons, learner_in

pytestmark = pytest.mark.django_db


def test_learner_self_reports_on_their_page(client, world):
    client.force_login(world["learner"])
    url = reverse("careers:my_outcome")
    response = client.post(url, {"status": "employed", "employer_name": "",
                                 "date": timezone.localdate().isoformat()})
    assert response.status_code == 400  # employed needs a workplace
    assert "Hãy ghi nơi làm việc." in response.content.decode()
    response = client.post(url, {"status": "employed", "employer_name": "Công ty A",
                                 "date": timezone.localdate().isoformat()})
    assert response.status_code == 302
    assert EmploymentOutcome.objects.get(learner=world["learner"]).source == "self"
    assert "Công ty A" in client.get(url).content.decode()


def test_account_that_never_trained_cannot_self_report(client, world):
    client.force_login(UserFactory())
    assert client.get(reverse("careers:my_outcome")).status_code == 404


def test_learner_cannot_open_staff_outcome_pages(client, world):
    outcome_record(actor=world["teacher"], learner=world["classmate"], status="employed",
                   employer_name="Bí mật")
    client.force_login(world["learner"])
    klass = world["class_a"]
    assert client.get(reverse("careers:class_outcomes", args=[klass.pk])).status_code == 404
    url = reverse("careers:learner_outcome", args=[klass.pk, world["classmate"].pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"status": "seeking",
                             "date": timezone.localdate().isoformat()}).status_code == 404
    assert "Bí mật" not in client.get(reverse("careers:my_outcome")).content.decode()


def test_teacher_records_for_own_class_but_not_another_school(client, world):
    client.force_login(world["teacher"])
    klass = world["class_a"]
    assert world["learner"].get_full_name() in client.get(
        reverse("careers:class_outcomes", args=[klass.pk])).content.decode()
    response = client.post(reverse("careers:learner_outcome", args=[klass.pk, world["learner"].pk]),
                           {"status": "studying", "employer_name": "Cao đẳng",
                            "date": timezone.localdate().isoformat()})
    assert response.status_code == 302
    assert EmploymentOutcome.objects.get(learner=world["learner"]).source == "school"
    other = world["class_b"]
    assert client.get(reverse("careers:class_outcomes", args=[other.pk])).status_code == 404
    assert client.get(reverse("careers:learner_outcome",
                              args=[other.pk, world["learner_b"].pk])).status_code == 404
    # A learner of another class through this class's URL: 404 as well.
    assert client.get(reverse("careers:learner_outcome",
                              args=[klass.pk, world["learner_b"].pk])).status_code == 404


@pytest.fixture
def trained(world):
    """Class A: three trainees (two employed, one studying) and a learner without a completion;
    class B: one trainee, seeking work."""
    course, _ = course_with_lessons(1)
    extra = learner_in(world["class_a"], username="hs.a3")
    untrained = learner_in(world["class_a"], username="hs.a4")
    now = timezone.now()
    for learner in (world["learner"], world["classmate"], extra, world["learner_b"]):
        CourseCompletion.objects.create(user=learner, course=course, completed_at=now)
    outcome_record(actor=world["teacher"], learner=world["learner"], status="employed",
                   employer_name="A")
    outcome_record(actor=world["classmate"], learner=world["classmate"], status="self_employed")
    outcome_record(actor=world["teacher"], learner=extra, status="studying")
    outcome_record(actor=untrained, learner=untrained, status="employed", employer_name="X")
    outcome_record(actor=world["head_b"], learner=world["learner_b"], status="seeking")
    return world


def test_rate_page_counts_per_child_unit(client, trained):
    client.force_login(trained["officer_so"])
    response = client.get(reverse("careers:rates", args=[trained["so"].pk]))
    assert response.status_code == 200
    rows = {row.unit.name: (row.employed, row.trainees) for row in response.context["rows"]}
    assert rows == {"Phòng GD&ĐT Thủy Nguyên": (2, 3), "Trường THPT B": (0, 1)}
    total = response.context["total"]
    assert (total.employed, total.trainees, total.percent) == (2, 4, 50.0)


def test_rates_take_three_queries_whatever_the_number_of_children(trained,
                                                                  django_assert_num_queries):
    from lms.careers.rates import employment_rates
    from tests.factories import UnitFactory

    for n in range(5):  # more schools without trainees: rows of zeros, no extra query
        UnitFactory(parent=trained["so"], name=f"Trường thêm {n}", kind=trained["school_b"].kind)
    with django_assert_num_queries(3):
        total, rows = employment_rates(trained["so"])
    assert len(rows) == 7 and (total.employed, total.trainees) == (2, 4)
    assert sum(row.trainees for row in rows) == 4


def test_rate_page_is_404_outside_the_subtree_and_for_teachers(client, trained):
    url = reverse("careers:rates", args=[trained["so"].pk])
    for who in ("officer_other", "officer_phong", "teacher", "learner"):
        client.force_login(trained[who])
        assert client.get(url).status_code == 404, who
        assert client.get(reverse("careers:rates_export",
                                  args=[trained["so"].pk])).status_code == 404, who


def test_rate_xlsx_export_matches_the_page(client, trained):
    client.force_login(trained["officer_phong"])
    response = client.get(reverse("careers:rates_export", args=[trained["phong"].pk]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [row for row in sheet.iter_rows(min_row=6, values_only=True) if row[1]]
    assert rows[0][1:6] == ("Trường THCS A", "school", 3, 2, 66.7)
    assert rows[-1][3:5] == (3, 2)
