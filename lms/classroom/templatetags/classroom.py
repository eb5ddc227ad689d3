from django import template

from ..scores import score_display

register = template.Library()


@register.filter(name="score")
def score_filter(value) -> str:
    """A score in the reader's language: "8,5" (Vietnamese), "8.5" (English)."""
    return score_display(value)
