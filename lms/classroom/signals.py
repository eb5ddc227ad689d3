"""The classroom's signals, for apps the classroom must not import (no cycle between apps).

`stream_post_for_parents(sender=StreamPost, post=…)`: a class-stream post the teacher meant
for parents too, sent inside the post's transaction; the families app's receiver
(lms/families/receivers.py) puts it in the class news parents read."""

from django.dispatch import Signal

stream_post_for_parents = Signal()
