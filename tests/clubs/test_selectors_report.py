import datetime

import pytest

from lms.clubs.models import Membership, MembershipStatus
from lms.clubs.reports import club_report
from lms.clubs.services import club_create
from lms.clubs.services.activities import activity_save
from lms.clubs.terms import Term
from tests.factories import learner_in

pytestmark = pytest.mark.django_db
HK1, HK2 = Term(2025, 1), Term(2025, 2)


@pytest.fixture
def data(members):
    w = members
    # learner_b2 leaves on 20/10: a member for HK1, not HK2.
    Membership.objects.filter(user=w["learner_b2"]).update(
        status=MembershipStatus.LEFT, left_on=datetime.date(2025, 10, 20))
    b, b2 = w["learner_b"].pk, w["learner_b2"].pk
    activity_save(actor=w["teacher_b"], club=w["club"], date=datetime.date(2025, 10, 1),
                  title="Ngày hội", present_ids=[b, b2])
    activity_save(actor=w["teacher_b"], club=w["club"], date=datetime.date(2025, 11, 1),
                  title="Tọa đàm", present_ids=[])  # b2 had left: expected is 1 (b)
    activity_save(actor=w["teacher_b"], club=w["club"], date=datetime.date(2026, 3, 1),
                  title="Tham quan", present_ids=[b])
    club_a = club_create(actor=w["teacher_a"], unit=w["school_a"], name="CLB A",
                         founded_on=datetime.date(2026, 2, 10))
    other = learner_in(w["class_a"])
    Membership.objects.create(club=club_a, user=other, status=MembershipStatus.ACTIVE,
                              joined_on=datetime.date(2026, 2, 10))
    return w


def _row(report, unit):
    return next(r for r in report.rows if r.unit.pk == unit.pk)


def test_term_counts_per_school(data):
    w = data
    hk1 = club_report(w["so"], HK1)
    b = _row(hk1, w["school_b"])
    assert (b.clubs, b.members, b.learners, b.activities) == (1, 2, 2, 2)
    assert (b.present, b.expected, b.attendance_rate) == (2, 3, 66.7)
    a = _row(hk1, w["school_a"])  # founded in HK2: no club in HK1, but the school is listed
    assert (a.clubs, a.members, a.activities) == (0, 0, 0)
    hk2 = club_report(w["so"], HK2)
    assert (_row(hk2, w["school_b"]).members, _row(hk2, w["school_b"]).activities) == (1, 1)
    assert _row(hk2, w["school_b"]).attendance_rate == 100.0
    assert hk2.total.clubs == 2 and hk2.total.learners == 2


def test_rollup_per_subtree(data):
    w = data
    report = club_report(w["so"], Term(2025, 0))
    children = {f.unit.pk: f for f in report.children}
    assert children[w["phong"].pk].clubs == 1  # school A's club rolls up to its Phòng
    assert children[w["school_b"].pk].activities == 3
    assert report.total.clubs == 2 and report.total.activities == 3
    phong = club_report(w["phong"], Term(2025, 0))
    assert [r.unit.pk for r in phong.rows] == [w["school_a"].pk]  # never another subtree's
    assert phong.total.members == 1


def test_constant_queries(data, django_assert_max_num_queries):
    with django_assert_max_num_queries(7):
        report = club_report(data["so"], HK1)
        [r.attendance_rate for r in report.rows]


def test_recent_activities_counts_are_not_multiplied_by_photos(members):
    """Attendance and photos are counted over two joins: neither may inflate the other."""
    from lms.clubs.models import ActivityPhoto
    from lms.clubs.selectors import recent_activities

    w = members
    activity = activity_save(actor=w["teacher_b"], club=w["club"], date=datetime.date(2025, 10, 1),
                             title="Ngày hội", present_ids=[w["learner_b"].pk, w["learner_b2"].pk])
    ActivityPhoto.objects.bulk_create([ActivityPhoto(activity=activity, image=f"x{n}.jpg",
                                                     width=1, height=1) for n in range(3)])
    [row] = recent_activities(w["club"])
    assert (row.pk, row.present, row.photo_count) == (activity.pk, 2, 3)
