"""Apply a reorganisation: move a unit under a new parent, or merge it into another unit.

    manage.py unit_reorganise move  PHONG-HP-TN  SO-31      # a district office's schools ...
    manage.py unit_reorganise merge PHONG-HP-TN  XA-11560   # ... or merge it into a commune
Units are named by their `code`. Nothing is deleted: a merged unit stays, inactive."""

from django.core.management.base import BaseCommand, CommandError

from lms.units.models import Unit
from lms.units.services import unit_merge, unit_move


class Command(BaseCommand):
    help = "Move a unit under a new parent, or merge it into another unit (by unit code)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["move", "merge"])
        parser.add_argument("unit_code")
        parser.add_argument("target_code")

    def handle(self, *args, action, unit_code, target_code, **options):
        unit = self._unit(unit_code)
        target = self._unit(target_code)
        try:
            if action == "move":
                unit_move(unit=unit, new_parent=target)
                self.stdout.write(f"Đã chuyển “{unit.name}” vào “{target.name}”.")
            else:
                unit_merge(source=unit, target=target)
                self.stdout.write(f"Đã sáp nhập “{unit.name}” vào “{target.name}”.")
        except ValueError as exc:
            raise CommandError(str(exc)) from exc

    @staticmethod
    def _unit(code: str) -> Unit:
        try:
            return Unit.objects.get(code=code)
        except Unit.DoesNotExist as exc:
            raise CommandError(f"Không có đơn vị mã “{code}”.") from exc
