import unicodedata

import pytest

from lms.accounts.models import GuardianContact, LearnerProfile, User
from lms.roster.models import ImportStatus, MissingLearner
from lms.roster.parsing import RosterFileError
from lms.roster.services import (
    RosterPermissionError,
    roster_commit,
    roster_import_create,
    roster_preview,
)
from lms.units.models import Role, RoleKind, Unit
from tests.factories import learner_in, staff_at

from .helpers import HEADERS, csv_bytes, student, upload, xlsx_bytes


def run(admin, school, content, name="ds.xlsx"):
    imp = roster_import_create(actor=admin, school=school, uploaded_file=upload(content, name))
    roster_preview(imp=imp)
    return roster_commit(import_id=imp.pk)


def state():
    """Everything an import writes, as comparable values."""
    return (
        sorted(LearnerProfile.objects.values_list(
            "learner_code", "user__full_name", "date_of_birth", "sex", "ethnicity",
            "household_status", "grade")),
        sorted(GuardianContact.objects.values_list("profile__learner_code", "name", "phone",
                                                   "email")),
        sorted(Role.objects.filter(kind=RoleKind.LEARNER).values_list(
            "user__learner_profile__learner_code", "unit__name", "ended_at")),
        Unit.objects.count(),
    )


def test_import_creates_learners_guardians_and_class_roles(school, school_admin):
    rows = [student(1), student(2, **{"Dân tộc": "Tày", "Hộ nghèo/cận nghèo": "Hộ nghèo"}),
            student(3, klass="10A2")]
    imp = run(school_admin, school, xlsx_bytes(rows))
    assert imp.status == ImportStatus.DONE
    assert (imp.created_count, imp.updated_count, imp.error_rows) == (3, 0, 0)
    profile = LearnerProfile.objects.get(learner_code="HS00002")
    assert (profile.ethnicity, profile.household_status, profile.grade) == ("02", "poor", 10)
    assert profile.user.has_usable_password() is False
    assert GuardianContact.objects.get(profile=profile).phone == "0912345678"
    # The missing class 10A2 was created under the school, as the preview announced.
    new_class = Unit.objects.get(name="10A2")
    assert new_class.get_parent().pk == school.pk and new_class.kind.is_class
    assert Role.objects.filter(user__learner_profile__learner_code="HS00003", unit=new_class,
                               kind=RoleKind.LEARNER).exists()


def test_same_file_twice_changes_nothing(school, school_admin):
    content = xlsx_bytes([student(n) for n in range(1, 8)])
    run(school_admin, school, content)
    before = state()
    second = run(school_admin, school, content)
    assert (second.created_count, second.updated_count, second.unchanged_count) == (0, 0, 7)
    assert state() == before


def test_changed_file_updates_by_code_and_flags_missing(school, school_admin):
    run(school_admin, school, xlsx_bytes([student(1), student(2), student(3)]))
    changed = [student(1, **{"Họ và tên": "Nguyễn Văn Anh"}), student(2, klass="10A3")]
    imp = run(school_admin, school, xlsx_bytes(changed))
    assert (imp.created_count, imp.updated_count) == (0, 2)
    assert User.objects.get(learner_profile__learner_code="HS00001").full_name == "Nguyễn Văn Anh"
    moved = Role.objects.filter(user__learner_profile__learner_code="HS00002")
    assert set(moved.filter(ended_at__isnull=True).values_list("unit__name", flat=True)) == {"10A3"}
    assert moved.filter(ended_at__isnull=False, unit__name="10A1").exists()  # ended, not deleted
    # HS00003 is in class 10A1 (named in the file) but not in the file: flagged, never deleted.
    assert imp.missing_count == 1
    flagged = MissingLearner.objects.get(roster_import=imp)
    assert flagged.user.learner_profile.learner_code == "HS00003"
    assert Role.objects.filter(user=flagged.user, ended_at__isnull=True).exists()


def test_bad_rows_are_reported_with_row_and_column_and_good_rows_import(school, school_admin):
    rows = [student(1), student(2, **{"Ngày sinh": "31/02/2010"}), student(1),
            student(4, **{"Giới tính": "?"}), student(5, **{"Họ và tên": ""})]
    imp = roster_import_create(actor=school_admin, school=school,
                               uploaded_file=upload(xlsx_bytes(rows)))
    imp = roster_preview(imp=imp)
    assert (imp.total_rows, imp.valid_rows, imp.error_rows) == (5, 1, 4)
    messages = {e["row"]: e["message"] for e in imp.errors_sample}
    assert "cột D (Ngày sinh)" in messages[3] and "không tồn tại" in messages[3]
    assert "trùng với dòng 2" in messages[4]
    assert "cột E (Giới tính)" in messages[5]
    assert "Thiếu họ và tên" in messages[6]
    imp = roster_commit(import_id=imp.pk)
    assert imp.created_count == 1 and imp.error_rows == 4
    from openpyxl import load_workbook
    sheet = load_workbook(imp.error_report.path).active
    rows_out = list(sheet.iter_rows(values_only=True))
    assert rows_out[0][-1] == "Lỗi" and rows_out[0][0] == "Dòng"
    assert [r[0] for r in rows_out[1:]] == [3, 4, 5, 6]
    assert "Ngày sinh" in rows_out[1][-1]


