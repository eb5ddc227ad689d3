"""/lti/: English paths for the protocol endpoints (machines call them), Vietnamese for the pages
people see (the deep linking picker)."""

from django.urls import path

from . import platform_views, tool_views

app_name = "lti"

urlpatterns = [
    path("jwks.json", tool_views.jwks, name="jwks"),
    # HọcMở as a tool
    path("login/", tool_views.login_initiation, name="login"),
    path("launch/", tool_views.launch, name="launch"),
    path("chon-noi-dung/<str:launch_id>/", tool_views.deep_link_pick, name="pick"),
    # HọcMở as a platform
    path("nen-tang/mo/<int:lesson_id>/<int:tool_id>/", platform_views.start, name="start"),
    path("platform/auth/", platform_views.auth, name="auth"),
    path("platform/token/", platform_views.token, name="token"),
    path("platform/deep-link/<int:link_id>/", platform_views.deep_link_return,
         name="deep_link_return"),
    path("platform/nrps/<int:link_id>/memberships", platform_views.memberships,
         name="memberships"),
    path("platform/ags/<int:link_id>/lineitems", platform_views.lineitems, name="lineitems"),
    path("platform/ags/<int:link_id>/lineitem", platform_views.lineitem, name="lineitem"),
    path("platform/ags/<int:link_id>/lineitem/scores", platform_views.scores, name="scores"),
]
