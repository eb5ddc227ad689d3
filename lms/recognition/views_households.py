"""Households of a commune/ward, kept by officers over it: create, add members, record moves."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.units.access import requires
from lms.units.capabilities import Capability

from .forms import HouseholdForm, LeaveForm, MemberForm
from .models import Household, HouseholdMember
from .permissions import can_manage_recognition
from .services import household_create, household_member_add, household_member_leave
from .views_review import managed_unit_or_404


def _household_or_404(user, household_id: int) -> Household:
    household = Household.objects.select_related("commune", "head").filter(
        pk=household_id).first()
    if household is None or not can_manage_recognition(user, household.commune):
        raise Http404
    return household


def _form_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


@requires(Capability.MANAGE_RECOGNITION)
def households(request, unit_id: int):
    unit = managed_unit_or_404(request.user, unit_id)
    is_commune = unit.kind.code == "commune"
    form = HouseholdForm(request.POST or None)
    if request.method == "POST":
        if not is_commune:
            raise Http404
        if form.is_valid():
            household = household_create(actor=request.user, commune=unit,
                                         name=form.cleaned_data["name"],
                                         head=form.cleaned_data["head_phone"])
            messages.success(request, _("Đã thêm hộ %(name)s.") % {"name": household.name})
            return redirect("recognition:household", household.pk)
    rows = (Household.objects.filter(commune__path__startswith=unit.path)
            .select_related("commune", "head").order_by("commune__name", "name")[:500])
    return render(request, "recognition/households.html", {
        "unit": unit, "households": rows, "form": form if is_commune else None,
        "year": timezone.localdate().year}, status=400 if form.errors else 200)


@requires(Capability.MANAGE_RECOGNITION)
def household(request, household_id: int):
    item = _household_or_404(request.user, household_id)
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            household_member_add(actor=request.user, household=item, user=data["user"],
                                 full_name=data["full_name"], relation=data["relation"],
                                 joined_on=data["joined_on"])
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã thêm thành viên."))
            return redirect("recognition:household", item.pk)
    members = item.members.select_related("user").order_by("left_on", "joined_on")
    return render(request, "recognition/household.html", {
        "household": item, "members": members, "form": form, "leave_form": LeaveForm(),
        "today": timezone.localdate()}, status=400 if form.errors else 200)


@requires(Capability.MANAGE_RECOGNITION)
@require_POST
def member_leave(request, member_id: int):
    member = HouseholdMember.objects.select_related("household__commune").filter(
        pk=member_id).first()
    if member is None or not can_manage_recognition(request.user, member.household.commune):
        raise Http404
    form = LeaveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy nhập ngày rời hộ."))
    else:
        try:
            household_member_leave(actor=request.user, member=member,
                                   left_on=form.cleaned_data["left_on"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Đã ghi nhận %(name)s rời hộ.")
                             % {"name": member.full_name})
    return redirect("recognition:household", member.household_id)
