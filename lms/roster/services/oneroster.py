"""OneRoster 1.2 CSV bulk import: a validated zip (oneroster_csv.bulk_read) applied in ONE
transaction, so an error anywhere leaves nothing applied. Idempotent by sourcedId: orgs and
classes are matched by `Unit.code`, users by `username`, roles and enrolments by (user, unit,
kind); rows already as the file says cause no write.

Scope: everything lands in the importer's `scope` unit subtree (orgs without a known parent go
directly under it; a superuser importing into an empty site passes scope=None and the top orgs
become roots). An existing unit or user outside the scope is refused for its row, never taken
over; an existing unit under another parent is refused (moves go through the reorganisation
pages). Learners get an unusable password and a LearnerProfile (`identifier` → learner_code).
Membership (Role at a class) is added or reopened, never ended: a learner missing from the file
keeps their class (as the XLSX import flags, never deletes)."""

from collections import Counter

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import transaction

from lms.accounts.models import LearnerProfile, User
from lms.units.capabilities import Capability
from lms.units.models import Role, RoleKind, Unit, UnitKind
from lms.units.permissions import can_manage_unit
from lms.units.services import role_grant, role_reopen, unit_create, unit_update

from ..oneroster_csv import Bulk, OneRosterError, bulk_read
from ..oneroster_records import KIND_BY_TYPE, ROLE_KINDS


def oneroster_import(*, actor, scope: Unit | None, data: bytes) -> dict:
    """Apply a OneRoster 1.2 bulk zip. Returns counts {"orgs": Counter, "classes": …, "users":
    …, "memberships": …} of created / updated / unchanged. Raises OneRosterError listing every
    problem (file, row, column, message); then nothing is saved."""
    if scope is None and not actor.is_superuser:
        raise OneRosterError([("", 0, "", "Hãy chọn đơn vị nhận dữ liệu.")])
    if scope is not None and not can_manage_unit(actor, scope, Capability.MANAGE_ROSTER):
        raise OneRosterError([("", 0, "", "Bạn không quản lý đơn vị này.")])
    bulk = bulk_read(data)
    if bulk.errors:
        raise OneRosterError(bulk.errors)
    with transaction.atomic():
        applier = _Applier(scope, bulk)
        applier.run()
        if bulk.errors:
            raise OneRosterError(bulk.errors)  # rolls the whole import back
    return applier.counts


