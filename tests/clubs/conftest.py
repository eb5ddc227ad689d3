import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lms.units.models import RoleKind
from tests.factories import learner_in, staff_at
from tests.families.factories import jpeg_with_gps

DAY = datetime.date(2025, 10, 15)  # inside HK1 2025–2026


@pytest.fixture
def world(school_tree, settings, tmp_path):
    """A club at school B (under the Sở directly) advised by teacher_b, and people who must not
    touch it: school A's teacher (under the Phòng), the Phòng's officer, a B teacher who is not
    an adviser, and learners."""
    from lms.clubs.services import club_create

    settings.HOCMO_CLUBS_PHOTO_ROOT = str(tmp_path / "clubs")
    t = dict(school_tree)
    t["teacher_b"] = staff_at(t["school_b"], username="gv.b", full_name="Hoàng Văn Nam")
    t["teacher_b2"] = staff_at(t["school_b"], username="gv.b2")
    t["admin_b"] = staff_at(t["school_b"], RoleKind.SCHOOL_ADMIN, username="ht.b")
    t["teacher_a"] = staff_at(t["school_a"], username="gv.a")
    t["officer_so"] = staff_at(t["so"], RoleKind.OFFICER, username="cb.so")
    t["officer_phong"] = staff_at(t["phong"], RoleKind.OFFICER, username="cb.phong")
    t["learner_b"] = learner_in(t["class_b"], username="hs.b", full_name="Trần Thị Bí Mật")
    t["learner_b2"] = learner_in(t["class_b"], username="hs.b2", full_name="Lê Văn Riêng Tư")
    t["learner_a"] = learner_in(t["class_a"], username="hs.a")
    t["club"] = club_create(actor=t["teacher_b"], unit=t["school_b"],
                            name="CLB Khởi nghiệp Ngô Quyền", description="Ý tưởng trẻ",
                            founded_on=datetime.date(2025, 9, 5))
    return t


@pytest.fixture
def members(world):
    """learner_b and learner_b2 are members since 10/09/2025."""
    from lms.clubs.models import Membership, MembershipStatus

    for learner in (world["learner_b"], world["learner_b2"]):
        Membership.objects.create(club=world["club"], user=learner,
                                  status=MembershipStatus.ACTIVE,
                                  joined_on=datetime.date(2025, 9, 10))
    return world


@pytest.fixture
def photo_upload():
    return lambda: SimpleUploadedFile("anh.jpg", jpeg_with_gps(), content_type="image/jpeg")
