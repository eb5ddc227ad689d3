"""Contests test data: entries, closed submissions, judges' scores."""

import datetime

from django.utils import timezone


def past(days=1):
    return timezone.now() - datetime.timedelta(days=days)


def future(days=10):
    return timezone.now() + datetime.timedelta(days=days)


def make_entry(env, learner_key="a1", *, mentor_key="mentor_a", members=(), submit=False,
               title="Túi sinh học từ bẹ chuối"):
    from lms.contests import services

    entry = services.entry_create(actor=env[learner_key], contest=env["contest"], title=title)
    for key in members:
        services.member_add(actor=env[learner_key], entry=entry,
                            identifier=env[key].username)
    entry = services.entry_save(
        actor=env[learner_key], entry=entry,
        data={"summary": "Tóm tắt", "problem": "Rác thải nhựa", "solution": "Bẹ chuối ép",
              "market": "Căng tin trường"},
        budget=[{"item": "Khuôn ép", "quantity": 2, "unit_cost": 850000}],
        mentor=env[mentor_key])
    if submit:
        entry = services.entry_submit(actor=env[learner_key], entry=entry)
    return entry


def close_submissions(round_):
    round_.__class__.objects.filter(pk=round_.pk).update(submission_deadline=past())
    round_.refresh_from_db()


def score(judge, entry_round, values, submit=True):
    from lms.contests.services.judging import score_save

    criteria = list(entry_round.round.criteria.all())
    return score_save(judge=judge, entry_round=entry_round,
                      values={c.pk: v for c, v in zip(criteria, values, strict=True)},
                      submit=submit)
