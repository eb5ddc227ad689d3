from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "lms.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects the signal receivers)
