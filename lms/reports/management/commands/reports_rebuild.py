"""`manage.py reports_rebuild [--target CODE ...]`: recompute TargetLearner rows and every
counter from raw data (roles, profiles, completions, certificates). Safe to repeat."""

from django.core.management.base import BaseCommand

from lms.reports.models import Target
from lms.reports.services.rebuild import targets_rebuild


class Command(BaseCommand):
    help = "Tính lại toàn bộ số liệu chỉ tiêu từ dữ liệu gốc."

    def add_arguments(self, parser):
        parser.add_argument("--target", action="append", default=[],
                            help="Mã chỉ tiêu (lặp lại để chọn nhiều); mặc định: tất cả.")

    def handle(self, *args, target, **options):
        targets = Target.objects.filter(is_active=True)
        if target:
            targets = targets.filter(code__in=target)
        for target_id, population in targets_rebuild(targets).items():
            self.stdout.write(f"chỉ tiêu {target_id}: {population} người trong diện")
