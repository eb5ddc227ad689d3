"""Demo contests. The 2025 startup-idea contest is open for submissions (its dates are set
relative to the day the demo is loaded, so it stays usable): rounds school → district office →
province department → national final, a Vietnamese rubric, teams with ideas from the seeds, and
judges assigned per round unit. A finished talent contest (seed 003) shows published results,
prizes and certificates. Idempotent: everything is found by slug, code or username first."""

import datetime

from django.db import transaction
from django.utils import timezone

from lms.accounts.models import LearnerProfile, User
from lms.demo.people import demo_password_hash
from lms.units.models import Role, RoleKind, Unit, UnitKind
from lms.units.services import role_grant

from . import demo_content as content
from .models import (
    BudgetLine,
    Contest,
    Criterion,
    Entry,
    EntryMember,
    EntryRound,
    EntryStatus,
    JudgeAssignment,
    Normalisation,
    Round,
    Score,
    ScoreSheet,
)
from .services import placement, round_unit_get
from .services.promotion import round_unit_publish

DEMO_ORDER = 150
SLUG = "hoc-sinh-sinh-vien-y-tuong-khoi-nghiep-2025"
TALENT_SLUG = "tai-nang-so-2024"
EXTRA_MENTORS = [("giaovien.bienhoa", "Lý Thị Kim Oanh", "DN-THCS-BH")]


def _staff(username: str, full_name: str, unit: Unit) -> User:
    user, _ = User.objects.get_or_create(username=username, defaults={
        "full_name": full_name, "email": f"{username}@hocmo.local", "is_staff": True,
        "password": demo_password_hash()})
    role_grant(user=user, unit=unit, kind=RoleKind.TEACHER)
    return user


def _judge(username: str, full_name: str, unit: Unit) -> User:
    """A judge holds a judge role (no staff rights over the unit's pupils, issue 16); a demo
    loaded before judges had their own role kind loses the old teacher role here."""
    user, _ = User.objects.get_or_create(username=username, defaults={
        "full_name": full_name, "email": f"{username}@hocmo.local",
        "password": demo_password_hash()})
    role_grant(user=user, unit=unit, kind=RoleKind.JUDGE)
    Role.objects.filter(user=user, ended_at__isnull=True).exclude(kind=RoleKind.JUDGE).update(
        ended_at=timezone.now())
    User.objects.filter(pk=user.pk, is_staff=True).update(is_staff=False)
    return user


def _learner(ref) -> User | None:
    if isinstance(ref, str):
        return User.objects.filter(username=ref).first()
    class_code, number = ref
    profile = (LearnerProfile.objects.filter(learner_code=f"{class_code}-{number:02d}")
               .select_related("user").first())
    return profile.user if profile else None


def _rubric(round_: Round) -> None:
    for order, (name, description, weight) in enumerate(content.RUBRIC, start=1):
        Criterion.objects.get_or_create(round=round_, name=name, defaults={
            "order": order, "description": description, "weight": weight,
            "min_score": 0, "max_score": 10})


def _contest(slug, title, year, description, organiser, rounds, *, start) -> Contest:
    contest, _ = Contest.objects.get_or_create(slug=slug, defaults={
        "title": title, "year": year, "description": description,
        "organiser_unit": organiser})
    for order, name, level_code, days, promote in rounds:
        deadline = start + datetime.timedelta(days=days)
        round_, _ = Round.objects.get_or_create(contest=contest, order=order, defaults={
            "name": name, "level": UnitKind.objects.get(code=level_code),
            "submission_deadline": deadline,
            "judging_deadline": deadline + datetime.timedelta(days=10),
            "results_date": deadline + datetime.timedelta(days=14),
            "promote_count": promote, "normalisation": Normalisation.ZSCORE})
        _rubric(round_)
    return contest


def _entry(contest: Contest, team: dict, units: dict, *, submitted_at) -> Entry | None:
    school = units.get(team["school"]) or Unit.objects.filter(code=team["school"]).first()
    members = [u for u in (_learner(ref) for ref in team["members"]) if u is not None]
    if school is None or not members:
        return None
    existing = EntryMember.objects.filter(contest=contest, user=members[0]).first()
    if existing:
        return existing.entry
    mentor = User.objects.filter(username=team["mentor"]).first() if team["mentor"] else None
    entry = Entry.objects.create(
        contest=contest, school=school, mentor=mentor, created_by=members[0],
        title=team["title"], summary=team["summary"], problem=team["problem"],
        solution=team["solution"], market=team["market"], team_info=team["team_info"])
    for user in members:
        EntryMember.objects.get_or_create(contest=contest, user=user, defaults={"entry": entry})
    for i, (item, quantity, cost) in enumerate(team["budget"]):
        BudgetLine.objects.create(entry=entry, order=i, item=item, quantity=quantity,
                                  unit_cost=cost)
    if team["submit"] and mentor is not None:
        round_, unit = placement(contest, school)
        EntryRound.objects.get_or_create(entry=entry, round=round_, defaults={
            "round_unit": round_unit_get(round_, unit)})
        Entry.objects.filter(pk=entry.pk).update(status=EntryStatus.SUBMITTED,
                                                 submitted_at=submitted_at)
    return entry


