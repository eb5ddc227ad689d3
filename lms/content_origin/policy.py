"""Content-Security-Policy of the content origin's responses."""

from . import content_origin, site_origin

# Package files (JSON, media, a library's svg or html opened directly): never a live document.
FILE_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox; " \
              "frame-ancestors 'none'"


def frame_policy() -> str:
    """The player frame: scripts, styles, media and fetches from the content origin only
    (the frame's own origin is opaque, so the content origin is named, not 'self'); embedded
    only by the site; always sandboxed (scripts, no same-origin), even if opened on its own."""
    content = content_origin()
    return "; ".join([
        "default-src 'none'",
        f"script-src {content}",
        f"style-src {content} 'unsafe-inline'",
        f"img-src {content} data: blob:",
        f"media-src {content} data: blob:",
        f"font-src {content} data:",
        f"connect-src {content}",
        f"frame-src {content} blob:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        f"frame-ancestors {site_origin()}",
        "sandbox allow-scripts",
    ])
