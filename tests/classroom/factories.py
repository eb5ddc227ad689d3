"""Classroom test data: a class with a teacher, learners and a parent, assignments made through
the services, and upload builders (a real JPEG, a text file posing as one)."""

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from lms.classroom.models import Assignment
from tests.accounts.factories import UserFactory


def jpeg_upload(name: str = "bai-lam.jpg", size=(40, 30)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def fake_jpeg_upload() -> SimpleUploadedFile:
    return SimpleUploadedFile("anh.jpg", b"#!/bin/sh\necho not a photo\n",
                              content_type="image/jpeg")


def make_assignment(unit, teacher, *, title="Bài tập 1", due_in=dt.timedelta(days=2),
                    learners=None, **fields) -> Assignment:
    from lms.classroom.services import assignment_create

    return assignment_create(actor=teacher, unit=unit, title=title,
                             instructions=fields.pop("instructions", "Làm bài 1, 2 trang 15."),
                             due_at=timezone.now() + due_in, learners=learners, **fields)


def parent_of(learner):
    from lms.accounts.models import GuardianLink

    parent = UserFactory()
    GuardianLink.objects.create(guardian=parent, learner=learner)
    return parent
