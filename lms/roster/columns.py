"""The roster's fields and the header names vnEdu, SMAS and the ministry's database use for them.

Headers are compared after `fold()`: accents removed, đ → d, lower case, punctuation and spaces
dropped, so "Mã học sinh", "MA HOC SINH" and "Ma_hoc_sinh" are the same header."""

import re

from django.utils.translation import gettext_lazy as _

from lms.common.text import vn_fold  # the one Vietnamese folding

# Field key → (label shown to users and used by the export, required?)
FIELDS = {
    "learner_code": (_("Mã học sinh"), True),
    "full_name": (_("Họ và tên"), True),
    "date_of_birth": (_("Ngày sinh"), False),
    "sex": (_("Giới tính"), False),
    "ethnicity": (_("Dân tộc"), False),
    "class_name": (_("Lớp"), True),
    "grade": (_("Khối"), False),
    "household_status": (_("Hộ nghèo/cận nghèo"), False),
    "guardian_name": (_("Họ tên cha/mẹ"), False),
    "guardian_phone": (_("SĐT"), False),
    "guardian_email": (_("Email"), False),
}
# The export writes these exact Vietnamese headers, so an export re-imports unchanged.
EXPORT_HEADERS = {
    "learner_code": "Mã học sinh",
    "full_name": "Họ và tên",
    "date_of_birth": "Ngày sinh",
    "sex": "Giới tính",
    "ethnicity": "Dân tộc",
    "class_name": "Lớp",
    "grade": "Khối",
    "household_status": "Hộ nghèo/cận nghèo",
    "guardian_name": "Họ tên cha/mẹ",
    "guardian_phone": "SĐT",
    "guardian_email": "Email",
}

_SYNONYMS = {
    "learner_code": ["Mã học sinh", "Mã HS", "Mã số học sinh", "Mã định danh",
                     "Mã định danh học sinh", "Mã định danh cá nhân", "Mã số", "Student code",
                     "Student ID", "Code"],
    "full_name": ["Họ và tên", "Họ tên", "Họ tên học sinh", "Họ và tên học sinh", "Tên học sinh",
                  "Full name", "Name"],
    "date_of_birth": ["Ngày sinh", "Ngày tháng năm sinh", "Ngày/tháng/năm sinh", "Date of birth",
                      "DOB", "Birth date"],
    "sex": ["Giới tính", "Giới", "Sex", "Gender"],
    "ethnicity": ["Dân tộc", "Ethnicity"],
    "class_name": ["Lớp", "Tên lớp", "Lớp học", "Class"],
    "grade": ["Khối", "Khối lớp", "Grade"],
    "household_status": ["Hộ nghèo/cận nghèo", "Hộ nghèo, cận nghèo", "Hộ nghèo", "Diện hộ nghèo",
                         "Diện chính sách hộ nghèo", "Hoàn cảnh gia đình", "Household status"],
    "guardian_name": ["Họ tên cha/mẹ", "Họ tên cha mẹ", "Họ tên phụ huynh", "Phụ huynh",
                      "Người giám hộ", "Họ tên người giám hộ", "Họ tên cha", "Họ tên mẹ",
                      "Cha/mẹ", "Guardian name", "Parent name"],
    "guardian_phone": ["SĐT", "Số điện thoại", "Điện thoại", "SĐT phụ huynh", "SĐT cha/mẹ",
                       "Điện thoại liên hệ", "Số điện thoại phụ huynh", "Phone", "Guardian phone"],
    "guardian_email": ["Email", "E-mail", "Thư điện tử", "Email phụ huynh", "Guardian email"],
}


def fold(text) -> str:
    """Accent-, case- and punctuation-insensitive key for headers and names."""
    return re.sub(r"[^a-z0-9]+", "", vn_fold(str(text or "")))


HEADER_INDEX = {fold(name): key for key, names in _SYNONYMS.items() for name in names}


def guess_mapping(headers: list[str]) -> dict[str, int]:
    """Field key → column index for every header recognised (first match wins)."""
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        key = HEADER_INDEX.get(fold(header))
        if key and key not in mapping:
            mapping[key] = index
    return mapping


def header_score(cells) -> int:
    return sum(1 for cell in cells if fold(cell) in HEADER_INDEX)
