"""Accounts test data: people. factory_boy factories; builders are plain functions."""

import factory
from django.conf import settings

from lms.accounts.models import LearnerProfile, User

DEMO_PASSWORD = settings.HOCMO_DEMO_PASSWORD


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Người Dùng {n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.vn")
    password = factory.django.Password("mat-khau-thu")


class LearnerProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearnerProfile

    user = factory.SubFactory(UserFactory)
    learner_code = factory.Sequence(lambda n: f"HS{n:06d}")
    sex = "F"
    grade = 12
    expected_graduation_year = 2026
