"""`manage.py search_reindex`: rebuilds the whole search index (and the Elasticsearch index when
HOCMO_SEARCH_BACKEND=elasticsearch). Publishing keeps it current in between."""

from django.core.management.base import BaseCommand

from search.services import search_reindex_all


class Command(BaseCommand):
    help = "Lập lại toàn bộ chỉ mục tìm kiếm."

    def handle(self, *args, **options):
        count = search_reindex_all()
        self.stdout.write(self.style.SUCCESS(f"Đã lập chỉ mục {count} trang."))
