import io

import pytest
from django.core.management import CommandError, call_command

from lms.units.models import Unit

pytestmark = pytest.mark.django_db


def test_merge_command_merges_by_code(school_tree):
    Unit.objects.filter(pk=school_tree["phong"].pk).update(code="PHONG-1")
    Unit.objects.filter(pk=school_tree["so"].pk).update(code="SO-1")
    out = io.StringIO()
    call_command("unit_reorganise", "merge", "PHONG-1", "SO-1", stdout=out)
    assert "Đã sáp nhập" in out.getvalue()
    assert Unit.objects.get(code="PHONG-1").merged_into.code == "SO-1"


def test_unknown_code_is_a_clear_error(school_tree):
    with pytest.raises(CommandError, match="Không có đơn vị mã “KHONG-CO”"):
        call_command("unit_reorganise", "move", "KHONG-CO", "SO-1")


def test_refuses_to_move_into_own_subtree(school_tree):
    Unit.objects.filter(pk=school_tree["phong"].pk).update(code="PHONG-1")
    Unit.objects.filter(pk=school_tree["class_a"].pk).update(code="LOP-1")
    with pytest.raises(CommandError, match="bên trong chính nó"):
        call_command("unit_reorganise", "move", "PHONG-1", "LOP-1")
