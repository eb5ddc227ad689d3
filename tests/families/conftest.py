
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import UserFactory, learner_in, staff_at

from .factories import jpeg_with_gps


@pytest.fixture
def family(school_tree):
    """A class with two learners, their teacher, a parent of the first learner, and people who
    must NOT see anything: a parent of a child in another school and that school's teacher."""
    from lms.accounts.models import GuardianLink

    klass = school_tree["class_b"]
    child = learner_in(klass, username="hs.an", full_name="Nguyễn Minh An")
    classmate = learner_in(klass, username="hs.binh", full_name="Trần Thu Bình")
    teacher = staff_at(school_tree["school_b"], username="gv.b", is_staff=True)
    parent = UserFactory(username="ph.an", phone="0912000001", full_name="Nguyễn Văn Ba")
    link = GuardianLink.objects.create(guardian=parent, learner=child)
    other_child = learner_in(school_tree["class_a"], username="hs.khac")
    other_parent = UserFactory(username="ph.khac", phone="0912000002")
    GuardianLink.objects.create(guardian=other_parent, learner=other_child)
    other_teacher = staff_at(school_tree["school_a"], username="gv.a")
    return {"class": klass, "child": child, "classmate": classmate, "teacher": teacher,
            "parent": parent, "link": link, "other_child": other_child,
            "other_parent": other_parent, "other_teacher": other_teacher,
            "other_class": school_tree["class_a"]}


@pytest.fixture
def gps_photo():
    return SimpleUploadedFile("anh.jpg", jpeg_with_gps(), content_type="image/jpeg")
