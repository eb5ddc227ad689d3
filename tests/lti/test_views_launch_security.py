"""Launches into HọcMở as a tool: pylti1p3's checks, and ours, refuse a bad id_token."""

from urllib.parse import parse_qs, urlsplit

import pytest

from lms.lti.models import LtiIdentity

from .tokens import OTHER_KEY, signed

C = "https://purl.imsglobal.org/spec/lti/claim/"
BASE = "http://testserver"


def _login(client, loop) -> dict:
    """OIDC login initiation at the tool; returns the state and nonce the tool asks for."""
    response = client.post("/lti/login/", {
        "iss": BASE, "login_hint": "x", "target_link_uri": f"{BASE}/lti/launch/",
        "client_id": loop["tool"].client_id, "lti_deployment_id": loop["tool"].deployment_id})
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == "/lti/platform/auth/"
    query = parse_qs(location.query)
    return {"state": query["state"][0], "nonce": query["nonce"][0]}


def _claims(loop, nonce: str, **changes) -> dict:
    claims = {
        "iss": BASE, "aud": loop["tool"].client_id, "sub": "moodle-user-7", "nonce": nonce,
        "name": "Nguyễn Văn An",
        C + "message_type": "LtiResourceLinkRequest", C + "version": "1.3.0",
        C + "deployment_id": loop["tool"].deployment_id,
        C + "target_link_uri": f"{BASE}/lti/launch/",
        C + "resource_link": {"id": "rl-1"},
        C + "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
        C + "custom": {"page_id": str(loop["lessons"][0].pk)},
    }
    claims.update(changes)
    return {k: v for k, v in claims.items() if v is not None}


def _launch(client, state: str, token: str):
    return client.post("/lti/launch/", {"id_token": token, "state": state})


def test_a_valid_launch_signs_in_the_mapped_learner(client, loop):
    hints = _login(client, loop)
    response = _launch(client, hints["state"], signed(_claims(loop, hints["nonce"])))
    assert response.status_code == 302
    assert response["Location"] == loop["lessons"][0].url
    identity = LtiIdentity.objects.get(sub="moodle-user-7")
    assert identity.user.full_name == "Nguyễn Văn An"
    assert client.session["_auth_user_id"] == str(identity.user.pk)
    assert identity.user.enrolments.filter(course=loop["course"]).exists()


@pytest.mark.parametrize("case", ["expired", "wrong_audience", "wrong_issuer",
                                  "no_deployment", "unknown_deployment", "unknown_kid",
                                  "other_key_our_kid", "unknown_nonce"])
def test_a_bad_launch_is_refused(client, loop, case):
    hints = _login(client, loop)
    claims, sign_kwargs = _claims(loop, hints["nonce"]), {}
    if case == "expired":
        sign_kwargs["lifetime"] = -120
    elif case == "wrong_audience":
        claims["aud"] = "another-client"
    elif case == "wrong_issuer":
        claims["iss"] = "https://evil.example"
    elif case == "no_deployment":
        del claims[C + "deployment_id"]
    elif case == "unknown_deployment":
        claims[C + "deployment_id"] = "nope"
    elif case == "unknown_kid":
        sign_kwargs["key"] = OTHER_KEY
    elif case == "other_key_our_kid":
        from lms.lti.selectors import lti_key_signing
        sign_kwargs.update(key=OTHER_KEY, kid=lti_key_signing().kid)
    elif case == "unknown_nonce":
        claims["nonce"] = "never-issued"
    response = _launch(client, hints["state"], signed(claims, **sign_kwargs))
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session
    assert not LtiIdentity.objects.exists()


def test_a_replayed_launch_is_refused(client, loop):
    hints = _login(client, loop)
    token = signed(_claims(loop, hints["nonce"]))
    assert _launch(client, hints["state"], token).status_code == 302
    client.logout()
    replay = _launch(client, hints["state"], token)
    assert replay.status_code == 400
    assert "_auth_user_id" not in client.session


def test_garbage_is_a_400_not_a_500(client, loop):
    hints = _login(client, loop)
    assert _launch(client, hints["state"], "not.a.jwt").status_code == 400
    assert client.post("/lti/launch/", {}).status_code == 400
    assert client.post("/lti/login/", {"iss": "x"}).status_code == 400
    assert client.get("/lti/launch/").status_code == 405


def test_a_teacher_role_maps_to_teacher_in_the_class(client, loop, school_tree):
    from lms.units.models import RoleKind
    loop["platform"].unit = school_tree["school_a"]
    loop["platform"].save()
    hints = _login(client, loop)
    claims = _claims(loop, hints["nonce"], **{
        C + "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"],
        C + "context": {"id": "ctx-1", "title": "Lớp 9B (Moodle)"}})
    assert _launch(client, hints["state"], signed(claims)).status_code == 302
    user = LtiIdentity.objects.get().user
    role = user.roles.get()
    assert role.kind == RoleKind.TEACHER
    assert role.unit.name == "Lớp 9B (Moodle)"
    assert role.unit.get_parent() == school_tree["school_a"]
