"""Money, the ONE way it is shown (issue 19 item 6): Vietnamese "850.000 đ" (dot between
thousands, a no-break space before đ so the symbol never wraps away from its figure), English
"850,000 VND". Amounts are whole đồng (VND has no minor unit in use): a fraction is rounded.
Templates use the `money` filter (`{% load money %}{{ amount|money }}`, lms/units/templatetags);
spreadsheets keep numbers as numbers with a number format instead."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import get_language

NBSP = "\u00a0"


def format_money(amount, language: str | None = None) -> str:
    """`amount` (int, Decimal, float or numeric text) in the language's style; "" for None or
    anything that is not a number."""
    if amount is None or amount == "":
        return ""
    try:
        whole = int(Decimal(str(amount)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except (ArithmeticError, ValueError):
        return ""
    grouped = f"{abs(whole):,}"
    sign = "-" if whole < 0 else ""
    if (language or get_language() or "vi").startswith("en"):
        return f"{sign}{grouped}{NBSP}VND"
    return f"{sign}{grouped.replace(',', '.')}{NBSP}đ"
