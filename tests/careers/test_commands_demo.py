"""The careers demo builder is idempotent (load_demo may run again on the same database)."""

import io

import pytest

from lms.careers.demo import build_demo
from lms.careers.models import Application, Employer, JobPosting, Occupation
from lms.demo.hooks import DemoContext
from tests.factories import UnitFactory, UnitKindFactory, class_unit, learner_in

pytestmark = pytest.mark.django_db


def test_build_demo_twice_changes_nothing_the_second_time(school_tree):
    units = {"so_hp": school_tree["so"], "phong_tn": school_tree["phong"],
             "so_dn": UnitFactory(name="Sở Đồng Nai",
                                  kind=UnitKindFactory(code="province_department")),
             "HP-THPT-NQ": school_tree["school_b"]}
    learner_in(class_unit(school_tree["school_b"], "Lớp 12A9"), username="hocsinh")
    context = DemoContext(units=units, courses=[], teachers={}, learners=[], stdout=io.StringIO())
    build_demo(context)
    counts = (Occupation.objects.count(), Employer.objects.count(), JobPosting.objects.count(),
              Application.objects.count())
    assert counts == (10, 4, 6, 1)
    assert Employer.objects.filter(approved=False).count() == 1
    application = Application.objects.get(learner__username="hocsinh")
    assert application.certificates.count() == 1
    build_demo(context)
    assert (Occupation.objects.count(), Employer.objects.count(), JobPosting.objects.count(),
            Application.objects.count()) == counts
