"""`manage.py library_import <folder> <manifest.csv|.xlsx>`: bulk import with a per-row report."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from library.importer import library_import


class Command(BaseCommand):
    help = "Nhập tài liệu thư viện từ một thư mục và tệp danh mục CSV/XLSX."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument("manifest", type=Path)
        parser.add_argument("--draft", action="store_true", help="Lưu nháp, không xuất bản.")

    def handle(self, folder: Path, manifest: Path, draft: bool, **options):
        if not folder.is_dir():
            raise CommandError(f"Không có thư mục {folder}")
        report = library_import(folder, manifest, publish=not draft)
        for message in report.errors:
            self.stderr.write(message)
        for row in report.rows:
            line = f"Dòng {row.row}: {row.status} — {row.title}"
            if row.errors:
                self.stderr.write(line + "; " + "; ".join(row.errors))
            else:
                self.stdout.write(line)
        self.stdout.write(f"Tạo mới {report.count('created')}, cập nhật {report.count('updated')}, "
                          f"lỗi {report.count('error')}.")
        if not report.ok:
            raise CommandError("Có dòng lỗi; các dòng đó chưa được nhập.")
