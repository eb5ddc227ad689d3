"""Who may do what in a contest, built on lms.units.permissions (the one permission layer).

- Team members and the mentor see and edit their own entry, nobody else's.
- Organisers of a round unit hold Capability.ORGANISE_CONTESTS (school admins, officers) over
  that unit.
- Judges (a JUDGE role, or any holder of JUDGE_ENTRIES chosen by an organiser) see only
  entries of round units they are assigned to, minus conflicts of interest:
  the entry's mentor or members, and entries from the judge's own school(s) — except in a
  school's own round, where every entry is from that school (there only the mentor/members rule
  applies)."""

from lms.units.capabilities import Capability, kinds_with
from lms.units.models import RoleKind, Unit
from lms.units.permissions import can_manage_unit, live_roles

ORGANISER = Capability.ORGANISE_CONTESTS
MENTOR = Capability.MENTOR_ENTRIES


def school_of(unit: Unit) -> Unit | None:
    """The unit itself if it is a school, else its nearest school ancestor (for a class)."""
    if unit.kind.is_school:
        return unit
    return (Unit.objects.filter(path__in=unit.ancestor_paths(), kind__is_school=True)
            .order_by("-depth").first())


def learner_school(user) -> Unit | None:
    role = (live_roles(user, (RoleKind.LEARNER,)).select_related("unit__kind")
            .order_by("-created_at").first())
    return school_of(role.unit) if role else None


def mentor_candidates(school: Unit):
    from lms.accounts.models import User

    return (User.objects.filter(roles__kind__in=kinds_with(MENTOR), roles__ended_at__isnull=True,
                                roles__unit_path__startswith=school.path, is_active=True)
            .distinct().order_by("name_key", "pk"))


def judge_school_ids(user) -> set[int]:
    """Schools the user belongs to through any live role (their own school's entries conflict)."""
    ids = set()
    for role in live_roles(user).select_related("unit__kind"):
        school = school_of(role.unit)
        if school is not None:
            ids.add(school.pk)
    return ids


def is_member(user, entry) -> bool:
    return user.is_authenticated and entry.members.filter(user=user).exists()


def can_edit_entry(user, entry) -> bool:
    return user.is_authenticated and (entry.mentor_id == user.pk or is_member(user, entry))


def can_organise(user, round_unit) -> bool:
    return can_manage_unit(user, round_unit.unit, ORGANISER)


def conflicted(judge, entry, round_unit, school_ids: set[int] | None = None) -> bool:
    """The one conflict-of-interest rule (see the module docstring). Uses prefetched members
    when given; `school_ids` lets a caller checking many entries compute them once."""
    if entry.mentor_id == judge.pk or any(m.user_id == judge.pk for m in entry.members.all()):
        return True
    if round_unit.unit.kind.is_school:
        return False
    if school_ids is None:
        school_ids = judge_school_ids(judge)
    return entry.school_id in school_ids


def is_judge(user, round_unit) -> bool:
    return user.is_authenticated and round_unit.assignments.filter(judge=user).exists()


def may_score(judge, entry_round) -> bool:
    """The judge is assigned to the entry's round unit and has no conflict with the entry."""
    round_unit = entry_round.round_unit
    return is_judge(judge, round_unit) and not conflicted(judge, entry_round.entry, round_unit)


def can_view_entry(user, entry) -> bool:
    """Members, mentor, and organisers of any round unit the entry has reached. Judges read
    entries through their judging pages, which apply the conflict rule."""
    if can_edit_entry(user, entry):
        return True
    for entry_round in entry.rounds.select_related("round_unit__unit"):
        if can_organise(user, entry_round.round_unit):
            return True
    return False


def can_read_attachment(user, entry) -> bool:
    """Those who may view the entry, and judges who may score it in one of its rounds."""
    if can_view_entry(user, entry):
        return True
    return any(may_score(user, entry_round)
               for entry_round in entry.rounds.select_related("entry", "round_unit__unit__kind"))
