"""The one phone rule: Vietnamese mobile numbers, stored as 0xxxxxxxxx.

Every form, import and sign-in lookup calls `phone_normalise`, so a number typed one way at
registration is found when typed another way at sign-in or in a roster file."""

import re

# 03, 05, 07, 08, 09: the mobile ranges since the 2018 renumbering (02x is a landline).
MOBILE_PREFIXES = ("03", "05", "07", "08", "09")
_SEPARATORS = re.compile(r"[\s.\-()]")


def phone_normalise(raw) -> str:
    """'0912345678' from '0912 345 678', '0912.345.678', '+84 912-345-678', '84912345678',
    '(+84) 912 345 678' or '912 345 678' (a leading 0 left out, or dropped by Excel); '' when
    the value is not a Vietnamese mobile number."""
    value = _SEPARATORS.sub("", str(raw or ""))
    if value.startswith("+84"):
        value = value[3:]
    elif value.startswith("0084"):
        value = value[4:]
    elif value.startswith("84") and len(value) == 11:
        value = value[2:]
    if len(value) == 9:
        value = "0" + value
    if len(value) == 10 and value.isdigit() and value.startswith(MOBILE_PREFIXES):
        return value
    return ""
