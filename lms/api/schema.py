"""OpenAPI extras: only /api/v1/ in the schema, and the client-credentials security scheme."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


def only_api_v1(endpoints, **kwargs):
    return [e for e in endpoints if e[0].startswith("/api/v1/")]


class ApiClientAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "lms.api.authentication.ApiClientAuthentication"
    name = "oauth2"

    def get_security_definition(self, auto_schema):
        return {
            "type": "oauth2",
            "description": (
                "OAuth2 client credentials: POST /api/oauth/token/ với client_id và "
                "client_secret do quản trị cấp; ứng dụng chỉ thấy cây đơn vị được gắn. / "
                "OAuth2 client credentials: POST /api/oauth/token/ with the client_id and "
                "client_secret an administrator issued; a client sees only its unit subtree."),
            "flows": {"clientCredentials": {
                "tokenUrl": "/api/oauth/token/",
                "scopes": {"read": "Đọc / Read", "write": "Ghi / Write"},
            }},
        }


ERROR_SCHEMA = {
    "type": "object",
    "description": "Lỗi: `detail` hoặc thông báo theo từng trường. / Error: `detail` or "
                   "messages per field.",
    "additionalProperties": True,
}
_ERRORS = {
    "400": "Dữ liệu không hợp lệ (thông báo theo trường). / Invalid input (per-field messages).",
    "401": "Chưa xác thực. / Not authenticated.",
    "403": "Không có quyền (phạm vi hoặc quyền ghi). / Forbidden (scope or write access).",
    "404": "Không có, hoặc ngoài phạm vi của bạn. / Not found, or outside your scope.",
    "429": "Quá số yêu cầu cho phép. / Rate limit exceeded.",
}


def document_errors_and_sparse_fields(result, generator, request, public):
    """Every operation may answer the common errors; and because `?fields=` may drop any
    field, response components list no required properties (request components keep theirs)."""
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            for code, text in _ERRORS.items():
                responses.setdefault(code, {"description": text, "content": {
                    "application/json": {"schema": ERROR_SCHEMA}}})
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if not name.endswith("Request") and not name.startswith("Patched"):
            component.pop("required", None)
    return result
