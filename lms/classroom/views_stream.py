"""The class stream: the class's teachers post (text, files, links to lessons and library
items; pinned, comments on or off, for parents too) and hide comments; its learners comment.
Only the class's teachers and current learners see it (404 for anyone else)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lms.units.access import signed_in

from . import selectors, services
from .forms import StreamCommentForm, StreamPostForm
from .models import StreamComment, StreamPost, StreamPostFile
from .permissions import can_comment, can_post_to_stream, can_view_stream, stream_class_or_404
from .views_files import file_response


def _post_form(unit, data=None, files=None) -> StreamPostForm:
    return StreamPostForm(data, files, lessons=selectors.class_lessons(unit),
                          library=selectors.library_items())


def _page(request, unit, post_form=None, comment_form=None, status=200):
    may_post = can_post_to_stream(request.user, unit)
    return render(request, "classroom/stream.html", {
        "unit": unit, "posts": selectors.stream_posts(unit), "may_post": may_post,
        "post_form": post_form or (_post_form(unit) if may_post else None),
        "comment_form": comment_form or StreamCommentForm()}, status=status)


@signed_in
@require_http_methods(["GET", "POST"])
def stream(request, unit_id: int):
    unit = stream_class_or_404(request.user, unit_id)
    if request.method == "GET":
        return _page(request, unit)
    if not can_post_to_stream(request.user, unit):
        raise Http404
    form = _post_form(unit, request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, unit, post_form=form, status=400)
    data = form.cleaned_data
    try:
        services.stream_post_create(
            actor=request.user, unit=unit, text=data["text"], pinned=data["pinned"],
            comments_open=data["comments_open"], for_parents=data["for_parents"],
            files=data["uploads"], pages=form.pages())
    except ValidationError as exc:
        form.add_error(None, exc)
        return _page(request, unit, post_form=form, status=400)
    messages.success(request, _("Đã đăng lên bảng tin của lớp."))
    return redirect("classroom:stream", unit_id=unit.pk)


def _post_or_404(request, post_id: int) -> StreamPost:
    post = get_object_or_404(StreamPost.objects.select_related("unit"), pk=post_id)
    if not can_view_stream(request.user, post.unit):
        raise Http404
    return post


@require_POST
@signed_in
def stream_post_set(request, post_id: int):
    """The post's switches: `ghim` (pin) and `binh-luan` (comments), each "1" or "0"."""
    post = _post_or_404(request, post_id)
    if not can_post_to_stream(request.user, post.unit):
        raise Http404
    switches = {}
    for field, name in (("pinned", "ghim"), ("comments_open", "binh-luan")):
        value = request.POST.get(name)
        if value is not None:
            if value not in ("0", "1"):
                return _page(request, post.unit, status=400)
            switches[field] = value == "1"
    services.stream_post_set(actor=request.user, post=post, **switches)
    return redirect("classroom:stream", unit_id=post.unit_id)


@require_POST
@signed_in
def stream_comment(request, post_id: int):
    post = _post_or_404(request, post_id)
    if not can_comment(request.user, post):
        messages.error(request, _("Bài đăng này đã tắt bình luận."))
        return redirect("classroom:stream", unit_id=post.unit_id)
    form = StreamCommentForm(request.POST)
    if not form.is_valid():
        return _page(request, post.unit, comment_form=form, status=400)
    services.stream_comment_create(actor=request.user, post=post, text=form.cleaned_data["text"])
    return redirect("classroom:stream", unit_id=post.unit_id)


@require_POST
@signed_in
def stream_comment_hide(request, comment_id: int):
    """`an` = "1" hides the comment from the class, "0" shows it again (the class's
    teachers only)."""
    comment = get_object_or_404(StreamComment.objects.select_related("post__unit"),
                                pk=comment_id)
    if not can_post_to_stream(request.user, comment.post.unit):
        raise Http404
    value = request.POST.get("an", "1")
    if value not in ("0", "1"):
        return _page(request, comment.post.unit, status=400)
    services.stream_comment_hide(actor=request.user, comment=comment, hidden=value == "1")
    return redirect("classroom:stream", unit_id=comment.post.unit_id)


@signed_in
@require_GET
def stream_file(request, post_id: int, file_id: int):
    post = _post_or_404(request, post_id)
    return file_response(get_object_or_404(StreamPostFile, pk=file_id, post=post))
