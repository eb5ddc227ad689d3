"""The world the report state machine plays in, and each change made through its real entry
point (services, the management command, the Django admin and report views through the test
client, the roster import). Used by tests/reports/test_oracle_machine.py."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from courses.certificates.models import Certificate
from courses.certificates.services import certificate_issue, certificate_revoke
from courses.services import enrolment_create, progress_record
from courses.signals import course_completed
from lms.accounts.models import LearnerProfile, User
from lms.reports.models import Target
from lms.roster.services import roster_commit, roster_import_create
from lms.roster.services.previews import roster_preview
from lms.units.models import Role, RoleKind, SchoolLevel, Unit
from lms.units.services import role_grant, unit_merge, unit_move
from tests.factories import (
    LearnerProfileFactory,
    ProgrammeFactory,
    UnitFactory,
    UnitKindFactory,
    UserFactory,
    course_with_lessons,
)
from tests.roster.helpers import student, upload, xlsx_bytes

PERIOD_START = datetime.date(2025, 1, 1)
PERIOD_END = datetime.date(2030, 12, 31)
# (code, name, parent code, kind, school level, grade)
TREE = [
    ("BO", "Bộ GD&ĐT", None, "ministry", "", None),
    ("SO-A", "Sở GD&ĐT A", "BO", "province_department", "", None),
    ("PHONG-A1", "Phòng GD&ĐT A1", "SO-A", "district_office", "", None),
    ("THCS-X", "THCS X", "PHONG-A1", "school", SchoolLevel.LOWER_SECONDARY, None),
    ("X9A", "9A", "THCS-X", "class", "", 9),
    ("X9B", "9B", "THCS-X", "class", "", 9),
    ("XA-A2", "Xã A2", "SO-A", "commune", "", None),
    ("THPT-V", "THPT V", "XA-A2", "school", SchoolLevel.UPPER_SECONDARY, None),
    ("V12A", "12A", "THPT-V", "class", "", 12),
    ("SO-B", "Sở GD&ĐT B", "BO", "province_department", "", None),
    ("THPT-Y", "THPT Y", "SO-B", "school", SchoolLevel.UPPER_SECONDARY, None),
    ("Y12B", "12B", "THPT-Y", "class", "", 12),
    ("Y11C", "11C", "THPT-Y", "class", "", 11),
    ("XA-B1", "Xã B1", "SO-B", "commune", "", None),
    ("TH-Z", "Tiểu học Z", "XA-B1", "school", SchoolLevel.PRIMARY, None),
    ("Z5A", "5A", "TH-Z", "class", "", 5),
]
SCHOOLS = ["THCS-X", "THPT-V", "THPT-Y", "TH-Z"]
OFFICES = ["PHONG-A1", "XA-A2", "XA-B1"]
PROVINCES = ["SO-A", "SO-B"]
CLASSES = [code for code, *_rest, grade in TREE if grade]
# (username, class code, sex, ethnicity, household)
LEARNERS = [
    ("hs-o-0", "X9A", "F", "01", ""), ("hs-o-1", "X9A", "M", "02", "poor"),
    ("hs-o-2", "X9B", "F", "01", "near_poor"), ("hs-o-3", "V12A", "M", "08", ""),
    ("hs-o-4", "Y12B", "F", "01", "poor"), ("hs-o-5", "Y11C", "M", "01", ""),
    ("hs-o-6", "Z5A", "F", "02", ""), ("hs-o-7", "V12A", "M", "01", "poor"),
]
# (username, unit code, role kind): teachers counted by the teacher target, and staff whose
# visibility is checked.
STAFF = [
    ("gv-o-0", "THCS-X", RoleKind.TEACHER), ("gv-o-1", "THPT-Y", RoleKind.TEACHER),
    ("gv-o-2", "X9A", RoleKind.TEACHER), ("ht-o-3", "THPT-V", RoleKind.SCHOOL_ADMIN),
    ("cb-o-4", "PHONG-A1", RoleKind.OFFICER), ("cb-o-5", "SO-B", RoleKind.OFFICER),
    ("cb-o-6", "XA-A2", RoleKind.OFFICER),
]


def build_world() -> dict:
    """Tree, courses, four targets, learners, teachers and staff, and a superuser."""
    units: dict[str, Unit] = {}
    for code, name, parent, kind, level, grade in TREE:
        units[code] = UnitFactory(
            parent=Unit.objects.get(pk=units[parent].pk) if parent else None, code=code,
            name=name, school_level=level, grade=grade,
            kind=UnitKindFactory(code=kind, is_school=kind == "school",
                                 is_class=kind == "class"))
    startup = ProgrammeFactory(code="startup", name="Khởi nghiệp")
    careers = ProgrammeFactory(code="careers", name="Hướng nghiệp")
    course_a = course_with_lessons(2, title="Khởi nghiệp A", slug="o-khoi-nghiep-a",
                                   programme=careers)
    course_b = course_with_lessons(1, title="Khởi nghiệp B", slug="o-khoi-nghiep-b",
                                   programme=startup)
    common = {"period_label": "2025-2030", "period_start": PERIOD_START,
              "period_end": PERIOD_END}
    t1 = Target.objects.create(code="bo-kn", name="Học sinh được đào tạo khởi nghiệp",
                               unit=units["BO"], threshold=90, **common)
    t1.courses.set([course_a[0], course_b[0]])
    t2 = Target.objects.create(code="so-a-ngheo", name="Học sinh hộ nghèo, cận nghèo",
                               unit=units["SO-A"], threshold=60, household="poor_near",
                               rule="programme", programme=startup, **common)
    t3 = Target.objects.create(code="so-b-cc", name="Học sinh THPT có chứng chỉ",
                               unit=units["SO-B"], threshold=5, threshold_kind="absolute",
                               rule="certificate",
                               school_levels=[SchoolLevel.UPPER_SECONDARY], **common)
    t3.courses.set([course_a[0]])
    t4 = Target.objects.create(code="bo-gv", name="Giáo viên được tập huấn", unit=units["BO"],
                               threshold=20, population="teachers", **common)
    t4.courses.set([course_a[0]])
    for username, klass, sex, ethnicity, household in LEARNERS:
        user = UserFactory(username=username)
        LearnerProfileFactory(user=user, sex=sex, ethnicity=ethnicity,
                              household_status=household,
                              grade=units[klass].grade, learner_code=username.upper())
        role_grant(user=user, unit=units[klass], kind=RoleKind.LEARNER)
    for i, (username, unit, kind) in enumerate(STAFF):
        user = UserFactory(username=username)
        # Everything recorded (the "unknown" scenario blanks fields on purpose).
        LearnerProfileFactory(user=user, sex="FM"[i % 2], ethnicity="01",
                              learner_code=username.upper(), grade=None)
        role_grant(user=user, unit=units[unit], kind=kind)
    admin = UserFactory(username="quantri-o", is_superuser=True, is_staff=True)
    return {"courses": [course_a, course_b], "targets": [t1, t2, t3, t4], "admin": admin,
            "programmes": [careers, startup]}


@pytest.fixture
def world(db):
    """build_world(). Certificates are issued by an explicit step (without a PDF) rather than by
    the task each completion queues: the reports read certificate rows, not the PDF."""
    course_completed.disconnect(dispatch_uid="certificates_on_course_completed")
    try:
        yield build_world()
    finally:
        from courses.certificates.receivers import issue_on_completion

        course_completed.connect(issue_on_completion,
                                 dispatch_uid="certificates_on_course_completed")


def unit(code: str) -> Unit:
    return Unit.objects.get(code=code)


def live_units(codes) -> list[Unit]:
    """The units of `codes` that are still live (not merged away)."""
    return list(Unit.objects.filter(code__in=codes, merged_into__isnull=True, is_active=True)
                .order_by("code"))


def people() -> list[User]:
    """Everyone the machine may act on (learners, teachers, staff; roster-made learners too)."""
    return list(User.objects.filter(is_superuser=False).order_by("pk"))


def committed():
    """Runs what the change deferred to its commit (signals, Celery tasks) as a commit would."""
    return TestCase.captureOnCommitCallbacks(execute=True)


# --- Learning -----------------------------------------------------------------------------------


def lesson_complete(user, course_and_lessons, index: int) -> None:
    course, lessons = course_and_lessons
    with committed():
        enrolment_create(user=user, course=course)
        progress_record(user=user, lesson=lessons[index % len(lessons)], completed=True)


def course_complete(user, course_and_lessons) -> None:
    for index in range(len(course_and_lessons[1])):
        lesson_complete(user, course_and_lessons, index)


def certificate_give(user, course_and_lessons) -> None:
    """Issue the course's certificate (the learner must have completed it)."""
    with committed():
        certificate_issue(user=user, course=course_and_lessons[0], require_quizzes=False,
                          render=False)


