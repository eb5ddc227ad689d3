"""Content-Security-Policy of SCORM responses on the content origin — and why it is looser than
H5P's.

H5P's player is our own code, so its frame runs with `sandbox allow-scripts` (an opaque origin)
and `script-src` naming the content origin only. SCORM content is the authoring tool's code:
iSpring, Captivate and Articulate exports use inline <script> blocks, inline event handlers,
`eval`/`new Function`, XHR to their own files and localStorage, and every SCO must reach the
`API` / `API_1484_11` object by walking `window.parent` — which only works when the SCO and
the player frame share an origin. So SCORM documents get:

- `'unsafe-inline' 'unsafe-eval'` for scripts and styles, but only the content origin (and
  data:/blob:) as a source of anything, and `connect-src` the content origin only: a SCO
  cannot send what it knows anywhere else;
- `sandbox allow-scripts allow-same-origin allow-forms`: the content origin keeps its origin
  (needed for the API walk), but no popups, no top navigation, no downloads, no modals — also
  when a file is opened on its own, not framed;
- `frame-ancestors` the content origin (the player frame) and the site (the lesson page).

What this gives away is nothing of the learner's: the content origin is another site (its own
domain; in development localhost vs 127.0.0.1), its middleware drops every cookie and sets
none, it has no session and no CSRF token, and the site's cookies are never sent to it nor
readable from it. What a SCO could still do is read another package's public files or the
content origin's localStorage — both hold nothing private (the player frame keeps no state in
storage; runtime data lives on the site and travels by postMessage)."""

from lms.content_origin import content_origin, site_origin

SANDBOX = "sandbox allow-scripts allow-same-origin allow-forms"


def sco_policy() -> str:
    """Every file of a package (documents, and svg/xml a browser may render)."""
    content = content_origin()
    return "; ".join([
        "default-src 'none'",
        f"script-src {content} 'unsafe-inline' 'unsafe-eval' blob:",
        f"style-src {content} 'unsafe-inline' data: blob:",
        f"img-src {content} data: blob:",
        f"media-src {content} data: blob:",
        f"font-src {content} data:",
        f"connect-src {content} data: blob:",
        f"frame-src {content} blob: data:",
        f"worker-src {content} blob:",
        "object-src 'none'",
        f"base-uri {content}",
        "form-action 'none'",
        f"frame-ancestors {content} {site_origin()}",
        SANDBOX,
    ])


def player_policy() -> str:
    """The player frame: our own code only (scorm-again and frame.js, no inline script, no
    eval); it frames the package's SCOs from the content origin; embedded by the site only."""
    content = content_origin()
    return "; ".join([
        "default-src 'none'",
        f"script-src {content}",
        f"style-src {content}",
        f"img-src {content} data:",
        f"frame-src {content}",
        "connect-src 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        f"frame-ancestors {site_origin()}",
        SANDBOX,
    ])
