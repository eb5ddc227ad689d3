"""Thin views: serving files safely, the reading list and reading progress (POST + CSRF)."""

import os
from typing import cast

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.units.access import public, signed_in

from . import selectors, services
from .files import INLINE_KINDS, library_storage, sniff_kind
from .models import ItemText, LibraryItemFile, LibraryItemPage


def _public_item(item_id: int) -> LibraryItemPage:
    """Live items not behind a view restriction; anything else is 404 (no existence leak)."""
    return get_object_or_404(LibraryItemPage.objects.live().public(), pk=item_id)


@public
def item_file(request, item_id: int):
    item = _public_item(item_id)
    if not item.file:
        raise Http404
    return _serve_file(request, item, cast(str, item.file.name))


@public
def item_more_file(request, item_id: int, file_id: int):
    item = _public_item(item_id)
    extra = get_object_or_404(LibraryItemFile, item_id=item.pk, pk=file_id)
    return _serve_file(request, item, cast(str, extra.file.name))


def _serve_file(request, item: LibraryItemPage, name: str):
    """One of the item's files: a download (Content-Disposition: attachment) or, with ?xem=1,
    inline for PDF/audio/video only; always with the type sniffed from content and `nosniff`."""
    inline = request.GET.get("xem") == "1"
    try:
        handle = library_storage.open(name, "rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    kind, mime = sniff_kind(handle)
    if inline and kind not in INLINE_KINDS:
        inline = False
    if not inline and not item.allow_download:
        handle.close()
        return HttpResponseForbidden(_("Giấy phép của tài liệu này chỉ cho phép đọc trực tuyến."))
    services.library_item_read(item)
    response = FileResponse(handle, as_attachment=not inline,
                            filename=os.path.basename(name),
                            content_type=mime or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    if not inline:
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_POST
@signed_in
def reading_list_toggle(request, item_id: int):
    item = _public_item(item_id)
    if request.POST.get("action") == "remove":
        services.reading_list_remove(user=request.user, item=item)
        messages.success(request, _("Đã bỏ “%(title)s” khỏi danh sách đọc.")
                         % {"title": item.title})
    else:
        services.reading_list_add(user=request.user, item=item)
        messages.success(request, _("Đã thêm “%(title)s” vào danh sách đọc.")
                         % {"title": item.title})
    return redirect(item.url)


@require_POST
@signed_in
def reading_progress(request, item_id: int):
    item = _public_item(item_id)
    try:
        percent = int(request.POST.get("percent", ""))
        if not 0 <= percent <= 100:
            raise ValueError
    except ValueError:
        if request.accepts("application/json") and not request.accepts("text/html"):
            return JsonResponse({"detail": _("Dữ liệu không hợp lệ."),
                                 "fields": {"percent": _("Phải là số nguyên 0–100.")}},
                                status=400)
        messages.error(request, _("Tiến độ đọc phải là số nguyên từ 0 đến 100."))
        return redirect(item.url)
    entry = services.reading_progress_record(user=request.user, item=item, percent=percent)
    if request.accepts("application/json") and not request.accepts("text/html"):
        return JsonResponse({"item": item.pk, "percent": entry.percent})
    messages.success(request, _("Đã lưu tiến độ đọc: %(p)s %%.") % {"p": entry.percent})
    return redirect(item.url)


@signed_in
def my_reading_list(request):
    return render(request, "library/my_reading_list.html",
                  {"entries": selectors.reading_list(request.user)})


@public
def extraction_status(request, item_id: int):
    """Extraction progress, for editors of the item (JSON, polled by the item page)."""
    item = _public_item(item_id)
    if not (request.user.is_authenticated
            and item.permissions_for_user(request.user).can_edit()):
        raise Http404
    text = ItemText.objects.filter(item=item).first()
    return JsonResponse({"status": text.status if text else "none",
                         "progress": text.progress if text else 0,
                         "error": text.error if text else ""})
