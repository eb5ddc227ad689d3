"""Keeping TargetLearner rows and TargetUnitCounter aggregates up to date, incrementally.

Every change for one learner runs under a row lock on that learner (SELECT … FOR UPDATE on the
user), so a completion and a class move of the same learner cannot interleave. A completion
flips `trained` with a conditional UPDATE (rowcount 1 = this call did it) and only then adds 1
to the counters of the learner's class and every ancestor up to the target's unit."""

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F

from courses.certificates.models import Certificate
from courses.models import CourseCompletion
from lms.accounts.models import LearnerProfile
from lms.careers import selectors as careers_selectors
from lms.units.models import Role, RoleKind, Unit

from ..dashboard import counters_touched
from ..models import PopulationKind, Target, TargetLearner, TargetUnitCounter, TrainedRule
from ..rules import LearnerFacts, counts_in, trained_at
from ..splits import SPLIT_DIMS as SPLIT_FIELDS  # the counters' split columns

# The role that puts someone in each kind of population, and where they count: a learner in
# the class of their newest live learner role, a teacher at the unit of their newest teacher role.
POPULATION_ROLES: dict[str, RoleKind] = {PopulationKind.LEARNERS: RoleKind.LEARNER,
                                         PopulationKind.TEACHERS: RoleKind.TEACHER}
COUNTED_ROLE_KINDS = tuple(POPULATION_ROLES.values())


def split_of(row) -> tuple:
    return tuple(getattr(row, f) for f in SPLIT_FIELDS)


def _lock_learner(learner_id: int) -> bool:
    """Lock the person's user row; True when the account is active (a deactivated account
    counts nowhere: neither population nor trained)."""
    return bool(list(get_user_model().objects.select_for_update().filter(
        pk=learner_id, is_active=True).values_list("pk")))


def current_membership(learner_id: int, kind: str = RoleKind.LEARNER) -> Role | None:
    """Where the person counts now: their newest live role of `kind` (a learner's class)."""
    return (Role.objects.filter(user_id=learner_id, kind=kind, ended_at__isnull=True)
            .select_related("unit").order_by("-created_at", "-pk").first())


def school_level_of(ancestors: list[Unit]) -> str:
    """The nearest ancestor (or the unit itself) that records a school level."""
    for unit in sorted(ancestors, key=lambda u: -u.depth):
        if unit.school_level:
            return unit.school_level
    return ""


def facts_from(person_id: int, unit: Unit, level: str, profile) -> LearnerFacts:
    return LearnerFacts(
        learner_id=person_id, class_id=unit.pk, class_path=unit.path, class_grade=unit.grade,
        school_level=level, sex=getattr(profile, "sex", "") or "",
        ethnicity=getattr(profile, "ethnicity", "") or "",
        household=getattr(profile, "household_status", "") or "",
        grade=getattr(profile, "grade", None),
        graduation_year=getattr(profile, "expected_graduation_year", None),
        date_of_birth=getattr(profile, "date_of_birth", None))


def learner_facts(learner_id: int, kind: str = RoleKind.LEARNER, profile=False
                  ) -> tuple[LearnerFacts | None, list[Unit]]:
    role = current_membership(learner_id, kind)
    if role is None:
        return None, []
    ancestors = list(Unit.objects.filter(path__in=role.unit.ancestor_paths()))
    if profile is False:
        profile = LearnerProfile.objects.filter(user_id=learner_id).first()
    return facts_from(learner_id, role.unit, school_level_of(ancestors), profile), ancestors


# Rules whose "trained" can be lost (see _status_resync); the others never go backwards.
STANDING_RULES = (TrainedRule.EMPLOYED, TrainedRule.CERTIFICATE)


def employed_events(learner_ids) -> dict[int, list]:
    """Employment outcomes recorded by lms.careers (its selector, looked up at call time)."""
    return careers_selectors.employed_events(list(learner_ids))


def qualifying_rows(target: Target) -> tuple[Any, str]:
    """(queryset, time field) of every learner's events that a course, programme or
    certificate rule counts (period checked later). Not for the employment rule (lms.careers
    computes it)."""
    rows: Any  # a QuerySet of certificates or of completions: both have user, course, a time
    if target.rule == TrainedRule.CERTIFICATE:
        rows = Certificate.objects.filter(revoked_at__isnull=True)
        time_field = "issued_at"
    else:
        rows = CourseCompletion.objects.all()
        time_field = "completed_at"
    if target.rule == TrainedRule.PROGRAMME or (target.rule == TrainedRule.CERTIFICATE
                                               and target.programme_id):
        rows = rows.filter(course__programme_id=target.programme_id)
    else:
        rows = rows.filter(course_id__in=target.courses.values("pk"))
    return rows, time_field


