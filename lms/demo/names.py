"""Realistic Vietnamese names for demo learners (lms/demo/content/names.yaml)."""

import random

from . import loader


def full_name(rng: random.Random, sex: str) -> str:
    names = loader.names()
    family = rng.choice(names["family_names"])
    if sex == "F":
        return (f"{family} {rng.choice(names['middle_names_female'])} "
                f"{rng.choice(names['given_names_female'])}")
    return f"{family} {rng.choice(names['middle_names_male'])} {rng.choice(names['given_names_male'])}"