def certificate_take_back(admin, certificate: Certificate) -> None:
    with committed():
        certificate_revoke(actor=admin, certificate=certificate, reason="Cấp nhầm")


# --- People -------------------------------------------------------------------------------------


def profile_correct(user, field: str, value) -> None:
    profile, _created = LearnerProfile.objects.get_or_create(user=user)
    setattr(profile, field, value)
    with committed():
        profile.save()


def _role_take(user, unit: Unit, kind: str, *, keep_old: bool = False) -> None:
    """Hold a live `kind` role at `unit`; unless `keep_old`, end the other live roles of that
    kind first (one save each, as the pages do)."""
    with committed():
        if not keep_old:
            for role in Role.objects.filter(user=user, kind=kind,
                                            ended_at__isnull=True).exclude(unit=unit):
                role.ended_at = timezone.now()
                role.save()
        role = role_grant(user=user, unit=unit, kind=kind)
        if role.ended_at is not None:
            role.ended_at = None
            role.save()


def class_change(user, klass: Unit, *, keep_old: bool) -> None:  # keep_old: two classes
    _role_take(user, klass, RoleKind.LEARNER, keep_old=keep_old)


def teaching_change(user, school: Unit) -> None:  # the old teacher roles end
    _role_take(user, school, RoleKind.TEACHER)


