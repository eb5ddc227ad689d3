"""The classroom's writes: `work` (assignments, hand-ins, marks) and `stream` (the class
stream's posts and comments). The names other modules use are re-exported here."""

from .marking import assignment_extend, assignment_rubric_set, submission_mark_paper
from .stream import (
    stream_comment_create,
    stream_comment_hide,
    stream_post_create,
    stream_post_set,
)
from .work import (
    HandInClosed,
    assignment_create,
    assignment_delete,
    assignment_update,
    submission_hand_in,
    submission_mark,
)

__all__ = [
    "HandInClosed",
    "assignment_create",
    "assignment_delete",
    "assignment_extend",
    "assignment_rubric_set",
    "assignment_update",
    "stream_comment_create",
    "stream_comment_hide",
    "stream_post_create",
    "stream_post_set",
    "submission_hand_in",
    "submission_mark",
    "submission_mark_paper",
]
