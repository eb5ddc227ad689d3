import pytest

from lms.units.models import Role, RoleKind, Unit, paths_and_ancestors
from lms.units.services import unit_merge, unit_move
from tests.factories import UnitFactory, UnitKindFactory, staff_at

pytestmark = pytest.mark.django_db


def test_subtree_is_one_prefix_query(school_tree, django_assert_num_queries):
    with django_assert_num_queries(1):
        names = sorted(u.name for u in school_tree["phong"].subtree())
    assert names == ["Lớp 9A", "Phòng GD&ĐT Thủy Nguyên", "Trường THCS A"]


def test_depth_varies_by_branch(school_tree):
    # THCS A sits under a district office; THPT B reports straight to the Sở (2025 shape).
    assert school_tree["school_a"].depth == 3
    assert school_tree["school_b"].depth == 2
    assert school_tree["class_a"].is_within(school_tree["so"])
    assert not school_tree["class_a"].is_within(school_tree["school_b"])


def test_ancestor_paths_are_the_units_above_without_a_query(school_tree,
                                                           django_assert_num_queries):
    klass, school_b = school_tree["class_a"], school_tree["school_b"]
    above_class = ["so", "phong", "school_a", "class_a"]
    with django_assert_num_queries(0):
        assert klass.ancestor_paths() == [school_tree[k].path for k in above_class]
        both = paths_and_ancestors([klass.path, school_b.path])
    assert both == {school_tree[k].path for k in above_class} | {school_b.path}


def test_move_school_out_of_removed_district_keeps_roles_in_sync(school_tree):
    teacher = staff_at(school_tree["school_a"])
    commune = UnitFactory(parent=school_tree["so"], name="UBND Phường Thủy Nguyên",
                          kind=UnitKindFactory(code="commune"))
    unit_move(unit=school_tree["school_a"], new_parent=commune)

    school = Unit.objects.get(pk=school_tree["school_a"].pk)
    assert school.get_parent().pk == commune.pk
    assert Role.objects.get(user=teacher).unit_path == school.path
    klass = Unit.objects.get(pk=school_tree["class_a"].pk)
    assert klass.path.startswith(commune.path)
    assert not klass.is_within(Unit.objects.get(pk=school_tree["phong"].pk))


def test_move_into_own_subtree_is_refused(school_tree):
    with pytest.raises(ValueError):
        unit_move(unit=school_tree["phong"], new_parent=school_tree["class_a"])


def test_merge_moves_children_and_roles_and_keeps_the_old_unit(school_tree):
    officer = staff_at(school_tree["phong"], kind=RoleKind.OFFICER)
    source = unit_merge(source=school_tree["phong"], target=school_tree["so"])

    assert source.merged_into_id == school_tree["so"].pk
    assert source.is_active is False
    assert Unit.objects.filter(pk=source.pk).exists()  # past reports still resolve
    school = Unit.objects.get(pk=school_tree["school_a"].pk)
    assert school.get_parent().pk == school_tree["so"].pk
    assert Role.objects.filter(user=officer, unit=school_tree["so"]).exists()
    assert Unit.objects.active().filter(pk=source.pk).count() == 0


def test_adding_a_sibling_never_shifts_existing_paths(school_tree):
    teacher = staff_at(school_tree["school_b"])
    before = {u.pk: u.path for u in Unit.objects.all()}
    # Names that sort before every existing sibling.
    UnitFactory(parent=school_tree["so"], name="Ạ Trường mới", kind=UnitKindFactory(code="school"))
    UnitFactory(parent=school_tree["school_b"], name="Lớp 10A0",
                kind=UnitKindFactory(code="class", is_class=True))
    after = {u.pk: u.path for u in Unit.objects.filter(pk__in=before)}
    assert after == before
    assert Role.objects.get(user=teacher).unit_path == school_tree["school_b"].path
