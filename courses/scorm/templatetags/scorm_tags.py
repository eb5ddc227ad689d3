from urllib.parse import urlencode

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def lesson_has_scorm(page) -> bool:
    """True when the lesson body holds a SCORM block: only then does the page load the player.
    Reads the raw stream data, so no block is converted and no query runs."""
    body = getattr(page, "body", None)
    raw = getattr(body, "raw_data", None) or []
    return any(getattr(item, "get", lambda _k: None)("type") == "scorm" for item in raw)


@register.simple_tag
def scorm_frame_src(package) -> str:
    """The player frame on the content origin (never the site: see lms.content_origin)."""
    from lms.content_origin import content_url

    query = urlencode({"lang": "en" if get_language() == "en" else "vi"})
    return f"{content_url('scorm:player_frame', package.sha256)}?{query}"


@register.simple_tag
def scorm_content_origin() -> str:
    from lms.content_origin import content_origin

    return content_origin()


@register.simple_tag
def scorm_toc(package) -> list[dict]:
    """The default organisation's items, for the table of contents (only worth showing when the
    package has more than one SCO)."""
    manifest = package.manifest or {}
    if len(manifest.get("scos") or []) < 2:
        return []
    default = manifest.get("default_organization")
    for organization in manifest.get("organizations") or []:
        if organization.get("identifier") == default:
            return organization.get("items") or []
    return []
