
import pytest

from lms.units.models import RoleKind
from tests.factories import UnitFactory, UnitKindFactory, learner_in, staff_at

from .factories import make_employer, make_posting


@pytest.fixture
def world(school_tree):
    """school_tree plus: learners in both classes, a teacher and a head at school A, officers at
    the Phòng and the Sở, an officer of another province, two approved employers (A under the
    Sở, B under the other province) and one waiting for approval."""
    other_so = UnitFactory(name="Sở GD&ĐT Đồng Nai",
                           kind=UnitKindFactory(code="province_department"))
    w = dict(school_tree)
    w["other_so"] = other_so
    w["learner"] = learner_in(school_tree["class_a"], username="hs.a", full_name="Lê Văn A")
    w["classmate"] = learner_in(school_tree["class_a"], username="hs.a2")
    w["learner_b"] = learner_in(school_tree["class_b"], username="hs.b")
    w["teacher"] = staff_at(school_tree["school_a"], username="gv.a", is_staff=True)
    w["head_b"] = staff_at(school_tree["school_b"], RoleKind.SCHOOL_ADMIN, username="ht.b",
                           is_staff=True)
    w["officer_phong"] = staff_at(school_tree["phong"], RoleKind.OFFICER, username="cb.phong",
                                  is_staff=True)
    w["officer_so"] = staff_at(school_tree["so"], RoleKind.OFFICER, username="cb.so",
                               is_staff=True)
    w["officer_other"] = staff_at(other_so, RoleKind.OFFICER, username="cb.dn", is_staff=True)
    w["employer_a"], w["employer_a_user"] = make_employer(school_tree["so"], name="Công ty A",
                                                          tax="0100000001")
    w["employer_b"], w["employer_b_user"] = make_employer(other_so, name="Công ty B",
                                                          tax="3600000002")
    w["pending"], w["pending_user"] = make_employer(school_tree["phong"], name="Xưởng chờ duyệt",
                                                    tax="0100000003", approved=False)
    w["posting_a"] = make_posting(w["employer_a"], title="Thợ điện học việc")
    w["posting_b"] = make_posting(w["employer_b"], title="Nhân viên kho")
    return w


def login(client, user):
    client.force_login(user)
    return client
