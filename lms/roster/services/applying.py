"""Writing one batch of clean roster rows in a fixed handful of set-based queries, whatever the
batch size: three reads (profiles with their user's name, learner roles, first guardian
contacts), then COPY for new users/profiles/guardians/roles, UPDATE-from-arrays for changed
rows, and one UPDATE each to end or reopen roles. Rows that are already as the file says cause
no write, which makes the import idempotent. No model is saved one by one, so no per-row signal
fires: the caller brings the report counters in line for `touched_user_ids` after the batch
commits (see counters.py).

Roles are the same Role(user, unit, kind=learner) rows `role_grant` would write, `unit_path`
copied as `Role.save` does. A learner's other active class roles are ended (ended_at), never
deleted. New learners get an unusable password (one precomputed hash for all)."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, cast

from django.contrib.auth.hashers import make_password
from django.db import connection
from django.db.models import F, Field, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.accounts.models import GuardianContact, LearnerProfile, User
from lms.accounts.usercache import user_generations_bump
from lms.common.names import name_sort_key
from lms.units.capabilities import Capability
from lms.units.generations import classes_touch, classes_touch_for_users
from lms.units.models import Role, RoleKind, Unit, UnitKind
from lms.units.permissions import can_manage_unit
from lms.units.services import unit_create

from ..cleaning import RosterRow
from ..columns import fold
from .bulk import any_of, execute, insert_rows, insert_with_ids, quote, select, update_rows

PROFILE_FIELDS = ("date_of_birth", "sex", "ethnicity", "household_status", "grade")
_PROFILE_MODEL_FIELDS = [cast(Field, LearnerProfile._meta.get_field(f)) for f in PROFILE_FIELDS]
GUARDIAN_FIELDS = ("name", "phone", "email")
GUARDIAN_RELATION = "Cha/mẹ"


def learner_username(code: str) -> str:
    return f"hs.{code.lower()}"[:150]


@dataclass
class Learner:
    """What the database holds for one learner of the batch (read once per batch)."""
    profile_id: int
    user_id: int
    full_name: str
    profile: tuple  # values of PROFILE_FIELDS
    roles: list = field(default_factory=list)  # (role id, unit id, unit path, ended_at)
    new: bool = False


def _table(model) -> str:
    return quote(model._meta.db_table)


class BatchApplier:
    def __init__(self, *, school: Unit, actor, school_year: str = ""):
        self.school = school
        self.actor = actor
        self.school_year = school_year
        self._load_classes()
        self.class_ids: set[int] = set()
        self.created = self.updated = self.unchanged = 0
        self.touched_user_ids: set[int] = set()  # of the last batch: joined, moved or changed
        self.new_user_ids: set[int] = set()  # of the last batch: created by it
        self._password = make_password(None)  # unusable: learners sign in after a reset/link

    # --- classes -------------------------------------------------------------------------------
    def _load_classes(self) -> None:
        self.classes = {fold(u.name): u for u in Unit.objects.filter(
            path__startswith=self.school.path, kind__is_class=True, merged_into__isnull=True)}
        self._by_name: dict[str, Unit] = {}  # the file's spelling → class (saves a fold per row)

    def class_for(self, row: RosterRow) -> Unit:
        unit = self._by_name.get(row.class_name)
        if unit is None:
            key = fold(row.class_name)
            if key not in self.classes:
                kind = UnitKind.objects.filter(is_class=True).order_by("sort_order", "pk").first()
                if kind is None:
                    raise RuntimeError(_("Chưa có cấp đơn vị “lớp” trong hệ thống."))
                unit_create(parent=Unit.objects.get(pk=self.school.pk), kind=kind,
                            name=row.class_name, grade=row.grade, school_year=self.school_year)
                self._after_class_created()
            unit = self._by_name[row.class_name] = self.classes[key]
            self.class_ids.add(unit.pk)
        return unit

    def _after_class_created(self) -> None:
        """Reload the school's classes, and (a safety net: unit paths are stable since units
        stopped sorting siblings) re-copy any stale path into the roles that hold it."""
        self._load_classes()
        Role.objects.filter(unit__path__startswith=self.school.path).exclude(
            unit_path=F("unit__path")).update(unit_path=Subquery(
                Unit.objects.filter(pk=OuterRef("unit_id")).values("path")[:1]))

    # --- reads ---------------------------------------------------------------------------------
    def _learners(self, codes: list[str]) -> dict[str, Learner]:
        profile, user = _table(LearnerProfile), _table(User)
        where, params = any_of("p.learner_code", codes)
        learners = {}
        postgres = connection.vendor == "postgresql"
        for code, pid, uid, name, *values in select(
                f"SELECT p.learner_code, p.id, p.user_id, u.full_name, "  # noqa: S608
                f"{', '.join('p.' + quote(f) for f in PROFILE_FIELDS)} FROM {profile} p "
                f"JOIN {user} u ON u.id = p.user_id WHERE {where}", params):
            if not postgres:  # SQLite hands dates back as text
                values = [f.to_python(v) for f, v in zip(_PROFILE_MODEL_FIELDS, values,
                                                         strict=True)]
            learners[code] = Learner(pid, uid, name, tuple(values))
        if learners:
            by_user = {learner.user_id: learner for learner in learners.values()}
            where, params = any_of("user_id", by_user)
            # Only user_id in the WHERE: with `kind` too, PostgreSQL statistics still stale
            # from the previous import's COPY made the planner scan every learner role and test
            # each against the 2,000-id array (0.9 s a batch instead of 2 ms).
            for role_id, uid, unit_id, unit_path, ended_at, kind in select(
                    f"SELECT id, user_id, unit_id, unit_path, ended_at, kind "  # noqa: S608
                    f"FROM {_table(Role)} WHERE {where}", params):
                if kind == RoleKind.LEARNER:
                    by_user[uid].roles.append((role_id, unit_id, unit_path, ended_at))
        return learners

    # --- one batch -----------------------------------------------------------------------------
    def apply(self, rows: list[RosterRow]) -> dict[str, str]:
        """Writes the batch; returns {code: reason} for rows refused (e.g. a learner of a school
        the importer does not manage)."""
        self.touched_user_ids, self.new_user_ids = set(), set()
        rejected: dict[str, str] = {}
        learners = self._learners([r.learner_code for r in rows])
        new_rows = [r for r in rows if r.learner_code not in learners]
        self._insert_learners(new_rows, learners, rejected)
        user_updates, profile_updates, changed = [], [], set()
        for row in rows:
            learner = learners.get(row.learner_code)
            if learner is None or learner.new:
                continue
            reason = self._foreign(learner.roles)
            if reason:
                rejected[row.learner_code] = reason
                continue
            if learner.full_name != row.full_name:
                user_updates.append((learner.user_id, row.full_name,
                                     name_sort_key(row.full_name)))
                changed.add(row.learner_code)
            wanted = tuple(getattr(row, f) for f in PROFILE_FIELDS)
            # Text columns are never NULL and clean text is never None: plain tuple equality.
            if learner.profile != wanted:
                profile_updates.append((learner.profile_id, *wanted))
                changed.add(row.learner_code)
                self.touched_user_ids.add(learner.user_id)  # sex, ethnicity… split counters
        update_rows(User, ["full_name", "name_key"], user_updates)  # the key User.save keeps
        user_generations_bump(update[0] for update in user_updates)  # raw SQL: no post_save
        classes_touch_for_users(update[0] for update in user_updates)  # names on class pages
        update_rows(LearnerProfile, list(PROFILE_FIELDS), profile_updates)

        accepted = [r for r in rows if r.learner_code not in rejected]
        changed |= self._guardians(accepted, learners)
        changed |= self._roles(accepted, learners)
        new_codes = {code for code, learner in learners.items() if learner.new}
        changed -= new_codes
        self.updated += len(changed)
        self.unchanged += len(accepted) - len(new_codes) - len(changed)
        return rejected

    def _insert_learners(self, new_rows, learners, rejected) -> None:
        names = {r.learner_code: learner_username(r.learner_code) for r in new_rows}
        if names:
            where, params = any_of("username", names.values())
            taken = {u for (u,) in select(
                f"SELECT username FROM {_table(User)} WHERE {where}", params)}  # noqa: S608
            for row in new_rows:
                if names[row.learner_code] in taken:
                    rejected[row.learner_code] = _(
                        "Tên đăng nhập %(u)s đã được dùng cho tài khoản khác.") % {
                        "u": names[row.learner_code]}
        new_rows = [r for r in new_rows if r.learner_code not in rejected]
        user_ids = insert_with_ids(User, [
            {"username": names[r.learner_code], "full_name": r.full_name,
             "name_key": name_sort_key(r.full_name or names[r.learner_code]),
             "password": self._password} for r in new_rows], key="username")
        profile_ids = insert_with_ids(LearnerProfile, [
            {"user_id": user_ids[names[r.learner_code]], "learner_code": r.learner_code,
             **{f: getattr(r, f) for f in PROFILE_FIELDS}} for r in new_rows],
            key="learner_code")
        for r in new_rows:
            learners[r.learner_code] = Learner(
                profile_ids[r.learner_code], user_ids[names[r.learner_code]], r.full_name,
                tuple(getattr(r, f) for f in PROFILE_FIELDS), new=True)
        self.created += len(new_rows)
        self.new_user_ids = set(user_ids.values())

    def _foreign(self, roles: list[tuple]) -> str:
        """A learner whose current class is in a school the importer does not manage."""
        for _id, _unit, unit_path, ended_at in roles:
            if ended_at is None and not unit_path.startswith(self.school.path) \
                    and not can_manage_unit(self.actor,  # only reads unit.path
                                            SimpleNamespace(path=unit_path),  # type: ignore[arg-type]
                                            Capability.MANAGE_ROSTER):
                return _("Học sinh này đang học ở một đơn vị khác mà bạn không quản lý; hãy đề "
                         "nghị cấp quản lý chuyển trường.")
        return ""

    def _guardians(self, rows, learners) -> set[str]:
        changed: set[str] = set()
        old_ids = [learners[r.learner_code].profile_id for r in rows
                   if not learners[r.learner_code].new]
        first: dict[int, tuple] = {}
        if old_ids:
            where, params = any_of("profile_id", old_ids)
            for record in select(f"SELECT profile_id, id, name, phone, email "  # noqa: S608
                                 f"FROM {_table(GuardianContact)} WHERE {where} ORDER BY id",
                                 params):
                first.setdefault(record[0], record[1:])
        create: list[dict[str, Any]] = []
        update: list[tuple] = []
        for row in rows:
            wanted = (row.guardian_name, row.guardian_phone, row.guardian_email)
            if not any(wanted):
                continue  # the file says nothing about the guardian: keep what the school has
            profile_id = learners[row.learner_code].profile_id
            contact = first.get(profile_id)
            if contact is None:
                create.append({"profile_id": profile_id, "relation": GUARDIAN_RELATION,
                               **dict(zip(GUARDIAN_FIELDS, wanted, strict=True))})
                changed.add(row.learner_code)
            elif tuple(contact[1:]) != wanted:
                update.append((contact[0], *wanted))
                changed.add(row.learner_code)
        insert_rows(GuardianContact, create)
        update_rows(GuardianContact, list(GUARDIAN_FIELDS), update)
        return changed

    def _roles(self, rows, learners) -> set[str]:
        changed: set[str] = set()
        create, reopen, end = [], [], []
        for row in rows:
            klass = self.class_for(row)
            learner = learners[row.learner_code]
            here = next((r for r in learner.roles if r[1] == klass.pk), None)
            if here is None:
                create.append({"user_id": learner.user_id, "unit_id": klass.pk,
                               "kind": RoleKind.LEARNER.value, "unit_path": klass.path,
                               "ended_at": None})
                changed.add(row.learner_code)
                self.touched_user_ids.add(learner.user_id)
            elif here[3] is not None:
                reopen.append(here[0])
                changed.add(row.learner_code)
                self.touched_user_ids.add(learner.user_id)
            for role_id, unit_id, _path, ended_at in learner.roles:
                if unit_id != klass.pk and ended_at is None:
                    end.append(role_id)  # moved class (or school): the old membership ends
                    changed.add(row.learner_code)
                    self.touched_user_ids.add(learner.user_id)
        insert_rows(Role, create)
        # Raw SQL: no post_save. The classes joined, rejoined and left show another roster.
        changed_roles = {*reopen, *end}
        classes_touch([*(r["unit_id"] for r in create), *(
            unit_id for learner in learners.values() for role_id, unit_id, _p, _e in learner.roles
            if role_id in changed_roles)])
        for ids, value in ((reopen, None), (end, timezone.now())):
            if ids:
                where, params = any_of("id", ids)
                execute(f"UPDATE {_table(Role)} SET ended_at = %s WHERE {where}",  # noqa: S608
                        [value, *params])
        return changed
