"""Evaluation: from completions and households to Candidate rows, for one year and one subtree.

Idempotent: candidates are keyed by `subject_key` (unique) and inserted with
`ignore_conflicts`, so a re-run, or two runs at once, never create one twice. A re-run refreshes
the figures of candidates still pending and never touches reviewed ones; nothing is deleted (a
candidate who no longer qualifies after a rule change is rejected by an officer).

A member counts as a learning citizen for the family when they meet the citizen rule in the year
and their citizen candidate was not rejected; likewise households for the community."""

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q, Sum

from courses.models import CourseCompletion
from lms.accounts.models import User
from lms.units.models import Role, RoleKind, Unit, paths_and_ancestors

from .. import rules
from ..generations import recognition_counts_changed
from ..models import Candidate, CandidateStatus, Household, HouseholdMember, RecognitionKind

COMMUNE_KIND = "commune"
CHUNK = 500
# The figures a re-run refreshes on candidates still pending.
REFRESHED = ["display_name", "completions", "hours", "percent", "evidence"]


def _chunks(items: list, size: int = CHUNK):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def learning_stats(user_ids, year: int) -> dict[int, tuple[int, int]]:
    """user id → (courses completed in `year`, their estimated hours)."""
    start, end = rules.year_bounds(year)
    stats = {}
    for chunk in _chunks(sorted(user_ids)):
        for row in (CourseCompletion.objects
                    .filter(user_id__in=chunk, completed_at__gte=start, completed_at__lt=end)
                    .values("user_id").annotate(n=Count("id"), h=Sum("course__estimated_hours"))):
            stats[row["user_id"]] = (row["n"], row["h"] or 0)
    return stats


def year_end_members(households, year: int) -> dict[int, list[HouseholdMember]]:
    end = rules.year_end(year)
    members = defaultdict(list)
    rows = HouseholdMember.objects.filter(
        household__in=households, joined_on__lte=end).filter(
        Q(left_on__isnull=True) | Q(left_on__gt=end))
    for member in rows:
        members[member.household_id].append(member)
    return members


def _first_learner_roles(user_ids) -> dict[int, tuple[int, str]]:
    """user id → (unit id, unit path) of their first live learner role (by path)."""
    found: dict[int, tuple[int, str]] = {}
    for chunk in _chunks(sorted(user_ids)):
        for user_id, unit_id, path in (Role.objects
                                       .filter(user_id__in=chunk, kind=RoleKind.LEARNER,
                                               ended_at__isnull=True)
                                       .order_by("unit_path")
                                       .values_list("user_id", "unit_id", "unit_path")):
            found.setdefault(user_id, (unit_id, path))
    return found


def _communes_above(paths) -> dict[str, int]:
    """Every commune unit on the way up from the given paths: path → id."""
    ancestors = paths_and_ancestors(paths)
    found = {}
    for chunk in _chunks(sorted(ancestors)):
        found.update(Unit.objects.filter(path__in=chunk, kind__code=COMMUNE_KIND)
                     .values_list("path", "id"))
    return found


def _commune_for(path: str, communes: dict[str, int]) -> int | None:
    """The nearest commune at or above `path` (walks up the path, not over every commune)."""
    for i in range(len(path), 0, -Unit.steplen):
        if path[:i] in communes:
            return communes[path[:i]]
    return None


def _propose(rows: list[dict]) -> int:
    """Insert new candidates (a conflict on subject_key means it exists) and refresh the figures
    of pending ones. Returns how many are new."""
    keys = [r["subject_key"] for r in rows]
    existing: dict[str, tuple[int, str]] = {}
    for chunk in _chunks(keys):
        existing.update((key, (pk, status)) for key, pk, status in Candidate.objects
                        .filter(subject_key__in=chunk).values_list("subject_key", "pk", "status"))
    pending = [Candidate(pk=existing[r["subject_key"]][0],
                         **{f: r[f] for f in REFRESHED})
               for r in rows if existing.get(r["subject_key"], (0, ""))[1]
               == CandidateStatus.PENDING]
    with transaction.atomic():
        Candidate.objects.bulk_create([Candidate(**r) for r in rows if r["subject_key"]
                                       not in existing], ignore_conflicts=True)
        # Filtered on status: a candidate reviewed meanwhile keeps its figures.
        Candidate.objects.filter(status=CandidateStatus.PENDING).bulk_update(
            pending, REFRESHED, batch_size=CHUNK)
        recognition_counts_changed()  # bulk writes send no signals (panels.py)
    return sum(1 for k in keys if k not in existing)


