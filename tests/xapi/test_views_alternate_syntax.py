"""Alternate Request Syntax: 1.0.3 Communication 1.3 (XAPI-00336, "The LRS MUST support the
Alternate Request Syntax"); removed from 2.0 (IEEE 9274.1.1 has no such section; the 2.0 suite
expects a 4xx for any `method` parameter)."""

import json
import uuid
from urllib.parse import urlencode

import pytest

from lms.xapi.models import Document, Statement

from .helpers import basic_client, statement

pytestmark = pytest.mark.django_db
FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def form_auth():
    """The tool's headers as form fields, the way a browser without CORS sends them."""
    _tool, headers = basic_client()
    return {"Authorization": headers["HTTP_AUTHORIZATION"], "X-Experience-API-Version": "1.0.3"}


def _alt(client, method, url, fields):
    return client.post(f"{url}?method={method}", data=urlencode(fields), content_type=FORM)


def test_put_get_and_state_through_the_alternate_syntax(client, form_auth):
    """1.0.3 Communication 1.3: "the LRS MUST treat the listed form parameters, Authorization,
    X-Experience-API-Version, Content-Type, Content-Length, If-Match and If-None-Match, as
    header parameters", the `content` form parameter as the body, any other form parameter as
    a query parameter."""
    sid = str(uuid.uuid4())
    put = _alt(client, "PUT", "/xapi/statements", {
        **form_auth, "statementId": sid, "Content-Type": "application/json",
        "content": json.dumps(statement())})
    assert put.status_code == 204, put.content
    assert Statement.objects.filter(id=sid).exists()
    got = _alt(client, "GET", "/xapi/statements", {**form_auth, "limit": "1"})
    assert got.status_code == 200
    assert got.json()["statements"][0]["id"] == sid and "more" in got.json()
    state = {"activityId": "https://hocmo.vn/hoat-dong/1", "stateId": "s",
             "agent": json.dumps({"mbox": "mailto:ai@example.vn"})}
    assert _alt(client, "PUT", "/xapi/activities/state", {
        **form_auth, **state, "content": '{"trang": 3}',
        "Content-Type": "application/json"}).status_code == 204
    assert json.loads(bytes(Document.objects.get().content)) == {"trang": 3}


def test_a_real_header_wins_over_the_same_form_field(client, form_auth):
    """The suite (1.0.3, Communication 1.3.s3.b7) sends a real 1.0.3 version header and a form
    field "0.8" and expects the statement stored: the request's own header is kept."""
    sid = str(uuid.uuid4())
    response = client.post("/xapi/statements?method=PUT", data=urlencode({
        "Authorization": form_auth["Authorization"], "X-Experience-API-Version": "0.8",
        "statementId": sid, "content": json.dumps(statement())}), content_type=FORM,
        HTTP_X_EXPERIENCE_API_VERSION="1.0.3")
    assert response.status_code == 204, response.content


@pytest.mark.parametrize("case", ["extra query", "no content", "not a form", "not POST",
                                  "2.0 header", "2.0 form field"])
def test_malformed_or_2_0_alternate_requests_are_400(client, form_auth, case):
    """1.0.3 Communication 1.3: "The LRS MUST reject ... any other query parameters than
    method" (XAPI-00336 cases: extra information, no `content`, a body not form-encoded, a
    method parameter on anything but POST); 2.0: the syntax no longer exists."""
    sid = str(uuid.uuid4())
    fields = {**form_auth, "statementId": sid, "content": json.dumps(statement())}
    if case == "extra query":
        response = client.post(f"/xapi/statements?method=PUT&statementId={sid}",
                               data=urlencode(fields), content_type=FORM)
    elif case == "no content":
        response = _alt(client, "PUT", "/xapi/statements",
                        {k: v for k, v in fields.items() if k != "content"})
    elif case == "not a form":
        response = client.post("/xapi/statements?method=PUT", data=json.dumps(fields),
                               content_type=FORM.replace("x-www-form-urlencoded", "json"))
    elif case == "not POST":
        response = client.get("/xapi/statements", {"method": "POST"},
                              HTTP_AUTHORIZATION=form_auth["Authorization"],
                              HTTP_X_EXPERIENCE_API_VERSION="1.0.3")
    elif case == "2.0 header":
        response = client.post("/xapi/statements?method=PUT", data=urlencode(fields),
                               content_type=FORM, HTTP_X_EXPERIENCE_API_VERSION="2.0.0")
    else:
        response = _alt(client, "PUT", "/xapi/statements",
                        {**fields, "X-Experience-API-Version": "2.0.0"})
    assert response.status_code == 400, response.content
    assert not Statement.objects.filter(id=sid).exists()
