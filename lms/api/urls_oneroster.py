"""OneRoster 1.2 Rostering REST (read): /ims/oneroster/rostering/v1p2/… (lms/api/
views_oneroster.py). Imported on first use, like lms.api.urls."""

from django.urls import path, re_path
from django.views.decorators.csrf import csrf_exempt

from lms.units.access import public

from .views_oneroster import COLLECTIONS, OneRosterView, imsx_error

app_name = "oneroster"


@public
@csrf_exempt  # it changes nothing; a CSRF 403 page would hide the JSON 404
def not_found(request, *args, **kwargs):
    from django.http import JsonResponse

    return JsonResponse(imsx_error(404, "unknownobject", "Không tìm thấy. / Not found.").data,
                        status=404)

urlpatterns = []
for _collection in COLLECTIONS:
    _view = OneRosterView.as_view(collection=_collection)
    urlpatterns += [
        path(f"{_collection}", _view, name=_collection),
        path(f"{_collection}/<str:sourced_id>", _view, name=f"{_collection}-detail"),
    ]
# Anything else under the prefix is a JSON 404, never the site's HTML page.
urlpatterns.append(re_path(r"^.*$", not_found))
