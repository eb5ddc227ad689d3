"""The Open Badges signing keys: list them, rotate (a new signing key; old ones stay published so
what they signed keeps verifying), or withdraw a compromised key (no longer published).

    manage.py badge_keys                 # list
    manage.py badge_keys --rotate
    manage.py badge_keys --withdraw <kid>
"""

from django.core.management.base import BaseCommand, CommandError

from courses.certificates.models import IssuerKey
from courses.certificates.services import issuer_key_rotate, issuer_key_withdraw


class Command(BaseCommand):
    help = "Khóa ký huy hiệu Open Badges: liệt kê, xoay vòng, rút bỏ khóa bị lộ."

    def add_arguments(self, parser):
        parser.add_argument("--rotate", action="store_true", help="Tạo khóa ký mới")
        parser.add_argument("--withdraw", metavar="KID", help="Rút bỏ một khóa bị lộ")

    def handle(self, *args, rotate, withdraw, **options):
        if rotate:
            key = issuer_key_rotate()
            self.stdout.write(f"signing kid={key.kid}")
        if withdraw and not issuer_key_withdraw(withdraw):
            raise CommandError(f"Không có khóa đang công bố {withdraw!r}.")
        for key in IssuerKey.objects.all():
            state = ("withdrawn" if key.withdrawn_at else "retired" if key.retired_at
                     else "signing")
            self.stdout.write(f"{key.kid}  {state}  {key.created_at:%Y-%m-%d}")
