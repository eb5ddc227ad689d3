"""The job and apprenticeship board: browsing and applying (learners), employer registration,
postings and applicants (employer staff), approval (officers, school heads). Objects outside
the user's reach answer 404."""

from typing import cast

from django import forms
from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lms.units.access import public, requires, signed_in
from lms.units.capabilities import Capability
from lms.units.permissions import home_units

from . import selectors, services
from .forms import ApplicationForm, ApplicationStatusForm, EmployerRegisterForm, PostingForm
from .models import Application, Employer, JobPosting, PostingKind
from .permissions import APPROVER, can_approve_employer, employer_of


@public
@require_GET
def board(request):
    kind = request.GET.get("loai", "")
    kind = kind if kind in PostingKind.values else ""
    return render(request, "careers/board.html", {
        "postings": selectors.open_postings(kind=kind), "kind": kind,
        "kinds": PostingKind.choices})


def _posting_page(request, posting, form, status=200):
    user = request.user
    application = (posting.applications.filter(learner=user).first()
                   if user.is_authenticated else None)
    return render(request, "careers/posting.html", {
        "posting": posting, "form": form, "application": application,
        "required_courses": list(posting.required_courses.all()),
        "missing": services.missing_courses(user, posting) if user.is_authenticated else [],
        "own_employer": user.is_authenticated and employer_of(user) == posting.employer,
    }, status=status)


@public
@require_GET
def posting_detail(request, posting_id):
    posting = selectors.visible_posting(request.user, posting_id)
    if posting is None:
        raise Http404
    form = ApplicationForm(learner=request.user) if request.user.is_authenticated else None
    return _posting_page(request, posting, form)


@signed_in
@require_POST
def posting_apply(request, posting_id):
    posting = selectors.visible_posting(request.user, posting_id)
    if posting is None:
        raise Http404
    form = ApplicationForm(request.POST, learner=request.user)
    if form.is_valid():
        data = form.cleaned_data
        try:
            _application, created = services.application_submit(
                learner=request.user, posting=posting, message=data["message"],
                contact=data["contact"], certificates=data["certificates"])
        except services.CareersError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Đã nộp hồ sơ ứng tuyển.") if created
                             else _("Bạn đã nộp hồ sơ cho tin này trước đó."))
            return redirect("careers:my_applications")
    return _posting_page(request, posting, form, status=400)


@signed_in
@require_GET
def my_applications(request):
    return render(request, "careers/my_applications.html", {
        "applications": selectors.applications_of_learner(request.user)})


# --- Employers ------------------------------------------------------------------------------


@public
@require_http_methods(["GET", "POST"])
def employer_register(request):
    if employer_of(request.user) is not None:
        return redirect("careers:employer_home")
    signed_in = request.user.is_authenticated
    form = EmployerRegisterForm(request.POST or None, with_account=not signed_in)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        account = {"username": data.pop("username", ""), "password": data.pop("password", ""),
                   "full_name": data["contact_name"]}
        try:
            employer = services.employer_register(
                user=request.user if signed_in else None,
                account=None if signed_in else account, **data)
        except (services.CareersError, ValidationError) as exc:
            form.add_error(None, exc.messages if isinstance(exc, ValidationError) else str(exc))
        else:
            if not signed_in:
                user = employer.members.get().user
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Đã gửi đăng ký. Doanh nghiệp được đăng tin sau khi "
                                        "cán bộ quản lý duyệt."))
            return redirect("careers:employer_home")
    return render(request, "careers/employer_register.html", {"form": form},
                  status=400 if form.errors else 200)


def _own_employer(request) -> Employer:
    employer = employer_of(request.user)
    if employer is None:
        raise Http404
    return employer


@signed_in
@require_GET
def employer_home(request):
    employer = _own_employer(request)
    return render(request, "careers/employer_home.html", {
        "employer": employer, "postings": selectors.employer_postings(employer)})


@signed_in
@require_http_methods(["GET", "POST"])
def posting_edit(request, posting_id=None):
    employer = _own_employer(request)
    posting = None
    if posting_id is not None:
        posting = get_object_or_404(JobPosting, pk=posting_id, employer=employer)
    if not employer.approved:
        return render(request, "careers/not_approved.html", {"employer": employer}, status=403)
    form = PostingForm(request.POST or None, instance=posting)
    if request.method == "POST" and form.is_valid():
        try:
            posting = services.posting_save(actor=request.user, posting=posting,
                                            data=form.model_data(),
                                            required_courses=form.cleaned_data["required_courses"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã lưu tin tuyển dụng."))
            return redirect("careers:employer_home")
    return render(request, "careers/posting_form.html", {"form": form, "posting": posting},
                  status=400 if form.errors else 200)


@signed_in
@require_GET
def posting_applicants(request, posting_id):
    employer = _own_employer(request)
    posting = get_object_or_404(JobPosting, pk=posting_id, employer=employer)
    applications = list(selectors.applications_for_posting(posting))
    return render(request, "careers/applicants.html", {
        "posting": posting, "applications": applications,
        "status_choices": cast(forms.ChoiceField,
                               ApplicationStatusForm().fields["status"]).choices})


@signed_in
@require_POST
def application_status(request, application_id):
    employer = _own_employer(request)
    application = get_object_or_404(Application.objects.select_related("posting"),
                                     pk=application_id, posting__employer=employer)
    form = ApplicationStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Trạng thái không hợp lệ."))
    else:
        services.application_status_set(actor=request.user, application=application,
                                        status=form.cleaned_data["status"])
        messages.success(request, _("Đã cập nhật trạng thái hồ sơ."))
    return redirect("careers:posting_applicants", posting_id=application.posting_id)


# --- Approval -------------------------------------------------------------------------------


@requires(Capability.APPROVE_EMPLOYERS)
@require_GET
def employer_approvals(request):
    if not home_units(request.user, APPROVER):
        raise Http404
    employers = list(selectors.pending_employers(request.user))
    return render(request, "careers/approvals.html", {"employers": employers})


@requires(Capability.APPROVE_EMPLOYERS)
@require_POST
def employer_approve(request, employer_id):
    employer = get_object_or_404(Employer.objects.select_related("unit"), pk=employer_id)
    if not can_approve_employer(request.user, employer):
        raise Http404
    approve = request.POST.get("approve") == "1"
    services.employer_approve(actor=request.user, employer=employer, approved=approve)
    messages.success(request, _("Đã duyệt %(name)s.") % {"name": employer.name} if approve
                     else _("Đã thu hồi duyệt %(name)s.") % {"name": employer.name})
    return redirect("careers:employer_approvals")
