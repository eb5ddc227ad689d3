"""The one place HọcMở's LTI code reaches other systems over HTTP (platform JWKS, token and
service endpoints; a tool's JWKS). Tests put an in-process transport here (tests/lti)."""

import requests

TIMEOUT = 10


class _TimeoutSession(requests.Session):
    def request(self, *args, **kwargs):
        kwargs.setdefault("timeout", TIMEOUT)
        return super().request(*args, **kwargs)


def _default() -> requests.Session:
    session = _TimeoutSession()
    session.headers["User-Agent"] = "HocMo-LTI/1.0"
    return session


session_factory = _default


def session() -> requests.Session:
    return session_factory()
