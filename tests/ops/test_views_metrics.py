"""/metrics: off unless HOCMO_METRICS; with a token, only for that bearer token; without one,
only for the allowed networks (loopback by default)."""

from django.test import override_settings


@override_settings(HOCMO_METRICS=False)
def test_metrics_off_by_default_is_404(client):
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 404


@override_settings(HOCMO_METRICS=True, HOCMO_METRICS_TOKEN="s3cret-token")
def test_metrics_token_required(client):
    assert client.get("/metrics").status_code == 403
    wrong = client.get("/metrics", HTTP_AUTHORIZATION="Bearer nope")
    assert wrong.status_code == 403
    assert wrong["WWW-Authenticate"].startswith("Bearer")
    response = client.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-token",
                          REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert b"# TYPE " in response.content
    assert not response.cookies


@override_settings(HOCMO_METRICS=True, HOCMO_METRICS_TOKEN="",
                   HOCMO_METRICS_ALLOWED_NETWORKS=["127.0.0.0/8", "10.0.0.0/8"])
def test_metrics_without_token_only_for_allowed_networks(client):
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="10.4.5.6").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 403
    assert client.get("/metrics", REMOTE_ADDR="not-an-ip").status_code == 403
