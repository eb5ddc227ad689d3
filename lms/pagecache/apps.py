from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "lms.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self) -> None:
        from . import signals  # noqa: F401
