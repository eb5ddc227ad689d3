"""Publishing a round unit tells each team member and the mentor their result once: promoted to
the next round, a prize in the final, or the rank; in their own language."""

import pytest
from django.test import TestCase

from lms.contests.models import EntryRound
from lms.contests.notices import results_notify
from lms.contests.services.promotion import round_unit_publish
from lms.notifications.models import Notification

from .factories import close_submissions, make_entry, score

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_in_process")]


def _publish(env, round_unit, actor="admin_a"):
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert round_unit_publish(actor=env[actor], round_unit=round_unit)


def test_publishing_tells_members_and_mentor_once(contest_env):
    from lms.contests.services import judging

    env = contest_env
    e1 = make_entry(env, "a1", submit=True, title="Máy lọc nước")
    e2 = make_entry(env, "a2", submit=True, title="Vườn rau thông minh")
    close_submissions(env["rounds"]["school"])
    ru = EntryRound.objects.get(entry=e1).round_unit
    judging.judge_assign(actor=env["officer_so"], round_unit=ru, username=env["judge_a"].username)
    score(env["judge_a"], EntryRound.objects.get(entry=e1), [5, 5, 5])
    score(env["judge_a"], EntryRound.objects.get(entry=e2), [9, 9, 9])
    env["a1"].preferred_language = "en"
    env["a1"].save(update_fields=["preferred_language"])
    _publish(env, ru)

    winner = Notification.objects.get(user=env["a2"], event="contest_result")
    assert "“Vườn rau thông minh” được chọn vào" in winner.title
    assert winner.url == f"/cuoc-thi/bai/{e2.pk}/xem/"
    other = Notification.objects.get(user=env["a1"], event="contest_result")
    assert other.title.startswith("Results of")  # English, as a1 chose
    assert "ranked 2" in other.body
    assert Notification.objects.filter(user=env["mentor_a"], event="contest_result").count() == 2
    assert not Notification.objects.filter(user=env["judge_a"], event="contest_result").exists()
    # The task may run again (a retry): nobody hears twice.
    assert results_notify(ru.pk) == 0
    assert Notification.objects.filter(event="contest_result").count() == 4


def test_final_round_prize_is_announced(contest_env):
    from lms.contests.services import judging
    from tests.factories import learner_in

    env = contest_env
    eb = make_entry(env, "b1", mentor_key="mentor_b", submit=True, title="Trường B")
    learner_in(env["class_b"], username="hs.b2")
    close_submissions(env["rounds"]["school"])
    er = EntryRound.objects.get(entry=eb)
    judging.judge_assign(actor=env["officer_so"], round_unit=er.round_unit,
                         username=env["judge_phong"].username)
    score(env["judge_phong"], er, [8, 8, 8])
    _publish(env, er.round_unit, actor="admin_b")
    province = EntryRound.objects.get(entry=eb, round__order=3)
    close_submissions(env["rounds"]["province_department"])
    judging.judge_assign(actor=env["officer_so"], round_unit=province.round_unit,
                         username=env["judge_a"].username)
    score(env["judge_a"], province, [9, 9, 9])
    _publish(env, province.round_unit, actor="officer_so")
    titles = list(Notification.objects.filter(user=env["b1"], event="contest_result")
                  .order_by("pk").values_list("title", flat=True))
    assert len(titles) == 2 and "đạt Giải Nhất" in titles[1]


def test_unpublished_round_unit_sends_nothing(contest_env):
    env = contest_env
    e1 = make_entry(env, "a1", submit=True)
    assert results_notify(EntryRound.objects.get(entry=e1).round_unit_id) == 0
    assert not Notification.objects.filter(event="contest_result").exists()
