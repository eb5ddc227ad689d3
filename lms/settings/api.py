"""The REST API: Django REST framework, the OpenAPI schema (drf-spectacular) and OAuth2 client
credentials (django-oauth-toolkit). Used by lms.api."""

from typing import Any

from .env import env

REST_FRAMEWORK: dict[str, Any] = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # JSON through lms.jsonio (depth limit, finite numbers, no NUL), like every JSON endpoint.
    "DEFAULT_PARSER_CLASSES": ["lms.api.parsers.StrictJSONParser",
                               "rest_framework.parsers.FormParser",
                               "rest_framework.parsers.MultiPartParser"],
    # Per client: an integration's service account, or a signed-in person. Used by lms.api only.
    "DEFAULT_THROTTLE_RATES": {
        "api_user": env("HOCMO_API_RATE_USER", default="600/min"),
        "api_anon": env("HOCMO_API_RATE_ANON", default="60/min"),
    },
}

SPECTACULAR_SETTINGS: dict[str, Any] = {
    "TITLE": "HọcMở API",
    "VERSION": "1.0.0",
    "DESCRIPTION": (
        "API của HọcMở cho tích hợp của Sở, Phòng và trường: đơn vị, người học, lớp, khóa học, "
        "ghi danh và tiến độ. Mọi điểm cuối áp dụng cùng quy tắc vai trò × cây đơn vị như "
        "trang web.\n\n"
        "HọcMở API for province, district and school integrations: units, people, classes, "
        "courses, enrolments and progress. Every endpoint applies the same role × unit-subtree "
        "rules as the web pages."
    ),
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["lms.api.schema.only_api_v1"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "lms.api.schema.document_errors_and_sparse_fields",
    ],
}

OAUTH2_PROVIDER = {
    "SCOPES": {"read": "Đọc / Read", "write": "Ghi / Write"},
    "DEFAULT_SCOPES": ["read"],
    "ACCESS_TOKEN_EXPIRE_SECONDS": env.int("HOCMO_API_TOKEN_SECONDS", default=3600),
}
# The (unswapped) model Django needs to resolve ApiClient's foreign key to the application.
OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth2_provider.Application"
