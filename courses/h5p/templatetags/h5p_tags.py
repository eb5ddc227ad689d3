from django import template

register = template.Library()


@register.simple_tag
def lesson_has_h5p(page) -> bool:
    """True when the lesson body holds an H5P block: only then does the page load the player.
    Reads the raw stream data, so no block is converted and no query runs."""
    body = getattr(page, "body", None)
    raw = getattr(body, "raw_data", None) or []
    return any(getattr(item, "get", lambda _k: None)("type") == "h5p" for item in raw)


@register.simple_tag
def h5p_activity_path(page, content) -> str:
    from ..selectors import activity_path

    return activity_path(page.pk, content.pk)


@register.simple_tag
def h5p_package_url(content) -> str:
    """The folder URL the player reads h5p.json, content/ and libraries/ from."""
    from django.urls import reverse

    manifest = reverse("h5p:package_file", args=[content.package.sha256, "h5p.json"])
    return manifest.removesuffix("/h5p.json")
