"""LTI tests: HọcMở is platform and tool for itself, in process. What would cross the network
(JWKS, token, AGS and NRPS calls) goes through `lms.lti.http`, here a requests transport that
hands each request to Django's test client (the world's edge, nothing else replaced)."""

from urllib.parse import urlsplit

import pytest
import requests
from django.test import Client
from requests.structures import CaseInsensitiveDict

from lms.lti import http
from lms.lti.models import LtiPlatform, LtiTool
from lms.lti.services import lti_key_ensure
from tests.courses.factories import course_with_lessons

BASE = "http://testserver"


class InProcessAdapter(requests.adapters.BaseAdapter):
    def __init__(self):
        super().__init__()
        self.client = Client()
        self.calls: list[str] = []

    def send(self, request, **kwargs):
        parts = urlsplit(request.url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        self.calls.append(f"{request.method} {parts.path}")
        extra = {}
        if request.headers.get("Authorization"):
            extra["HTTP_AUTHORIZATION"] = request.headers["Authorization"]
        if request.method == "GET":
            response = self.client.get(path, **extra)
        else:
            body = request.body or b""
            response = self.client.generic(
                request.method, path, body.encode() if isinstance(body, str) else body,
                content_type=request.headers.get("Content-Type",
                                                 "application/x-www-form-urlencoded"), **extra)
        result = requests.Response()
        result.status_code = response.status_code
        result._content = response.content
        result.headers = CaseInsensitiveDict(dict(response.items()))
        result.url = request.url
        result.request = request
        return result

    def close(self):
        pass


@pytest.fixture
def in_process(monkeypatch):
    adapter = InProcessAdapter()

    def factory():
        session = requests.Session()
        session.mount(BASE, adapter)
        return session

    monkeypatch.setattr(http, "session_factory", factory)
    return adapter


@pytest.fixture
def loop(db, in_process, settings):
    """HọcMở registered as a tool on itself and as a platform of itself."""
    settings.HOCMO_LTI_ISSUER = BASE
    lti_key_ensure()
    tool = LtiTool.objects.create(
        name="HọcMở (công cụ)", login_url=f"{BASE}/lti/login/", launch_url=f"{BASE}/lti/launch/",
        deep_link_url=f"{BASE}/lti/launch/", jwks_url=f"{BASE}/lti/jwks.json")
    platform = LtiPlatform.objects.create(
        name="HọcMở (nền tảng)", issuer=BASE, client_id=tool.client_id,
        deployment_ids=[tool.deployment_id], auth_login_url=f"{BASE}/lti/platform/auth/",
        auth_token_url=f"{BASE}/lti/platform/token/", key_set_url=f"{BASE}/lti/jwks.json")
    course, lessons = course_with_lessons(2)
    return {"tool": tool, "platform": platform, "course": course, "lessons": lessons}
