import datetime

import pytest

from lms.plans.models import Plan, PlanTask
from lms.units.models import RoleKind
from tests.factories import UnitFactory, UnitKindFactory, class_unit, learner_in, staff_at


@pytest.fixture(autouse=True)
def _evidence_root(settings, tmp_path):
    settings.HOCMO_PLANS_FILES_ROOT = str(tmp_path / "plans-files")


@pytest.fixture
def tree(db):
    """Bộ → Sở A (→ Phòng A1 → THPT X; → THPT W) and Sở B (→ THPT Y)."""
    school = UnitKindFactory(code="school", is_school=True)
    bo = UnitFactory(name="Bộ GD&ĐT", kind=UnitKindFactory(code="ministry"))
    so_a = UnitFactory(parent=bo, name="Sở GD&ĐT A",
                       kind=UnitKindFactory(code="province_department"))
    phong = UnitFactory(parent=so_a, name="Phòng GD&ĐT A1",
                        kind=UnitKindFactory(code="district_office"))
    school_x = UnitFactory(parent=phong, name="THPT X", kind=school)
    school_w = UnitFactory(parent=so_a, name="THPT W", kind=school)
    so_b = UnitFactory(parent=bo, name="Sở GD&ĐT B",
                       kind=UnitKindFactory(code="province_department"))
    school_y = UnitFactory(parent=so_b, name="THPT Y", kind=school)
    return {"bo": bo, "so_a": so_a, "phong": phong, "school_x": school_x, "school_w": school_w,
            "so_b": so_b, "school_y": school_y, "class_x": class_unit(school_x)}


@pytest.fixture
def people(tree):
    return {
        "officer_bo": staff_at(tree["bo"], RoleKind.OFFICER, username="canbo_bo"),
        "officer_a": staff_at(tree["so_a"], RoleKind.OFFICER, username="canbo_a"),
        "officer_phong": staff_at(tree["phong"], RoleKind.OFFICER, username="canbo_phong"),
        "officer_b": staff_at(tree["so_b"], RoleKind.OFFICER, username="canbo_b"),
        "head_x": staff_at(tree["school_x"], RoleKind.SCHOOL_ADMIN, username="ht_x"),
        "head_w": staff_at(tree["school_w"], RoleKind.SCHOOL_ADMIN, username="ht_w"),
        "head_y": staff_at(tree["school_y"], RoleKind.SCHOOL_ADMIN, username="ht_y"),
        "teacher_x": staff_at(tree["school_x"], RoleKind.TEACHER, username="gv_x"),
        "learner": learner_in(tree["class_x"], username="hs_x"),
    }


@pytest.fixture
def plan(tree):
    """Sở A's plan: task 1 led by Sở A with THPT X cooperating; task 2 led by Phòng A1."""
    plan = Plan.objects.create(
        code="kh-so-a-2026", symbol="12/KH-SGDĐT", title="Kế hoạch khởi nghiệp của Sở A",
        issuing_unit=tree["so_a"], issued_on=datetime.date(2026, 1, 10),
        period_start=datetime.date(2026, 1, 1), period_end=datetime.date(2026, 12, 31))
    first = PlanTask.objects.create(
        plan=plan, order=10, number="1", section="I. Truyền thông",
        title="Thành lập câu lạc bộ khởi nghiệp", lead_unit=tree["so_a"],
        lead_unit_name="Phòng GDTrH", timeframe="Tháng 3/2026",
        deadline=datetime.date(2026, 3, 31), deliverable="Quyết định thành lập CLB")
    first.cooperating_units.set([tree["school_x"]])
    PlanTask.objects.create(
        plan=plan, order=20, number="2", section="I. Truyền thông",
        title="Tập huấn giáo viên hướng nghiệp", lead_unit=tree["phong"],
        deadline=datetime.date(2026, 12, 15), deliverable="Lớp tập huấn")
    return plan


@pytest.fixture
def task1(plan):
    return plan.tasks.get(number="1")


@pytest.fixture
def task2(plan):
    return plan.tasks.get(number="2")


@pytest.fixture
def annex_task_runs_here(monkeypatch):
    """The annex task runs in this process (Task.apply) when the request's transaction commits:
    with .ci/run's real worker the test's own, never-committed transaction would be invisible
    to it."""
    from lms.plans import tasks

    task = tasks.annex_export_build_task
    monkeypatch.setattr(task, "delay", lambda job_id: task.apply(args=[job_id]))
