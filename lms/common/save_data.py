"""Low-data mode (issue 22): a browser with the data saver on (Chrome's Lite mode, the
`Save-Data` client hint) sends `Save-Data: on`. Lesson pages then show images as a tap-to-load
link instead of loading them, and never preload video. The lesson body, its skeleton and the
anonymous page cache key on it; responses that may differ carry `Vary: Save-Data`
(lms.offline.middleware). docs/features/offline.md, "Quizzes and low-data mode"."""

HEADER_META = "HTTP_SAVE_DATA"


def save_data(request) -> bool:
    """True when the request asks to save data (`Save-Data: on`, any case, per the client
    hints spec; anything else, or no header, is off)."""
    return request.META.get(HEADER_META, "").strip().lower() == "on"
