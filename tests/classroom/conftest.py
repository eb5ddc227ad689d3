import pytest

from tests.factories import learner_in, staff_at

from .factories import make_assignment, parent_of


@pytest.fixture(autouse=True)
def _classroom_files(settings, tmp_path):
    settings.HOCMO_CLASSROOM_FILES_ROOT = str(tmp_path / "classroom")


@pytest.fixture
def world(school_tree):
    """Class 12A1 (school B) with its teacher, two learners and a parent of the first; class
    9A (school A) with its own teacher and learner; one assignment set in 12A1."""
    class_b, class_a = school_tree["class_b"], school_tree["class_a"]
    teacher = staff_at(class_b, full_name="Trần Thu Hà")
    an = learner_in(class_b, full_name="Nguyễn Minh An")
    binh = learner_in(class_b, full_name="Lê Văn Bình")
    other_teacher = staff_at(class_a, full_name="Phạm Thị Cúc")
    other_learner = learner_in(class_a, full_name="Đỗ Văn Dũng")
    assignment = make_assignment(class_b, teacher)
    return {"class": class_b, "other_class": class_a, "teacher": teacher, "an": an,
            "binh": binh, "parent": parent_of(an), "other_teacher": other_teacher,
            "other_learner": other_learner, "assignment": assignment,
            "head_b": staff_at(school_tree["school_b"], kind="school_admin")}
