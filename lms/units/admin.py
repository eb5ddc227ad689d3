"""Django admin for the unit tree. Every tree change made here (the change form's position
fields and the change list's drag-and-drop `move/` view) goes through lms.units.services, like
every other path: roles and report counters are right when the request returns."""

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from treebeard.admin import TreeAdmin
from treebeard.forms import MoveNodeForm, movenodeform_factory

from . import services
from .models import Role, Unit, UnitChange, UnitKind

TREE_FIELDS = ("kind", "name", "code", "admin_code", "school_level", "is_active",
               "school_year", "grade")


class UnitMoveForm(MoveNodeForm):
    """treebeard's form, but the position only chooses the new parent ("first child of X":
    X; "before/after Y": Y's parent) and the move is the service's: the unit is appended to the
    parent's children (lists sort by name, so no sibling's path ever shifts)."""

    actor = None  # set by UnitAdmin before saving

    def _new_parent(self) -> Unit | None:
        ref = self.cleaned_data.get("treebeard_ref_node")
        if ref is None:
            return None
        return ref if self.cleaned_data.get("treebeard_position") == "first-child" \
            else ref.get_parent()

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        parent = self._new_parent()
        if self.instance.pk is None:
            if parent is not None and parent.kind.is_class:
                raise forms.ValidationError(_("Không thể đặt một đơn vị bên dưới một lớp học."))
            return cleaned
        current = Unit.objects.get(pk=self.instance.pk)
        if parent is None and current.is_root():
            return cleaned  # a root stays a root
        if parent is not None and current.path[:-Unit.steplen] == parent.path:
            return cleaned
        try:
            services.unit_move_check(unit=current, new_parent=parent)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return cleaned

    def save(self, commit=True):
        parent = self._new_parent()
        for name in ("treebeard_ref_node", "treebeard_position"):
            self.cleaned_data.pop(name, None)
        unit: Unit = self.instance  # type: ignore[has-type]
        fields = {f: getattr(unit, f) for f in TREE_FIELDS}
        self.save_m2m = lambda: None  # no many-to-many fields on the form
        if unit.pk is None:
            unit = services.unit_create(parent=parent, **fields)
        else:
            with transaction.atomic():
                current = Unit.objects.get(pk=unit.pk)
                services.unit_update(unit=current, **fields)
                if parent is not None and current.path[:-Unit.steplen] != parent.path:
                    services.unit_move(unit=current, new_parent=parent, actor=self.actor)
            unit.refresh_from_db()
        self.instance = unit
        return unit


@admin.register(UnitKind)
class UnitKindAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "is_school", "is_class", "sort_order")


@admin.register(Unit)
class UnitAdmin(TreeAdmin):
    form = movenodeform_factory(Unit, form=UnitMoveForm, fields=TREE_FIELDS)
    list_display = ("name", "kind", "code", "school_level", "is_active")
    list_filter = ("kind", "school_level", "is_active")
    search_fields = ("name", "code")

    def has_delete_permission(self, request, obj=None):
        # Units are never deleted (reports and roles hang on them): merge them instead.
        return False

    def get_node(self, node_id):
        if not str(node_id).isdigit():
            raise Http404
        return get_object_or_404(Unit, pk=node_id)

    def save_form(self, request, form, change):
        form.actor = request.user
        return form.save(commit=False)

    def save_model(self, request, obj, form, change):
        pass  # UnitMoveForm.save already wrote it through the service

    def try_to_move_node(self, as_child, node, pos, request, target):
        """Drag and drop: dropped onto X means "under X", beside Y means "under Y's parent"."""
        parent = target if as_child else target.get_parent()
        if parent is not None and node.path[:-Unit.steplen] == parent.path:
            messages.info(request, _("Đơn vị đã ở đúng chỗ; thứ tự trong danh sách theo tên."))
            return HttpResponse("OK")
        try:
            services.unit_move(unit=node, new_parent=parent, actor=request.user)
        except ValueError as exc:
            messages.error(request, str(exc))
            return HttpResponseBadRequest(str(exc))
        messages.info(request, _("Đã chuyển “%(unit)s” vào “%(parent)s”.")
                      % {"unit": node.name, "parent": parent.name})
        return HttpResponse("OK")


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "unit", "created_at", "ended_at")
    list_filter = ("kind",)
    search_fields = ("user__username", "user__full_name", "unit__name")
    raw_id_fields = ("user", "unit")


@admin.register(UnitChange)
class UnitChangeAdmin(admin.ModelAdmin):
    """The reorganisation audit: read only (entries are written by the service)."""

    list_display = ("created_at", "action", "unit_name", "from_parent_name", "destination_name",
                    "actor", "units_moved", "learners_moved")
    list_filter = ("action",)
    search_fields = ("unit_name", "destination_name", "old_path")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
