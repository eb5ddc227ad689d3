"""The whole URLconf of the content origin: package files and player frames, nothing else.
Every view here is public (packages are addressed by content hash) and sessionless. Errors are
plain text: the site's error pages link to site URLs this URLconf does not have."""

from django.http import HttpResponse
from django.urls import include, path


def _plain(status: int, text: bytes):
    def view(request, exception=None):
        return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")
    return view


handler400 = _plain(400, b"Bad request")
handler403 = _plain(403, b"Forbidden")
handler404 = _plain(404, b"Not found")
handler500 = _plain(500, b"Server error")

urlpatterns = [
    path("h5p/", include("courses.h5p.urls")),
    path("scorm/", include("courses.scorm.urls")),
]
