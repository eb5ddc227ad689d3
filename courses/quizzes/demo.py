"""Demo: a Vietnamese question bank for the start-up course and a quiz in its last required
lesson (a new revision, published). Idempotent: questions are matched by text, the block is
added only once."""

from typing import Any

from django.contrib.auth.models import Group, Permission

from courses.models import CoursePage, LessonPage

from .models import Question, QuestionOption, QuestionType
from .selectors import quiz_for_lesson

DEMO_ORDER = 110
COURSE_SLUG = "khoi-nghiep-cho-hoc-sinh"
QUIZ_LESSON_SLUG = "thuyet-trinh-y-tuong-va-du-thi"
TEACHER_GROUP = "Giáo viên soạn bài"

S, M, TF, SH, MA, OR = (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUE_FALSE,
                        QuestionType.SHORT, QuestionType.MATCHING, QuestionType.ORDERING)
# (type, text, difficulty, tags, options, explanation); options: (text, correct[, match])
QUESTIONS: list[tuple[str, str, int, str, list[tuple[Any, ...]], str]] = [
    (S, "Khởi nghiệp bắt đầu tốt nhất từ điều gì?", 1, "khởi nghiệp, ý tưởng",
     [("Một vấn đề có thật của người xung quanh", True), ("Một sản phẩm đang thịnh hành", False),
      ("Số vốn thật lớn", False), ("Một cái tên thật kêu", False)],
     "Ý tưởng tốt giải quyết một vấn đề có thật mà người khác sẵn sàng trả tiền."),
    (S, "Trong Mô hình kinh doanh Canvas, ô “Khách hàng mục tiêu” trả lời câu hỏi nào?", 2,
     "canvas", [("Ai sẽ dùng và trả tiền cho sản phẩm?", True), ("Sản phẩm làm từ gì?", False),
                ("Ai góp vốn?", False)], ""),
    (M, "Những cách nào giúp em kiểm tra ý tưởng trước khi làm sản phẩm thật?", 2,
     "khách hàng, thử nghiệm",
     [("Phỏng vấn 10 khách hàng tiềm năng", True), ("Làm sản phẩm mẫu đơn giản", True),
      ("Vay thật nhiều tiền để sản xuất ngay", False), ("Bán thử trong trường", True)],
     "Thử nhỏ, hỏi khách hàng thật, rồi mới đầu tư lớn."),
    (M, "Chi phí nào là chi phí cố định của một quầy nước mía?", 3, "tài chính",
     [("Tiền thuê chỗ bán theo tháng", True), ("Máy ép mía", True), ("Mía nguyên liệu", False),
      ("Cốc nhựa", False)], "Chi phí cố định không đổi theo số cốc bán ra."),
    (TF, "Cuộc thi “Học sinh, sinh viên với ý tưởng khởi nghiệp” chỉ dành cho sinh viên đại học.",
     1, "cuộc thi", [("Đúng", False), ("Sai", True)],
     "Học sinh THPT và GDNN-GDTX cũng được dự thi theo Đề án 1665."),
    (TF, "Sản phẩm mẫu (MVP) cần đầy đủ mọi tính năng trước khi đưa cho khách hàng thử.", 1,
     "thử nghiệm", [("Đúng", False), ("Sai", True)], ""),
    (SH, "Công cụ một trang giúp mô tả toàn bộ cách một dự án tạo ra và thu về giá trị gọi là "
         "mô hình kinh doanh gì?", 2, "canvas",
     [("Canvas", True), ("Mô hình kinh doanh Canvas", True)], ""),
    (SH, "Khoản tiền còn lại sau khi lấy doanh thu trừ đi chi phí gọi là gì?", 1, "tài chính",
     [("Lợi nhuận", True), ("Lãi", True)], ""),
    (MA, "Ghép mỗi khái niệm với ý nghĩa của nó.", 2, "tài chính",
     [("Doanh thu", True, "Tiền thu được từ bán hàng"),
      ("Chi phí", True, "Tiền bỏ ra để làm và bán"),
      ("Lợi nhuận", True, "Doanh thu trừ chi phí")], ""),
    (MA, "Ghép mỗi ô của Canvas với câu hỏi nó trả lời.", 3, "canvas",
     [("Giải pháp giá trị", True, "Vì sao khách chọn sản phẩm của em?"),
      ("Kênh", True, "Khách biết đến và mua sản phẩm bằng cách nào?"),
      ("Nguồn thu", True, "Khách trả tiền cho điều gì và bao nhiêu?")], ""),
    (OR, "Sắp xếp các bước của một dự án khởi nghiệp học đường theo thứ tự hợp lý.", 2,
     "khởi nghiệp", [("Tìm vấn đề ở địa phương", True), ("Phỏng vấn khách hàng", True),
                     ("Làm sản phẩm mẫu", True), ("Thuyết trình và dự thi", True)], ""),
    (OR, "Sắp xếp các vòng của cuộc thi ý tưởng khởi nghiệp.", 1, "cuộc thi",
     [("Vòng trường", True), ("Vòng tỉnh/thành phố", True), ("Chung kết toàn quốc", True)], ""),
]

QUIZ_VALUE = {
    "title": "Bài kiểm tra cuối khóa Khởi nghiệp",
    "intro": "Trả lời đúng từ 60 % trở lên để hoàn thành khóa học và nhận chứng chỉ.",
    "question_count": 6, "tags": "", "time_limit_minutes": 15, "attempts_allowed": 3,
    "pass_mark": 60, "show_answers": True,
    "pass_feedback": "Chúc mừng em! Hãy tải chứng chỉ ở mục “Chứng chỉ của tôi”.",
    "fail_feedback": "Em hãy xem lại các bài Canvas và Tính chi phí rồi làm lại nhé.",
}


def build_questions(course: CoursePage) -> int:
    existing = set(Question.objects.filter(course=course).values_list("text", flat=True))
    created = 0
    for qtype, text, difficulty, tags, options, explanation in QUESTIONS:
        if text in existing:
            continue
        question = Question.objects.create(course=course, qtype=qtype, text=text, tags=tags,
                                           difficulty=difficulty, explanation=explanation)
        QuestionOption.objects.bulk_create([
            QuestionOption(question=question, text=o[0], is_correct=o[1],
                           match_text=o[2] if len(o) > 2 else "", sort_order=n)
            for n, o in enumerate(options)])
        created += 1
    return created


def add_quiz_block(lesson: LessonPage) -> bool:
    if quiz_for_lesson(lesson) is not None:
        return False
    lesson.body.append(("quiz", QUIZ_VALUE))
    lesson.save_revision().publish()
    return True


def grant_teacher_bank_permissions() -> None:
    group = Group.objects.filter(name=TEACHER_GROUP).first()
    if group:
        group.permissions.add(*Permission.objects.filter(
            content_type__app_label="quizzes",
            codename__in=["add_question", "change_question", "view_question"]))


def build_demo(context) -> None:
    course = CoursePage.objects.filter(slug=COURSE_SLUG).first()
    if course is None:
        return
    created = build_questions(course)
    lesson = LessonPage.objects.child_of(course).filter(slug=QUIZ_LESSON_SLUG).first()
    added = add_quiz_block(lesson.specific) if lesson else False
    grant_teacher_bank_permissions()
    if created or added:
        context.stdout.write(f"Quiz: {created} câu hỏi, bài kiểm tra trong “{lesson.title}”.")
