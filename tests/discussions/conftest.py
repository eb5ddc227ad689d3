import pytest

from courses.services import enrolment_create
from tests.classroom.factories import parent_of
from tests.courses.factories import course_with_lessons
from tests.units.factories import learner_in, staff_at


@pytest.fixture
def world(school_tree):
    """Class 12A1 (school B): its teacher, learners An and Bình enrolled in the course, Chi not
    enrolled, An's parent, the school's head. Class 9A (school A): its teacher, a learner
    enrolled in the same course, the school's head."""
    class_b, class_a = school_tree["class_b"], school_tree["class_a"]
    course, lessons = course_with_lessons(2)
    people = {
        "teacher": staff_at(class_b, full_name="Trần Thu Hà"),
        "an": learner_in(class_b, full_name="Nguyễn Minh An"),
        "binh": learner_in(class_b, full_name="Lê Văn Bình"),
        "chi": learner_in(class_b, full_name="Vũ Thị Chi"),
        "other_teacher": staff_at(class_a, full_name="Phạm Thị Cúc"),
        "other_learner": learner_in(class_a, full_name="Đỗ Văn Dũng"),
        "head_b": staff_at(school_tree["school_b"], kind="school_admin"),
        "head_a": staff_at(school_tree["school_a"], kind="school_admin"),
    }
    for name in ("an", "binh", "other_learner"):
        enrolment_create(user=people[name], course=course)
    people["parent"] = parent_of(people["an"])
    return {**people, "class": class_b, "other_class": class_a, "course": course,
            "lesson": lessons[0], "lesson2": lessons[1]}


@pytest.fixture
def asked(world):
    """An's question on the lesson, Bình's answer, and the teacher's answer."""
    from lms.discussions import services

    question = services.question_ask(actor=world["an"], lesson=world["lesson"],
                                     course_id=world["course"].pk, unit=world["class"],
                                     text="Khách hàng mục tiêu là gì ạ?")
    peer = services.answer_post(actor=world["binh"], question=question,
                                text="Là người sẽ mua sản phẩm.")
    teacher = services.answer_post(actor=world["teacher"], question=question,
                                   text="Nhóm người có nhu cầu và sẵn sàng trả tiền.")
    return {"question": question, "peer": peer, "teacher_answer": teacher}
