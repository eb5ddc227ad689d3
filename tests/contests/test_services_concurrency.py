"""Contests under real concurrency (PostgreSQL, one connection per thread): a round unit is
published once however many organisers press at the same time, the winner is promoted once,
and parallel member additions never exceed the team size."""

import pytest

from lms.contests import services
from lms.contests.models import EntryMember, EntryRound, RoundUnit
from lms.contests.services import judging
from lms.contests.services.promotion import round_unit_publish
from tests.concurrency import needs_postgres, run_concurrently  # noqa: F401
from tests.factories import learner_in

from .factories import close_submissions, make_entry, score

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres,
              pytest.mark.usefixtures("needs_postgres", "celery_in_process")]


def test_parallel_publish_publishes_and_promotes_once(contest_env):
    env = contest_env
    entry = make_entry(env, "a1", submit=True)
    close_submissions(env["rounds"]["school"])
    entry_round = EntryRound.objects.get(entry=entry)
    judging.judge_assign(actor=env["officer_so"], round_unit=entry_round.round_unit,
                         username=env["judge_a"].username)
    score(env["judge_a"], entry_round, [8, 8, 8])
    round_unit = RoundUnit.objects.get(pk=entry_round.round_unit_id)

    errors, results = run_concurrently(
        [lambda actor=actor: round_unit_publish(actor=env[actor], round_unit=round_unit)
         for actor in ("admin_a", "admin_a", "officer_so", "officer_so")])
    assert errors == []
    assert sorted(results) == [False, False, False, True]
    assert EntryRound.objects.filter(entry=entry).count() == 2  # school round + the next one


def test_parallel_member_additions_respect_the_team_size(contest_env):
    env = contest_env
    entry = make_entry(env, "a1")
    limit = env["contest"].team_max
    extra = [learner_in(env["class_a"], username=f"hs.them{i}") for i in range(limit + 2)]
    errors, _added = run_concurrently(
        [lambda who=who: services.member_add(actor=env["a1"], entry=entry,
                                             identifier=who.username) for who in extra])
    assert EntryMember.objects.filter(entry=entry).count() == limit
    assert len(errors) == 3 and all("đủ" in str(e) for e in errors)
