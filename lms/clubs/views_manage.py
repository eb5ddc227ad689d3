"""Advisers' pages: create and edit a club, members, activities with attendance and photos.
Every view checks can_manage_club (or can_create_club_at); anything else is a 404."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.units.access import requires
from lms.units.capabilities import Capability
from lms.units.models import RoleKind, Unit

from . import selectors, services
from .forms import ActivityForm, ClubForm, MembersAddForm, PhotoForm
from .models import Activity, ActivityPhoto, Club, Membership, MembershipStatus
from .permissions import can_manage_club, club_home_units, eligible_advisers, eligible_learners
from .services import activities


def _managed_club(request, slug: str) -> Club:
    club = get_object_or_404(Club.objects.select_related("unit__kind"), slug=slug)
    if not can_manage_club(request.user, club):
        raise Http404
    return club


def _errors_to_form(form, exc: ValidationError) -> None:
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@requires(Capability.ADVISE_CLUBS)
def club_create(request):
    units = club_home_units(request.user)
    if not units.exists():
        raise Http404
    form = ClubForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            club = services.club_create(actor=request.user, **data)
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("Đã lập câu lạc bộ."))
            return redirect("clubs:members", slug=club.slug)
    return render(request, "clubs/club_form.html", {"form": form},
                  status=400 if form.errors else 200)


@requires(Capability.ADVISE_CLUBS)
def club_edit(request, slug: str):
    club = _managed_club(request, slug)
    form = ClubForm(request.POST or None, instance=club,
                    advisers=eligible_advisers(club.unit),
                    initial={"advisers": list(club.advisers.all())})
    if request.method == "POST" and form.is_valid():
        try:
            services.club_update(actor=request.user, club=club, **form.cleaned_data)
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("Đã lưu thông tin câu lạc bộ."))
            return redirect("clubs:detail", slug=club.slug)
    club.refresh_from_db()  # the form may have set unsaved values on the instance
    return render(request, "clubs/club_form.html", {"form": form, "club": club},
                  status=400 if form.errors else 200)


def _classes(club: Club):
    return (Unit.objects.filter(path__startswith=club.unit.path, kind__is_class=True)
            .active().order_by("name"))


@requires(Capability.ADVISE_CLUBS)
def members(request, slug: str):
    club = _managed_club(request, slug)
    classes = list(_classes(club))
    klass = next((c for c in classes if str(c.pk) == request.GET.get("lop", "")), None)
    candidates = eligible_learners(club).exclude(
        club_memberships__club=club, club_memberships__status=MembershipStatus.ACTIVE)
    if klass is not None:
        candidates = candidates.filter(roles__kind=RoleKind.LEARNER,
                                       roles__unit_path__startswith=klass.path)
    form = MembersAddForm(request.POST or None,
                          queryset=candidates.order_by("name_key", "username"))
    if request.method == "POST" and form.is_valid():
        try:
            added = services.members_add(actor=request.user, club=club,
                                         learners=form.cleaned_data["learners"])
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("Đã thêm %(n)s thành viên.") % {"n": added})
            return redirect(f"{request.path}?lop={klass.pk}" if klass else request.path)
    rows = (club.memberships.select_related("user").order_by("user__name_key", "user_id")
            .exclude(status__in=[MembershipStatus.DECLINED]))
    return render(request, "clubs/members.html", {
        "club": club, "classes": classes, "klass": klass, "form": form if klass else None,
        "active": [m for m in rows if m.status == MembershipStatus.ACTIVE],
        "pending": [m for m in rows if m.status == MembershipStatus.PENDING],
    }, status=400 if form.errors else 200)


def _membership(club: Club, membership_id: int) -> Membership:
    return get_object_or_404(Membership.objects.select_related("club", "user"),
                             pk=membership_id, club=club)


@requires(Capability.ADVISE_CLUBS)
@require_POST
def member_decide(request, slug: str, membership_id: int):
    club = _managed_club(request, slug)
    row = _membership(club, membership_id)
    accept = request.POST.get("decision") == "accept"
    services.membership_decide(actor=request.user, membership=row, accept=accept)
    messages.success(request, _("Đã nhận %(name)s vào câu lạc bộ.") % {
        "name": row.user.get_full_name()} if accept else _("Đã từ chối yêu cầu."))
    return redirect("clubs:members", slug=club.slug)


@requires(Capability.ADVISE_CLUBS)
@require_POST
def member_remove(request, slug: str, membership_id: int):
    club = _managed_club(request, slug)
    row = _membership(club, membership_id)
    services.membership_end(actor=request.user, membership=row)
    messages.success(request, _("Đã cho %(name)s rời câu lạc bộ.") % {
        "name": row.user.get_full_name()})
    return redirect("clubs:members", slug=club.slug)


@requires(Capability.ADVISE_CLUBS)
def activity_list(request, slug: str):
    club = _managed_club(request, slug)
    return render(request, "clubs/activities.html", {
        "club": club, "activities": selectors.recent_activities(club)})


@requires(Capability.ADVISE_CLUBS)
def activity_form(request, slug: str, activity_id: int | None = None):
    club = _managed_club(request, slug)
    activity = (get_object_or_404(Activity, pk=activity_id, club=club)
                if activity_id else None)
    post = request.POST if request.method == "POST" else None
    day = _posted_date(post) or (activity.date if activity else timezone.localdate())
    candidates = activities.attendance_candidates(club, day, activity)
    initial = {}
    if activity is not None:
        initial = {"date": activity.date, "title": activity.title,
                   "location": activity.location, "description": activity.description,
                   "present": list(activity.attendance.values_list("user_id", flat=True))}
    form = ActivityForm(post, request.FILES or None, members=candidates, initial=initial)
    if post is not None and form.is_valid():
        data = form.cleaned_data
        try:
            saved = activities.activity_save(
                actor=request.user, club=club, activity=activity, date=data["date"],
                title=data["title"], description=data["description"],
                location=data["location"], present_ids=[u.pk for u in data["present"]],
                photos=data["photos"], alt=data["alt"], photos_public=data["photos_public"])
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("Đã lưu hoạt động và điểm danh."))
            return redirect("clubs:activity_edit", slug=club.slug, activity_id=saved.pk)
    return render(request, "clubs/activity_form.html", {
        "club": club, "activity": activity, "form": form,
        "photos": list(activity.photos.all()) if activity else [],
    }, status=400 if form.errors else 200)


def _posted_date(post):
    """The date being saved decides who was a member that day (the attendance choices)."""
    if not post:
        return None
    try:
        return forms.DateField().clean(post.get("date"))
    except ValidationError:
        return None


@requires(Capability.ADVISE_CLUBS)
@require_POST
def activity_delete(request, slug: str, activity_id: int):
    club = _managed_club(request, slug)
    activity = get_object_or_404(Activity, pk=activity_id, club=club)
    activities.activity_delete(actor=request.user, activity=activity)
    messages.success(request, _("Đã xóa hoạt động."))
    return redirect("clubs:activities", slug=club.slug)


def _photo(club: Club, photo_id: int) -> ActivityPhoto:
    return get_object_or_404(ActivityPhoto.objects.select_related("activity__club"),
                             pk=photo_id, activity__club=club)


@requires(Capability.ADVISE_CLUBS)
@require_POST
def photo_update(request, slug: str, photo_id: int):
    club = _managed_club(request, slug)
    item = _photo(club, photo_id)
    form = PhotoForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(form.errors.as_text())
    activities.photo_update(actor=request.user, photo=item, **form.cleaned_data)
    messages.success(request, _("Đã công khai ảnh.") if item.is_public
                     else _("Ảnh chỉ hiện với giáo viên phụ trách và thành viên."))
    return redirect("clubs:activity_edit", slug=club.slug, activity_id=item.activity_id)


@requires(Capability.ADVISE_CLUBS)
@require_POST
def photo_delete(request, slug: str, photo_id: int):
    club = _managed_club(request, slug)
    item = _photo(club, photo_id)
    activity_id = item.activity_id
    activities.photo_delete(actor=request.user, photo=item)
    messages.success(request, _("Đã xóa ảnh."))
    return redirect("clubs:activity_edit", slug=club.slug, activity_id=activity_id)
