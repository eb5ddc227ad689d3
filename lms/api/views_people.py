"""People: learners (with their profile), teachers and guardians, scoped by the one layer."""

import django_filters
from django.db.models import Prefetch
from rest_framework import viewsets

from lms.accounts.ethnicity import Ethnicity
from lms.accounts.models import GuardianContact, HouseholdStatus, Sex, User
from lms.units.capabilities import Capability
from lms.units.models import Role, RoleKind, Unit
from lms.units.permissions import units_visible_to

from .base import ApiViewMixin, IdFilter, documented
from .permissions import visible_learners
from .serializers import GuardianSerializer, LearnerSerializer, TeacherSerializer


def _unit_path(value) -> str | None:
    unit = Unit.objects.filter(pk=value).only("path").first()
    return unit.path if unit else None


class LearnerFilter(django_filters.FilterSet):
    unit = IdFilter(method="in_unit", help_text=(
        "Học trong đơn vị (lớp, trường, xã…) / learning within this unit"))
    learner_code = django_filters.CharFilter(field_name="learner_profile__learner_code")
    sex = django_filters.ChoiceFilter(field_name="learner_profile__sex", choices=Sex.choices)
    ethnicity = django_filters.ChoiceFilter(field_name="learner_profile__ethnicity",
                                            choices=Ethnicity.choices)
    household_status = django_filters.ChoiceFilter(
        field_name="learner_profile__household_status",
        choices=[c for c in HouseholdStatus.choices if c[0]])
    grade = IdFilter(field_name="learner_profile__grade", max_value=12)

    class Meta:
        model = User
        fields = ["unit", "learner_code", "sex", "ethnicity", "household_status", "grade"]

    def in_unit(self, queryset, name, value):
        path = _unit_path(value)
        if path is None:
            return queryset.none()
        ids = Role.objects.filter(kind=RoleKind.LEARNER, ended_at__isnull=True,
                                  unit_path__startswith=path).values("user_id")
        return queryset.filter(pk__in=ids)


@documented(
    "people",
    "Người học bạn được xem (bản thân, con có liên kết phụ huynh, học sinh các lớp trong phạm "
    "vi của bạn), kèm hồ sơ: mã học sinh, ngày sinh, giới tính, dân tộc, hoàn cảnh, khối.",
    "Learners you may see (yourself, linked children, learners of classes in your subtrees), "
    "with their profile: code, date of birth, sex, ethnicity, household status, grade.")
class LearnerViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = LearnerSerializer
    filterset_class = LearnerFilter
    ordering_fields = ["id", "full_name"]

    def get_queryset(self):
        active = Role.objects.filter(kind=RoleKind.LEARNER, ended_at__isnull=True)
        return (User.objects.filter(pk__in=visible_learners(self.request.user))
            .filter(learner_profile__isnull=False).select_related("learner_profile")
            .prefetch_related(Prefetch("roles", queryset=active, to_attr="active_learner_roles")))


class TeacherFilter(django_filters.FilterSet):
    unit = IdFilter(method="in_unit", help_text="Dạy trong đơn vị / teaching "
                                                                   "within this unit")

    class Meta:
        model = User
        fields = ["unit"]

    def in_unit(self, queryset, name, value):
        path = _unit_path(value)
        if path is None:
            return queryset.none()
        return queryset.filter(pk__in=Role.objects.filter(
            kind=RoleKind.TEACHER, ended_at__isnull=True, unit_path__startswith=path)
            .values("user_id"))


@documented("people", "Giáo viên trong phạm vi của bạn.", "Teachers within your scope.")
class TeacherViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = TeacherSerializer
    filterset_class = TeacherFilter
    ordering_fields = ["id", "full_name"]

    def get_queryset(self):
        roles = Role.objects.filter(kind=RoleKind.TEACHER, ended_at__isnull=True,
                                    unit__in=units_visible_to(
                                        self.request.user,
                                        Capability.VIEW_LEARNER_PERSONAL_DATA))
        return (User.objects.filter(pk__in=roles.values("user_id"))
                .prefetch_related(Prefetch("roles", queryset=roles, to_attr="teacher_roles")))


class GuardianFilter(django_filters.FilterSet):
    learner = IdFilter(field_name="profile__user_id")

    class Meta:
        model = GuardianContact
        fields = ["learner"]


@documented("people", "Liên hệ phụ huynh của người học bạn được xem.",
            "Guardian contacts of the learners you may see.")
class GuardianViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = GuardianSerializer
    filterset_class = GuardianFilter

    def get_queryset(self):
        return (GuardianContact.objects.filter(
            profile__user_id__in=visible_learners(self.request.user))
            .select_related("profile"))
