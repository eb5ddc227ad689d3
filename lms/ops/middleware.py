"""Answers /healthz, /readyz and /metrics before any other middleware: no session, CSRF,
locale, page cache, gzip or HTTPS redirect (a load balancer probes plain HTTP by address, so
ALLOWED_HOSTS is not consulted either). Placed right after RequestIdMiddleware."""

from . import views

ENDPOINTS = {"/healthz": views.healthz, "/readyz": views.readyz, "/metrics": views.metrics}


class OpsEndpointsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = ENDPOINTS.get(request.path_info)
        if view is not None and request.method in ("GET", "HEAD"):
            return view(request)
        return self.get_response(request)
