from django.core.management.base import BaseCommand, CommandError

from lms.xapi.models import Scope
from lms.xapi.services import client_create


class Command(BaseCommand):
    help = "Tạo thông tin xác thực HTTP Basic cho một công cụ xAPI bên ngoài (in mật khẩu một lần)."

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument("--scope", action="append", default=[],
                            help="statements/write, statements/read, statements/read/mine, "
                                 "state, profile, all/read, all (lặp lại được)")
        parser.add_argument("--records-progress", action="store_true",
                            help="Câu lệnh của công cụ này được ghi vào tiến độ học tập.")

    def handle(self, *args, name, scope, records_progress, **options):
        scopes = scope or ["statements/write", "statements/read/mine"]
        unknown = set(scopes) - set(Scope.values)
        if unknown:
            raise CommandError(f"Phạm vi không hợp lệ: {', '.join(sorted(unknown))}")
        client, secret = client_create(name=name, scopes=scopes,
                                       records_progress=records_progress)
        self.stdout.write(f"key={client.key}\nsecret={secret}\n")