def qualifying_events(target: Target, learner_ids) -> dict[int, list]:
    """Times of each learner's events that the target's rule counts (period checked later)."""
    if target.rule == TrainedRule.EMPLOYED:
        return employed_events(learner_ids)
    rows, time_field = qualifying_rows(target)
    events: dict[int, list] = {}
    for user_id, when in (rows.filter(user_id__in=learner_ids)
                          .values_list("user_id", time_field)):
        events.setdefault(user_id, []).append(when)
    return events


def _units_within(units: list[Unit], target: Target) -> list[Unit]:
    return [u for u in units if u.path.startswith(target.unit.path)]


def counters_add(target: Target, units: list[Unit], key: tuple, population: int,
                 trained: int) -> None:
    """Add to the counters of `units` for one split key (creating missing rows first)."""
    if not units or (population == 0 and trained == 0):
        return
    split = dict(zip(SPLIT_FIELDS, key, strict=True))
    if population > 0:
        TargetUnitCounter.objects.bulk_create(
            [TargetUnitCounter(target=target, unit=u, **split) for u in units],
            ignore_conflicts=True,
        )
    TargetUnitCounter.objects.filter(
        target=target, unit_id__in=[u.pk for u in units], **split,
    ).update(population=F("population") + population, trained=F("trained") + trained)
    counters_touched(u.path for u in units)


def _desired_row(target: Target, facts: LearnerFacts | None):
    if facts is None or not target.is_active or not counts_in(target, target.unit.path, facts):
        return None
    when = trained_at(target, qualifying_events(target, [facts.learner_id]).get(
        facts.learner_id, []))
    return facts.class_id, facts.split_key, when


def _targets_to_sync(existing: dict, placed: dict):
    """Targets already counting the person, and active targets of each population kind at or
    above where they count now."""
    query = Target.objects.select_related("unit").filter(pk__in=existing.keys())
    for population, (_facts, ancestors) in placed.items():
        query = query | Target.objects.select_related("unit").filter(
            is_active=True, population=population, unit__path__in=[u.path for u in ancestors])
    return query.distinct()


@transaction.atomic
def learner_sync(learner_id: int, *, adjust_counters: bool = True) -> int:
    """Bring this person's TargetLearner rows (and counters) in line with where they are now:
    joining, moving class or school, leaving, a profile change, the account deactivated or
    reactivated; as a learner and, for teacher targets, as a teacher. Returns rows changed."""
    active = _lock_learner(learner_id)
    profile = LearnerProfile.objects.filter(user_id=learner_id).first()
    placed = {}
    for population, kind in POPULATION_ROLES.items():
        if not active:
            break  # a deactivated account is placed nowhere: every row of theirs goes
        facts, ancestors = learner_facts(learner_id, kind, profile)
        if facts is not None:
            placed[population] = (facts, ancestors)
    existing = {row.target_id: row for row in
                TargetLearner.objects.filter(learner_id=learner_id).select_related("unit")}
    changed = 0
    for target in _targets_to_sync(existing, placed):
        facts, ancestors = placed.get(target.population, (None, []))
        desired = _desired_row(target, facts)
        old = existing.get(target.pk)
        if (old is not None and desired is not None and old.trained and desired[2] is None
                and target.rule not in STANDING_RULES):
            desired = (*desired[:2], old.trained_at)  # trained stays trained: never backwards
        old_state = ((old.unit_id, split_of(old), old.trained_at if old.trained else None)
                     if old else None)
        if old_state == desired:
            continue
        changed += 1
        if adjust_counters and old is not None:
            old_units = list(Unit.objects.filter(path__in=old.unit.ancestor_paths()))
            counters_add(target, _units_within(old_units, target), split_of(old), -1,
                         -int(old.trained))
        if desired is None:
            if old is not None:  # always: no old row and none desired is unchanged, above
                old.delete()
            continue
        unit_id, key, when = desired
        if adjust_counters:
            counters_add(target, _units_within(ancestors, target), key, 1, int(when is not None))
        TargetLearner.objects.update_or_create(
            target=target, learner_id=learner_id,
            defaults={"unit_id": unit_id, **dict(zip(SPLIT_FIELDS, key, strict=True)),
                      "trained": when is not None, "trained_at": when})
    return changed


