"""A unit's subtree as OneRoster 1.2 records (reads only): what the CSV export writes and the
REST rostering endpoints serve (docs/features/interop-oneroster-qti.md).

Identity (`sourcedId`), stable across exports and across sites, so a re-import matches:
  org / class   the unit's code, or `hocmo-unit-<id>` when it has none (an import stores the
                sourcedId as the new unit's code);
  user          the username;
  session       `nam-hoc-<school year>` (one schoolYear session per school year of a class);
  course        `<school sourcedId>-khoi-<grade>` (OneRoster classes need a course; HọcMở
                classes have none, so one per school and grade);
  enrollment    `<class>:<user>:<role>` (a Role row at a class);
  role          `<org>:<user>:<role>` (a staff Role at an org; learners get `student` at the
                school of their class).
Units are `orgs` (type by kind: school, else by depth: national, state, district, local),
classes are units whose kind `is_class`. Ended roles, merged or inactive units, and the API
service accounts are left out. HọcMở extras ride in `metadata.hocmo.*` columns/fields."""

from dataclasses import dataclass, field

from lms.units.models import Role, RoleKind, Unit

ROLE_NAMES: dict[str, str] = {RoleKind.LEARNER: "student", RoleKind.TEACHER: "teacher",
              RoleKind.SCHOOL_ADMIN: "principal", RoleKind.OFFICER: "districtAdministrator"}
ROLE_KINDS: dict[str, str] = {name: kind for kind, name in ROLE_NAMES.items()} | {
    "siteAdministrator": RoleKind.SCHOOL_ADMIN, "administrator": RoleKind.SCHOOL_ADMIN,
    "systemAdministrator": RoleKind.OFFICER, "aide": RoleKind.TEACHER,
    "proctor": RoleKind.TEACHER}
ORG_TYPES_BY_DEPTH = {1: "national", 2: "state", 3: "district"}
# OneRoster org type → the HọcMở kind code an import uses when the file names no kind.
KIND_BY_TYPE = {"national": "ministry", "state": "province_department",
                "district": "district_office", "local": "commune", "department": "department"}
TYPE_BY_KIND = {kind: org_type for org_type, kind in KIND_BY_TYPE.items()}


def unit_sid(unit) -> str:
    return unit.code or f"hocmo-unit-{unit.pk}"


def session_sid(school_year: str) -> str:
    return f"nam-hoc-{school_year}"


def grade_code(grade: int | None) -> str:
    return f"{grade:02d}" if grade else ""


def split_name(full_name: str) -> tuple[str, str, str]:
    """Vietnamese order: family (first word), middle, given (last word)."""
    words = full_name.split()
    if len(words) < 2:
        return "", "", full_name.strip()
    return words[0], " ".join(words[1:-1]), words[-1]


@dataclass
class Roster:
    """The records of one subtree, each a dict keyed by the CSV column names."""
    orgs: list[dict] = field(default_factory=list)
    sessions: list[dict] = field(default_factory=list)
    courses: list[dict] = field(default_factory=list)
    classes: list[dict] = field(default_factory=list)
    users: list[dict] = field(default_factory=list)
    roles: list[dict] = field(default_factory=list)
    enrollments: list[dict] = field(default_factory=list)


def _school_of(unit: Unit, by_path: dict[str, Unit]) -> Unit:
    """The nearest school at or above a class (its parent when no school is above)."""
    for depth in range(unit.depth - 1, 0, -1):
        ancestor = by_path.get(unit.path[:depth * Unit.steplen])
        if ancestor is not None and ancestor.kind.is_school:
            return ancestor
    return by_path.get(unit.path[:(unit.depth - 1) * Unit.steplen], unit)


def _org_type(unit: Unit) -> str:
    if unit.kind.is_school:
        return "school"
    return TYPE_BY_KIND.get(unit.kind.code) or ORG_TYPES_BY_DEPTH.get(unit.depth, "local")


