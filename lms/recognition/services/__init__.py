"""The recognition writes (issue 17: writes go through services): `review` (rules, confirm or
reject with certificates, households), `registration` (adults registering themselves at their
commune's learning centre), `evaluation` (the yearly candidates, imported as
`services.evaluation`: it is not re-exported). The names are re-exported here, so
`from lms.recognition.services import candidate_confirm` keeps working."""

from .registration import (
    CENTRE_KIND,
    MIN_AGE,
    REGISTRATIONS_PER_HOUR,
    RegistrationError,
    adult_register,
    centre_kind,
    commune_centre,
    register_allowed,
)
from .review import (
    candidate_confirm,
    candidate_reject,
    household_create,
    household_member_add,
    household_member_leave,
    rule_save,
)

__all__ = [
    "CENTRE_KIND",
    "MIN_AGE",
    "REGISTRATIONS_PER_HOUR",
    "RegistrationError",
    "adult_register",
    "candidate_confirm",
    "candidate_reject",
    "centre_kind",
    "commune_centre",
    "household_create",
    "household_member_add",
    "household_member_leave",
    "register_allowed",
    "rule_save",
]
