"""Receivers of other apps' signals: a class-stream post meant for parents (lms.classroom)
becomes a class news post, so parents read it where they read the class's news and are told
of it as of any news (news_post_write announces it after commit)."""

from django.dispatch import receiver

from lms.classroom.signals import stream_post_for_parents

from .services import news_post_write


@receiver(stream_post_for_parents, dispatch_uid="families.class_news_from_stream")
def class_news_from_stream(sender, post, **kwargs) -> None:
    news_post_write(author=post.author, unit=post.unit, text=post.text, prepared=[])
