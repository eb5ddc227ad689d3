"""Parent pages, the teacher's families page and class news. Every child's data goes through
can_see_child_page (can_view_learner); forbidden objects answer 404."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.accounts.models import GuardianLink, User
from lms.http import client_address, safe_next_url
from lms.notifications.selectors import unread_count
from lms.units.access import public, requires, signed_in
from lms.units.capabilities import Capability
from lms.units.models import Unit
from lms.units.permissions import can_manage_unit

from . import selectors, services
from .forms import LinkCodeForm, NewsPostForm, ParentRegisterForm
from .models import NewsPhoto, NewsPost
from .permissions import can_manage_learner_class, can_see_child_page, can_view_class_news


def _child_or_404(request, learner_id: int) -> User:
    child = User.objects.filter(pk=learner_id).first()
    if child is None or not can_see_child_page(request.user, child):
        raise Http404
    return child


@signed_in
def home(request):
    links = selectors.children_of(request.user)
    overviews = [selectors.child_overview(link.learner) for link in links]
    unit_ids = {unit.pk for o in overviews for unit in o["classes"]}
    return render(request, "families/home.html", {
        "overviews": overviews, "news": selectors.news_for_units(unit_ids, limit=10),
        "form": LinkCodeForm(), "unread": unread_count(request.user),
        "managed_classes": selectors.managed_classes(request.user),
        "admin_schools": selectors.administers_a_school(request.user),
    })


@signed_in
def child_detail(request, learner_id: int):
    child = _child_or_404(request, learner_id)
    overview = selectors.child_overview(child)
    return render(request, "families/child.html", {
        "o": overview,
        "news": selectors.news_for_units([u.pk for u in overview["classes"]], limit=10),
    })


@signed_in
def child_api(request, learner_id: int):
    """JSON for apps: the same scoping as the page."""
    child = _child_or_404(request, learner_id)
    o = selectors.child_overview(child)
    return JsonResponse({
        "id": child.pk, "name": child.get_full_name(), "week_minutes": o["week_minutes"],
        "week_lessons": o["week_lessons"],
        "courses": [{"id": c["course"].pk, "title": c["course"].title, "percent": c["percent"],
                     "completed": bool(c["completion"]),
                     "lessons": [{"id": r["lesson"].pk, "title": r["lesson"].title,
                                  "percent": r["percent"], "completed": r["completed"],
                                  "score": r["score"]} for r in c["lessons"]]}
                    for c in o["courses"]],
    })


@public
def register(request):
    form = ParentRegisterForm(request.POST or None,
                              initial={"code": request.GET.get("ma", "")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.parent_register(
                full_name=data["full_name"], phone=data["phone"] or None,
                email=data["email"] or None, password=data["password"], code=data["code"],
                throttle_id="ip:" + client_address(request))
        except services.LinkCodeInvalid as exc:
            form.add_error("code", str(exc))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            login(request, user, backend="lms.accounts.backends.PhoneOrEmailBackend")
            request.session["hocmo_nav"] = {"learner": False, "parent": True, "staff": False}
            messages.success(request, _("Đã tạo tài khoản và liên kết với con của bạn."))
            return redirect("families:home")
    return render(request, "families/register.html", {"form": form},
                  status=400 if form.errors else 200)


@signed_in
@require_POST
def link_add(request):
    form = LinkCodeForm(request.POST)
    if form.is_valid():
        try:
            services.link_code_redeem(guardian=request.user, code=form.cleaned_data["code"])
        except services.LinkCodeInvalid as exc:
            form.add_error("code", str(exc))
        else:
            messages.success(request, _("Đã liên kết thêm một con."))
            return redirect("families:home")
    links = selectors.children_of(request.user)
    return render(request, "families/home.html", {
        "overviews": [selectors.child_overview(link.learner) for link in links],
        "news": [], "form": form}, status=400)


@signed_in
@require_POST
def link_revoke(request, link_id: int):
    link = get_object_or_404(GuardianLink.objects.select_related("learner"), pk=link_id,
                             revoked_at__isnull=True)
    try:
        services.guardian_link_revoke(actor=request.user, link=link)
    except PermissionError as exc:
        raise Http404 from exc
    messages.success(request, _("Đã hủy liên kết phụ huynh."))
    return redirect(safe_next_url(request, request.POST.get("next", ""), default="families:home"))


def _managed_class(request, unit_id: int) -> Unit:
    unit = get_object_or_404(Unit.objects.select_related("kind"), pk=unit_id)
    if not can_manage_unit(request.user, unit, Capability.TEACH_CLASSES):
        raise Http404
    return unit


@requires(Capability.TEACH_CLASSES)
def class_families(request, unit_id: int):
    unit = _managed_class(request, unit_id)
    return render(request, "families/class_families.html", {
        "unit": unit, "rows": selectors.class_families(unit), "news_form": NewsPostForm()})


@requires(Capability.TEACH_CLASSES)
@require_POST
def link_code_create(request, unit_id: int, learner_id: int):
    unit = _managed_class(request, unit_id)
    learner = get_object_or_404(User, pk=learner_id)
    if not can_manage_learner_class(request.user, learner):
        raise Http404
    row, code = services.link_code_create(actor=request.user, learner=learner)
    register_url = request.build_absolute_uri("/phu-huynh/dang-ky/")
    return render(request, "families/link_slip.html", {
        "unit": unit, "learner": learner, "code": code, "row": row,
        "register_url": register_url})


@signed_in
def class_news(request, unit_id: int):
    unit = get_object_or_404(Unit, pk=unit_id)
    if not can_view_class_news(request.user, unit):
        raise Http404
    can_post = can_manage_unit(request.user, unit, Capability.TEACH_CLASSES)
    form = NewsPostForm()
    status = 200
    if request.method == "POST":
        if not can_post:
            raise Http404
        form = NewsPostForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.news_post_create(actor=request.user, unit=unit,
                                          text=form.cleaned_data["text"],
                                          photos=form.cleaned_data["photos"],
                                          alt=form.cleaned_data["alt"])
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(request, _("Đã đăng tin cho lớp."))
                return redirect("families:class_news", unit_id=unit.pk)
        status = 400
    return render(request, "families/class_news.html", {
        "unit": unit, "posts": selectors.news_for_units([unit.pk], limit=50),
        "can_post": can_post, "form": form}, status=status)


@requires(Capability.TEACH_CLASSES)
@require_POST
def news_remove(request, post_id: int):
    post = get_object_or_404(NewsPost.objects.select_related("unit"), pk=post_id)
    try:
        services.news_post_remove(actor=request.user, post=post)
    except PermissionError as exc:
        raise Http404 from exc
    messages.success(request, _("Đã gỡ tin."))
    return redirect("families:class_news", unit_id=post.unit_id)


@signed_in
def news_photo(request, photo_id: int):
    """Photos are served through this check, never as public media."""
    photo = get_object_or_404(NewsPhoto.objects.select_related("post__unit"), pk=photo_id,
                              post__removed_at__isnull=True)
    if not can_view_class_news(request.user, photo.post.unit):
        raise Http404
    response = FileResponse(photo.image.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response
