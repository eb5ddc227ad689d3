"""A namespaced include() whose URLconf module is imported on first use (issue 18, worker memory).

`include("lms.api.urls")` imports the module while lms.urls loads, and the root resolver's first
`reverse()` walks every included URLconf; the API's pulls in Django REST framework,
drf-spectacular and their dependencies (~20 MiB a worker) although a worker serving pages never
needs them. `lazy_include("api/", "lms.api.urls", "api")` returns a resolver that imports its
module only when

- a request path starts with its prefix (resolve() reaches its patterns), or
- a name in its namespace is reversed (`reverse("api:docs")`, `{% url 'api:…' %}`), or
- anything walks its `url_patterns` (system checks, tests).

The root resolver's own populate (run by the first reverse() of any name) records the namespace
and prefix without descending into it; Django does the same for every namespaced include, so
reverse() of names elsewhere is unchanged. The namespace must equal the module's app_name
(checked when the module loads).
"""

from django.core.exceptions import ImproperlyConfigured
from django.urls.resolvers import RoutePattern, URLResolver
from django.utils.translation import get_language


class LazyURLResolver(URLResolver):
    # Uses URLResolver's own caches (_reverse_dict, _namespace_dict, _app_dict, _populated,
    # _callback_strs), which django-stubs does not declare: hence the type: ignore below.
    def _populate(self):
        # Called by the parent resolver's populate: nothing to do until someone needs us.
        pass

    def _load(self) -> None:
        app_name = getattr(self.urlconf_module, "app_name", None)
        if app_name != self.app_name:
            raise ImproperlyConfigured(
                f"lazy_include({self.urlconf_name!r}): app_name {app_name!r} is not "
                f"{self.app_name!r}")
        URLResolver._populate(self)

    @property
    def reverse_dict(self):
        if get_language() not in self._reverse_dict:
            self._load()
        return self._reverse_dict[get_language()]

    @property
    def namespace_dict(self):
        if get_language() not in self._namespace_dict:  # type: ignore[attr-defined]
            self._load()
        return self._namespace_dict[get_language()]  # type: ignore[attr-defined]

    @property
    def app_dict(self):
        if get_language() not in self._app_dict:  # type: ignore[attr-defined]
            self._load()
        return self._app_dict[get_language()]  # type: ignore[attr-defined]

    def _is_callback(self, name):
        if not self._populated:  # type: ignore[attr-defined]
            self._load()
        return name in self._callback_strs  # type: ignore[attr-defined]


def lazy_include(route: str, urlconf_name: str, namespace: str) -> LazyURLResolver:
    """In urlpatterns instead of `path(route, include(urlconf_name))`, for a module whose
    app_name is `namespace`."""
    return LazyURLResolver(RoutePattern(route, is_endpoint=False), urlconf_name,
                           app_name=namespace, namespace=namespace)
