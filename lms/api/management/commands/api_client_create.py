"""Create an integration client scoped to a unit subtree; prints its client id and secret.

    manage.py api_client_create --unit HP-THPT-NQ --name "Phần mềm quản lý Sở" [--write] [--token]
"""

from django.core.management.base import BaseCommand, CommandError

from lms.api.services import api_client_create, api_token_issue
from lms.units.models import Unit


class Command(BaseCommand):
    help = "Tạo ứng dụng tích hợp (OAuth2 client credentials) gắn với một đơn vị."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="Mã đơn vị (Unit.code) hoặc id")
        parser.add_argument("--name", default="Ứng dụng tích hợp")
        parser.add_argument("--write", action="store_true", help="Cho phép ghi")
        parser.add_argument("--token", action="store_true",
                            help="Chỉ in một mã truy cập (dùng cho kiểm thử, CI)")

    def handle(self, *args, unit, name, write, token, **options):
        found = Unit.objects.filter(code=unit).first()
        if found is None and unit.isdigit():
            found = Unit.objects.filter(pk=int(unit)).first()
        if found is None:
            raise CommandError(f"Không có đơn vị {unit!r}.")
        client, secret = api_client_create(name=name, unit=found, can_write=write)
        if token:
            self.stdout.write(api_token_issue(client=client))
            return
        self.stdout.write(f"client_id={client.application.client_id}\n"
                          f"client_secret={secret}\n"
                          f"token_url=/api/oauth/token/ (grant_type=client_credentials)")
