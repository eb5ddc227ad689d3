"""`{{ amount|money }}`: money in the page's language (lms.common.money, issue 19 item 6)."""

from django import template

from lms.common.money import format_money

register = template.Library()


@register.filter(name="money")
def money(amount) -> str:
    return format_money(amount)
