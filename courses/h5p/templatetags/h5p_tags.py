from urllib.parse import urlencode

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def lesson_has_h5p(page) -> bool:
    """True when the lesson body holds an H5P block: only then does the page load the player.
    Reads the raw stream data, so no block is converted and no query runs."""
    body = getattr(page, "body", None)
    raw = getattr(body, "raw_data", None) or []
    return any(getattr(item, "get", lambda _k: None)("type") == "h5p" for item in raw)


@register.simple_tag
def h5p_activity_iri(page, content) -> str:
    """The activity IRI of this block: on the site's origin, the same for every learner."""
    from lms.content_origin import site_origin

    from ..selectors import activity_path

    return site_origin() + activity_path(page.pk, content.pk)


@register.simple_tag
def h5p_frame_src(content, activity: str) -> str:
    """The player frame on the content origin (never the site: see lms.content_origin)."""
    from lms.content_origin import content_url

    query = urlencode({"activity": activity, "lang": "en" if get_language() == "en" else "vi"})
    return f"{content_url('h5p:player_frame', content.package.sha256)}?{query}"


@register.simple_tag
def h5p_content_origin() -> str:
    """The content origin, for the lesson page's preconnect (issue 18)."""
    from lms.content_origin import content_origin

    return content_origin()
