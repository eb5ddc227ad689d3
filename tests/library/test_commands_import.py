"""Bulk import from a folder + CSV/XLSX manifest: per-row report, idempotent, validated files."""

import pytest
from django.core.management import CommandError, call_command

from library.importer import library_import
from library.models import LibraryItemPage
from tests.factories import ProgrammeFactory, library_index, pdf_bytes

pytestmark = pytest.mark.django_db

HEADER = "tep,tieu_de,tac_gia,nam,loai,chuong_trinh,chu_de,doi_tuong,giay_phep,tom_tat\n"


@pytest.fixture
def folder(tmp_path):
    ProgrammeFactory(code="startup", name="Khởi nghiệp")
    library_index()
    (tmp_path / "so-tay.pdf").write_bytes(pdf_bytes("Sổ tay khởi nghiệp"))
    (tmp_path / "gia.pdf").write_bytes(b"<html><script>alert(1)</script></html>")
    return tmp_path


def _manifest(folder, rows: str):
    path = folder / "danh-muc.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def test_rows_with_errors_are_reported_by_row_and_column_and_skipped(folder):
    manifest = _manifest(folder, (
        "so-tay.pdf,Sổ tay khởi nghiệp,Nhóm HọcMở,2022,Tài liệu tự học,startup,khởi nghiệp;ý tưởng,THPT,CC BY,Từ ý tưởng đến sản phẩm\n"
        "gia.pdf,Tệp giả,,2022,sach,,,,,\n"
        "khong-co.pdf,Thiếu tệp,,hai nghìn,sach,stem,,,,\n"
        ",,,2020,sach,,,,,\n"))
    report = library_import(folder, manifest)
    assert [r.status for r in report.rows] == ["created", "error", "error", "error"]
    fake, missing, untitled = report.rows[1:]
    assert fake.row == 3 and "cột “tep”" in fake.errors[0] and "PDF, EPUB" in fake.errors[0]
    assert missing.row == 4
    assert any("cột “tep”" in e and "không tìm thấy" in e for e in missing.errors)
    assert any("cột “nam”" in e for e in missing.errors)
    assert any("cột “chuong_trinh”" in e for e in missing.errors)
    assert untitled.row == 5 and "cột “tieu_de”" in untitled.errors[0]
    item = LibraryItemPage.objects.get()
    assert item.live and item.title == "Sổ tay khởi nghiệp" and item.item_type == "guide"
    assert item.audience == "upper_secondary" and item.licence == "cc-by"
    assert item.programme.code == "startup" and item.year == 2022
    assert sorted(t.name for t in item.topics.all()) == ["khởi nghiệp", "ý tưởng"]
    assert item.file.name.endswith("so-tay.pdf")


def test_reimport_updates_instead_of_duplicating(folder):
    manifest = _manifest(folder, "so-tay.pdf,Sổ tay khởi nghiệp,,2022,sach,,,,,\n")
    library_import(folder, manifest)
    manifest = _manifest(folder, "so-tay.pdf,Sổ tay khởi nghiệp (tái bản),,2023,sach,,,,,\n")
    report = library_import(folder, manifest)
    assert [r.status for r in report.rows] == ["updated"]
    item = LibraryItemPage.objects.get()
    assert (item.title, item.year) == ("Sổ tay khởi nghiệp (tái bản)", 2023)


def test_xlsx_manifest(folder):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Tệp", "Tiêu đề", "Năm", "Loại"])
    sheet.append(["so-tay.pdf", "Sổ tay từ Excel", 2021, "book"])
    path = folder / "danh-muc.xlsx"
    book.save(path)
    report = library_import(folder, path)
    assert report.ok and LibraryItemPage.objects.get().title == "Sổ tay từ Excel"


def test_path_outside_the_folder_is_refused(folder):
    manifest = _manifest(folder, "../../etc/passwd,Bí mật,,,,,,,,\n")
    report = library_import(folder, manifest)
    assert report.rows[0].status == "error" and "không tìm thấy" in report.rows[0].errors[0]


def test_command_prints_the_report_and_fails_on_errors(folder, capsys):
    manifest = _manifest(folder, "so-tay.pdf,Sổ tay,,2022,sach,,,,,\ngia.pdf,Giả,,,,,,,,\n")
    with pytest.raises(CommandError):
        call_command("library_import", str(folder), str(manifest))
    out = capsys.readouterr()
    assert "Dòng 2: created — Sổ tay" in out.out
    assert "Dòng 3: error" in out.err
    assert LibraryItemPage.objects.count() == 1


def test_admin_import_action_needs_permission_and_reports_rows(client, folder):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories import UserFactory

    url = "/admin/thu-vien/nhap/"
    client.force_login(UserFactory(is_staff=True))
    assert client.get(url).status_code in (302, 403)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    manifest = SimpleUploadedFile("danh-muc.csv", (
        HEADER + "so-tay.pdf,Sổ tay tải lên,,2024,sach,,,,,\ngia.pdf,Giả,,,,,,,,\n").encode())
    files = [SimpleUploadedFile("so-tay.pdf", (folder / "so-tay.pdf").read_bytes()),
             SimpleUploadedFile("gia.pdf", (folder / "gia.pdf").read_bytes())]
    response = client.post(url, {"manifest": manifest, "files": files, "publish": "on"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tạo mới" in html and "Lỗi — chưa nhập" in html and "cột “tep”" in html
    assert LibraryItemPage.objects.get().title == "Sổ tay tải lên"
