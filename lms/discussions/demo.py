"""Demo: questions on the first lesson of a course the learner hocsinh (class 12A1) is enrolled
in — two questions, answers by the teacher giaovien and a classmate, one answer accepted.
Written directly (demo data is trusted; no notices are sent). Idempotent."""

DEMO_ORDER = 170
FIRST = "Em chưa hiểu cách xác định khách hàng mục tiêu. Thầy cô có thể cho ví dụ không ạ?"


def build_demo(context) -> None:
    from courses.models import Enrolment, LessonPage
    from lms.accounts.models import User
    from lms.units.models import Role, RoleKind

    from .models import Answer, Question

    learner = User.objects.filter(username="hocsinh").first()
    teacher = context.teachers.get("giaovien")
    if learner is None or teacher is None:
        return
    role = (Role.objects.filter(user=learner, kind=RoleKind.LEARNER, ended_at__isnull=True)
            .select_related("unit").first())
    enrolment = Enrolment.objects.filter(user=learner).select_related("course").first()
    if role is None or enrolment is None or Question.objects.filter(text=FIRST).exists():
        return
    course, unit = enrolment.course, role.unit
    lesson = LessonPage.objects.child_of(course).live().order_by("path").first()
    if lesson is None:
        return
    classmate = (User.objects.filter(roles__unit=unit, roles__kind=RoleKind.LEARNER,
                                     roles__ended_at__isnull=True, enrolments__course=course)
                 .exclude(pk=learner.pk).order_by("name_key").first()) or learner
    first = Question.objects.create(lesson=lesson, course=course, unit=unit, author=learner,
                                    text=FIRST)
    Answer.objects.create(question=first, author=classmate,
                          text="Mình nghĩ là những người sẽ mua sản phẩm của mình, "
                               "ví dụ các bạn học sinh trong trường.")
    accepted = Answer.objects.create(
        question=first, author=teacher,
        text="Khách hàng mục tiêu là nhóm người có nhu cầu và sẵn sàng trả tiền. Ví dụ: "
             "rau sạch bán cho phụ huynh có con nhỏ ở gần trường — em hãy mô tả tuổi, "
             "nơi ở và lý do họ mua.")
    Question.objects.filter(pk=first.pk).update(accepted_answer=accepted)
    second = Question.objects.create(lesson=lesson, course=course, unit=unit, author=classmate,
                                     text="Bài này có cần nộp kế hoạch kinh doanh không ạ?")
    Answer.objects.create(question=second, author=teacher,
                          text="Có, em xem mục Bài tập của lớp: hạn nộp ghi theo giờ Việt Nam.")
    context.stdout.write(f"  hỏi đáp bài “{lesson.title}” lớp {unit.name}: 2 câu hỏi, "
                         "1 câu trả lời đúng")
