import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from lms.clubs.models import Activity, ActivityPhoto, Attendance
from lms.clubs.services.activities import activity_save, attendance_set

from .conftest import DAY

pytestmark = pytest.mark.django_db


def _save(w, **kw):
    kw.setdefault("date", DAY)
    kw.setdefault("title", "Ngày hội khởi nghiệp")
    return activity_save(actor=kw.pop("actor", w["teacher_b"]), club=w["club"], **kw)


def test_attendance_save_is_idempotent(members):
    w = members
    activity = _save(w, present_ids=[w["learner_b"].pk])
    for _ in range(2):
        attendance_set(actor=w["teacher_b"], activity=activity,
                       present_ids=[w["learner_b"].pk, w["learner_b2"].pk])
    assert Attendance.objects.filter(activity=activity).count() == 2
    attendance_set(actor=w["teacher_b"], activity=activity, present_ids=[w["learner_b2"].pk])
    assert list(activity.attendance.values_list("user_id", flat=True)) == [w["learner_b2"].pk]


def test_only_members_on_that_day_can_be_marked(members):
    w = members
    with pytest.raises(ValidationError):
        _save(w, present_ids=[w["learner_a"].pk])
    with pytest.raises(ValidationError):  # before they joined (10/09)
        _save(w, date=datetime.date(2025, 9, 6), present_ids=[w["learner_b"].pk])
    assert not Activity.objects.exists()  # nothing half-saved


def test_learner_and_other_teacher_cannot_record(members):
    for who in ("learner_b", "teacher_a", "teacher_b2"):
        with pytest.raises(PermissionError):
            _save(members, actor=members[who])
    assert not Activity.objects.exists()


def test_future_or_prefounding_dates_refused(members):
    with pytest.raises(ValidationError):
        _save(members, date=datetime.date.today() + datetime.timedelta(days=2))
    with pytest.raises(ValidationError):
        _save(members, date=datetime.date(2025, 9, 1))


def test_photos_resized_exif_stripped_private_by_default(members, photo_upload):
    activity = _save(members, photos=[photo_upload()], alt="Gian hàng")
    photo = activity.photos.get()
    assert photo.is_public is False
    with photo.image.open("rb") as handle:
        image = Image.open(io.BytesIO(handle.read()))
        assert max(image.size) == 1280 and image.format == "JPEG"
        assert not image.getexif() and "exif" not in image.info


def test_bad_photo_saves_nothing(members, photo_upload):
    bad = SimpleUploadedFile("x.jpg", b"not an image", content_type="image/jpeg")
    with pytest.raises(ValidationError):
        _save(members, photos=[photo_upload(), bad])
    assert not Activity.objects.exists() and not ActivityPhoto.objects.exists()
