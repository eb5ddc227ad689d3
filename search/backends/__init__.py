"""The backend chosen by HOCMO_SEARCH_BACKEND: "database" (default) or "elasticsearch"."""

from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=2)
def _backend(name: str):
    if name == "elasticsearch":
        from .elastic import ElasticsearchBackend

        return ElasticsearchBackend()
    from .database import DatabaseBackend

    return DatabaseBackend()


def get_backend():
    return _backend(settings.HOCMO_SEARCH_BACKEND)
