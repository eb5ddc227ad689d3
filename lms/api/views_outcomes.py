"""Read-only endpoints over the other apps' data, through their own selectors and models:
targets and attainment (lms.reports), certificates (courses.certificates) and the caller's own
notifications (lms.notifications)."""

import django_filters
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from courses.certificates.models import Certificate
from lms.notifications.models import Notification
from lms.reports.models import Target
from lms.reports.selectors import unit_attainments
from lms.units.capabilities import Capability
from lms.units.models import path_and_ancestors
from lms.units.permissions import units_visible_to

from .base import ApiViewMixin, IdFilter, documented
from .permissions import visible_learners


class TargetSerializer(serializers.ModelSerializer):
    unit = serializers.IntegerField(source="unit_id", read_only=True)

    class Meta:
        model = Target
        fields = ["id", "code", "name", "unit", "rule", "threshold_kind", "threshold",
                  "period_label", "period_start", "period_end", "deadline", "is_active"]


class AttainmentSerializer(serializers.Serializer):
    target = serializers.IntegerField()
    unit = serializers.IntegerField()
    population = serializers.IntegerField()
    trained = serializers.IntegerField()
    percent = serializers.FloatField()
    required = serializers.IntegerField(
        allow_null=True, help_text="null: no threshold of its own (nobody in scope, or a "
                                   "sub-unit of an absolute target)")
    gap = serializers.IntegerField(allow_null=True)
    status = serializers.CharField(
        help_text="met | on_track | at_risk | behind | not_applicable | contribution")


def _targets_visible_to(user):
    """Targets set inside the caller's subtrees, or above them (they apply downwards)."""
    visible = units_visible_to(user, Capability.VIEW_REPORTS)
    above: set[str] = set()
    for path in visible.values_list("path", flat=True).order_by("depth")[:200]:
        above.update(path_and_ancestors(path))
    return Target.objects.filter(unit__in=visible) | Target.objects.filter(unit__path__in=above)


class TargetFilter(django_filters.FilterSet):
    unit = IdFilter(field_name="unit_id")
    is_active = django_filters.BooleanFilter()

    class Meta:
        model = Target
        fields = ["unit", "is_active"]


@documented("outcomes",
            "Chỉ tiêu đào tạo áp dụng trong phạm vi của bạn (đặt tại đơn vị của bạn hoặc cấp "
            "trên).", "Training targets that apply within your scope (set at your units or "
            "above).")
class TargetViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = TargetSerializer
    filterset_class = TargetFilter
    ordering_fields = ["id", "code", "period_end"]

    def get_queryset(self):
        return _targets_visible_to(self.request.user).distinct()

    @extend_schema(
        tags=["outcomes"], responses=AttainmentSerializer, filters=False,
        parameters=[OpenApiParameter("unit", int, required=True, description=(
            "Đơn vị (trong phạm vi của bạn, dưới đơn vị của chỉ tiêu). / Unit (in your scope, "
            "below the target's unit)."))],
        description="Kết quả đạt chỉ tiêu của một đơn vị, từ bộ đếm tổng hợp sẵn. / A unit's "
                    "attainment, from the pre-aggregated counters.")
    @action(detail=True, pagination_class=None, filter_backends=[])
    def attainment(self, request, pk=None):
        target = self.get_object()
        try:
            unit_id = int(request.query_params.get("unit", ""))
        except ValueError:
            raise serializers.ValidationError(
                {"unit": ["Cần mã đơn vị (số). / A unit id is required."]}) from None
        unit = units_visible_to(request.user, Capability.VIEW_REPORTS).filter(
            pk=unit_id).first() \
            if 0 < unit_id < 2**63 else None
        if unit is None or not unit.path.startswith(target.unit.path):
            raise NotFound("Không có đơn vị này trong phạm vi. / No such unit in scope.")
        figure = unit_attainments(unit, [target])[0]
        return Response(AttainmentSerializer({
            "target": target.pk, "unit": unit.pk, "population": figure.population,
            "trained": figure.trained, "percent": figure.percent, "required": figure.required,
            "gap": figure.gap, "status": figure.status}).data)


class CertificateSerializer(serializers.ModelSerializer):
    learner = serializers.IntegerField(source="user_id", read_only=True)
    course = serializers.IntegerField(source="course_id", read_only=True, allow_null=True)
    issuing_unit = serializers.IntegerField(source="issuing_unit_id", read_only=True,
                                            allow_null=True)
    verify_path = serializers.CharField(read_only=True)

    class Meta:
        model = Certificate
        fields = ["id", "learner", "course", "award_key", "citation", "code", "issued_at",
                  "learner_name", "course_title", "hours", "issuing_unit", "issuing_unit_name",
                  "revoked_at", "verify_path"]


class CertificateFilter(django_filters.FilterSet):
    learner = IdFilter(field_name="user_id")
    course = IdFilter(field_name="course_id")
    valid = django_filters.BooleanFilter(field_name="revoked_at", lookup_expr="isnull")

    class Meta:
        model = Certificate
        fields = ["learner", "course", "valid"]


@documented("outcomes", "Chứng chỉ của người học bạn được xem.",
            "Certificates of the learners you may see.")
class CertificateViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = CertificateSerializer
    filterset_class = CertificateFilter
    ordering_fields = ["id", "issued_at"]

    def get_queryset(self):
        return Certificate.objects.filter(user_id__in=visible_learners(self.request.user))


class NotificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Notification
        fields = ["id", "event", "title", "body", "url", "created_at", "read_at"]


class NotificationFilter(django_filters.FilterSet):
    unread = django_filters.BooleanFilter(field_name="read_at", lookup_expr="isnull")

    class Meta:
        model = Notification
        fields = ["unread"]


@documented("outcomes", "Thông báo của chính bạn.", "Your own notifications.")
class NotificationViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = NotificationSerializer
    filterset_class = NotificationFilter
    ordering_fields = ["id", "created_at"]

    def get_queryset(self):
        if not self.request.user.is_authenticated:
            return Notification.objects.none()
        return Notification.objects.filter(user=self.request.user)
