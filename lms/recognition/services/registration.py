"""Adults without a school register themselves under their commune's community learning centre
(Trung tâm học tập cộng đồng, TTHTCĐ). The centre unit is created lazily, the first time
someone registers in a commune that has none yet. They sign in with their phone number:
lms.accounts.backends.PhoneOrEmailBackend matches `User.phone` (stored as 0xxxxxxxxx)."""

import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from lms import throttle
from lms.accounts.models import LearnerProfile, User
from lms.units.models import RoleKind, SchoolLevel, Unit, UnitKind
from lms.units.services import role_grant, unit_create

CENTRE_KIND = "community_learning_centre"
REGISTRATIONS_PER_HOUR = 5
MIN_AGE = 15


class RegistrationError(Exception):
    """Bad input found by the service itself (duplicate phone in a race, rate limit)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


def centre_kind() -> UnitKind:
    kind, _created = UnitKind.objects.get_or_create(code=CENTRE_KIND, defaults={
        "name": "Trung tâm học tập cộng đồng", "name_en": "Community learning centre",
        "sort_order": 55})
    return kind


def commune_centre(commune: Unit) -> Unit:
    """The commune's community learning centre, created if it has none yet."""
    kind = centre_kind()
    existing = commune.get_children().filter(kind=kind).order_by("path").first()
    if existing:
        return existing
    short = commune.name.removeprefix("UBND ").strip()
    code = f"TTHTCD-{commune.admin_code or commune.pk}"
    try:
        with transaction.atomic():
            return unit_create(parent=commune, kind=kind,
                               name=f"Trung tâm học tập cộng đồng {short}", code=code,
                               admin_code=commune.admin_code,
                               school_level=SchoolLevel.COMMUNITY_LEARNING)
    except IntegrityError:  # another registration created it at the same moment
        return Unit.objects.get(code=code)


def _throttle_key(client_id: str) -> str:
    return f"recognition:register:{client_id}"


def register_allowed(client_id: str) -> bool:
    return throttle.attempts(_throttle_key(client_id)) < REGISTRATIONS_PER_HOUR


def adult_register(*, full_name: str, phone: str, password: str, date_of_birth: datetime.date,
                   commune: Unit, email: str = "", sex: str = "",
                   client_id: str = "anon") -> User:
    """Account (username = phone), learner profile and a learner role at the commune's centre,
    all or nothing."""
    if not register_allowed(client_id):
        raise RegistrationError(_("Có quá nhiều lượt đăng ký từ thiết bị này. "
                                  "Vui lòng thử lại sau một giờ."))
    with transaction.atomic():
        try:
            with transaction.atomic():
                user = User.objects.create_user(username=phone, phone=phone,
                                                email=(email or "").lower(),
                                                password=password, full_name=full_name.strip())
        except IntegrityError as exc:
            raise RegistrationError(_("Số điện thoại này đã được đăng ký. Hãy đăng nhập."),
                                    field="phone") from exc
        LearnerProfile.objects.create(user=user, date_of_birth=date_of_birth, sex=sex or "")
        role_grant(user=user, unit=commune_centre(commune), kind=RoleKind.LEARNER)
    throttle.attempt_count(_throttle_key(client_id), 3600)
    return user
