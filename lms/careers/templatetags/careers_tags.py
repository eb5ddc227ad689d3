"""Display helpers: wage ranges in VND per month, in the words Vietnamese job ads use."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


def _millions(value: int) -> str:
    text = f"{value / 1_000_000:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


@register.simple_tag
def wage_range(low, high) -> str:
    if low and high and low != high:
        return _("%(low)s – %(high)s triệu đồng/tháng") % {"low": _millions(low),
                                                          "high": _millions(high)}
    if low and high:  # the same figure twice
        return _("%(n)s triệu đồng/tháng") % {"n": _millions(low)}
    if low:
        return _("từ %(n)s triệu đồng/tháng") % {"n": _millions(low)}
    if high:
        return _("đến %(n)s triệu đồng/tháng") % {"n": _millions(high)}
    return _("thỏa thuận")
