"""Helpers the LTI views share: the auto-submitting form page and its CSP."""

from urllib.parse import urlsplit

from django.shortcuts import render


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def autopost(request, *, action: str, fields: dict, method: str = "post", status: int = 200):
    """A page whose form sends `fields` to `action` (another site) on load: the way OIDC and
    LTI messages travel through the browser. The site's CSP allows this one form target."""
    response = render(request, "lti/autopost.html",
                      {"action": action, "fields": fields, "method": method}, status=status)
    response._csp_update = {"form-action": [origin_of(action)]}  # type: ignore[attr-defined]
    return response


def refused(request, message: str, status: int = 400):
    return render(request, "lti/refused.html", {"message": message}, status=status)
