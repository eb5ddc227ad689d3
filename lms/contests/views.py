"""Public contest pages and the team's entry pages. Entries answer 404 to anyone who is not a
member, the mentor, or an organiser of a round the entry reached (judges read entries through
their own pages, which apply conflicts of interest)."""

import os

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.units.access import public, signed_in

from . import permissions, selectors, services
from .forms import (
    AttachmentForm,
    BudgetFormSet,
    EntryForm,
    EntryStartForm,
    MemberAddForm,
    budget_rows,
)
from .models import Attachment, Contest, Entry

# A service's refusal: nothing was written, the message says why.
REFUSALS = (ValidationError, services.EntryLocked)


def _error_text(exc: Exception) -> str:
    return " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)


def _attempt(request, entry_id: int, action, success: str):
    """Run a service call on the entry; its refusal becomes an error message. Back to the entry."""
    try:
        action()
    except REFUSALS as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(request, success)
    return redirect("contests:entry", entry_id=entry_id)


@public
def index(request):
    user = request.user
    return render(request, "contests/index.html", {
        "contests": selectors.contests_public(),
        "entries": selectors.my_entries(user),
        "assignments": selectors.my_assignments(user),
        "round_units": selectors.organised_round_units(user)[:50],
    })


def _contest(slug: str) -> Contest:
    return get_object_or_404(Contest, slug=slug, is_published=True)


@public
def contest_detail(request, slug: str):
    contest = _contest(slug)
    first = services.first_round(contest)
    mine = list(selectors.my_entries(request.user, contest))
    can_start = (request.user.is_authenticated and not mine and first is not None
                 and timezone.now() <= first.submission_deadline
                 and permissions.learner_school(request.user) is not None)
    return _contest_page(request, contest, entries=mine, can_start=can_start,
                         form=EntryStartForm())


def _contest_page(request, contest, *, entries, can_start, form, status=200):
    return render(request, "contests/contest.html", {
        "contest": contest, "rounds": selectors.contest_rounds(contest), "entries": entries,
        "can_start": can_start, "form": form}, status=status)


@public
def results(request, slug: str):
    contest = _contest(slug)
    return render(request, "contests/results.html", {
        "contest": contest, "blocks": selectors.public_results(contest)})


@signed_in
@require_POST
def entry_start(request, slug: str):
    contest = _contest(slug)
    form = EntryStartForm(request.POST)
    if form.is_valid():
        try:
            entry = services.entry_create(actor=request.user, contest=contest,
                                          title=form.cleaned_data["title"])
        except REFUSALS as exc:
            messages.error(request, _error_text(exc))
            return redirect("contests:contest", slug=contest.slug)
        messages.success(request, _("Đã tạo bài dự thi. Hãy hoàn thiện và nộp trước hạn."))
        return redirect("contests:entry", entry_id=entry.pk)
    return _contest_page(request, contest, entries=[], can_start=True, form=form, status=400)


def _editable_entry(request, entry_id: int) -> Entry:
    entry = get_object_or_404(Entry.objects.select_related("contest", "school"), pk=entry_id)
    if not permissions.can_edit_entry(request.user, entry):
        raise Http404
    return entry


def _budget_initial(entry: Entry) -> list[dict]:
    return [{"item": b.item, "quantity": b.quantity, "unit_cost": b.unit_cost}
            for b in entry.budget_lines.all()]


def _edit_context(entry, form, budget, **extra):
    return {"entry": entry, "form": form, "budget": budget,
            "is_open": services.entry_is_open(entry),
            "deadline": services.entry_deadline(entry), "history": selectors.entry_history(entry),
            "members": entry.members.select_related("user"), "member_form": MemberAddForm(),
            "attachment_form": AttachmentForm(), "attachments": entry.attachments.all(),
            "problems": services.submit_problems(entry),
            "budget_total": sum(b.total for b in entry.budget_lines.all()), **extra}


def _bind(request, entry):
    return (EntryForm(request.POST, instance=Entry.objects.get(pk=entry.pk), school=entry.school),
            BudgetFormSet(request.POST, prefix="budget"))


def _save_from_post(request, entry, form, budget):
    """Validates and saves the posted draft; returns the saved entry or None (form errors)."""
    if not (form.is_valid() and budget.is_valid()):
        return None
    data = {name: form.cleaned_data.get(name, "") for name in services.CONTENT_FIELDS}
    return services.entry_save(actor=request.user, entry=entry, data=data,
                               budget=budget_rows(budget), mentor=form.cleaned_data["mentor"])


