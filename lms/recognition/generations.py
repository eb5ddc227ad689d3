"""The cache generation of confirmed recognition counts (lms/common/generations.py): the
officer dashboard's recognition panel (panels.py) is cached under it, and every write that can
change a confirmed count bumps it — a confirmation (services/review.py), an evaluation's bulk
inserts (services/evaluation.py), a candidate saved or deleted one by one (receivers.py)."""

from lms.common.generations import generations_bump

RECOGNITION_GENERATION = "recognition:confirmed"


def recognition_counts_changed() -> None:
    """Confirmed recognitions may have changed (call inside the writing transaction)."""
    generations_bump([RECOGNITION_GENERATION])
