"""`{% may_open 'app:name' as ok %}`: whether the signed-in person may open the page a link
points to, asked of the view's own declaration (`@public/@signed_in/@requires`, access.py), so
a link and its view cannot drift (issue 19). A `@requires(capability)` view is answered from
the capabilities that `has_capability` gave at sign-in (kept in the session with the
navigation flags, so the header costs no query), or from `has_capability` itself when the
session has none. `@signed_in` views that refuse some people themselves are guarded in the
template by the role flags."""

from django import template
from django.urls import NoReverseMatch, resolve, reverse

from lms.units.access import declared_access
from lms.units.permissions import has_capability

register = template.Library()


def may_open_url(request, url_name: str, *args) -> bool:
    try:
        match = resolve(reverse(url_name, args=args or None))
    except NoReverseMatch:
        return False
    access = declared_access(match.func)
    user = request.user
    if access is None or access.rule == "public":
        return True
    if not user.is_authenticated:
        return False
    if access.capability is None:
        return True
    caps = (request.session.get("hocmo_nav") or {}).get("caps") if hasattr(
        request, "session") else None
    if caps is not None and not user.is_superuser:
        return access.capability.value in caps
    return has_capability(user, access.capability)


@register.simple_tag(takes_context=True)
def may_open(context, url_name, *args):
    request = context.get("request")
    return request is not None and may_open_url(request, url_name, *args)
