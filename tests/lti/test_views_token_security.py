"""Our platform's token endpoint (client_credentials with a JWT assertion the tool signed)."""

import pytest

from .tokens import OTHER_KEY, signed

BASE = "http://testserver"
TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"


def _post(client, assertion: str, scope: str = SCORE):
    return client.post("/lti/platform/token/", {
        "grant_type": "client_credentials", "client_assertion_type": TYPE,
        "client_assertion": assertion, "scope": scope})


def _claims(loop, **changes):
    cid = loop["tool"].client_id
    return {"iss": cid, "sub": cid, "aud": f"{BASE}/lti/platform/token/", **changes}


def test_a_valid_assertion_gets_a_token(client, loop):
    response = _post(client, signed(_claims(loop)))
    assert response.status_code == 200
    assert response.json()["scope"] == SCORE
    assert response.json()["token_type"] == "Bearer"


@pytest.mark.parametrize("case", ["expired", "wrong_audience", "wrong_issuer", "unknown_kid",
                                  "other_key_our_kid", "unknown_client"])
def test_a_bad_assertion_is_refused(client, loop, case):
    claims, kwargs = _claims(loop), {}
    if case == "expired":
        kwargs["lifetime"] = -120
    elif case == "wrong_audience":
        claims["aud"] = "https://elsewhere.example/token"
    elif case == "wrong_issuer":
        claims["iss"] = "someone-else"
    elif case == "unknown_kid":
        kwargs["key"] = OTHER_KEY
    elif case == "other_key_our_kid":
        from lms.lti.selectors import lti_key_signing
        kwargs.update(key=OTHER_KEY, kid=lti_key_signing().kid)
    elif case == "unknown_client":
        claims["sub"] = claims["iss"] = "unknown"
    response = _post(client, signed(claims, **kwargs))
    assert response.status_code == 401
    assert "access_token" not in response.json()


def test_a_replayed_assertion_is_refused(client, loop):
    assertion = signed(_claims(loop))
    assert _post(client, assertion).status_code == 200
    assert _post(client, assertion).status_code == 401


def test_no_scope_and_bad_grant_and_garbage(client, loop):
    assert _post(client, signed(_claims(loop)), scope="other").status_code == 400
    assert client.post("/lti/platform/token/", {"grant_type": "password"}).status_code == 400
    assert _post(client, "garbage").status_code == 401


def test_scores_need_a_bearer_token(client, loop):
    from lms.lti.services import tool_link_ensure
    link = tool_link_ensure(tool=loop["tool"], lesson=loop["lessons"][0])
    url = f"/lti/platform/ags/{link.pk}/lineitem/scores"
    assert client.post(url, "{}", content_type="application/json").status_code == 401
    assert client.post(url, "{}", content_type="application/json",
                       HTTP_AUTHORIZATION="Bearer " + signed({"sub": "x"})).status_code == 401
