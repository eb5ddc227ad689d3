"""The school admin's linking screen: the school's classes and learners with their parents
(revoke), and linking a parent to a learner directly. Only SCHOOL_ADMIN/OFFICER over the
school; everything outside the admin's reach is 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from lms.accounts.backends import user_for_identifier
from lms.accounts.models import User
from lms.units.access import requires
from lms.units.capabilities import Capability
from lms.units.models import Unit
from lms.units.permissions import learner_in_subtree

from . import admin_links, permissions, selectors
from .forms import ParentCreateForm, ParentFindForm


def _school_or_404(request, school_id: int) -> Unit:
    school = get_object_or_404(Unit.objects.select_related("kind"), pk=school_id)
    if not permissions.can_admin_school(request.user, school):
        raise Http404
    return school


@requires(Capability.MANAGE_ROSTER)
def schools(request):
    query = request.GET.get("q", "").strip()[:100]
    rows = selectors.administered_schools(request.user, query)
    if not rows and not query:
        raise Http404  # not an admin anywhere: nothing to show, nothing to reveal
    if len(rows) == 1 and not query:
        return redirect("families:admin_school", school_id=rows[0].pk)
    return render(request, "families/admin_schools.html", {"schools": rows, "q": query})


@requires(Capability.MANAGE_ROSTER)
def school(request, school_id: int):
    school = _school_or_404(request, school_id)
    classes = selectors.school_classes(school)
    chosen = None
    rows = []
    class_id = request.GET.get("lop", "")
    if class_id.isdigit():
        chosen = next((c for c in classes if c.pk == int(class_id)), None)
        if chosen is None:
            raise Http404
        rows = selectors.class_families(chosen)
    return render(request, "families/admin_school.html", {
        "school": school, "classes": classes, "chosen": chosen, "rows": rows})


@requires(Capability.MANAGE_ROSTER)
def learner_link(request, school_id: int, learner_id: int):
    school = _school_or_404(request, school_id)
    learner = get_object_or_404(User, pk=learner_id)
    if not learner_in_subtree(learner, school):
        raise Http404
    find_form = ParentFindForm(prefix="find")
    create_form = ParentCreateForm(prefix="new")
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "find":
                find_form = ParentFindForm(request.POST, prefix="find")
                if find_form.is_valid():
                    response = _link_found(request, school, learner, find_form)
                    if response is not None:
                        return response
            elif action == "create":
                create_form = ParentCreateForm(request.POST, prefix="new")
                if create_form.is_valid():
                    return _link_created(request, school, learner, create_form)
            else:
                raise Http404
        except ValidationError as exc:
            (find_form if action == "find" else create_form).add_error(None, exc.messages)
        except PermissionError as exc:
            raise Http404 from exc
        status = 400
    return render(request, "families/admin_learner.html", {
        "school": school, "learner": learner, "links": selectors.learner_links(learner),
        "find_form": find_form, "create_form": create_form}, status=status)


def _back(school, learner):
    return redirect("families:admin_learner", school_id=school.pk, learner_id=learner.pk)


def _link_found(request, school, learner, form):
    guardian = user_for_identifier(form.cleaned_data["identifier"])
    if guardian is None:
        form.add_error("identifier", _("Không tìm thấy đúng một tài khoản với số điện thoại "
                                       "hoặc email này. Hãy tạo tài khoản phụ huynh mới."))
        return None
    _link, changed = admin_links.guardian_link_by_admin(actor=request.user, school=school,
                                                        learner=learner, guardian=guardian)
    if changed:
        messages.success(request, _("Đã liên kết %(parent)s với %(child)s.") % {
            "parent": guardian.get_full_name(), "child": learner.get_full_name()})
    else:
        messages.info(request, _("%(parent)s đã được liên kết với %(child)s từ trước.") % {
            "parent": guardian.get_full_name(), "child": learner.get_full_name()})
    return _back(school, learner)


def _link_created(request, school, learner, form):
    data = form.cleaned_data
    user, created, _linked = admin_links.parent_create_and_link(
        actor=request.user, school=school, learner=learner, full_name=data["full_name"],
        phone=data["phone"], email=data["email"])
    if created:
        messages.success(request, _("Đã tạo tài khoản cho %(parent)s, liên kết với %(child)s "
                                    "và gửi lời mời đặt mật khẩu.") % {
            "parent": user.get_full_name(), "child": learner.get_full_name()})
    else:
        messages.info(request, _("Số điện thoại hoặc email này đã có tài khoản (%(parent)s); "
                                 "đã liên kết tài khoản đó với %(child)s.") % {
            "parent": user.get_full_name(), "child": learner.get_full_name()})
    return _back(school, learner)
