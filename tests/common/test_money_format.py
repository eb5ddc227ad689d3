"""Issue 19 item 6: one money format — "850.000 đ" in Vietnamese, "850,000 VND" in English."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from lms.common.money import format_money

NB = "\u00a0"


@pytest.mark.parametrize(("amount", "vi", "en"), [
    (850000, f"850.000{NB}đ", f"850,000{NB}VND"),
    (0, f"0{NB}đ", f"0{NB}VND"),
    (999, f"999{NB}đ", f"999{NB}VND"),
    (1234567890, f"1.234.567.890{NB}đ", f"1,234,567,890{NB}VND"),
    (Decimal("1500.5"), f"1.501{NB}đ", f"1,501{NB}VND"),
    (-25000, f"-25.000{NB}đ", f"-25,000{NB}VND"),
    ("42000", f"42.000{NB}đ", f"42,000{NB}VND"),
])
def test_format_money(amount, vi, en):
    assert format_money(amount, "vi") == vi
    assert format_money(amount, "en") == en


@pytest.mark.parametrize("bad", [None, "", "abc", float("nan")])
def test_not_a_number_shows_nothing(bad):
    assert format_money(bad, "vi") == ""


def test_filter_follows_the_active_language():
    template = Template("{% load money %}{{ amount|money }}")
    with translation.override("vi"):
        assert template.render(Context({"amount": 850000})) == f"850.000{NB}đ"
    with translation.override("en"):
        assert template.render(Context({"amount": 850000})) == f"850,000{NB}VND"
