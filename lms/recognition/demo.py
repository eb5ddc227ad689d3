"""Demo: community learning centres in Phường Biên Hòa (Đồng Nai) and Phường Thủy Nguyên
(Hải Phòng), adult learners who completed courses in 2025, a household, rules for 2025, the
evaluated candidates and one confirmed learning citizen with a certificate. Idempotent."""

import datetime
from zoneinfo import ZoneInfo

from courses.models import CourseCompletion, CoursePage, Enrolment
from lms.accounts.models import LearnerProfile, Sex, User
from lms.demo.people import demo_password_hash
from lms.units.models import RoleKind, Unit, UnitKind
from lms.units.services import role_grant, unit_create

from .models import Candidate, CandidateStatus, Household, HouseholdMember, RecognitionRule
from .services.evaluation import recognition_evaluate
from .services.registration import commune_centre

DEMO_ORDER = 500
YEAR = 2025
TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# phone, full name, date of birth, commune key, [(course slug, completed at, local time)]
ADULTS = [
    ("0912000101", "Trần Văn Hải", datetime.date(1975, 4, 12), "dn", [
        ("ky-nang-so-co-ban", datetime.datetime(2025, 3, 8, 20, 0)),
        ("huong-nghiep", datetime.datetime(2025, 9, 14, 21, 0))]),
    ("0912000102", "Lê Thị Thu", datetime.date(1978, 10, 2), "dn", [
        ("ky-nang-so-co-ban", datetime.datetime(2025, 4, 1, 19, 30)),
        ("khoi-nghiep-cho-hoc-sinh", datetime.datetime(2025, 11, 20, 20, 0))]),
    # Completed on 31 December, 23:30 Vietnam time: still 2025.
    ("0912000103", "Trần Minh Khôi", datetime.date(2004, 6, 25), "dn", [
        ("stem-robot-don-gian", datetime.datetime(2025, 3, 3, 9, 0)),
        ("khoi-nghiep-cho-hoc-sinh", datetime.datetime(2025, 12, 31, 23, 30))]),
    ("0912000201", "Phạm Thị Hoa", datetime.date(1988, 1, 19), "hp", [
        ("stem-robot-don-gian", datetime.datetime(2025, 5, 10, 20, 0)),
        ("huong-nghiep", datetime.datetime(2025, 8, 2, 20, 0))]),
    # One course in 2025; the second completed on 1 January 2026 counts in 2026.
    ("0912000202", "Vũ Văn Đức", datetime.date(1969, 12, 5), "hp", [
        ("ky-nang-so-co-ban", datetime.datetime(2025, 6, 6, 20, 0)),
        ("khoi-nghiep-cho-hoc-sinh", datetime.datetime(2026, 1, 1, 0, 15))]),
]


def _hp_commune(units) -> Unit:
    existing = Unit.objects.filter(code="XA-11560").first()
    if existing:
        return existing
    return unit_create(parent=units["phong_tn"], kind=UnitKind.objects.get(code="commune"),
                       name="UBND Phường Thủy Nguyên", code="XA-11560", admin_code=11560)


def _adult(phone, name, born, centre) -> User:
    user, _created = User.objects.get_or_create(username=phone, defaults={
        "full_name": name, "phone": phone, "password": demo_password_hash()})
    sex = Sex.FEMALE if " Thị " in f" {name} " else Sex.MALE  # the demo names follow this
    LearnerProfile.objects.get_or_create(user=user, defaults={"date_of_birth": born, "sex": sex})
    role_grant(user=user, unit=centre, kind=RoleKind.LEARNER)
    return user


def _complete(user, course: CoursePage, at: datetime.datetime) -> None:
    Enrolment.objects.get_or_create(user=user, course=course)
    CourseCompletion.objects.get_or_create(user=user, course=course,
                                           defaults={"completed_at": at.replace(tzinfo=TZ)})


def build_demo(context) -> None:
    from .services import candidate_confirm

    units = context.units
    communes = {"dn": units["xa_bh"], "hp": _hp_commune(units)}
    centres = {key: commune_centre(c) for key, c in communes.items()}
    courses = {c.slug: c for c in CoursePage.objects.all()}
    people = {}
    for phone, name, born, key, done in ADULTS:
        people[phone] = user = _adult(phone, name, born, centres[key])
        for slug, at in done:
            if slug in courses:
                _complete(user, courses[slug], at)
    household, created = Household.objects.get_or_create(
        name="Hộ ông Trần Văn Hải", commune=communes["dn"],
        defaults={"head": people["0912000101"]})
    if created:
        joined = datetime.date(2010, 1, 1)
        for phone, relation in (("0912000101", "Chủ hộ"), ("0912000102", "Vợ"),
                                ("0912000103", "Con")):
            HouseholdMember.objects.create(household=household, user=people[phone],
                                           full_name=people[phone].full_name,
                                           relation=relation, joined_on=joined)
        # A member without an account counts in the household but is never a citizen.
        HouseholdMember.objects.create(household=household, full_name="Nguyễn Thị Lý",
                                       relation="Mẹ", joined_on=joined)
    for key in ("so_dn", "so_hp"):
        RecognitionRule.objects.get_or_create(unit=units[key], year=YEAR, defaults={
            "min_completions": 2, "min_hours": 8})
    recognition_evaluate(unit=None, year=YEAR)
    officer = User.objects.get(username="canbo.dongnai")
    first = Candidate.objects.filter(subject_key=f"citizen:{YEAR}:{people['0912000101'].pk}",
                                     status=CandidateStatus.PENDING).first()
    if first:
        candidate_confirm(actor=officer, candidate=first)
    context.stdout.write("  0912000102     Người học tự đăng ký (TTHTCĐ Phường Biên Hòa) — "
                         "đăng nhập bằng số điện thoại")