def _rejected(kind: str, year: int, field: str) -> set[int]:
    return set(Candidate.objects.filter(kind=kind, year=year, status=CandidateStatus.REJECTED)
               .values_list(field, flat=True))


def _row(kind, year, subject_id, **fields) -> dict:
    fields.setdefault("completions", 0)
    fields.setdefault("hours", 0)
    fields.setdefault("percent", 0)
    return {"kind": kind, "year": year, "subject_key": f"{kind}:{year}:{subject_id}", **fields}


@dataclass
class _People:
    """Who the evaluation of one subtree looks at, and where each of them counts."""
    households: list[Household]
    members: dict[int, list[HouseholdMember]]  # household id → its members at year end
    learner_paths: list[tuple[int, str]]  # (user id, unit path) of live learner roles
    home_commune: dict[int, Unit]  # member → their household's commune
    scope: dict[int, tuple[int, str]]  # user id → (unit id, path) where they count


def _people(prefix: str, year: int) -> _People:
    """Households of the subtree's communes, learners of its units, and each person's scope:
    their first learner role, else (a member without one) their household's commune."""
    households = list(Household.objects.filter(commune__path__startswith=prefix)
                      .select_related("commune"))
    members = year_end_members(households, year)
    learner_paths = list(Role.objects.filter(kind=RoleKind.LEARNER, ended_at__isnull=True,
                                             unit_path__startswith=prefix)
                         .values_list("user_id", "unit_path"))
    role_users = {u for u, _p in learner_paths}
    member_users = {m.user_id for ms in members.values() for m in ms if m.user_id}
    everyone = role_users | member_users
    roles = _first_learner_roles(everyone)
    home_commune: dict[int, Unit] = {}
    for household in households:
        for m in members.get(household.pk, []):
            if m.user_id:
                home_commune.setdefault(m.user_id, household.commune)
    scope = {}
    for user_id in everyone:
        if user_id in roles:
            scope[user_id] = roles[user_id]
        elif user_id in home_commune:
            scope[user_id] = (home_commune[user_id].pk, home_commune[user_id].path)
    return _People(households, members, learner_paths, home_commune, scope)


def _propose_citizens(people: _People, book: rules.RuleBook, year: int,
                      prefix: str) -> tuple[int, set[int]]:
    """Citizen candidates for those meeting the rule where they count. Returns (new
    candidates, citizens: the qualified minus those whose candidate was rejected)."""
    scope = people.scope
    stats = learning_stats(scope.keys(), year)
    rejected = _rejected(RecognitionKind.CITIZEN, year, "user_id")
    qualified = {u for u, (n, h) in stats.items() if u in scope
                 and rules.citizen_meets(book.for_path(scope[u][1]), n, h)}
    communes = _communes_above({p for _, p in scope.values()})
    names = {pk: full_name or username for pk, full_name, username in
             User.objects.filter(pk__in=qualified).values_list("pk", "full_name", "username")}
    rows = []
    for user_id in sorted(qualified):
        unit_id, path = scope[user_id]
        if not path.startswith(prefix):
            continue  # evaluated with the subtree their learner role is in
        n, h = stats[user_id]
        home = people.home_commune.get(user_id)
        commune_id = _commune_for(path, communes) or (home.pk if home is not None else None)
        rows.append(_row(RecognitionKind.CITIZEN, year, user_id, user_id=user_id,
                         scope_unit_id=unit_id, commune_id=commune_id, completions=n, hours=h,
                         display_name=names[user_id],
                         evidence={"completions": n, "hours": h}))
    return _propose(rows), qualified - rejected


