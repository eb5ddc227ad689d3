"""Writing one batch of clean roster rows in a handful of queries (bulk reads, bulk writes), so a
50,000-row file imports in seconds. Rows that are already as the file says cause no write.

Roles are created with bulk_create rather than one `role_grant` call per row (2 queries each);
the rows are the same Role(user, unit, kind=learner) with `unit_path` copied, as `Role.save`
would do. A learner's other active class roles are ended (ended_at), never deleted."""

from __future__ import annotations

from types import SimpleNamespace

from django.contrib.auth.hashers import make_password
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.accounts.models import GuardianContact, LearnerProfile, User
from lms.units.models import Role, RoleKind, Unit, UnitKind
from lms.units.permissions import can_manage_unit
from lms.units.services import unit_create

from .bulk import insert_rows
from .cleaning import RosterRow
from .columns import fold

PROFILE_FIELDS = ("date_of_birth", "sex", "ethnicity", "household_status", "grade")
GUARDIAN_RELATION = "Cha/mẹ"


def learner_username(code: str) -> str:
    return f"hs.{code.lower()}"[:150]


class BatchApplier:
    def __init__(self, *, school: Unit, actor, school_year: str = ""):
        self.school = school
        self.actor = actor
        self.school_year = school_year
        self.classes = {fold(u.name): u for u in Unit.objects.filter(
            path__startswith=school.path, kind__is_class=True, merged_into__isnull=True)}
        self.class_ids: set[int] = set()
        self.created = self.updated = self.unchanged = 0
        self._password = make_password(None)  # unusable: learners sign in after a reset/link

    # --- classes -------------------------------------------------------------------------------
    def class_for(self, row: RosterRow) -> Unit:
        key = fold(row.class_name)
        unit = self.classes.get(key)
        if unit is None:
            kind = UnitKind.objects.filter(is_class=True).order_by("sort_order", "pk").first()
            if kind is None:
                raise RuntimeError(_("Chưa có cấp đơn vị “lớp” trong hệ thống."))
            unit = unit_create(parent=Unit.objects.get(pk=self.school.pk), kind=kind,
                               name=row.class_name, grade=row.grade,
                               school_year=self.school_year)
            self._after_class_created()
            unit = self.classes[key]
        self.class_ids.add(unit.pk)
        return unit

    def _after_class_created(self) -> None:
        """Reload the school's classes, and (a safety net: unit paths are stable since units
        stopped sorting siblings) re-copy any stale path into the roles that hold it."""
        self.classes = {fold(u.name): u for u in Unit.objects.filter(
            path__startswith=self.school.path, kind__is_class=True, merged_into__isnull=True)}
        Role.objects.filter(unit__path__startswith=self.school.path).exclude(
            unit_path=F("unit__path")).update(unit_path=Subquery(
                Unit.objects.filter(pk=OuterRef("unit_id")).values("path")[:1]))

    # --- one batch -----------------------------------------------------------------------------
    def apply(self, rows: list[RosterRow]) -> dict[str, str]:
        """Writes the batch; returns {code: reason} for rows refused (e.g. a learner of a school
        the importer does not manage)."""
        rejected: dict[str, str] = {}
        codes = [r.learner_code for r in rows]
        profiles = {p.learner_code: p for p in LearnerProfile.objects.filter(
            learner_code__in=codes).select_related("user")}
        user_ids = [p.user_id for p in profiles.values()]
        roles_by_user: dict[int, list[Role]] = {}
        for role in Role.objects.filter(user_id__in=user_ids, kind=RoleKind.LEARNER):
            roles_by_user.setdefault(role.user_id, []).append(role)

        # New learners: users first (one INSERT), then their profiles.
        new_rows = [r for r in rows if r.learner_code not in profiles]
        usernames = {learner_username(r.learner_code) for r in new_rows}
        taken = set(User.objects.filter(username__in=usernames).values_list("username", flat=True))
        for row in new_rows:
            if learner_username(row.learner_code) in taken:
                rejected[row.learner_code] = _("Tên đăng nhập %(u)s đã được dùng cho tài khoản "
                                               "khác.") % {"u": learner_username(row.learner_code)}
        new_rows = [r for r in new_rows if r.learner_code not in rejected]
        insert_rows(User, [{"username": learner_username(r.learner_code),
                            "full_name": r.full_name, "password": self._password}
                           for r in new_rows])
        user_ids = dict(User.objects.filter(
            username__in=[learner_username(r.learner_code) for r in new_rows])
            .values_list("username", "pk"))
        insert_rows(LearnerProfile, [
            {"user_id": user_ids[learner_username(r.learner_code)],
             "learner_code": r.learner_code, **{f: getattr(r, f) for f in PROFILE_FIELDS}}
            for r in new_rows])
        if new_rows:
            for profile in LearnerProfile.objects.filter(
                    learner_code__in=[r.learner_code for r in new_rows]).only(
                    "pk", "user_id", "learner_code", *PROFILE_FIELDS):
                profiles[profile.learner_code] = profile
        self.created += len(new_rows)
        new_codes = {r.learner_code for r in new_rows}

        changed_users, changed_profiles, changed_codes = [], [], set()
        for row in rows:
            if row.learner_code in rejected or row.learner_code in new_codes:
                continue
            profile = profiles[row.learner_code]
            reason = self._foreign(roles_by_user.get(profile.user_id, []))
            if reason:
                rejected[row.learner_code] = reason
                continue
            if profile.user.full_name != row.full_name:
                profile.user.full_name = row.full_name
                changed_users.append(profile.user)
                changed_codes.add(row.learner_code)
            if any(self._value(getattr(profile, f)) != self._value(getattr(row, f))
                   for f in PROFILE_FIELDS):
                for f in PROFILE_FIELDS:
                    setattr(profile, f, getattr(row, f))
                changed_profiles.append(profile)
                changed_codes.add(row.learner_code)
        User.objects.bulk_update(changed_users, ["full_name"])
        LearnerProfile.objects.bulk_update(changed_profiles, list(PROFILE_FIELDS))

        accepted = [r for r in rows if r.learner_code not in rejected]
        changed_codes |= self._guardians(accepted, profiles)
        changed_codes |= self._roles(accepted, profiles, roles_by_user)
        changed_codes -= new_codes
        self.updated += len(changed_codes)
        self.unchanged += len(accepted) - len(new_codes) - len(changed_codes)
        return rejected

    @staticmethod
    def _value(value):
        return "" if value is None else value

    def _foreign(self, roles: list[Role]) -> str:
        """A learner whose current class is in a school the importer does not manage."""
        for role in roles:
            if role.ended_at is None and not role.unit_path.startswith(self.school.path) \
                    and not can_manage_unit(self.actor, SimpleNamespace(path=role.unit_path)):
                return _("Học sinh này đang học ở một đơn vị khác mà bạn không quản lý; hãy đề "
                         "nghị cấp quản lý chuyển trường.")
        return ""

    def _guardians(self, rows, profiles) -> set[str]:
        changed: set[str] = set()
        profile_ids = [profiles[r.learner_code].pk for r in rows]
        first: dict[int, GuardianContact] = {}
        for contact in GuardianContact.objects.filter(profile_id__in=profile_ids).order_by("pk"):
            first.setdefault(contact.profile_id, contact)
        create, update = [], []
        for row in rows:
            if not (row.guardian_name or row.guardian_phone or row.guardian_email):
                continue  # the file says nothing about the guardian: keep what the school has
            profile = profiles[row.learner_code]
            wanted = {"name": row.guardian_name, "phone": row.guardian_phone,
                      "email": row.guardian_email}
            contact = first.get(profile.pk)
            if contact is None:
                create.append({"profile_id": profile.pk, "relation": GUARDIAN_RELATION,
                               **wanted})
                changed.add(row.learner_code)
            elif any(getattr(contact, k) != v for k, v in wanted.items()):
                for k, v in wanted.items():
                    setattr(contact, k, v)
                update.append(contact)
                changed.add(row.learner_code)
        insert_rows(GuardianContact, create)
        GuardianContact.objects.bulk_update(update, ["name", "phone", "email"])
        return changed

    def _roles(self, rows, profiles, roles_by_user) -> set[str]:
        changed: set[str] = set()
        now = timezone.now()
        create, reopen, end = [], [], []
        for row in rows:
            klass = self.class_for(row)
            user_id = profiles[row.learner_code].user_id
            roles = roles_by_user.get(user_id, [])
            here = next((r for r in roles if r.unit_id == klass.pk), None)
            if here is None:
                create.append({"user_id": user_id, "unit_id": klass.pk,
                               "kind": RoleKind.LEARNER, "unit_path": klass.path,
                               "ended_at": None})
                changed.add(row.learner_code)
            elif here.ended_at is not None:
                reopen.append(here.pk)
                changed.add(row.learner_code)
            for other in roles:
                if other.unit_id != klass.pk and other.ended_at is None:
                    end.append(other.pk)  # moved class (or school): the old membership ends
                    changed.add(row.learner_code)
        insert_rows(Role, create)
        if reopen:
            Role.objects.filter(pk__in=reopen).update(ended_at=None)
        if end:
            Role.objects.filter(pk__in=end).update(ended_at=now)
        return changed
