"""Issue 19 item 11: the stored sort key (User.name_key) follows every way a name is written,
and the lists people see order by it (given, middle, family name; Vietnamese collation)."""

import pytest
from django.urls import reverse

from lms.accounts.models import User
from lms.common.names import name_sort_key
from tests.factories import UserFactory, learner_in, staff_at

pytestmark = pytest.mark.django_db

PEOPLE = ["Phạm Zung", "Trần Bình", "Nguyễn Thị Ánh", "Lê Đức Anh", "Đỗ Văn An"]
EXPECTED = ["Đỗ Văn An", "Lê Đức Anh", "Nguyễn Thị Ánh", "Trần Bình", "Phạm Zung"]


def test_save_keeps_the_key_also_with_update_fields():
    user = UserFactory(full_name="Đỗ Văn An")
    assert User.objects.get(pk=user.pk).name_key == name_sort_key("Đỗ Văn An")
    user.full_name = "Phạm Zung"
    user.save(update_fields=["full_name"])
    assert User.objects.get(pk=user.pk).name_key == name_sort_key("Phạm Zung")
    created = User.objects.create_user(username="x1", password="p", full_name="Trần Bình")
    assert User.objects.get(pk=created.pk).name_key == name_sort_key("Trần Bình")


def test_sql_order_by_key_is_vietnamese_order():
    for name in PEOPLE:
        UserFactory(full_name=name)
    assert list(User.objects.order_by("name_key").values_list("full_name", flat=True)) == EXPECTED


def test_migration_backfill_fills_empty_keys():
    import importlib

    from django.apps import apps

    users = [UserFactory(full_name=name) for name in PEOPLE]
    User.objects.update(name_key="")
    backfill = importlib.import_module("lms.accounts.migrations.0005_user_name_key").backfill
    backfill(apps, None)
    for user in users:
        assert User.objects.get(pk=user.pk).name_key == name_sort_key(user.full_name)


def _order(body: str, names=EXPECTED) -> list[str]:
    return sorted(names, key=body.index)


def test_teacher_roster_and_families_page_list_in_vietnamese_order(client, school_tree):
    klass = school_tree["class_b"]
    for name in PEOPLE:
        learner_in(klass, full_name=name)
    client.force_login(staff_at(school_tree["school_b"]))
    for url in (reverse("courses:class_detail", args=[klass.pk]),
                reverse("families:class_families", args=[klass.pk])):
        assert _order(client.get(url).content.decode()) == EXPECTED, url


def test_class_grid_lists_in_vietnamese_order(client, school_tree):
    from courses.services import class_enrol
    from tests.factories import course_with_lessons

    klass = school_tree["class_b"]
    for name in PEOPLE:
        learner_in(klass, full_name=name)
    teacher = staff_at(school_tree["school_b"])
    page, _lessons = course_with_lessons(1)
    class_enrol(actor=teacher, class_unit=klass, course=page)
    client.force_login(teacher)
    body = client.get(reverse("reports:class_view", args=[klass.pk])).content.decode()
    assert _order(body) == EXPECTED


def test_roster_import_writes_the_key(db):
    from lms.roster.services import roster_commit, roster_import_create, roster_preview
    from lms.units.models import RoleKind
    from tests.factories import UnitFactory, UnitKindFactory, class_unit
    from tests.roster.helpers import student, upload, xlsx_bytes

    so = UnitFactory(name="Sở GD&ĐT Hải Phòng", kind=UnitKindFactory(code="province_department"))
    school = UnitFactory(parent=so, name="Trường THPT Ngô Quyền",
                         kind=UnitKindFactory(code="school", is_school=True))
    class_unit(school, "10A1")
    school.refresh_from_db()
    admin = staff_at(school, RoleKind.SCHOOL_ADMIN, username="hieutruong.test", is_staff=True)
    rows = [student(n + 1, **{"Họ và tên": name}) for n, name in enumerate(PEOPLE)]
    imp = roster_import_create(actor=admin, school=school,
                               uploaded_file=upload(xlsx_bytes(rows)))
    roster_preview(imp=imp)
    roster_commit(import_id=imp.pk)
    learners = User.objects.filter(learner_profile__isnull=False)
    assert list(learners.order_by("name_key").values_list("full_name", flat=True)) == EXPECTED
    # A renamed learner's key follows the bulk update too.
    rows[0]["Họ và tên"] = "Ân Văn Ẩn"
    imp = roster_import_create(actor=admin, school=school,
                               uploaded_file=upload(xlsx_bytes(rows)))
    roster_preview(imp=imp)
    roster_commit(import_id=imp.pk)
    renamed = User.objects.get(full_name="Ân Văn Ẩn")
    assert renamed.name_key == name_sort_key("Ân Văn Ẩn")
