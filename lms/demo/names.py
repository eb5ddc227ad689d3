"""Realistic Vietnamese names for demo learners."""

import random

from .course_content import (
    FAMILY_NAMES,
    GIVEN_NAMES_FEMALE,
    GIVEN_NAMES_MALE,
    MIDDLE_NAMES_FEMALE,
    MIDDLE_NAMES_MALE,
)


def full_name(rng: random.Random, sex: str) -> str:
    family = rng.choice(FAMILY_NAMES)
    if sex == "F":
        return f"{family} {rng.choice(MIDDLE_NAMES_FEMALE)} {rng.choice(GIVEN_NAMES_FEMALE)}"
    return f"{family} {rng.choice(MIDDLE_NAMES_MALE)} {rng.choice(GIVEN_NAMES_MALE)}"