def _assign(contest: Contest, units: dict, assignments: dict) -> None:
    admin = User.objects.filter(username="admin").first()
    for order, rows in assignments.items():
        round_ = contest.rounds.get(order=order)
        for unit_key, usernames in rows:
            round_unit = round_unit_get(round_, units[unit_key])
            for username in usernames:
                JudgeAssignment.objects.get_or_create(
                    round_unit=round_unit, judge=User.objects.get(username=username),
                    defaults={"assigned_by": admin})


def build_startup_contest(units: dict) -> Contest:
    now = timezone.now().replace(hour=17, minute=0, second=0, microsecond=0)
    contest = _contest(SLUG, content.CONTEST_TITLE, 2025, content.CONTEST_DESCRIPTION,
                       units["bo"], content.ROUNDS, start=now)
    for number, team in enumerate(content.TEAMS):
        _entry(contest, team, units, submitted_at=now - datetime.timedelta(days=10 - number))
    _assign(contest, units, content.ASSIGNMENTS)
    return contest


def _score(entry_round: EntryRound, judge: User, values: list[int], when) -> None:
    sheet, created = ScoreSheet.objects.get_or_create(entry_round=entry_round, judge=judge,
                                                      defaults={"submitted_at": when})
    if not created:
        return
    for criterion, value in zip(entry_round.round.criteria.all(), values, strict=False):
        Score.objects.create(sheet=sheet, criterion=criterion, value=value)


def build_talent_contest(units: dict) -> Contest:
    """A two-round contest: the school round at the GDNN-GDTX centre scored and published, its
    two best entries promoted to the province final, which is open for judging."""
    start = timezone.now().replace(hour=17, minute=0, second=0, microsecond=0) - \
        datetime.timedelta(days=200)
    contest = _contest(TALENT_SLUG, content.TALENT_TITLE, 2024, content.TALENT_DESCRIPTION,
                       units["so_hp"],
                       [(1, "Vòng trường", "school", 0, 2),
                        (2, "Chung kết cấp Sở", "province_department", 40, 2)], start=start)
    judges = [User.objects.get(username=name) for name in ("giamkhao.so", "giamkhao.phong")]
    school_round, final = contest.rounds.order_by("order")
    if contest.rounds.filter(round_units__published_at__isnull=False).exists():
        _open_for_judging(final, judges)  # a reload moves the window to today again
        return contest
    admin = User.objects.get(username="admin")
    for school_code, ref, mentor, title, _values in content.TALENT_ENTRIES:
        team = {"school": school_code, "members": [ref], "mentor": mentor, "submit": True,
                "title": title, "summary": title, "problem": "", "solution": "", "market": "",
                "team_info": "", "budget": []}
        _entry(contest, team, units, submitted_at=start - datetime.timedelta(days=3))
    scores = {title: values for *_rest, title, values in content.TALENT_ENTRIES}
    for round_unit in school_round.round_units.all():
        for entry_round in round_unit.entry_rounds.all():
            for n, judge in enumerate(judges):
                JudgeAssignment.objects.get_or_create(round_unit=round_unit, judge=judge)
                values = scores.get(entry_round.entry.title, [5, 5, 5, 5])
                _score(entry_round, judge, [max(0, v - n) for v in values], start)
        round_unit_publish(actor=admin, round_unit=round_unit, force=True)  # promotes two
    _open_for_judging(final, judges)
    return contest


def _open_for_judging(round_: Round, judges: list[User]) -> None:
    """The final is being judged whenever the demo is loaded (issue 19 item 6: every demo round
    used to be outside its window, so no demo judge could score): entries closed a few days
    ago, judging open for several weeks from today, judges assigned, no sheet yet."""
    now = timezone.now().replace(hour=17, minute=0, second=0, microsecond=0)
    before, after = content.TALENT_FINAL_JUDGING
    Round.objects.filter(pk=round_.pk).update(
        submission_deadline=now - datetime.timedelta(days=before),
        judging_deadline=now + datetime.timedelta(days=after),
        results_date=now + datetime.timedelta(days=after + 4))
    for round_unit in round_.round_units.all():
        for judge in judges:
            JudgeAssignment.objects.get_or_create(round_unit=round_unit, judge=judge)


def build_demo(context) -> None:
    units = context.units
    with transaction.atomic():
        for username, full_name, unit_key in content.JUDGES:
            _judge(username, full_name, units[unit_key])
        for username, full_name, code in EXTRA_MENTORS:
            _staff(username, full_name, units[code])
        build_startup_contest(units)
        build_talent_contest(units)
    context.stdout.write("  giamkhao.truong / giamkhao.thcs / giamkhao.phong / giamkhao.so  "
                         "Giám khảo cuộc thi ý tưởng khởi nghiệp")
