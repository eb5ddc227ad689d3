from django.core.management.base import BaseCommand

from lms.lti.services import lti_key_rotate
from lms.lti.services.keys import GRACE_DAYS


class Command(BaseCommand):
    help = "Thêm khóa ký LTI mới; khóa cũ vẫn được công bố trong JWKS đến hết thời gian gia hạn."

    def add_arguments(self, parser):
        parser.add_argument("--grace-days", type=int, default=GRACE_DAYS)

    def handle(self, *args, grace_days, **options):
        key = lti_key_rotate(grace_days=grace_days)
        self.stdout.write(f"kid={key.kid}")
