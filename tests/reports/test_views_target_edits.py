"""Defect 7 (R7): the target form keeps courses chosen before they were unpublished, an edit
that would un-count trained people is never silent, and saving recomputes before returning."""

import pytest
from django.urls import reverse

from courses.models import CoursePage
from lms.reports.models import TargetLearner
from lms.units.models import RoleKind
from tests.factories import learner_in, staff_at

from .helpers import complete, figure

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_bo(tree):
    return staff_at(tree["bo"], RoleKind.OFFICER, username="canbo-bo")


def _form(target, **changes) -> dict:
    data = {"code": target.code, "name": target.name, "population": target.population,
            "school_levels": target.school_levels, "rule": target.rule,
            "threshold_kind": target.threshold_kind, "threshold": str(target.threshold),
            "period_label": target.period_label, "period_start": target.period_start,
            "period_end": target.period_end, "household": target.household,
            "min_courses": target.min_courses,
            "courses": [c.pk for c in target.courses.all()]}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def trained_through_old_course(tree, target, courses):
    target.courses.set([courses[0][0]])
    people = [learner_in(tree["x1"]) for _ in range(3)]
    complete(people[0], courses[0])
    complete(people[1], courses[0])
    CoursePage.objects.filter(pk=courses[0][0].pk).update(live=False)  # unpublished later
    assert figure(target, tree["bo"]) == (3, 2)
    return people


def test_unchanged_save_keeps_an_unpublished_course(client, tree, target, courses,
                                                   trained_through_old_course, officer_bo):
    client.force_login(officer_bo)
    url = reverse("reports:target_edit", args=[tree["bo"].pk, target.pk])
    page = client.get(url).content.decode()
    assert f"{courses[0][0].title} (đã ẩn)" in page
    response = client.post(url, _form(target))
    assert response.status_code == 302
    assert list(target.courses.all()) == [courses[0][0]]
    assert figure(target, tree["bo"]) == (3, 2)


def test_an_edit_that_uncounts_trained_people_needs_confirmation(
        client, tree, target, courses, trained_through_old_course, officer_bo):
    client.force_login(officer_bo)
    url = reverse("reports:target_edit", args=[tree["bo"].pk, target.pk])
    response = client.post(url, _form(target, courses=[courses[1][0].pk]))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Thay đổi này làm 2 người đã đạt không còn được tính" in body
    assert 'name="confirm_uncount"' in body
    target.refresh_from_db()
    assert list(target.courses.all()) == [courses[0][0]]  # nothing saved
    assert figure(target, tree["bo"]) == (3, 2)

    response = client.post(url, _form(target, courses=[courses[1][0].pk], confirm_uncount="on"))
    assert response.status_code == 302
    assert list(target.courses.all()) == [courses[1][0]]
    assert figure(target, tree["bo"]) == (3, 0)  # recomputed before the response
    assert not TargetLearner.objects.filter(target=target, trained=True).exists()


def test_an_edit_that_loses_nobody_saves_and_recomputes_at_once(
        client, tree, target, courses, trained_through_old_course, officer_bo):
    client.force_login(officer_bo)
    url = reverse("reports:target_edit", args=[tree["bo"].pk, target.pk])
    third = trained_through_old_course[2]
    complete(third, courses[1])  # not counted yet: the target only has the old course
    assert figure(target, tree["bo"]) == (3, 2)
    response = client.post(url, _form(target, courses=[courses[0][0].pk, courses[1][0].pk]))
    assert response.status_code == 302
    assert figure(target, tree["bo"]) == (3, 3)


def test_a_new_target_is_computed_before_the_redirect(client, tree, target, courses,
                                                      officer_bo):
    learner = learner_in(tree["x1"])
    complete(learner, courses[1])
    client.force_login(officer_bo)
    response = client.post(reverse("reports:target_create", args=[tree["bo"].pk]), _form(
        target, code="moi", courses=[courses[1][0].pk]))
    assert response.status_code == 302
    new = target.__class__.objects.get(code="moi")
    assert figure(new, tree["bo"]) == (1, 1)
