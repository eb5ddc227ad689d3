"""The unit tree and roles in tests: units through the tree service, people placed in them."""

import factory

from lms.accounts.models import User
from lms.units.models import RoleKind, Unit, UnitKind
from lms.units.services import role_grant, unit_create
from tests.accounts.factories import LearnerProfileFactory, UserFactory


class UnitKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitKind
        django_get_or_create = ("code",)

    code = "school"
    name = factory.LazyAttribute(lambda o: o.code)


class UnitFactory(factory.django.DjangoModelFactory):
    """Creates through the tree API; pass `parent=` for a child, omit it for a root."""

    class Meta:
        model = Unit

    kind = factory.SubFactory(UnitKindFactory)
    name = factory.Sequence(lambda n: f"Đơn vị {n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        return unit_create(parent=parent, **kwargs)


def class_unit(parent: Unit, name: str = "Lớp 12A1") -> Unit:
    return UnitFactory(parent=parent, name=name,
                       kind=UnitKindFactory(code="class", is_class=True), grade=12)


def learner_in(klass: Unit, **user_fields) -> User:
    user = UserFactory(**user_fields)
    LearnerProfileFactory(user=user)
    role_grant(user=user, unit=klass, kind=RoleKind.LEARNER)
    return user


def staff_at(unit: Unit, kind: str = RoleKind.TEACHER, **user_fields) -> User:
    user = UserFactory(**user_fields)
    role_grant(user=user, unit=unit, kind=kind)
    return user
