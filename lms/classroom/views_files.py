"""Assignment and hand-in files, streamed only after the same check as their page, as
attachments with `nosniff` (images inline, so a teacher sees a photographed page at once)."""

from typing import cast

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from lms.units.access import signed_in

from .files import IMAGES, classroom_storage
from .models import AssignmentFile, SubmissionFile
from .permissions import assignment_or_404, submission_or_404


def file_response(row) -> FileResponse:
    try:
        handle = classroom_storage.open(cast(str, row.file.name), "rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=row.content_type not in IMAGES,
                            filename=row.name,
                            content_type=row.content_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@signed_in
@require_GET
def assignment_file(request, assignment_id: int, file_id: int):
    assignment = assignment_or_404(request.user, assignment_id)
    return file_response(get_object_or_404(AssignmentFile, pk=file_id, assignment=assignment))


@signed_in
@require_GET
def submission_file(request, submission_id: int, file_id: int):
    submission = submission_or_404(request.user, submission_id)
    return file_response(get_object_or_404(SubmissionFile, pk=file_id, submission=submission))
