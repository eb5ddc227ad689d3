"""Publishing: ranks stored once, top entries promoted to the nearest ancestor round (skipping
missing levels), prizes and certificates in the final round."""

import pytest
from django.core.exceptions import ValidationError

from courses.certificates.models import Certificate
from lms.contests.models import EntryRound, RoundUnit
from lms.contests.services import judging
from lms.contests.services.promotion import round_unit_publish

from .factories import close_submissions, make_entry, score

pytestmark = pytest.mark.django_db


def _judge(env, round_unit, *keys):
    for key in keys:
        judging.judge_assign(actor=env["officer_so"], round_unit=round_unit,
                             username=env[key].username)


def test_publish_promotes_the_top_entry_to_the_district_round(contest_env):
    env = contest_env
    e1 = make_entry(env, "a1", submit=True, title="Một")
    e2 = make_entry(env, "a2", submit=True, title="Hai")
    close_submissions(env["rounds"]["school"])
    ru = EntryRound.objects.get(entry=e1).round_unit
    _judge(env, ru, "judge_a", "judge_a2")
    er1, er2 = EntryRound.objects.get(entry=e1), EntryRound.objects.get(entry=e2)
    score(env["judge_a"], er1, [6, 6, 6])
    score(env["judge_a"], er2, [9, 9, 9])
    score(env["judge_a2"], er1, [3, 3, 3])
    score(env["judge_a2"], er2, [4, 4, 4])
    assert round_unit_publish(actor=env["admin_a"], round_unit=ru) is True
    er1.refresh_from_db()
    er2.refresh_from_db()
    assert (er2.rank, er2.promoted, er1.rank, er1.promoted) == (1, True, 2, False)
    nxt = EntryRound.objects.get(entry=e2, round=env["rounds"]["district_office"])
    assert nxt.round_unit.unit == env["phong"]
    assert not EntryRound.objects.filter(entry=e1, round__order=2).exists()
    # Promoted members get a certificate (no PDF yet: rendered on first download).
    cert = Certificate.objects.get(user=env["a2"])
    assert cert.award_key == f"contest:{env['contest'].pk}:round:{er2.round.pk}:promoted"
    assert not Certificate.objects.filter(user=env["a1"]).exists()


def test_publish_is_idempotent(contest_env):
    env = contest_env
    e1 = make_entry(env, submit=True)
    close_submissions(env["rounds"]["school"])
    er = EntryRound.objects.get(entry=e1)
    _judge(env, er.round_unit, "judge_a")
    score(env["judge_a"], er, [7, 7, 7])
    assert round_unit_publish(actor=env["admin_a"], round_unit=er.round_unit)
    published_at = RoundUnit.objects.get(pk=er.round_unit_id).published_at
    assert round_unit_publish(actor=env["admin_a"], round_unit=er.round_unit) is False
    assert RoundUnit.objects.get(pk=er.round_unit_id).published_at == published_at
    assert EntryRound.objects.filter(entry=e1).count() == 2
    assert Certificate.objects.filter(user=env["a1"]).count() == 1


def test_publish_refused_before_deadline_or_incomplete_without_force(contest_env):
    env = contest_env
    e1 = make_entry(env, "a1", submit=True)
    make_entry(env, "a2", submit=True, title="Hai")
    er = EntryRound.objects.get(entry=e1)
    with pytest.raises(ValidationError, match="hạn nộp"):
        round_unit_publish(actor=env["admin_a"], round_unit=er.round_unit)
    close_submissions(env["rounds"]["school"])
    _judge(env, er.round_unit, "judge_a")
    score(env["judge_a"], er, [7, 7, 7])
    with pytest.raises(ValidationError, match="chưa xong"):
        round_unit_publish(actor=env["admin_a"], round_unit=er.round_unit)
    assert round_unit_publish(actor=env["admin_a"], round_unit=er.round_unit, force=True)


def test_other_units_organisers_cannot_publish(contest_env):
    env = contest_env
    e1 = make_entry(env, submit=True)
    close_submissions(env["rounds"]["school"])
    ru = EntryRound.objects.get(entry=e1).round_unit
    for key in ("admin_b", "judge_a", "mentor_a", "a1"):
        with pytest.raises(PermissionError):
            round_unit_publish(actor=env[key], round_unit=ru, force=True)


def test_promotion_skips_a_missing_district_level_and_final_awards_prizes(contest_env):
    env = contest_env
    from tests.factories import learner_in

    eb = make_entry(env, "b1", mentor_key="mentor_b", submit=True, title="Trường B")
    learner_in(env["class_b"], username="hs.b2")
    close_submissions(env["rounds"]["school"])
    er = EntryRound.objects.get(entry=eb)
    assert er.round_unit.unit == env["school_b"]
    _judge(env, er.round_unit, "judge_phong")
    score(env["judge_phong"], er, [8, 8, 8])
    round_unit_publish(actor=env["admin_b"], round_unit=er.round_unit)
    # School B sits directly under the Sở: the district round is skipped.
    province = EntryRound.objects.get(entry=eb, round__order=3)
    assert province.round_unit.unit == env["so"]
    assert not EntryRound.objects.filter(entry=eb, round__order=2).exists()
    close_submissions(env["rounds"]["province_department"])
    _judge(env, province.round_unit, "judge_a")
    score(env["judge_a"], province, [9, 9, 9])
    round_unit_publish(actor=env["officer_so"], round_unit=province.round_unit)
    province.refresh_from_db()
    assert (province.rank, province.prize, province.promoted) == (1, "Giải Nhất", False)
    cert = Certificate.objects.get(user=env["b1"], award_key__endswith=":prize")
    assert cert.course_title.startswith("Giải Nhất — Học sinh với ý tưởng khởi nghiệp")
    # The school admin of B does not organise the province round.
    with pytest.raises(PermissionError):
        round_unit_publish(actor=env["admin_b"], round_unit=province.round_unit)
