"""The machine endpoints for load balancers, orchestrators and Prometheus. English, JSON or
Prometheus text, never cached; reached before any session or page-cache work
(lms.ops.middleware)."""

import hmac
import ipaddress
import os

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

from lms.units.access import public

from .health import readiness


@public
@never_cache
def healthz(request):
    """Alive: the process answers. Touches no database, cache or broker."""
    return JsonResponse({"status": "ok"})


@public
@never_cache
def readyz(request):
    """Ready: 200 naming each check, or 503 naming what failed."""
    ready, results = readiness()
    failed = [name for name, result in results.items() if result not in ("ok", "in-process")]
    body: dict[str, object] = {"status": "ok" if ready else "unavailable", "checks": results}
    if failed:
        body["failed"] = failed
    return JsonResponse(body, status=200 if ready else 503)


def _metrics_allowed(request) -> bool:
    token = settings.HOCMO_METRICS_TOKEN
    if token:
        given = request.META.get("HTTP_AUTHORIZATION", "")
        return hmac.compare_digest(given.encode(), f"Bearer {token}".encode())
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(net, strict=False)
               for net in settings.HOCMO_METRICS_ALLOWED_NETWORKS)


@public
@never_cache
def metrics(request):
    """Prometheus text (django-prometheus's counters and the process's), when `HOCMO_METRICS`
    is on; for a bearer token (`HOCMO_METRICS_TOKEN`) or, without one, for the addresses in
    `HOCMO_METRICS_ALLOWED_NETWORKS` (loopback by default)."""
    if not settings.HOCMO_METRICS:
        return HttpResponse("metrics are off (HOCMO_METRICS)\n", status=404,
                            content_type="text/plain")
    if not _metrics_allowed(request):
        response = HttpResponse("forbidden\n", status=403, content_type="text/plain")
        if settings.HOCMO_METRICS_TOKEN:
            response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    import prometheus_client
    from prometheus_client import multiprocess

    registry = prometheus_client.REGISTRY
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):  # gunicorn: one registry over all workers
        registry = prometheus_client.CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    return HttpResponse(prometheus_client.generate_latest(registry),
                        content_type=prometheus_client.CONTENT_TYPE_LATEST)
