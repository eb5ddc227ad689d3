"""`{% may_open 'app:name' as ok %}`: whether the signed-in person may open the page a link
points to, asked of the view's own declaration (`@public/@signed_in/@requires`, access.py), so
a link and its view cannot drift (issue 19). A `@requires(capability)` view is answered from
the capabilities that `has_capability` gave at sign-in (kept in the session with the
navigation flags, so the header costs no query), or from `has_capability` itself when the
session has none. `@signed_in` views that refuse some people themselves are guarded in the
template by the role flags."""

from django import template

from lms.units.permissions import may_open_url

register = template.Library()


@register.simple_tag(takes_context=True, name="may_open")
def link_may_open(context, url_name, *args):
    request = context.get("request")
    return request is not None and may_open_url(request, url_name, *args)