def roster_of(root: Unit, *, with_people: bool = True) -> Roster:
    """Every OneRoster record of `root`'s subtree (live units and live roles only)."""
    units = list(Unit.objects.filter(path__startswith=root.path, merged_into__isnull=True,
                                     is_active=True).select_related("kind").order_by("path"))
    by_path = {u.path: u for u in units}
    out = Roster()
    courses: dict[str, dict] = {}
    years: set[str] = set()
    for unit in units:
        parent = by_path.get(unit.path[:-Unit.steplen]) if unit.depth > root.depth else None
        if not unit.kind.is_class:
            out.orgs.append({
                "sourcedId": unit_sid(unit), "name": unit.name,
                "type": _org_type(unit), "identifier": unit.code or "",
                "parentSourcedId": unit_sid(parent) if parent else "",
                "metadata.hocmo.kind": unit.kind.code})
            continue
        school = _school_of(unit, by_path)
        course_sid = f"{unit_sid(school)}-khoi-{unit.grade or 0}"
        courses.setdefault(course_sid, {
            "sourcedId": course_sid, "schoolYearSourcedId": "",
            "title": f"Khối {unit.grade}" if unit.grade else "Lớp chưa ghi khối",
            "courseCode": f"khoi-{unit.grade or 0}", "grades": grade_code(unit.grade),
            "orgSourcedId": unit_sid(school), "subjects": "", "subjectCodes": ""})
        if unit.school_year:
            years.add(unit.school_year)
        out.classes.append({
            "sourcedId": unit_sid(unit), "title": unit.name, "grades": grade_code(unit.grade),
            "courseSourcedId": course_sid, "classCode": unit.code or "",
            "classType": "homeroom", "location": "", "schoolSourcedId": unit_sid(school),
            "termSourcedIds": session_sid(unit.school_year) if unit.school_year else "",
            "subjects": "", "subjectCodes": "", "periods": "",
            "metadata.hocmo.kind": unit.kind.code,
            "metadata.hocmo.parentSourcedId": unit_sid(parent) if parent else ""})
    out.courses = list(courses.values())
    for year in sorted(years):
        start, _sep, end = year.partition("-")
        out.sessions.append({
            "sourcedId": session_sid(year), "title": f"Năm học {year}", "type": "schoolYear",
            "startDate": f"{start}-09-01" if start.isdigit() else "",
            "endDate": f"{end}-05-31" if end.isdigit() else "", "parentSourcedId": "",
            "schoolYear": end if end.isdigit() else ""})
    if with_people:
        _people(out, by_path, root)
    return out


def _people(out: Roster, by_path: dict[str, Unit], root: Unit) -> None:
    roles = list(Role.objects.filter(
        unit_path__startswith=root.path, ended_at__isnull=True, kind__in=list(ROLE_NAMES),
        user__is_active=True, user__api_client__isnull=True, unit__merged_into__isnull=True,
        unit__is_active=True)
        .select_related("user", "user__learner_profile", "unit", "unit__kind")
        .order_by("user__username", "unit__path", "kind"))
    users: dict[int, dict] = {}
    seen_org_roles: set[str] = set()
    for role in roles:
        user, unit = role.user, role.unit
        sid = user.username
        if user.pk not in users:
            family, middle, given = split_name(user.get_full_name())
            profile = getattr(user, "learner_profile", None)
            users[user.pk] = {
                "sourcedId": sid, "enabledUser": "true", "username": user.username,
                "userIds": "", "givenName": given, "familyName": family,
                "middleName": middle,
                "identifier": (profile.learner_code or "") if profile else "",
                "email": user.email or "", "sms": "", "phone": "", "agentSourcedIds": "",
                "grades": grade_code(profile.grade) if profile else "", "password": "",
                "userMasterIdentifier": "", "resourceSourcedIds": "", "preferredGivenName": "",
                "preferredMiddleName": "", "preferredFamilyName": "",
                "primaryOrgSourcedId": "", "pronouns": ""}
        name = ROLE_NAMES[role.kind]
        if unit.kind.is_class:
            school = _school_of(unit, by_path)
            out.enrollments.append({
                "sourcedId": f"{unit_sid(unit)}:{sid}:{name}", "classSourcedId": unit_sid(unit),
                "schoolSourcedId": unit_sid(school), "userSourcedId": sid, "role": name,
                "primary": "false", "beginDate": role.created_at.date().isoformat(),
                "endDate": ""})
            org = school
        else:
            org = unit
        role_sid = f"{unit_sid(org)}:{sid}:{name}"
        if role_sid not in seen_org_roles:
            seen_org_roles.add(role_sid)
            record = users[user.pk]
            out.roles.append({
                "sourcedId": role_sid, "userSourcedId": sid,
                "roleType": "secondary" if record["primaryOrgSourcedId"] else "primary",
                "role": name, "beginDate": "", "endDate": "", "orgSourcedId": unit_sid(org),
                "userProfileSourcedId": ""})
            record["primaryOrgSourcedId"] = record["primaryOrgSourcedId"] or unit_sid(org)
    out.users = list(users.values())