def account_active_set(user, active: bool) -> None:
    user.is_active = active
    with committed():
        user.save()


def account_delete(user) -> None:
    with committed():
        user.delete()


ROSTER_SEX = {"F": "Nữ", "M": "Nam", "": ""}
ROSTER_ETHNICITY = {"01": "Kinh", "02": "Tày", "08": "Mông", "": ""}
ROSTER_HOUSEHOLD = {"poor": "Hộ nghèo", "near_poor": "Hộ cận nghèo", "": ""}


def roster_reimport(admin, school: Unit, rows: list[tuple]) -> None:
    """Import a roster file for `school`: rows of (learner code, class, sex, ethnicity,
    household). Codes not known yet create learners."""
    lines = [student(i, klass=klass.name, **{
        "Mã học sinh": code, "Họ và tên": f"Học sinh {code}", "Khối": str(klass.grade or ""),
        "Giới tính": ROSTER_SEX[sex], "Dân tộc": ROSTER_ETHNICITY[ethnicity],
        "Hộ nghèo/cận nghèo": ROSTER_HOUSEHOLD[household]})
        for i, (code, klass, sex, ethnicity, household) in enumerate(rows, start=1)]
    with committed():
        imp = roster_import_create(actor=admin, school=school,
                                   uploaded_file=upload(xlsx_bytes(lines), "ds.xlsx"))
        roster_preview(imp=imp)
        roster_commit(import_id=imp.pk)


# --- The tree, through each entry point ----------------------------------------------------------


def move_by_service(moved: Unit, parent: Unit, admin) -> None:
    with committed():
        unit_move(unit=moved, new_parent=parent)


def move_by_command(moved: Unit, parent: Unit, admin) -> None:
    with committed():
        call_command("unit_reorganise", "move", moved.code, parent.code, stdout=io.StringIO())


def move_by_admin(moved: Unit, parent: Unit, admin) -> None:
    """The Django admin's change form, as a superuser: every field sent back as the form shows
    it, the move fields set to "first child of" the new parent (treebeard's move form) — or a
    `parent` field, should the admin offer one instead."""
    client = Client()
    client.force_login(admin)
    url = reverse("admin:units_unit_change", args=[moved.pk])
    form = client.get(url).context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = [str(v) for v in value] if isinstance(value, list | tuple) else value
    if "treebeard_position" in form.fields:
        data.update(treebeard_position="first-child", treebeard_ref_node=parent.pk)
    else:
        data["parent"] = parent.pk
    with committed():
        response = client.post(url, data)
    assert response.status_code == 302, (response.status_code, getattr(
        response.context and response.context.get("adminform"), "form", None) and
        response.context["adminform"].form.errors)
    moved = Unit.objects.get(pk=moved.pk)
    assert moved.get_parent().pk == parent.pk, "the admin's change form did not move the unit"


def move_by_admin_drag(moved: Unit, parent: Unit, admin) -> None:
    """The admin change list's drag and drop (treebeard's `move/` view): dropped onto the new
    parent."""
    client = Client()
    client.force_login(admin)
    url = reverse("admin:units_unit_changelist") + "move/"
    with committed():
        response = client.post(url, {"node_id": moved.pk, "sibling_id": parent.pk,
                                     "as_child": 1})
    assert response.status_code == 200, (response.status_code, response.content[:500])
    assert Unit.objects.get(pk=moved.pk).get_parent().pk == parent.pk, "drag and drop: no move"


