"""OneRoster 1.2 CSV bulk pages: export a unit's subtree as a zip, import one (all or nothing,
errors by file, row and column). The REST rostering endpoints live in lms/api."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from lms.units.access import requires
from lms.units.capabilities import Capability

from . import selectors
from .forms import OneRosterUploadForm
from .oneroster_csv import OneRosterError, error_line, roster_zip
from .oneroster_records import roster_of
from .services.oneroster import oneroster_import

MAX_UPLOAD_BYTES = 30 * 1024 * 1024


@requires(Capability.MANAGE_ROSTER)
def oneroster_page(request):
    units = selectors.oneroster_units(request.user)
    if not units.exists():
        raise Http404
    form = OneRosterUploadForm(request.POST or None, request.FILES or None, units=units,
                               allow_root=request.user.is_superuser)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            errors = [_("Tệp quá lớn (tối đa 30 MB).")]
        else:
            try:
                counts = oneroster_import(actor=request.user, scope=form.cleaned_data["unit"],
                                          data=upload.read())
            except OneRosterError as exc:
                errors = [error_line(e) for e in exc.errors[:500]]
            else:
                messages.success(request, _(
                    "Đã nhập: %(o)s đơn vị, %(c)s lớp, %(u)s người dùng, %(m)s vai trò/ghi danh "
                    "mới; %(n)s mục cập nhật.") % {
                        "o": counts["orgs"]["created"], "c": counts["classes"]["created"],
                        "u": counts["users"]["created"], "m": counts["memberships"]["created"],
                        "n": sum(c["updated"] for c in counts.values())})
                return redirect("roster:oneroster")
    return render(request, "roster/oneroster.html", {"form": form, "units": units[:200],
                                                    "errors": errors},
                  status=400 if errors or form.errors else 200)


@requires(Capability.MANAGE_ROSTER)
def oneroster_export(request, unit_id: int):
    unit = get_object_or_404(selectors.oneroster_units(request.user), pk=unit_id)
    response = HttpResponse(roster_zip(roster_of(unit)), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="oneroster-{unit.pk}.zip"'
    return response
