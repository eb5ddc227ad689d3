import datetime
import unicodedata

import pytest

from lms.roster.cleaning import (
    CellError,
    clean_date,
    clean_ethnicity,
    clean_household,
    clean_phone,
    clean_row,
    clean_sex,
)
from lms.roster.columns import guess_mapping


def test_headers_with_and_without_accents_are_recognised():
    mapping = guess_mapping(["STT", "MA HOC SINH", "Họ và tên", "ngay sinh", "Gioi tinh",
                             "Dân tộc", "Lớp", "Khối", "Hộ nghèo/cận nghèo", "Họ tên cha/mẹ",
                             "SĐT", "E-mail"])
    assert mapping == {"learner_code": 1, "full_name": 2, "date_of_birth": 3, "sex": 4,
                       "ethnicity": 5, "class_name": 6, "grade": 7, "household_status": 8,
                       "guardian_name": 9, "guardian_phone": 10, "guardian_email": 11}


@pytest.mark.parametrize("raw, expected", [
    ("05/09/2010", datetime.date(2010, 9, 5)),
    ("5/9/2010", datetime.date(2010, 9, 5)),
    ("2010-09-05", datetime.date(2010, 9, 5)),
    (40426, datetime.date(2010, 9, 5)),          # Excel serial
    (40426.0, datetime.date(2010, 9, 5)),
    ("40426", datetime.date(2010, 9, 5)),
    (datetime.datetime(2010, 9, 5), datetime.date(2010, 9, 5)),
    ("", None),
])
def test_dates_in_text_or_excel_serials(raw, expected):
    assert clean_date(raw) == expected


@pytest.mark.parametrize("raw", ["31/02/2010", "2010", "abc", "05/09/1850", "=TODAY()"])
def test_bad_dates_are_errors(raw):
    with pytest.raises(CellError):
        clean_date(raw)


def test_ethnicity_accent_insensitive_and_aliases():
    assert clean_ethnicity("Mường") == "06"
    assert clean_ethnicity("muong") == "06"
    assert clean_ethnicity("H'Mông") == "08"
    assert clean_ethnicity("ê đê") == "12"
    assert clean_ethnicity("Ba Na") == "13"
    assert clean_ethnicity("5") == "05"
    with pytest.raises(CellError, match="54 dân tộc"):
        clean_ethnicity("Elf")


def test_sex_household_phone():
    assert clean_sex("nữ") == "F" and clean_sex("NAM") == "M"
    assert clean_household("Hộ cận nghèo") == "near_poor"
    assert clean_household("nghèo") == "poor"
    assert clean_household("") == "none"  # the roster's blank: recorded as not poor
    assert clean_household("Không") == "none"
    assert clean_phone("+84 912 345 678") == "0912345678"
    assert clean_phone(912345678) == "0912345678"  # Excel dropped the leading zero
    with pytest.raises(CellError):
        clean_phone("12345")


def test_nfd_name_becomes_nfc_and_row_errors_name_the_field():
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    row, errors = clean_row(3, {"learner_code": "HS1", "full_name": nfd, "class_name": "10A1"})
    assert errors == []
    assert row.full_name == unicodedata.normalize("NFC", "Nguyễn Thị Ánh")
    assert row.grade == 10  # from the class name
    row, errors = clean_row(4, {"learner_code": "", "full_name": "An", "class_name": "",
                                "date_of_birth": "32/01/2010"})
    assert row is None
    assert {key for key, _m in errors} == {"learner_code", "class_name", "date_of_birth"}
