"""Operations (issue 25): health and readiness, Prometheus metrics, logs. docs/operations.md.

- `HOCMO_READYZ_TIMEOUT`: seconds /readyz gives its checks in all (default 2);
- `HOCMO_METRICS=1` turns on django-prometheus (its middleware pair counts every request, so it
  is off by default: the per-request CPU goals) and `/metrics`;
- `HOCMO_METRICS_TOKEN`: a bearer token /metrics asks for; without one, /metrics answers only
  the networks in `HOCMO_METRICS_ALLOWED_NETWORKS` (default loopback);
- `HOCMO_LOG_FORMAT=json`: one JSON object per line (python-json-logger), else plain text; both
  carry the request id (lms/ops/requestid.py).
"""

from .env import env

HOCMO_READYZ_TIMEOUT = env.float("HOCMO_READYZ_TIMEOUT", default=2.0)

HOCMO_METRICS = env.bool("HOCMO_METRICS", default=False)
HOCMO_METRICS_TOKEN = env("HOCMO_METRICS_TOKEN", default="")
HOCMO_METRICS_ALLOWED_NETWORKS = env.list("HOCMO_METRICS_ALLOWED_NETWORKS",
                                          default=["127.0.0.0/8", "::1/128"])

HOCMO_LOG_FORMAT = env("HOCMO_LOG_FORMAT", default="text")
JSON_LOG_FIELDS = "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s"
TEXT_LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


def ops_middleware(middleware: list[str]) -> list[str]:
    """The request id first, then the ops endpoints; django-prometheus's pair around all when
    metrics are on."""
    stack = ["lms.ops.requestid.RequestIdMiddleware",
             "lms.ops.middleware.OpsEndpointsMiddleware", *middleware]
    if HOCMO_METRICS:
        stack = ["django_prometheus.middleware.PrometheusBeforeMiddleware", *stack,
                 "django_prometheus.middleware.PrometheusAfterMiddleware"]
    return stack


def ops_apps(apps: list[str]) -> list[str]:
    return [*apps, "django_prometheus"] if HOCMO_METRICS else apps


def logging_config(log_format: str, level: str) -> dict:
    if log_format == "json":
        formatter = {"()": "pythonjsonlogger.json.JsonFormatter", "fmt": JSON_LOG_FIELDS,
                     "rename_fields": {"asctime": "time", "levelname": "level",
                                       "name": "logger"}}
    else:
        formatter = {"format": TEXT_LOG_FORMAT}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "lms.ops.requestid.RequestIdFilter"}},
        "formatters": {"hocmo": formatter},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "hocmo",
                                 "filters": ["request_id"]}},
        "root": {"handlers": ["console"], "level": level},
    }
