"""Demo unit tree. Hải Phòng keeps the pre-2025 district level (as the seeds describe);
Đồng Nai has the 2025 two-level shape (commune → school). Names and codes of provinces and
communes come from `vietnam-provinces`."""

from typing import Any

from vietnam_provinces import Province, ProvinceCode, Ward, WardCode

from lms.units.models import SchoolLevel, Unit, UnitKind
from lms.units.services import unit_create

KINDS = [
    # code, name, name_en, is_school, is_class, sort_order
    ("ministry", "Bộ Giáo dục và Đào tạo", "Ministry", False, False, 10),
    ("province_department", "Sở Giáo dục và Đào tạo", "Province department", False, False, 20),
    ("district_office", "Phòng Giáo dục và Đào tạo", "District office", False, False, 30),
    ("commune", "UBND xã/phường", "Commune / ward", False, False, 40),
    ("school", "Trường học / cơ sở giáo dục", "School", True, False, 50),
    ("class", "Lớp học", "Class", False, True, 60),
]

SCHOOL_YEAR = "2025-2026"

# (code, name, school_level, parent key, ward code or None, classes as (name, grade))
SCHOOLS = [
    ("HP-THPT-NQ", "Trường THPT Ngô Quyền", SchoolLevel.UPPER_SECONDARY, "so_hp", 11311,
     [("10A1", 10), ("12A1", 12), ("12A2", 12)]),
    ("HP-THCS-TN", "Trường THCS Thủy Nguyên", SchoolLevel.LOWER_SECONDARY, "phong_tn", 11560,
     [("8A", 8), ("9A", 9)]),
    ("HP-TH-BD", "Trường Tiểu học Bạch Đằng", SchoolLevel.PRIMARY, "phong_ad", 11473,
     [("5A", 5)]),
    ("HP-GDTX", "Trung tâm GDNN-GDTX Hải Phòng", SchoolLevel.CONTINUING_EDUCATION, "so_hp",
     None, [("11B", 11), ("12B", 12)]),
    ("DN-THCS-BH", "Trường THCS Biên Hòa", SchoolLevel.LOWER_SECONDARY, "xa_bh", 26068,
     [("9A1", 9)]),
    # Đồng Nai's graduating year: the population of DN-SO-TN-100 (and, with the THCS, the
    # ≥ 50 people DN-CNC-50 needs to be attainable).
    ("DN-THPT-NT", "Trường THPT Nguyễn Trãi", SchoolLevel.UPPER_SECONDARY, "xa_bh", 26068,
     [("12A1", 12), ("12A2", 12)]),
]


def _get_or_create(parent, kind, name, code, **fields) -> Unit:
    existing = Unit.objects.filter(code=code).first()
    if existing:
        return existing
    return unit_create(parent=parent, kind=kind, name=name, code=code, **fields)


def build_units() -> dict:
    kinds = {}
    for code, name, name_en, is_school, is_class, order in KINDS:
        kinds[code], _ = UnitKind.objects.update_or_create(
            code=code, defaults={"name": name, "name_en": name_en, "is_school": is_school,
                                 "is_class": is_class, "sort_order": order})
    hai_phong = Province.from_code(ProvinceCode(31))
    dong_nai = Province.from_code(ProvinceCode(75))
    units: dict[str, Any] = {}  # code → Unit, and "classes" → [(school, class)]
    units["bo"] = _get_or_create(None, kinds["ministry"], "Bộ Giáo dục và Đào tạo", "BGDDT")
    units["so_hp"] = _get_or_create(units["bo"], kinds["province_department"],
                                    f"Sở GD&ĐT {hai_phong.name}", "SO-31",
                                    admin_code=int(hai_phong.code))
    units["phong_tn"] = _get_or_create(units["so_hp"], kinds["district_office"],
                                       "Phòng GD&ĐT Thủy Nguyên", "PHONG-HP-TN")
    units["phong_ad"] = _get_or_create(units["so_hp"], kinds["district_office"],
                                       "Phòng GD&ĐT Hồng Bàng", "PHONG-HP-HB")
    units["so_dn"] = _get_or_create(units["bo"], kinds["province_department"],
                                    f"Sở GD&ĐT {dong_nai.name}", "SO-75",
                                    admin_code=int(dong_nai.code))
    bien_hoa = Ward.from_code(WardCode(26068))
    units["xa_bh"] = _get_or_create(units["so_dn"], kinds["commune"],
                                    f"UBND {bien_hoa.name}", f"XA-{int(bien_hoa.code)}",
                                    admin_code=int(bien_hoa.code))
    classes = []
    for code, name, level, parent_key, ward, class_list in SCHOOLS:
        school = _get_or_create(units[parent_key], kinds["school"], name, code,
                                school_level=level, admin_code=ward)
        units[code] = school
        for class_name, grade in class_list:
            klass = _get_or_create(school, kinds["class"], f"Lớp {class_name}",
                                   f"{code}-{class_name}-{SCHOOL_YEAR}",
                                   school_year=SCHOOL_YEAR, grade=grade)
            classes.append((school, klass))
    units["classes"] = classes
    return units