def _propose_families(people: _People, book: rules.RuleBook, year: int, citizens: set[int]
                      ) -> tuple[int, dict[int, int], dict[int, int]]:
    """Family candidates. Returns (new candidates, commune id → families recognised (not
    rejected), commune id → households with members)."""
    rows = []
    family_ok: defaultdict[int, int] = defaultdict(int)
    household_total: defaultdict[int, int] = defaultdict(int)
    rejected_families = _rejected(RecognitionKind.FAMILY, year, "household_id")
    for household in people.households:
        ms = people.members.get(household.pk, [])
        if not ms:
            continue
        household_total[household.commune_id] += 1
        n_citizens = sum(1 for m in ms if m.user_id in citizens)
        rule = book.for_path(household.commune.path)
        if not rules.family_meets(rule, n_citizens, len(ms)):
            continue
        if household.pk not in rejected_families:
            family_ok[household.commune_id] += 1
        rows.append(_row(RecognitionKind.FAMILY, year, household.pk, household=household,
                         scope_unit_id=household.commune_id, commune_id=household.commune_id,
                         display_name=household.name, percent=rules.percent(n_citizens, len(ms)),
                         evidence={"members": len(ms), "citizens": n_citizens}))
    return _propose(rows), family_ok, household_total


def _propose_communities(prefix: str, book: rules.RuleBook, year: int,
                         family_ok: dict[int, int], household_total: dict[int, int]) -> int:
    """Community candidates: communes whose share of recognised families meets the rule."""
    rows = []
    for commune in Unit.objects.active().filter(path__startswith=prefix,
                                                kind__code=COMMUNE_KIND):
        ok, total = family_ok.get(commune.pk, 0), household_total.get(commune.pk, 0)
        if rules.share_meets(book.for_path(commune.path).community_min_percent, ok, total):
            rows.append(_row(RecognitionKind.COMMUNITY, year, commune.pk, subject_unit=commune,
                             scope_unit=commune, commune=commune, display_name=commune.name,
                             percent=rules.percent(ok, total),
                             evidence={"households": total, "families": ok}))
    return _propose(rows)


def _propose_units(prefix: str, book: rules.RuleBook, year: int,
                   learner_paths: list[tuple[int, str]], citizens: set[int]) -> int:
    """Learning-unit candidates: schools whose share of citizens among their learners (a role
    at or below the school) meets the rule."""
    rows = []
    schools = list(Unit.objects.active().filter(path__startswith=prefix, kind__is_school=True))
    school_paths = {s.path for s in schools}
    learners_under = defaultdict(set)  # school path → its learners (a role at or below it)
    for user_id, path in learner_paths:
        for i in range(Unit.steplen, len(path) + 1, Unit.steplen):
            if path[:i] in school_paths:
                learners_under[path[:i]].add(user_id)
    school_communes = _communes_above(school_paths)
    for school in schools:
        people = learners_under[school.path]
        ok = len(people & citizens)
        if rules.share_meets(book.for_path(school.path).unit_min_percent, ok, len(people)):
            rows.append(_row(RecognitionKind.UNIT, year, school.pk, subject_unit=school,
                             scope_unit=school,
                             commune_id=_commune_for(school.path, school_communes),
                             display_name=school.name, percent=rules.percent(ok, len(people)),
                             evidence={"learners": len(people), "citizens": ok}))
    return _propose(rows)


def recognition_evaluate(*, unit: Unit | None, year: int) -> dict[str, int]:
    """Evaluate `unit`'s subtree (everything when None) for `year`; returns new candidates per
    kind. Each step feeds the next: citizens → families → communities, citizens → units."""
    prefix = unit.path if unit else ""
    book = rules.RuleBook(year)
    people = _people(prefix, year)
    created = {}
    created[RecognitionKind.CITIZEN], citizens = _propose_citizens(people, book, year, prefix)
    created[RecognitionKind.FAMILY], family_ok, household_total = _propose_families(
        people, book, year, citizens)
    created[RecognitionKind.COMMUNITY] = _propose_communities(prefix, book, year, family_ok,
                                                              household_total)
    created[RecognitionKind.UNIT] = _propose_units(prefix, book, year, people.learner_paths,
                                                   citizens)
    return {str(k): v for k, v in created.items()}
