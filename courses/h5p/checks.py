"""System checks for the package content origin (lms.content_origin)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security)
def content_origin_is_its_own_host(app_configs, **kwargs):
    content = urlsplit(settings.HOCMO_CONTENT_ORIGIN)
    site = urlsplit(settings.HOCMO_SITE_ORIGIN)
    if not content.scheme or not content.netloc:
        return [Error("HOCMO_CONTENT_ORIGIN must be an origin such as https://noidung.example.vn",
                      id="h5p.E001")]
    if content.netloc.lower() == site.netloc.lower():
        return [Error("HOCMO_CONTENT_ORIGIN must be another host than the site "
                      "(HOCMO_SITE_ORIGIN): package scripts would run with the site's cookies.",
                      id="h5p.E002")]
    return []


@register(Tags.security, deploy=True)
def content_origin_in_production(app_configs, **kwargs):
    content = urlsplit(settings.HOCMO_CONTENT_ORIGIN)
    if content.scheme != "https" or content.hostname in ("localhost", "127.0.0.1"):
        return [Warning("HOCMO_CONTENT_ORIGIN should be an https host of its own in production "
                        "(ideally another registrable domain than the site).", id="h5p.W001")]
    return []
