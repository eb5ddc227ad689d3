"""The class stream's writes: a teacher posts, pins and opens or closes comments; members of
the class comment. Each checks permissions.py first (PermissionError)."""

from django.db import transaction

from lms.accounts.models import User
from lms.units.models import Unit

from ..models import StreamComment, StreamPost
from ..permissions import can_comment, can_post_to_stream


def stream_post_create(*, actor: User, unit: Unit, text: str, pinned: bool = False,
                       comments_open: bool = True) -> StreamPost:
    if not can_post_to_stream(actor, unit):
        raise PermissionError
    return StreamPost.objects.create(unit=unit, author=actor, text=text, pinned=pinned,
                                     comments_open=comments_open)


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