def test_title_rows_merged_header_and_nfd_names(school, school_admin):
    import io

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["SỞ GD&ĐT HẢI PHÒNG"])
    ws.append(["DANH SÁCH HỌC SINH NĂM HỌC 2025-2026"])
    ws.merge_cells("A1:F1")
    ws.append(["Mã HS", "Họ tên", "Ngày sinh", "Lớp", "Cha/mẹ", None])
    ws.merge_cells("E3:F3")
    ws.append([None, None, None, None, "Họ tên", "SĐT"])
    ws.append(["A1", unicodedata.normalize("NFD", "Trần Thị Ánh"), 40426, "10A1", "Trần Văn B",
               "0987654321"])
    out = io.BytesIO()
    wb.save(out)
    imp = run(school_admin, school, out.getvalue())
    assert imp.created_count == 1, imp.errors_sample
    profile = LearnerProfile.objects.get(learner_code="A1")
    assert profile.user.full_name == unicodedata.normalize("NFC", "Trần Thị Ánh")
    assert str(profile.date_of_birth) == "2010-09-05"
    assert GuardianContact.objects.get(profile=profile).phone == "0987654321"


def test_csv_semicolon_and_formula_cells(school, school_admin):
    rows = [student(1), student(2, **{"Họ và tên": "=HYPERLINK(\"x\")"})]
    imp = roster_import_create(actor=school_admin, school=school, uploaded_file=upload(
        csv_bytes(rows, delimiter=";"), "ds.csv"))
    assert imp.file_kind == "csv"
    imp = roster_preview(imp=imp)
    assert imp.valid_rows == 1
    assert "công thức" in imp.errors_sample[0]["message"]


def test_wrong_file_types_are_refused_by_content(school, school_admin):
    with pytest.raises(RosterFileError, match=".xls"):
        roster_import_create(actor=school_admin, school=school, uploaded_file=upload(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "ds.xlsx"))
    with pytest.raises(RosterFileError):
        roster_import_create(actor=school_admin, school=school, uploaded_file=upload(
            b"\x89PNG\r\n\x1a\n\0\0\0", "ds.csv"))
    with pytest.raises(RosterFileError, match="tiêu đề"):
        roster_import_create(actor=school_admin, school=school, uploaded_file=upload(
            b"a,b,c\n1,2,3\n", "ds.csv"))


def test_teacher_and_other_school_admin_cannot_import(school, school_admin):
    teacher = staff_at(school, RoleKind.TEACHER)
    with pytest.raises(RosterPermissionError):
        roster_import_create(actor=teacher, school=school, uploaded_file=upload(
            xlsx_bytes([student(1)])))
    other_admin = staff_at(school.other, RoleKind.SCHOOL_ADMIN)
    with pytest.raises(RosterPermissionError):
        roster_import_create(actor=other_admin, school=school, uploaded_file=upload(
            xlsx_bytes([student(1)])))


def test_learner_of_another_school_is_not_taken_over(school, school_admin):
    other_class = Unit.objects.get(name="10B1")
    learner = learner_in(other_class)
    code = learner.learner_profile.learner_code
    imp = run(school_admin, school, xlsx_bytes([student(1, **{"Mã học sinh": code})]))
    assert imp.created_count == 0 and imp.error_rows == 1
    assert not Role.objects.filter(user=learner, unit__name="10A1").exists()
    # An officer over both schools may move the learner (a transfer).
    officer = staff_at(school.so, RoleKind.OFFICER)
    imp = run(officer, school, xlsx_bytes([student(1, **{"Mã học sinh": code})]))
    assert imp.updated_count == 1
    assert Role.objects.get(user=learner, unit__name="10B1").ended_at is not None


def test_csv_header_only_in_headers_list():
    assert "Mã học sinh" in HEADERS


def test_new_class_sorting_first_keeps_role_paths_true(school, school_admin):
    """Siblings are kept sorted by name: creating "10A0" shifts "10A1"'s path; every role's
    copied unit_path must follow."""
    run(school_admin, school, xlsx_bytes([student(1), student(2)]))
    run(school_admin, school, xlsx_bytes([student(1), student(2), student(3, klass="10A0")]))
    stale = [(r.unit.name, r.unit_path, r.unit.path)
             for r in Role.objects.select_related("unit") if r.unit_path != r.unit.path]
    assert stale == []
    assert set(Role.objects.filter(kind=RoleKind.LEARNER, ended_at__isnull=True)
               .values_list("unit__name", flat=True)) == {"10A1", "10A0"}
