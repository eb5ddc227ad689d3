"""The class stream's writes: a teacher posts (text, files, links to lessons and library
items the class can open; optionally for parents too), pins and opens or closes comments, and
hides a comment; members of the class comment. Each checks permissions.py first
(PermissionError)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.accounts.models import User
from lms.units.models import Unit

from ..models import StreamComment, StreamPost, StreamPostFile, StreamPostLink
from ..permissions import can_comment, can_post_to_stream
from ..selectors import linkable_pages
from ..signals import stream_post_for_parents
from .work import _store_files


@transaction.atomic
def stream_post_create(*, actor: User, unit: Unit, text: str, pinned: bool = False,
                       comments_open: bool = True, for_parents: bool = False, files=(),
                       pages=()) -> StreamPost:
    """`files`: (upload, mime) pairs already checked (files.validate_upload); `pages`: lessons
    and library items, each one the class can open (ValidationError otherwise). The class's
    learners are told after commit; a post for parents goes to the class news too."""
    if not can_post_to_stream(actor, unit):
        raise PermissionError
    page_ids = [page.pk for page in pages]
    if page_ids and linkable_pages(unit, page_ids).count() != len(set(page_ids)):
        raise ValidationError(_("Chỉ gắn bài học và tài liệu mà lớp mở được."))
    post = StreamPost.objects.create(unit=unit, author=actor, text=text, pinned=pinned,
                                     comments_open=comments_open, for_parents=for_parents)
    _store_files(StreamPostFile, "post", post, files)
    StreamPostLink.objects.bulk_create([
        StreamPostLink(post=post, page_id=page_id, position=number)
        for number, page_id in enumerate(dict.fromkeys(page_ids))])
    if for_parents:
        stream_post_for_parents.send(sender=StreamPost, post=post)
    from ..tasks import stream_post_announce

    post_id = post.pk
    transaction.on_commit(lambda: stream_post_announce.delay(post_id))
    return post


@transaction.atomic
def stream_post_set(*, actor: User, post: StreamPost, pinned: bool | None = None,
                    comments_open: bool | None = None) -> StreamPost:
    """Pin or unpin, open or close comments (idempotent: setting a value twice is a no-op)."""
    if not can_post_to_stream(actor, post.unit):
        raise PermissionError
    fields = {}
    if pinned is not None:
        fields["pinned"] = pinned
    if comments_open is not None:
        fields["comments_open"] = comments_open
    if fields:
        StreamPost.objects.filter(pk=post.pk).update(**fields)
        for name, value in fields.items():
            setattr(post, name, value)
    return post


def stream_comment_create(*, actor: User, post: StreamPost, text: str) -> StreamComment:
    if not can_comment(actor, post):
        raise PermissionError
    return StreamComment.objects.create(post=post, author=actor, text=text)


def stream_comment_hide(*, actor: User, comment: StreamComment, hidden: bool = True
                        ) -> StreamComment:
    """Hide a comment from the class (its author and the teachers still see it, marked
    hidden), or show it again."""
    if not can_post_to_stream(actor, comment.post.unit):
        raise PermissionError
    comment.hidden_at = timezone.now() if hidden else None
    comment.hidden_by = actor if hidden else None
    StreamComment.objects.filter(pk=comment.pk).update(hidden_at=comment.hidden_at,
                                                       hidden_by=comment.hidden_by)
    return comment
