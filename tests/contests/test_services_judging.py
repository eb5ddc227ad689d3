"""Judges: assignment by organisers, conflicts of interest, blind sheets, the judging window."""

import pytest
from django.core.exceptions import ValidationError

from lms.contests.models import EntryRound, ScoreSheet
from lms.contests.services import judging

from .factories import close_submissions, make_entry, score

pytestmark = pytest.mark.django_db


@pytest.fixture
def school_round(contest_env):
    """Two submitted entries at THCS A's school round, submissions closed, two judges."""
    env = contest_env
    e1 = make_entry(env, "a1", submit=True, title="Ý tưởng một")
    e2 = make_entry(env, "a2", submit=True, title="Ý tưởng hai")
    close_submissions(env["rounds"]["school"])
    round_unit = EntryRound.objects.get(entry=e1).round_unit
    for key in ("judge_a", "judge_a2", "mentor_a"):
        judging.judge_assign(actor=env["admin_a"], round_unit=round_unit,
                             username=env[key].username)
    return {"ru": round_unit, "er1": EntryRound.objects.get(entry=e1),
            "er2": EntryRound.objects.get(entry=e2), **env}


def test_only_organisers_of_the_unit_assign(school_round):
    env = school_round
    for key in ("admin_b", "judge_a", "a1"):
        with pytest.raises(PermissionError):
            judging.judge_assign(actor=env[key], round_unit=env["ru"], username="gk.phong")
    # An officer above the school organises it too (the role covers the subtree).
    judging.judge_assign(actor=env["officer_phong"], round_unit=env["ru"], username="gk.phong")
    with pytest.raises(ValidationError):  # learners cannot judge
        judging.judge_assign(actor=env["admin_a"], round_unit=env["ru"], username="hs.b1")


def test_mentor_is_excluded_from_their_own_entries(school_round):
    env = school_round
    assert judging.eligible_entry_rounds(env["mentor_a"], env["ru"]) == []
    assert len(judging.eligible_entry_rounds(env["judge_a"], env["ru"])) == 2
    with pytest.raises(PermissionError):
        score(env["mentor_a"], env["er1"], [5, 5, 5])


def test_own_school_is_excluded_above_the_school_round(contest_env):
    env = contest_env
    entry = make_entry(env, submit=True)
    close_submissions(env["rounds"]["school"])
    er = EntryRound.objects.get(entry=entry)
    judging.judge_assign(actor=env["admin_a"], round_unit=er.round_unit, username="gk.a")
    score(env["judge_a"], er, [8, 8, 8])
    from lms.contests.services.promotion import round_unit_publish

    round_unit_publish(actor=env["admin_a"], round_unit=er.round_unit)
    district = EntryRound.objects.get(entry=entry, round=env["rounds"]["district_office"])
    for key in ("judge_a", "judge_phong"):
        judging.judge_assign(actor=env["officer_phong"], round_unit=district.round_unit,
                             username=env[key].username)
    assert judging.eligible_entry_rounds(env["judge_a"], district.round_unit) == []
    assert judging.eligible_entry_rounds(env["judge_phong"], district.round_unit) == [district]


def test_scoring_is_blind(school_round):
    env = school_round
    score(env["judge_a"], env["er1"], [9, 9, 9])
    judging.score_save(judge=env["judge_a"], entry_round=env["er1"], values={},
                       comment="Rất sáng tạo")
    assert judging.sheet_for(env["judge_a2"], env["er1"]) is None
    mine = score(env["judge_a2"], env["er1"], [2, 2, 2])
    assert judging.sheet_for(env["judge_a2"], env["er1"]).pk == mine.pk
    assert {s.value for s in judging.sheet_for(env["judge_a2"], env["er1"]).scores.all()} == {2}