class _Applier:
    def __init__(self, scope: Unit | None, bulk: Bulk):
        self.scope, self.bulk = scope, bulk
        self.counts: dict[str, Counter] = {
            k: Counter() for k in ("orgs", "classes", "users", "memberships")}
        sids = [r["sourcedId"] for r in bulk.files["orgs"] + bulk.files["classes"]]
        refs = [r.get("parentSourcedId", "") for r in bulk.files["orgs"]] + \
               [r.get("schoolSourcedId", "") for r in bulk.files["classes"]]
        wanted = {*sids, *refs} - {""}
        self.existing = {u.code: u for u in Unit.objects.filter(code__in=wanted)}
        # A unit without a code is exported as `hocmo-unit-<id>`: on this site, that unit (the
        # parent check in _unit still refuses one that sits elsewhere).
        by_pk = {int(s[11:]): s for s in wanted - set(self.existing)
                 if s.startswith("hocmo-unit-") and s[11:].isdigit() and len(s) < 30}
        self.existing |= {by_pk[u.pk]: u for u in Unit.objects.filter(pk__in=by_pk,
                                                                       code__isnull=True)}
        self.units: dict[str, Unit] = {}  # sourcedId → unit (file or existing)
        self.users: dict[str, User] = {}
        self._password = make_password(None)

    def in_scope(self, path: str) -> bool:
        return self.scope is None or path.startswith(self.scope.path)

    def error(self, name, row, column, message) -> None:
        self.bulk.error(name, row["_row"] if row else 0, column, message)

    def run(self) -> None:
        self._orgs()
        self._classes()
        if not self.bulk.errors:
            self._users()
        if not self.bulk.errors:
            self._memberships()

    # --- units ---------------------------------------------------------------------------------
    def _kind(self, code: str, *, is_school=False, is_class=False) -> UnitKind:
        if code:
            kind, _ = UnitKind.objects.get_or_create(
                code=code[:40], defaults={"name": code, "is_school": is_school,
                                          "is_class": is_class})
            return kind
        if is_school or is_class:
            found = UnitKind.objects.filter(is_school=is_school, is_class=is_class).first()
            if found:
                return found
        return self._kind("school" if is_school else "class" if is_class else "department",
                          is_school=is_school, is_class=is_class)

    def _parent(self, name: str, row: dict, column: str, sid: str) -> tuple[bool, Unit | None]:
        if not sid:
            return True, self.scope
        unit = self.units.get(sid) or self.existing.get(sid)
        if unit is None:
            self.error(name, row, column, f"Không có đơn vị “{sid}” trong tệp hay trên hệ thống.")
            return False, None
        if not self.in_scope(unit.path):
            self.error(name, row, column, f"Đơn vị “{sid}” nằm ngoài phạm vi của bạn.")
            return False, None
        return True, unit

    def _unit(self, entity: str, row: dict, parent: Unit | None, kind: UnitKind,
              **fields) -> None:
        sid = row["sourcedId"]
        if len(sid) > 40:
            self.error(entity, row, "sourcedId", "sourcedId dài quá 40 ký tự.")
            return
        unit = self.existing.get(sid)
        counts = self.counts[entity]
        if unit is None:
            self.units[sid] = unit_create(parent=parent, kind=kind, code=sid, **fields)
            counts["created"] += 1
            return
        actual_parent = unit.get_parent() if unit.depth > 1 else None
        if not self.in_scope(unit.path) or (parent is None and self.scope is not None):
            self.error(entity, row, "sourcedId", f"Mã “{sid}” đã thuộc một đơn vị ngoài phạm vi.")
            return
        if (actual_parent and actual_parent.pk) != (parent and parent.pk):
            self.error(entity, row, "parentSourcedId",
                       f"“{unit.name}” đang thuộc “{actual_parent}”; hãy chuyển đơn vị trên "
                       "trang tổ chức lại trước khi nhập.")
            return
        changes = {k: v for k, v in {"kind": kind, **fields}.items() if getattr(unit, k) != v}
        if changes:
            unit_update(unit=unit, **changes)
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
        self.units[sid] = unit

    def _orgs(self) -> None:
        rows = {r["sourcedId"]: r for r in self.bulk.files["orgs"]}
        done: set[str] = set()

        def place(sid: str, trail: tuple[str, ...]) -> None:
            if sid in done:
                return
            row = rows[sid]
            parent_sid = row.get("parentSourcedId", "")
            if parent_sid in trail:
                self.error("orgs", row, "parentSourcedId", "Đơn vị cha tạo thành vòng lặp.")
                done.add(sid)
                return
            if parent_sid in rows:
                place(parent_sid, (*trail, sid))
            done.add(sid)
            ok, parent = self._parent("orgs", row, "parentSourcedId", parent_sid)
            if ok:
                kind = self._kind(row.get("metadata.hocmo.kind", ""),
                                  is_school=row["type"] == "school") \
                    if row.get("metadata.hocmo.kind") or row["type"] == "school" \
                    else self._kind(KIND_BY_TYPE[row["type"]])
                self._unit("orgs", row, parent, kind, name=row["name"][:200])

        for sid in rows:
            place(sid, ())

    def _classes(self) -> None:
        years = {}
        for row in self.bulk.files["academicSessions"]:
            start, end = row.get("startDate", "")[:4], row.get("endDate", "")[:4]
            if start.isdigit() and end.isdigit() and start != end:
                years[row["sourcedId"]] = f"{start}-{end}"
            elif row.get("schoolYear", "").isdigit():
                years[row["sourcedId"]] = f"{int(row['schoolYear']) - 1}-{row['schoolYear']}"
        for row in self.bulk.files["classes"]:
            parent_sid = row.get("metadata.hocmo.parentSourcedId") or row["schoolSourcedId"]
            ok, parent = self._parent("classes", row, "schoolSourcedId", parent_sid)
            if not ok:
                continue
            grade = row.get("grades", "").split(",")[0].strip()
            terms = [t.strip() for t in row.get("termSourcedIds", "").split(",") if t.strip()]
            self._unit("classes", row, parent,
                       self._kind(row.get("metadata.hocmo.kind", ""), is_class=True),
                       name=row["title"][:200], grade=int(grade) if grade.isdigit() else None,
                       school_year=next((years[t] for t in terms if t in years), ""))

    # --- people --------------------------------------------------------------------------------
    def _users(self) -> None:
        rows = self.bulk.files["users"]
        students = {r["userSourcedId"] for name in ("roles", "enrollments")
                    for r in self.bulk.files[name] if r["role"] == "student"}
        existing = {u.username: u for u in User.objects.filter(
            username__in=[r["sourcedId"] for r in rows]).prefetch_related("roles")}
        codes = {r["sourcedId"]: r.get("identifier", "") for r in rows if r.get("identifier")}
        taken = dict(LearnerProfile.objects.filter(learner_code__in=codes.values())
                     .values_list("learner_code", "user__username"))
        for row in rows:
            sid = row["sourcedId"]
            full_name = " ".join(filter(None, (row.get("familyName"), row.get("middleName"),
                                               row.get("givenName"))))[:150]
            active = row["enabledUser"] == "true"
            user = existing.get(sid)
            code = codes.get(sid, "")
            if code and taken.get(code, sid) != sid:
                self.error("users", row, "identifier",
                           f"Mã “{code}” đã là của người học khác ({taken[code]}).")
                continue
            if user is None:
                try:
                    User.username_validator(sid)
                except ValidationError:
                    self.error("users", row, "sourcedId", "sourcedId chỉ được có chữ, số và "
                               "@ . + - _ (dùng làm tên đăng nhập).")
                    continue
                user = User(username=sid[:150], full_name=full_name, email=row.get("email", ""),
                            is_active=active, password=self._password)
                user.save()
                self.counts["users"]["created"] += 1
            elif user.is_staff or user.is_superuser or not user.roles.all() or not all(
                    self.in_scope(r.unit_path) for r in user.roles.all()):
                self.error("users", row, "sourcedId",
                           f"Tài khoản “{sid}” đã có và không thuộc phạm vi của bạn.")
                continue
            elif (user.full_name, user.email, user.is_active) != (
                    full_name, row.get("email", ""), active):
                user.full_name, user.email, user.is_active = full_name, row.get("email", ""), \
                    active
                user.save(update_fields=["full_name", "email", "is_active"])
                self.counts["users"]["updated"] += 1
            else:
                self.counts["users"]["unchanged"] += 1
            self.users[sid] = user
            if sid in students:
                self._profile(user, code, row.get("grades", "").split(",")[0].strip())

    @staticmethod
    def _profile(user: User, code: str, grade: str) -> None:
        profile, _ = LearnerProfile.objects.get_or_create(user=user)
        fields = {"learner_code": code or profile.learner_code,
                  "grade": int(grade) if grade.isdigit() else profile.grade}
        if any(getattr(profile, k) != v for k, v in fields.items()):
            for key, value in fields.items():
                setattr(profile, key, value)
            profile.save(update_fields=list(fields))

    def _membership(self, user: User, unit: Unit, kind: str) -> None:
        role = Role.objects.filter(user=user, unit=unit, kind=kind).first()
        if role is None:
            role_grant(user=user, unit=unit, kind=kind)
            self.counts["memberships"]["created"] += 1
        elif role.ended_at is not None:
            role_reopen(role=role)
            self.counts["memberships"]["updated"] += 1
        else:
            self.counts["memberships"]["unchanged"] += 1

    def _memberships(self) -> None:
        # A role at a school that only mirrors the user's enrolments there (OneRoster wants a
        # role per user; HọcMở's role then sits at the class) adds nothing.
        mirrored = {(r["userSourcedId"], r["schoolSourcedId"], r["role"])
                    for r in self.bulk.files["enrollments"]}
        for row in self.bulk.files["roles"]:
            kind = ROLE_KINDS[row["role"]]
            if kind == RoleKind.LEARNER or (
                    row["userSourcedId"], row["orgSourcedId"], row["role"]) in mirrored:
                continue  # a learner's membership is their enrolment in a class
            ok, unit = self._parent("roles", row, "orgSourcedId", row["orgSourcedId"])
            if ok and unit is not None:
                self._membership(self.users[row["userSourcedId"]], unit, kind)
        for row in self.bulk.files["enrollments"]:
            unit = self.units.get(row["classSourcedId"])
            if unit is not None:
                self._membership(self.users[row["userSourcedId"]], unit,
                                 ROLE_KINDS[row["role"]])
