"""Units (the tree), classes and class memberships."""

import django_filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from lms.units.capabilities import Capability
from lms.units.models import Role, RoleKind, Unit
from lms.units.permissions import can_manage_unit, units_visible_to
from lms.units.services import role_end, role_grant, role_reopen

from .base import ApiViewMixin, IdFilter, documented, parent_id_of
from .permissions import can_manage_learner
from .serializers import MembershipSerializer, UnitSerializer, UnitTreeSerializer

MAX_TREE_DEPTH = 4
MAX_TREE_NODES = 5000


class UnitFilter(django_filters.FilterSet):
    kind = django_filters.CharFilter(field_name="kind__code", help_text="Mã cấp / level code")
    is_school = django_filters.BooleanFilter(field_name="kind__is_school")
    is_class = django_filters.BooleanFilter(field_name="kind__is_class")
    depth = IdFilter(min_value=0, max_value=64)
    code = django_filters.CharFilter()
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains",
                                  help_text="Tên chứa / name contains")
    is_active = django_filters.BooleanFilter()

    class Meta:
        model = Unit
        fields = ["kind", "is_school", "is_class", "depth", "code", "q", "is_active"]


def visible_units(request):
    return (units_visible_to(request.user, Capability.VIEW_REPORTS).select_related("kind")
            .annotate(parent_id=parent_id_of(Unit, Unit.steplen)))


@documented(
    "units",
    "Đơn vị trong cây mà bạn (hoặc ứng dụng tích hợp) có vai trò: Bộ, Sở, Phòng, xã, trường, "
    "lớp. Một vai trò áp dụng cho cả cây con bên dưới.",
    "Units in the subtrees where you (or the integration) hold a role: ministry, province, "
    "district, commune, school, class. A role covers the whole subtree below its unit.")
class UnitViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = UnitSerializer
    filterset_class = UnitFilter
    ordering_fields = ["id", "name", "path", "depth"]

    def get_queryset(self):
        return visible_units(self.request)

    def _unit(self) -> Unit:
        # The list filters (?kind=, ?is_class=) apply to the nodes below, not to this unit.
        unit = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        self.check_object_permissions(self.request, unit)
        return unit

    @extend_schema(tags=["units"], description="Các đơn vị con trực tiếp. / Direct children.")
    @action(detail=True)
    def children(self, request, pk=None):
        unit = self._unit()
        queryset = self.filter_queryset(visible_units(request).filter(
            path__startswith=unit.path, depth=unit.depth + 1))
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(tags=["units"], description="Đơn vị này và mọi đơn vị bên dưới (danh sách "
                   "phẳng, phân trang). / This unit and everything below it (flat, paginated).")
    @action(detail=True)
    def subtree(self, request, pk=None):
        unit = self._unit()
        queryset = self.filter_queryset(visible_units(request).filter(path__startswith=unit.path))
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(
        tags=["units"], responses=UnitTreeSerializer, filters=False,
        parameters=[OpenApiParameter("depth", OpenApiTypes.INT, description=(
            "Số cấp bên dưới (1–4, mặc định 2). / Levels below (1–4, default 2)."))],
        description="Cây lồng nhau bắt đầu từ đơn vị này. / Nested tree rooted at this unit.")
    @action(detail=True, pagination_class=None, filter_backends=[])
    def tree(self, request, pk=None):
        unit = self._unit()
        try:
            depth = max(1, min(int(request.query_params.get("depth", 2)), MAX_TREE_DEPTH))
        except ValueError:
            raise ValidationError(
                {"depth": ["Phải là số nguyên 1–4. / Must be an integer 1–4."]}) from None
        nodes = list(visible_units(request).filter(
            path__startswith=unit.path, depth__gt=unit.depth, depth__lte=unit.depth + depth)
            .order_by("path")[:MAX_TREE_NODES])
        children: dict[str, list] = {}
        for node in nodes:
            children.setdefault(node.path[:-Unit.steplen], []).append(node)
        context = {**self.get_serializer_context(), "children": children}
        return Response(UnitTreeSerializer(unit, context=context).data)


class ClassFilter(UnitFilter):
    school = IdFilter(method="in_unit", help_text="Trong đơn vị / within unit")

    class Meta(UnitFilter.Meta):
        fields = [*UnitFilter.Meta.fields, "school"]

    def in_unit(self, queryset, name, value):
        unit = Unit.objects.filter(pk=value).only("path").first()
        return queryset.filter(path__startswith=unit.path) if unit else queryset.none()


@documented("classes", "Các lớp học trong phạm vi của bạn.", "Classes within your scope.")
class ClassViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = UnitSerializer
    filterset_class = ClassFilter
    ordering_fields = ["id", "name", "grade"]

    def get_queryset(self):
        return visible_units(self.request).filter(kind__is_class=True)


class MembershipFilter(django_filters.FilterSet):
    learner = IdFilter(field_name="user_id")
    class_unit = IdFilter(field_name="unit_id")
    active = django_filters.BooleanFilter(field_name="ended_at", lookup_expr="isnull")

    class Meta:
        model = Role
        fields = ["learner", "class_unit", "active"]


@documented(
    "classes",
    "Thành viên lớp (vai trò người học tại một lớp). Thêm là idempotent; xóa chỉ kết thúc tư "
    "cách thành viên (ended_at), không xóa dữ liệu.",
    "Class memberships (a learner role at a class). Adding is idempotent; deleting only ends "
    "the membership (ended_at), no data is removed.",
    create=extend_schema(tags=["classes"], responses={201: MembershipSerializer,
                                                       200: MembershipSerializer},
                         description="Thêm người học vào lớp. / Add a learner to a class."),
    destroy=extend_schema(tags=["classes"], responses={204: OpenApiResponse(description="OK")},
                          description="Kết thúc tư cách thành viên. / End the membership."))
class MembershipViewSet(ApiViewMixin, mixins.CreateModelMixin, mixins.DestroyModelMixin,
                        viewsets.ReadOnlyModelViewSet):
    serializer_class = MembershipSerializer
    filterset_class = MembershipFilter
    ordering_fields = ["id", "created_at"]

    def get_queryset(self):
        classes = units_visible_to(self.request.user, Capability.MANAGE_ROSTER).filter(
            kind__is_class=True)
        return Role.objects.filter(kind=RoleKind.LEARNER, unit__in=classes)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        learner, unit = serializer.validated_data["user"], serializer.validated_data["unit"]
        errors = {}
        if not unit.kind.is_class or not can_manage_unit(request.user, unit,
                                                         Capability.MANAGE_ROSTER):
            errors["class_unit"] = ["Không có lớp này trong phạm vi của bạn. / No such class "
                                    "in your scope."]
        if not hasattr(learner, "learner_profile") or not can_manage_learner(
                request.user, learner, Capability.MANAGE_ROSTER):
            errors["learner"] = ["Không có người học này trong phạm vi của bạn. / No such "
                                 "learner in your scope."]
        if errors:
            raise serializers.ValidationError(errors)
        existed = Role.objects.filter(user=learner, unit=unit, kind=RoleKind.LEARNER,
                                      ended_at__isnull=True).exists()
        role = role_reopen(role=role_grant(user=learner, unit=unit, kind=RoleKind.LEARNER))
        return Response(self.get_serializer(role).data,
                        status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED)

    def perform_destroy(self, instance):
        if not can_manage_unit(self.request.user, instance.unit, Capability.MANAGE_ROSTER):
            raise ValidationError({"class_unit": ["Không có quyền. / Not allowed."]})
        role_end(role=instance)
