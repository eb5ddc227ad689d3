"""The shared builders' first home, kept so existing imports work: each now lives in its app's
`tests/<app>/factories.py` (docs/architecture.md "Test data"); new tests import from there."""

from tests.accounts.factories import DEMO_PASSWORD, LearnerProfileFactory, UserFactory
from tests.courses.factories import (
    ProgrammeFactory,
    course_index,
    course_with_lessons,
    rewind_clock,
)
from tests.library.factories import library_index, library_item, pdf_bytes
from tests.units.factories import UnitFactory, UnitKindFactory, class_unit, learner_in, staff_at

__all__ = [
    "DEMO_PASSWORD", "LearnerProfileFactory", "ProgrammeFactory", "UnitFactory", "UnitKindFactory",
    "UserFactory", "class_unit", "course_index", "course_with_lessons", "learner_in",
    "library_index", "library_item", "pdf_bytes", "rewind_clock", "staff_at",
]