def merge_by_service(source: Unit, into: Unit, admin) -> None:
    with committed():
        unit_merge(source=source, target=into)


def merge_by_command(source: Unit, into: Unit, admin) -> None:
    with committed():
        call_command("unit_reorganise", "merge", source.code, into.code, stdout=io.StringIO())


def _by_officers_page(action: str, unit_: Unit, destination: Unit, admin) -> None:
    """The officers' reorganisation pages (/bao-cao/don-vi/<id>/to-chuc-lai/): the preview
    (which runs the real service and rolls it back: nothing may change), then the confirming
    POST. A destination the page does not offer is not tried."""
    from lms.reports.models import TargetUnitCounter

    client = Client()
    client.force_login(admin)
    data = {"action": action, "destination": destination.pk}
    before = sorted(TargetUnitCounter.objects.values_list(
        "target_id", "unit_id", "sex", "ethnicity", "household", "school_level", "population",
        "trained"))
    paths = sorted(Unit.objects.values_list("pk", "path"))
    with committed():
        preview = client.post(reverse("reports:reorganise_preview", args=[unit_.pk]), data)
    if preview.status_code == 400 and "destination" in preview.context["form"].errors:
        return
    assert preview.status_code == 200, preview.status_code
    assert sorted(Unit.objects.values_list("pk", "path")) == paths, "the preview moved units"
    assert sorted(TargetUnitCounter.objects.values_list(
        "target_id", "unit_id", "sex", "ethnicity", "household", "school_level", "population",
        "trained")) == before, "the preview changed the counters"
    with committed():
        confirm = client.post(reverse("reports:reorganise_confirm", args=[unit_.pk]), data)
    assert confirm.status_code == 302, confirm.status_code


def move_by_page(moved: Unit, parent: Unit, admin) -> None:
    _by_officers_page("move", moved, parent, admin)


def merge_by_page(source: Unit, into: Unit, admin) -> None:
    _by_officers_page("merge", source, into, admin)


MOVES = {"service": move_by_service, "command": move_by_command, "admin": move_by_admin,
         "admin_drag": move_by_admin_drag, "page": move_by_page}
MERGES = {"service": merge_by_service, "command": merge_by_command, "page": merge_by_page}


# --- Targets, through the officers' form ---------------------------------------------------------


def target_post_data(target: Target) -> dict:
    """The edit form's fields as the page would send them back unchanged."""
    data = {
        "code": target.code, "name": target.name, "population": target.population,
        "school_levels": list(target.school_levels), "grades": list(target.grades),
        "graduation_year": target.graduation_year or "", "household": target.household,
        "age_min": target.age_min if target.age_min is not None else "",
        "age_max": target.age_max if target.age_max is not None else "",
        "rule": target.rule, "courses": [c.pk for c in target.courses.all()],
        "programme": target.programme_id or "", "min_courses": target.min_courses,
        "threshold_kind": target.threshold_kind, "threshold": str(target.threshold),
        "period_label": target.period_label, "period_start": target.period_start.isoformat(),
        "period_end": target.period_end.isoformat(),
        "deadline": target.deadline.isoformat() if target.deadline else "",
        "lead_unit": target.lead_unit_id or target.unit_id,
        "cooperating_units": [u.pk for u in target.cooperating_units.all()],
        "notes": target.notes, "source": target.source,
    }
    return {k: v for k, v in data.items() if v != [] and v is not None}


def target_edit(admin, target: Target, changes: dict, *, confirm: bool = True) -> bool:
    """Edit a target through its form (POST), as a superuser. When the form asks to confirm an
    edit that would un-count people already trained (rule R7), confirm it or (confirm=False)
    leave the page unsaved. Returns whether the edit was saved."""
    target = Target.objects.get(pk=target.pk)
    client = Client()
    client.force_login(admin)
    url = reverse("reports:target_edit", kwargs={"unit_id": target.unit_id,
                                                  "target_id": target.pk})
    data = {**target_post_data(target), **changes}
    data = {k: v for k, v in data.items() if v != []}
    with committed():
        response = client.post(url, data)
    if response.status_code == 400 and "confirm_uncount" in response.context["form"].errors:
        if not confirm:
            return False
        with committed():
            response = client.post(url, {**data, "confirm_uncount": "on"})
    assert response.status_code == 302, (response.status_code,
                                         response.content.decode()[:3000])
    return True