@signed_in
def entry_edit(request, entry_id: int):
    entry = _editable_entry(request, entry_id)
    if request.method != "POST":
        form = EntryForm(instance=entry, school=entry.school)
        budget = BudgetFormSet(prefix="budget", initial=_budget_initial(entry))
        return render(request, "contests/entry_edit.html", _edit_context(entry, form, budget))
    form, budget = _bind(request, entry)
    try:
        saved = _save_from_post(request, entry, form, budget)
        if saved is None:
            return render(request, "contests/entry_edit.html",
                          _edit_context(entry, form, budget), status=400)
        if request.POST.get("action") == "submit":
            services.entry_submit(actor=request.user, entry=saved)
            messages.success(request, _("Đã nộp bài dự thi. Có thể sửa tiếp đến hạn nộp."))
        else:
            messages.success(request, _("Đã lưu bản nháp."))
    except services.EntryLocked as exc:
        # Nothing was written; the posted text is shown back so the team can copy it.
        return render(request, "contests/entry_edit.html",
                      _edit_context(entry, form, budget, locked_error=str(exc)), status=400)
    except ValidationError as exc:
        entry.refresh_from_db()
        return render(request, "contests/entry_edit.html",
                      _edit_context(entry, form, budget, submit_errors=exc.messages), status=400)
    return redirect("contests:entry", entry_id=entry.pk)


@signed_in
@require_POST
def entry_autosave(request, entry_id: int):
    """htmx autosave: a small status fragment (200, so htmx swaps it in, even on error)."""
    entry = _editable_entry(request, entry_id)
    form, budget = _bind(request, entry)
    try:
        saved = _save_from_post(request, entry, form, budget)
    except REFUSALS as exc:
        message, ok = _error_text(exc), False
    else:
        ok = saved is not None
        message = (_("Đã tự động lưu lúc %(time)s.")
                   % {"time": time_format(timezone.localtime(), "H:i")} if ok
                   else _("Chưa lưu được: kiểm tra các ô báo lỗi."))
    if not request.headers.get("HX-Request"):
        messages.info(request, message)
        return redirect("contests:entry", entry_id=entry.pk)
    return render(request, "contests/includes/autosave_status.html", {"message": message, "ok": ok})


@signed_in
def entry_view(request, entry_id: int):
    """Read-only entry for members, mentor and organisers of a round it reached."""
    entry = get_object_or_404(Entry.objects.select_related("contest", "school", "mentor"),
                              pk=entry_id)
    if not permissions.can_view_entry(request.user, entry):
        raise Http404
    return render(request, "contests/entry_view.html", {
        "entry": entry, "history": selectors.entry_history(entry),
        "can_edit": permissions.can_edit_entry(request.user, entry)})


@signed_in
@require_POST
def member_add(request, entry_id: int):
    entry = _editable_entry(request, entry_id)
    form = MemberAddForm(request.POST)
    if not form.is_valid():
        return redirect("contests:entry", entry_id=entry.pk)
    return _attempt(request, entry.pk, lambda: services.member_add(
        actor=request.user, entry=entry, identifier=form.cleaned_data["identifier"]),
        _("Đã thêm thành viên."))


@signed_in
@require_POST
def member_remove(request, entry_id: int, user_id: int):
    entry = _editable_entry(request, entry_id)
    return _attempt(request, entry.pk, lambda: services.member_remove(
        actor=request.user, entry=entry, user_id=user_id), _("Đã bỏ thành viên khỏi nhóm."))


@signed_in
@require_POST
def attachment_add(request, entry_id: int):
    entry = _editable_entry(request, entry_id)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Chọn loại tệp và một tệp để tải lên."))
        return redirect("contests:entry", entry_id=entry.pk)
    return _attempt(request, entry.pk, lambda: services.attachment_add(
        actor=request.user, entry=entry, kind=form.cleaned_data["kind"],
        upload=form.cleaned_data["file"]), _("Đã tải tệp lên."))


@signed_in
@require_POST
def attachment_remove(request, attachment_id: int):
    attachment = get_object_or_404(Attachment.objects.select_related("entry"), pk=attachment_id)
    if not permissions.can_edit_entry(request.user, attachment.entry):
        raise Http404
    return _attempt(request, attachment.entry_id, lambda: services.attachment_remove(
        actor=request.user, attachment=attachment), _("Đã xóa tệp."))


@signed_in
def attachment_download(request, attachment_id: int):
    """Always a download, with `nosniff` and a sandbox CSP, never from a public URL."""
    attachment = get_object_or_404(Attachment.objects.select_related("entry"), pk=attachment_id)
    if not permissions.can_read_attachment(request.user, attachment.entry):
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    content_type = "application/pdf" if attachment.kind == "pitch_deck" else "image/jpeg"
    response = FileResponse(handle, as_attachment=True,
                            filename=os.path.basename(attachment.original_name),
                            content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
