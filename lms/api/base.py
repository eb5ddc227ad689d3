"""What every /api/v1/ view shares: authentication (session or integration token), the one
permission layer, per-client throttling, filtering, ordering, cursor pagination and `?fields=`."""

import django_filters
from django import forms
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Substr
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.authentication import SessionAuthentication
from rest_framework.filters import OrderingFilter

from .authentication import ApiClientAuthentication
from .pagination import ApiCursorPagination
from .permissions import ApiAccess
from .throttling import ApiAnonThrottle, ApiUserThrottle

FIELDS_PARAM = OpenApiParameter(
    "fields", OpenApiTypes.STR, OpenApiParameter.QUERY, required=False,
    description="Chỉ trả về các trường này, cách nhau bởi dấu phẩy (ví dụ `id,full_name`). / "
                "Return only these comma-separated fields (e.g. `id,full_name`).")


def documented(tag: str, vi: str, en: str, **more):
    """Bilingual descriptions and the `fields` parameter on list and retrieve."""
    text = f"{vi}\n\n{en}"
    views = {
        "list": extend_schema(tags=[tag], description=text, parameters=[FIELDS_PARAM]),
        "retrieve": extend_schema(tags=[tag], description=text, parameters=[FIELDS_PARAM]),
    }
    views.update(more)
    return extend_schema_view(**views)


def parent_id_of(model, steplen: int = 4):
    """Annotation: the id of a materialised-path node's parent (treebeard/Wagtail paths)."""
    return Subquery(model.objects.filter(
        path=Substr(OuterRef("path"), 1, (OuterRef("depth") - 1) * steplen)).values("pk")[:1])


class ApiViewMixin:
    # Token first: an unauthenticated request then gets 401 with a Bearer challenge.
    authentication_classes = [ApiClientAuthentication, SessionAuthentication]
    permission_classes = [ApiAccess]
    throttle_classes = [ApiUserThrottle, ApiAnonThrottle]
    filter_backends = [DjangoFilterBackend, OrderingFilter]
    pagination_class = ApiCursorPagination
    ordering = ["pk"]
    ordering_fields = ["id"]

    def get_serializer(self, *args, **kwargs):
        serializer = super().get_serializer(*args, **kwargs)  # type: ignore[misc]  # a mixin
        request = getattr(self, "request", None)
        fields = request.query_params.get("fields") if request is not None and \
            request.method == "GET" else None
        if fields:
            wanted = {name.strip() for name in fields.split(",") if name.strip()}
            target = getattr(serializer, "child", serializer)
            if wanted & set(target.fields):  # unknown names alone leave the full shape
                for name in list(target.fields):
                    if name not in wanted:
                        target.fields.pop(name)
        return serializer


class IdFilter(django_filters.NumberFilter):
    """An id: a whole number in the database's range (a huge or fractional value is a 400)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 2**63 - 1)
        super().__init__(*args, **kwargs)
