from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.i18n import JavaScriptCatalog
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from lms.accounts.views import language_switch
from lms.common.lazy_urls import lazy_include
from lms.pagecache import router
from lms.units.access import public

# The Wagtail and Django admin login forms would skip two-step sign-in: both send the user to the
# site's own sign-in (password, then the code when two-step is on), keeping ?next=.
_site_sign_in = public(RedirectView.as_view(pattern_name="accounts:login", query_string=True))

# Likewise their password pages would skip the site's throttles, lockout, audit and notices.
_site_reset = public(RedirectView.as_view(pattern_name="accounts:password_reset"))
_site_password_change = public(RedirectView.as_view(pattern_name="accounts:password_change"))

# The site's error pages, in the visitor's language with a way back (lms/errors.py). The package
# content origin has its own plain-text handlers (lms/content_origin/urls.py).
handler403 = "lms.errors.forbidden"
handler404 = "lms.errors.not_found"
handler500 = "lms.errors.server_error"

urlpatterns = [
    # /healthz, /readyz, /metrics: answered by lms.ops.middleware first; routed here too.
    path("", include("lms.ops.urls")),
    # A path already served as a CMS page skips the patterns below (router.py, issue 18).
    router.known_page_paths(),
    path("admin/login/", _site_sign_in),
    path("django-admin/login/", _site_sign_in),
    re_path(r"^admin/password_reset/", _site_reset),
    re_path(r"^django-admin/password_change/", _site_password_change),
    path("django-admin/", admin.site.urls),
    # Wagtail admin's page API, at its own address, imported on first use (worker memory):
    # lms.common.wagtail_apps, lms.common.wagtail_admin_api.
    lazy_include("admin/api/main/", "lms.common.wagtail_admin_api", "wagtailadmin_api"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("tai-khoan/", include("lms.accounts.urls")),
    path("ngon-ngu/<str:code>/", language_switch, name="language_switch"),
    path("jsi18n/", public(JavaScriptCatalog.as_view()), name="javascript-catalog"),
    path("", include("courses.urls")),
    # The service worker, the web app manifest and the offline page live at the root.
    path("", include("lms.offline.urls")),
    # One prefix per feature app; each app owns the paths under its prefix.
    path("thu-vien/", include("library.urls")),
    path("tim-kiem/", include("search.urls")),
    path("xapi/", include("lms.xapi.urls")),
    path("scorm/", include("courses.scorm.site_urls")),
    # LTI 1.3 (pylti1p3 and requests): imported on the first /lti/ request or lti: reverse.
    lazy_include("lti/", "lms.lti.urls", "lti"),
    path("bao-cao/", include("lms.reports.urls")),
    path("phu-huynh/", include("lms.families.urls")),
    path("thong-bao/", include("lms.notifications.urls")),
    # Imported on the first /api/ request or api: reverse (DRF, drf-spectacular: worker memory).
    lazy_include("api/", "lms.api.urls", "api"),
    # OneRoster 1.2 rostering REST (read), the address the standard fixes (lms/api).
    lazy_include("ims/oneroster/rostering/v1p2/", "lms.api.urls_oneroster", "oneroster"),
    path("danh-sach/", include("lms.roster.urls")),
    path("kiem-tra/", include("courses.quizzes.urls")),
    path("cau-lac-bo/", include("lms.clubs.urls")),
    path("cuoc-thi/", include("lms.contests.urls")),
    path("huong-nghiep/", include("lms.careers.urls")),
    path("cong-dan-hoc-tap/", include("lms.recognition.urls")),
    path("ke-hoach/", include("lms.plans.urls")),
    path("lop/", include("lms.classroom.urls")),
    # Lesson questions: /bai-hoc/<id>/hoi-dap/ and /hoi-dap/… (lms/discussions/urls.py).
    path("", include("lms.discussions.urls")),
    path("", include("courses.certificates.urls")),
    # Old addresses of pages that moved to Vietnamese ones: 301 (a form's POST: 308).
    path("", include("lms.urls_moved")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Every other path is a CMS page, served through the versioned route cache.
    re_path(router.PAGE_PATH_RE, router.serve, name="wagtail_serve"),
]
