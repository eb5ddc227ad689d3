"""Demo people: officers at every level, school admins, teachers, ~200 learners with realistic
Vietnamese names and a mix of sex, ethnicity and household status, and a parent."""

import datetime
import functools
import random
import unicodedata
from typing import cast

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from lms.accounts.ethnicity import Ethnicity
from lms.accounts.models import (
    GuardianContact,
    GuardianLink,
    HouseholdStatus,
    LearnerProfile,
    Sex,
    User,
)
from lms.units.models import RoleKind
from lms.units.services import role_grant

from . import names

LEARNERS_PER_CLASS = 22
# Demo accounts printed by `make run`: (username, full name, role kind, unit key, note)
STAFF = [
    ("canbo.bo", "Trần Quốc Bảo", RoleKind.OFFICER, "bo", "Cán bộ Bộ GD&ĐT"),
    ("canbo.so", "Nguyễn Thị Hồng Nhung", RoleKind.OFFICER, "so_hp", "Cán bộ Sở GD&ĐT Hải Phòng"),
    ("canbo.phong", "Lê Văn Hùng", RoleKind.OFFICER, "phong_tn", "Cán bộ Phòng GD&ĐT Thủy Nguyên"),
    ("canbo.phong2", "Phạm Thu Trang", RoleKind.OFFICER, "phong_ad", "Cán bộ Phòng GD&ĐT Hồng Bàng"),
    ("canbo.dongnai", "Võ Minh Tâm", RoleKind.OFFICER, "so_dn", "Cán bộ Sở GD&ĐT Đồng Nai"),
    ("hieutruong", "Đỗ Thị Mai", RoleKind.SCHOOL_ADMIN, "HP-THPT-NQ", "Hiệu trưởng THPT Ngô Quyền"),
    ("giaovien", "Hoàng Văn Nam", RoleKind.TEACHER, "HP-THPT-NQ", "Giáo viên THPT Ngô Quyền"),
    ("giaovien.thcs", "Bùi Thị Lan", RoleKind.TEACHER, "HP-THCS-TN", "Giáo viên THCS Thủy Nguyên"),
    ("giaovien.gdtx", "Ngô Đức Thắng", RoleKind.TEACHER, "HP-GDTX", "Giáo viên GDNN-GDTX"),
]
DEMO_LEARNER = ("hocsinh", "Nguyễn Minh An")
DEMO_PARENT = ("phuhuynh", "Nguyễn Văn Bình")
TEACHER_GROUP = "Giáo viên soạn bài"


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@functools.cache
def demo_password_hash() -> str:
    # Hashing is deliberately slow; hash the shared demo password once, not 200 times.
    return make_password(settings.HOCMO_DEMO_PASSWORD)


def _user(username: str, full_name: str, **fields) -> User:
    user, _ = User.objects.get_or_create(username=username, defaults={
        "full_name": full_name, "email": f"{username}@hocmo.local",
        "password": demo_password_hash(), **fields})
    return user


def build_staff(units: dict) -> list[tuple[str, str]]:
    logins = []
    teacher_group = Group.objects.filter(name=TEACHER_GROUP).first()
    for username, full_name, kind, unit_key, note in STAFF:
        user = _user(username, full_name, is_staff=True)
        role_grant(user=user, unit=units[unit_key], kind=kind)
        if kind == RoleKind.TEACHER and teacher_group:
            user.groups.add(teacher_group)
        logins.append((username, note))
    return logins


def _school_age_dob(rng: random.Random, grade: int, year: int = 2025) -> datetime.date:
    birth_year = year - 6 - grade
    return datetime.date(birth_year, rng.randint(1, 12), rng.randint(1, 28))


def _ethnicity(rng: random.Random, province_key: str) -> str:
    roll = rng.random()
    if roll < 0.82:
        return Ethnicity.KINH
    minority = [Ethnicity.TAY, Ethnicity.THAI, Ethnicity.MUONG, Ethnicity.NUNG, Ethnicity.HMONG,
                Ethnicity.DAO, Ethnicity.HOA, Ethnicity.KHMER, Ethnicity.SAN_DIU, Ethnicity.CHO_RO]
    return rng.choice(minority)


def _household(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.08:
        return HouseholdStatus.POOR
    if roll < 0.18:
        return HouseholdStatus.NEAR_POOR
    return HouseholdStatus.NONE


def build_learners(units: dict) -> list[User]:
    """Deterministic (seeded) learners per class; re-running finds them by learner code."""
    rng = random.Random(20251123)
    learners = []
    for school, klass in units["classes"]:
        for index in range(LEARNERS_PER_CLASS):
            code = f"{klass.code}-{index + 1:02d}"
            sex = Sex.FEMALE if rng.random() < 0.5 else Sex.MALE
            full_name = names.full_name(rng, sex)
            username = f"hs.{_ascii(klass.code).replace('-', '').replace(' ', '')}.{index + 1:02d}"
            if school.code == "HP-THPT-NQ" and klass.name == "Lớp 12A1" and index == 0:
                username, full_name, sex = DEMO_LEARNER[0], DEMO_LEARNER[1], Sex.MALE
            user = _user(username, full_name)
            grade = klass.grade or 12
            LearnerProfile.objects.get_or_create(user=user, defaults={
                "learner_code": code,
                "date_of_birth": _school_age_dob(rng, grade),
                "sex": sex,
                "ethnicity": _ethnicity(rng, school.code),
                "household_status": _household(rng),
                "grade": grade,
                "expected_graduation_year": 2026 + (12 - grade),
            })
            role_grant(user=user, unit=klass, kind=RoleKind.LEARNER)
            learners.append(user)
    return learners


def build_parent(learners: list[User]) -> User:
    parent = _user(DEMO_PARENT[0], DEMO_PARENT[1], phone="0912345678")
    child = User.objects.get(username=DEMO_LEARNER[0])
    GuardianLink.objects.get_or_create(guardian=parent, learner=child)
    profile = child.learner_profile
    GuardianContact.objects.get_or_create(profile=profile, name=parent.full_name, defaults={
        "relation": "Bố", "phone": cast(str, parent.phone), "email": parent.email})
    return parent
