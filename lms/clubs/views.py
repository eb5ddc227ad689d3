"""Public directory and club page, learners' join/leave and "my clubs", photo serving.
Unpublished clubs and private photos answer 404 to anyone who may not see them."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lms.common.query import param, renamed
from lms.units.access import public, signed_in
from lms.units.models import Unit

from . import selectors, services
from .forms import DirectoryForm
from .models import ActivityPhoto, Club, MembershipStatus
from .permissions import (
    can_manage_club,
    can_view_club,
    can_view_private_photos,
    club_home_units,
    is_eligible_learner,
    membership_of,
)


def _visible_club(request, slug: str) -> Club:
    club = get_object_or_404(Club.objects.select_related("unit__kind"), slug=slug)
    if not can_view_club(request.user, club):
        raise Http404
    return club


def _chosen_units(request) -> tuple[dict, dict]:
    """The province / district / school picked, dropping a pick that lies outside a broader
    one (the visitor changed the province but not the school); and the select options."""
    chosen = {}
    for key in ("province", "district", "school"):
        raw = param(request.GET, DirectoryForm.QUERY_NAMES[key])
        unit = Unit.objects.filter(pk=int(raw)).first() if raw.isdecimal() else None
        if unit is not None:
            chosen[key] = unit
    options = selectors.directory_filters(chosen)
    dropped = False
    for key, listed in (("province", "provinces"), ("district", "districts"),
                        ("school", "schools")):
        if key in chosen and chosen[key].pk not in {u.pk for u in options[listed]}:
            del chosen[key]
            dropped = True
    return chosen, (selectors.directory_filters(chosen) if dropped else options)


@public
@require_GET
def index(request):
    chosen, options = _chosen_units(request)
    data = renamed(request.GET)
    for key in ("province", "district", "school"):
        if key not in chosen:
            data.pop(DirectoryForm.QUERY_NAMES[key], None)
    form = DirectoryForm(data)
    form.set_options(options)
    cleaned = form.cleaned_data if form.is_valid() else {}
    narrowest = chosen.get("school") or chosen.get("district") or chosen.get("province")
    clubs = selectors.directory(q=cleaned.get("q", ""), unit=narrowest,
                                field=cleaned.get("field", ""))
    page = Paginator(clubs, 24).get_page(request.GET.get("trang"))
    data.pop("trang", None)
    return render(request, "clubs/index.html", {
        "form": form, "page": page, "query": data.urlencode(), "filtered": bool(
            narrowest or cleaned.get("q") or cleaned.get("field")),
        "can_create": request.user.is_authenticated
        and club_home_units(request.user).exists(),
    })


@public
@require_GET
def club_detail(request, slug: str):
    club = _visible_club(request, slug)
    context = selectors.club_page(club)
    member = membership_of(request.user, club)
    context.update({
        "club": club, "trail": selectors.unit_trail(club.unit), "membership": member,
        "can_manage": can_manage_club(request.user, club),
        "can_join": (request.user.is_authenticated and club.is_open
                     and (member is None or member.status in (MembershipStatus.LEFT,
                                                              MembershipStatus.DECLINED))
                     and is_eligible_learner(request.user, club)),
    })
    return render(request, "clubs/detail.html", context)


@signed_in
@require_POST
def join(request, slug: str):
    club = _visible_club(request, slug)
    try:
        services.membership_request(learner=request.user, club=club)
    except PermissionError as exc:
        raise Http404 from exc
    messages.success(request, _("Đã gửi yêu cầu tham gia. Giáo viên phụ trách sẽ duyệt."))
    return redirect("clubs:detail", slug=club.slug)


@signed_in
@require_POST
def leave(request, slug: str):
    club = _visible_club(request, slug)
    member = membership_of(request.user, club)
    if member is None:
        raise Http404
    services.membership_end(actor=request.user, membership=member)
    messages.success(request, _("Bạn đã rời câu lạc bộ."))
    return redirect("clubs:mine")


@signed_in
@require_GET
def mine(request):
    return render(request, "clubs/mine.html", {
        "memberships": selectors.my_memberships(request.user),
        "to_join": selectors.clubs_to_join(request.user)[:20],
        "managed": selectors.managed_clubs(request.user),
        "can_create": club_home_units(request.user).exists(),
    })


@public
@require_GET
def photo(request, photo_id: int):
    """Public photos of visible clubs to anyone; the rest to managers and members only."""
    item = get_object_or_404(ActivityPhoto.objects.select_related("activity__club__unit"),
                             pk=photo_id)
    club = item.activity.club
    if not can_view_club(request.user, club):
        raise Http404
    if not item.is_public and not can_view_private_photos(request.user, club):
        raise Http404
    response = FileResponse(item.image.open("rb"), content_type="image/jpeg")
    # Short and private even for public photos: un-publishing must take effect quickly.
    response["Cache-Control"] = "private, max-age=300"
    response["X-Content-Type-Options"] = "nosniff"
    return response