def test_scores_out_of_range_or_missing_on_submit_are_refused(school_round):
    env = school_round
    with pytest.raises(ValidationError):
        score(env["judge_a"], env["er1"], [11, 5, 5])
    criteria = list(env["er1"].round.criteria.all())
    with pytest.raises(ValidationError):
        judging.score_save(judge=env["judge_a"], entry_round=env["er1"],
                           values={criteria[0].pk: 5}, submit=True)
    assert not ScoreSheet.objects.exists()


def test_judging_window(contest_env):
    env = contest_env
    entry = make_entry(env, submit=True)
    er = EntryRound.objects.get(entry=entry)
    judging.judge_assign(actor=env["admin_a"], round_unit=er.round_unit, username="gk.a")
    with pytest.raises(judging.JudgingClosed):  # submissions still open
        score(env["judge_a"], er, [5, 5, 5])
    close_submissions(env["rounds"]["school"])
    score(env["judge_a"], er, [5, 5, 5])
    round_ = env["rounds"]["school"]
    from django.utils import timezone

    type(round_).objects.filter(pk=round_.pk).update(judging_deadline=timezone.now())
    with pytest.raises(judging.JudgingClosed):
        score(env["judge_a"], EntryRound.objects.get(pk=er.pk), [6, 6, 6])


def test_progress_counts_submitted_sheets_of_eligible_entries(school_round):
    env = school_round
    score(env["judge_a"], env["er1"], [5, 5, 5])
    score(env["judge_a"], env["er2"], [5, 5, 5], submit=False)
    progress = judging.judging_progress(env["ru"])
    rows = {r["judge"].username: (r["done"], r["due"]) for r in progress["rows"]}
    assert rows == {"gk.a": (1, 2), "gk.a2": (0, 2), "gv.a": (0, 0)}
    assert progress["percent"] == 25 and not progress["complete"]


def test_judge_role_sees_only_the_entries_assigned(client, contest_env):
    """A judge role (issue 16, defect 5) opens the entries of the round units they are
    assigned to, and nothing else: not before assignment, not other units' entries."""
    from django.urls import reverse

    from lms.contests import permissions

    env = contest_env
    mine = make_entry(env, "a1", submit=True, title="Ý tưởng một")
    other = make_entry(env, "b1", mentor_key="mentor_b", submit=True, title="Ý tưởng B")
    close_submissions(env["rounds"]["school"])
    entry_round = EntryRound.objects.get(entry=mine)
    judge = env["judge_phong"]
    client.force_login(judge)
    round_url = reverse("contests:judge_round", args=[entry_round.round_unit_id])
    entry_url = reverse("contests:judge_entry", args=[entry_round.pk])
    assert client.get(round_url).status_code == 404
    assert client.get(entry_url).status_code == 404
    assert client.get(reverse("contests:entry", args=[mine.pk])).status_code == 404
    assert not permissions.can_view_entry(judge, mine)
    judging.judge_assign(actor=env["admin_a"], round_unit=entry_round.round_unit,
                         username=judge.username)
    page = client.get(round_url)
    assert page.status_code == 200 and "Ý tưởng một" in page.content.decode()
    assert "Ý tưởng B" not in page.content.decode()
    assert client.get(entry_url).status_code == 200
    other_round = EntryRound.objects.get(entry=other)
    assert client.get(reverse("contests:judge_entry", args=[other_round.pk])).status_code == 404
    assert client.get(reverse("contests:entry", args=[other.pk])).status_code == 404


def test_a_teacher_role_on_an_office_cannot_be_made_a_judge(school_round):
    """A teacher's role counts only at a school or class: on a Phòng it holds no capability,
    judging included (judges there get a judge role)."""
    from lms.units.models import RoleKind
    from tests.factories import staff_at

    env = school_round
    staff_at(env["phong"], RoleKind.TEACHER, username="gv.phong")
    with pytest.raises(ValidationError):
        judging.judge_assign(actor=env["officer_phong"], round_unit=env["ru"],
                             username="gv.phong")