@transaction.atomic
def attainment_apply(learner_id: int, *, certificate: bool = False,
                     employment: bool = False, revocation: bool = False) -> int:
    """A completion (or certificate) happened: flip the learner's untrained rows that are now
    trained and add 1 to their counters; an employment outcome or a revoked certificate
    re-syncs the "employed" or "certificate" rows both ways. Returns how many rows changed."""
    _lock_learner(learner_id)
    if employment:
        return _status_resync(learner_id, TrainedRule.EMPLOYED)
    if revocation:
        return _status_resync(learner_id, TrainedRule.CERTIFICATE)
    if certificate:
        rules = [TrainedRule.CERTIFICATE]
    else:
        rules = [TrainedRule.COURSE, TrainedRule.PROGRAMME]
    rows = (TargetLearner.objects.filter(learner_id=learner_id, trained=False,
                                         target__is_active=True, target__rule__in=rules)
            .select_related("target", "target__unit", "unit"))
    flipped = 0
    for row in rows:
        target = row.target
        when = trained_at(target, qualifying_events(target, [learner_id]).get(learner_id, []))
        if when is None:
            continue
        if TargetLearner.objects.filter(pk=row.pk, trained=False).update(
                trained=True, trained_at=when) != 1:
            continue  # someone else flipped it; they also counted it
        _counters_shift(row, 1)
        flipped += 1
    return flipped


def _counters_shift(row: TargetLearner, trained: int) -> None:
    """Adds `trained` to the trained count of the row's unit and every unit above it inside the
    target's subtree, in the row's split."""
    target = row.target
    paths = [p for p in row.unit.ancestor_paths() if p.startswith(target.unit.path)]
    TargetUnitCounter.objects.filter(
        target=target, unit__path__in=paths,
        **dict(zip(SPLIT_FIELDS, split_of(row), strict=True)),
    ).update(trained=F("trained") + trained)
    counters_touched(paths)


def _status_resync(learner_id: int, rule: str) -> int:
    """Rules that count a standing, not an achievement: "employed" (a job lost, a record
    corrected) and "certificate" (a certificate revoked). When the standing is gone the learner
    leaves the trained count at once, as a rebuild would have them. Runs under the learner's
    lock. Returns rows changed."""
    changed = 0
    for row in (TargetLearner.objects.filter(learner_id=learner_id, target__is_active=True,
                                             target__rule=rule)
                .select_related("target", "target__unit", "unit")):
        events = qualifying_events(row.target, [learner_id]).get(learner_id, [])
        when = trained_at(row.target, events)
        if (row.trained_at if row.trained else None) == when:
            continue
        TargetLearner.objects.filter(pk=row.pk).update(trained=when is not None, trained_at=when)
        if row.trained != (when is not None):
            _counters_shift(row, 1 if when is not None else -1)
        changed += 1
    return changed


def learner_forget(learner_id: int) -> None:
    """Before a learner is deleted: take them out of every counter."""
    with transaction.atomic():
        for row in TargetLearner.objects.filter(learner_id=learner_id).select_related(
                "unit", "target", "target__unit"):
            units = list(Unit.objects.filter(path__in=row.unit.ancestor_paths()))
            counters_add(row.target, _units_within(units, row.target), split_of(row), -1,
                         -int(row.trained))
            row.delete()


@transaction.atomic
def target_save(*, target: Target, courses, cooperating_units,
                confirm_uncount: bool = False) -> int:
    """Create or edit a target and recompute its rows and counters before returning.

    An edit that would un-count people already trained (another rule, other courses, narrower
    filters or period) is never silent: nothing is saved and the number of trained people who
    would no longer count is returned, until the caller confirms with `confirm_uncount`.
    Returns that number (0: nobody un-counted)."""
    from .rebuild import latest_roles, target_rebuild, target_rows

    trained_now = (set(TargetLearner.objects.filter(target_id=target.pk, trained=True)
                       .values_list("learner_id", flat=True)) if target.pk else set())
    with transaction.atomic():  # a savepoint: rolled back when the edit needs confirming
        target.save()
        target.courses.set(courses)
        target.cooperating_units.set(cooperating_units)
        rows = target_rows(target, latest_roles(target)) if target.is_active else []
        lost = len(trained_now - {row.learner_id for row in rows if row.trained})
        if lost and not confirm_uncount:
            transaction.set_rollback(True)
            return lost
        target_rebuild(target, rows)
    return lost
