"""Demo targets taken from the plans in the seeds, attached to the demo units and computed from
the demo progress. Idempotent: targets are keyed by (unit, code, period) and rebuilt."""

import datetime

from courses.models import CoursePage, Programme
from lms.units.models import SchoolLevel

from .models import PopulationKind, Target, TargetSnapshot, ThresholdKind, TrainedRule
from .selectors import unit_attainments
from .services.rebuild import target_rebuild

DEMO_ORDER = 900  # after every other feature's demo data (learners, progress, certificates)


def _school_year(today: datetime.date) -> tuple[str, datetime.date, datetime.date]:
    start_year = today.year if today.month >= 8 else today.year - 1
    return (f"{start_year}-{start_year + 1}", datetime.date(start_year, 8, 1),
            datetime.date(start_year + 1, 5, 31))


def _targets(units, today):
    label, start, end = _school_year(today)
    year = today.year
    calendar = (str(year), datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    secondary = [SchoolLevel.LOWER_SECONDARY, SchoolLevel.UPPER_SECONDARY,
                 SchoolLevel.CONTINUING_EDUCATION]
    return [
        dict(unit=units["bo"], code="DA1665-KN-90", programme="startup",
             name="Học sinh THCS, THPT và GDNN-GDTX được đào tạo về khởi nghiệp",
             school_levels=secondary, rule=TrainedRule.PROGRAMME, threshold=90,
             period=(label, start, end), deadline=datetime.date(end.year, 6, 15),
             source="Quyết định 1665/QĐ-TTg ngày 30/10/2017 (Đề án hỗ trợ HSSV khởi nghiệp)",
             notes="Ít nhất 90% học sinh THCS, THPT và trung tâm GDNN-GDTX được tuyên truyền, "
                   "giáo dục nâng cao nhận thức về khởi nghiệp."),
        dict(unit=units["so_hp"], code="HP-KN-THPT-100", programme="startup",
             name="100% học sinh THPT và GDNN-GDTX Hải Phòng được học kiến thức khởi nghiệp",
             school_levels=[SchoolLevel.UPPER_SECONDARY, SchoolLevel.CONTINUING_EDUCATION],
             rule=TrainedRule.PROGRAMME, threshold=100, period=(label, start, end),
             deadline=datetime.date(end.year, 6, 15),
             source="Kế hoạch triển khai Đề án 1665 của ngành Giáo dục Hải Phòng",
             notes="Chỉ tiêu riêng của Sở, cao hơn chỉ tiêu chung của Bộ."),
        # Graduating upper-secondary students only: THPT level, grade 12 (not Year 9, not
        # adults), as the name says.
        dict(unit=units["so_dn"], code="DN-SO-TN-100", programme="digital",
             name="100% học sinh tốt nghiệp THPT có kiến thức nền tảng về công nghệ số",
             school_levels=[SchoolLevel.UPPER_SECONDARY], grades=[12],
             rule=TrainedRule.PROGRAMME, threshold=100, period=calendar,
             deadline=datetime.date(year, 12, 15),
             source="Kế hoạch 51/KH-UBND ngày 13/8/2025 của UBND tỉnh Đồng Nai",
             notes="Tính học sinh lớp 12 THPT (năm tốt nghiệp). Báo cáo trước ngày 15 tháng 12 "
                   "hằng năm."),
        dict(unit=units["so_dn"], code="DN-VL-70", programme=None,
             name="Ít nhất 70% học viên sau đào tạo có việc làm phù hợp",
             rule=TrainedRule.EMPLOYED, threshold=70, period=calendar,
             deadline=datetime.date(year, 12, 15),
             source="Kế hoạch 51/KH-UBND ngày 13/8/2025 của UBND tỉnh Đồng Nai",
             notes="Tính người học có việc làm hoặc tự tạo việc làm được ghi nhận trong kỳ "
                   "(mục Hướng nghiệp)."),
        dict(unit=units["bo"], code="DA1665-KN-GV-20", programme="startup",
             population=PopulationKind.TEACHERS,
             name="20% giáo viên phổ thông được trang bị kiến thức hướng nghiệp và khởi nghiệp",
             school_levels=[SchoolLevel.PRIMARY, SchoolLevel.LOWER_SECONDARY,
                            SchoolLevel.UPPER_SECONDARY],
             rule=TrainedRule.PROGRAMME, threshold=20, period=(label, start, end),
             deadline=datetime.date(end.year, 6, 15),
             source="Đề án 1665/QĐ-TTg: đào tạo, tập huấn kiến thức khởi nghiệp cho cán bộ, "
                    "giáo viên",
             notes="Giáo viên hoàn thành khóa học thuộc chương trình khởi nghiệp."),
        # Absolute: the threshold is Sở Đồng Nai's; its schools and classes show their
        # contribution. Its scope (every learner of the province, ≥ 50) can meet it.
        dict(unit=units["so_dn"], code="DN-CNC-50", programme="stem",
             name="Ít nhất 50 người/năm được đào tạo về công nghệ cao",
             rule=TrainedRule.PROGRAMME, threshold=50, threshold_kind=ThresholdKind.ABSOLUTE,
             period=calendar, deadline=datetime.date(year, 12, 15),
             source="Kế hoạch 51/KH-UBND ngày 13/8/2025 của UBND tỉnh Đồng Nai",
             notes="Ngưỡng tính cho toàn Sở; trường và lớp hiển thị phần đóng góp."),
        dict(unit=units["bo"], code="GNBV-DT-60", programme="career",
             name="Người thuộc hộ nghèo, cận nghèo được đào tạo (hướng nghiệp, kỹ năng nghề)",
             household="poor_near", rule=TrainedRule.PROGRAMME, threshold=60,
             period=calendar, deadline=datetime.date(year, 12, 15),
             source="Chương trình MTQG giảm nghèo bền vững (Quyết định 90/QĐ-TTg)"),
        dict(unit=units["bo"], code="GNBV-CC-25", programme="career",
             name="Người thuộc hộ nghèo, cận nghèo có chứng chỉ sau đào tạo",
             household="poor_near", rule=TrainedRule.CERTIFICATE, threshold=25,
             period=calendar, deadline=datetime.date(year, 12, 15),
             source="Chương trình MTQG giảm nghèo bền vững (Quyết định 90/QĐ-TTg)"),
    ]


def build_demo(context) -> None:
    from django.utils import timezone

    today = timezone.localdate()
    _dong_nai_progress(context)
    _teacher_training(context)
    programmes = {p.code: p for p in Programme.objects.all()}
    made = []
    for spec in _targets(context.units, today):
        label, start, end = spec.pop("period")
        programme = programmes.get(spec.pop("programme") or "")
        target, _ = Target.objects.update_or_create(
            unit=spec["unit"], code=spec.pop("code"), period_label=label,
            defaults={**spec, "period_start": start, "period_end": end,
                      "programme": programme, "lead_unit": spec["unit"]})
        if programme is not None:
            target.courses.set(CoursePage.objects.filter(programme=programme))
        target_rebuild(target)
        made.append(target)
    _demo_trend(made, context.units, today)
    context.stdout.write(f"reports: {len(made)} chỉ tiêu mẫu đã được tính từ tiến độ học tập")


def _teacher_training(context) -> None:
    """The teacher `giaovien` took the start-up course (teachers count in teacher targets)."""
    from courses.models import CourseCompletion, LessonPage
    from courses.services import enrolment_create, progress_record
    from lms.accounts.models import User

    course = CoursePage.objects.filter(slug="khoi-nghiep-cho-hoc-sinh").first()
    teacher = User.objects.filter(username="giaovien").first()
    if course is None or teacher is None or CourseCompletion.objects.filter(
            user=teacher, course=course).exists():
        return
    enrolment_create(user=teacher, course=course)
    for lesson in LessonPage.objects.live().child_of(course).order_by("path"):
        progress_record(user=teacher, lesson=lesson, completed=True,
                        seconds=lesson.estimated_minutes * 60, source="demo", history=True)


def _demo_trend(targets, units, today) -> None:
    """Eight weekly snapshots rising to today's figure, so the trend line has a shape."""
    for target in targets:
        for key in ("bo", "so_hp", "so_dn"):
            unit = units[key]
            if not unit.path.startswith(target.unit.path):
                continue
            figure = unit_attainments(unit, [target])[0]
            for week in range(8):
                day = today - datetime.timedelta(weeks=7 - week)
                TargetSnapshot.objects.update_or_create(
                    target=target, unit=unit, taken_on=day,
                    defaults={"population": figure.population,
                              "trained": figure.trained * (week + 1) // 8})


def _dong_nai_progress(context) -> None:
    """Đồng Nai's classes learn digital skills (DN-SO-TN-100) and its graduating classes a
    STEM course (DN-CNC-50), so their figures are not all zero. A class is skipped once any of
    it has progress in the course (re-running changes nothing)."""
    from lms.accounts.models import User

    officer = User.objects.filter(username="canbo.dongnai").first()
    if officer is None:
        return
    for seed, (_school, klass) in enumerate(
            (s, k) for s, k in context.units["classes"] if k.code.startswith("DN-")):
        _class_progress(officer, klass, "ky-nang-so-co-ban", 75 + seed)
        if klass.grade == 12:
            _class_progress(officer, klass, "stem-robot-don-gian", 175 + seed)


def _class_progress(officer, klass, slug: str, seed: int) -> None:
    import random

    from courses.models import LessonPage, LessonProgress
    from courses.services import class_enrol, progress_record
    from lms.units.models import Role, RoleKind

    course = CoursePage.objects.filter(slug=slug).first()
    if course is None or LessonProgress.objects.filter(course=course,
                                                       user__roles__unit=klass).exists():
        return
    class_enrol(actor=officer, class_unit=klass, course=course)
    lessons = list(LessonPage.objects.live().child_of(course).order_by("path"))
    rng = random.Random(seed)
    for role in Role.objects.filter(unit=klass, kind=RoleKind.LEARNER).select_related("user"):
        done = len(lessons) if rng.random() < 0.45 else rng.randint(0, len(lessons) - 1)
        for lesson in lessons[:done]:
            progress_record(user=role.user, lesson=lesson, completed=True,
                            seconds=lesson.estimated_minutes * 60, source="demo", history=True)
