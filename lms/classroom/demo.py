"""Demo: three assignments for class 12A1 (teacher giaovien, learner hocsinh, parent phuhuynh):
one marked and returned, one handed in and waiting for its mark (with a rubric), one due
next week; a few
classmates' hand-ins and marks so the gradebook has figures; a pinned post on the class
stream. Written directly (demo data is
trusted; no notices are sent). Idempotent."""

import datetime as dt
from decimal import Decimal

DEMO_ORDER = 160
TITLES = ("Viết kế hoạch kinh doanh một trang", "Chụp ảnh mô hình robot của nhóm",
          "Bảng tính chi phí dự án rau sạch")


def build_demo(context) -> None:
    from django.utils import timezone

    from lms.accounts.models import User
    from lms.units.models import Role, RoleKind

    from .models import Assignment, StreamPost, Submission, SubmissionStatus

    learner = User.objects.filter(username="hocsinh").first()
    teacher = context.teachers.get("giaovien")
    if learner is None or teacher is None:
        return
    role = (Role.objects.filter(user=learner, kind=RoleKind.LEARNER, ended_at__isnull=True)
            .select_related("unit").first())
    if role is None or Assignment.objects.filter(unit=role.unit, title=TITLES[0]).exists():
        return
    unit, now = role.unit, timezone.now()
    classmates = list(User.objects.filter(
        roles__unit=unit, roles__kind=RoleKind.LEARNER, roles__ended_at__isnull=True)
        .exclude(pk=learner.pk).order_by("name_key")[:6])
    returned = Assignment.objects.create(
        unit=unit, title=TITLES[0], created_by=teacher, due_at=now - dt.timedelta(days=5),
        instructions="Mô tả ý tưởng, khách hàng, chi phí và cách bán hàng trong một trang A4.")
    from .rubrics import rubric_parse

    waiting = Assignment.objects.create(
        unit=unit, title=TITLES[1], created_by=teacher, due_at=now - dt.timedelta(days=1),
        instructions="Chụp một ảnh rõ nét mô hình robot của nhóm và viết hai câu giới thiệu.",
        rubric=rubric_parse("Ảnh chụp: Rõ nét, đủ mô hình 4; Hơi mờ 2\n"
                            "Giới thiệu: Đủ hai câu, đúng ý 6; Còn thiếu 3"))
    Assignment.objects.create(
        unit=unit, title=TITLES[2], created_by=teacher, due_at=now + dt.timedelta(days=7),
        instructions="Lập bảng chi phí hạt giống, đất, nước tưới cho một luống rau trong "
                     "một tháng.")
    scores = [Decimal("8.5"), Decimal("7"), Decimal("9"), Decimal("6.5"), Decimal("8"),
              Decimal("7.5"), Decimal("9.5")]
    for index, person in enumerate([learner, *classmates]):
        Submission.objects.create(
            assignment=returned, learner=person, text="Kế hoạch kinh doanh rau sạch.",
            submitted_at=now - dt.timedelta(days=6), late=index == 3, score=scores[index],
            comment=("Ý tưởng rõ ràng, cần tính thêm chi phí vận chuyển." if index == 0
                     else "Đạt yêu cầu."), marked_by=teacher,
            status=SubmissionStatus.RETURNED, returned_at=now - dt.timedelta(days=4))
    for person in [learner, *classmates[:3]]:
        Submission.objects.create(assignment=waiting, learner=person,
                                  text="Robot dò đường của nhóm em.",
                                  submitted_at=now - dt.timedelta(days=2))
    StreamPost.objects.create(
        unit=unit, author=teacher, pinned=True,
        text="Chào cả lớp! Bài tập được giao ở mục Bài tập; hạn nộp theo giờ Việt Nam. "
             "Em nào cần hỏi thì bình luận dưới bài này nhé.")
    context.stdout.write("  bài tập lớp 12A1: 3 bài, có bài đã chấm; bảng tin lớp")
